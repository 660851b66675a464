/**
 * npm run import -- <địa chỉ trang | tệp .html> ... --category <chuyên-mục> [--kind news|report] [--unit <đơn-vị>]
 *                   [--date YYYY-MM-DD] [--publish] [--list <tệp danh sách>]
 * Brings articles of the portal a publication leaves into content/: each page's title, date, lead, body, photos
 * (cover and gallery), linked documents (attachments) and author, as a draft (`--publish`: published) in its own
 * folder, checked as the build checks it. A page already imported is skipped; a page that cannot be made a valid
 * item leaves nothing behind. Prints each item's path, and on stderr what to look at.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { imageSize } from 'image-size';
import sharp from 'sharp';
import { ATTACHMENT_MAX_BYTES, attachmentName, formatFileSize } from '../src/lib/attachments';
import { checkArticleFile, formatProblems } from '../src/lib/content-check';
import { contentDir, dataFiles } from '../src/lib/content-root';
import { parsePortalDate } from '../src/lib/dates';
import { LIMITS } from '../src/lib/entry-check';
import { articleFiles } from '../src/lib/file-checks';
import { readYaml } from '../src/lib/frontmatter';
import { decodeHtml, ImportError, periodOfTitle, readPage, unitMentioned } from '../src/lib/import-page';
import { oldAddressKey } from '../src/lib/old-addresses';
import { uniqueSlug } from '../src/lib/slug';
import { choices, frontmatterOf, IMPORTED_FROM, importedSource, itemPath, KINDS, todayInVietnam, type ImportedFiles, type NewItem } from '../src/lib/new-item';
import { PHOTO_FORMATS } from '../src/lib/photo-file';

const USAGE =
  'Cách dùng: npm run import -- <địa chỉ trang | tệp .html> ... --category <chuyên-mục> [--kind news|report] [--unit <đơn-vị>] [--date YYYY-MM-DD] [--publish] [--list <tệp danh sách>]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: 'string', default: 'news' },
    category: { type: 'string' },
    unit: { type: 'string' },
    date: { type: 'string' },
    publish: { type: 'boolean', default: false },
    list: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`Lỗi: ${message}`);
  console.error(USAGE);
  process.exit(1);
}

/** The pages named on the command line, then those of `--list` (one a line; a line starting with `#` is a comment). */
function sources(): string[] {
  if (!values.list) return positionals;
  let text: string;
  try {
    text = readFileSync(values.list, 'utf8');
  } catch {
    fail(`không đọc được tệp danh sách "${values.list}"`);
  }
  const listed = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  return [...positionals, ...listed];
}

const pages = sources();
const kind = values.kind as NewItem['kind'];
if (kind !== 'news' && kind !== 'report') fail(`loại bài "${values.kind}" không nhập được; chọn news hoặc report (sự kiện cần thời gian và địa điểm: npm run new)`);
if (pages.length === 0) fail('chưa có trang nào để nhập');
const categories = choices('categories');
if (kind === 'news' && !values.category) fail(`thiếu chuyên mục (--category), một trong: ${categories.join(', ')}`);
if (values.category && !categories.includes(values.category)) fail(`chuyên mục "${values.category}" không có; chọn một trong: ${categories.join(', ')}`);
const units = choices('units');
if (values.unit && !units.includes(values.unit)) fail(`đơn vị "${values.unit}" không có; chọn một trong: ${units.join(', ')}`);
if (values.date && !parsePortalDate(values.date)) fail(`--date "${values.date}" không phải ngày hợp lệ; cần dạng YYYY-MM-DD`);

interface Fetched {
  bytes: Buffer;
  contentType: string;
  url: URL;
}

/** A page or file of the old portal: from the web, or from the disk for a page saved with its files. */
async function fetchFile(url: URL): Promise<Fetched> {
  if (url.protocol === 'file:') return { bytes: readFileSync(fileURLToPath(url)), contentType: '', url };
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000), redirect: 'follow' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return { bytes: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? '', url: new URL(response.url || url) };
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/^ENOENT.*$/, 'không có tệp');

/** The longest side of a photo the import shrinks: about twice the widest copy the build makes of it. */
const PHOTO_MAX_SIDE = 2400;

/**
 * A photo over the content check's 1 MB (as cameras and phones write them) made smaller, the way editors are told to:
 * at most `PHOTO_MAX_SIDE` wide or high, turned as it is shown, as JPEG (a PNG with transparency stays PNG).
 */
async function smaller(bytes: Buffer): Promise<{ bytes: Buffer; extension: string }> {
  const image = sharp(bytes).rotate().resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
  const { hasAlpha } = await sharp(bytes).metadata();
  const shrunk = hasAlpha ? await image.png({ compressionLevel: 9 }).toBuffer() : await image.jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  return shrunk.length < bytes.length ? { bytes: shrunk, extension: hasAlpha ? 'png' : 'jpg' } : { bytes, extension: imageSize(bytes).type ?? 'jpg' };
}

/** Downloads the page's photos and documents into `folder`; what fails is listed, not fatal. */
async function saveFiles(page: ReturnType<typeof readPage>, folder: string): Promise<ImportedFiles & { notes: string[] }> {
  const saved: ImportedFiles & { notes: string[] } = { photos: [], attachments: [], missing: [], notes: [] };
  // Two documents of one name ("ke-hoach.pdf") beside one item: the second "ke-hoach-2.pdf".
  const taken = new Set<string>();
  const unique = (name: string) => {
    const extension = path.extname(name);
    const base = uniqueSlug(path.basename(name, extension), taken);
    taken.add(base);
    return `${base}${extension}`;
  };
  for (const photo of page.photos) {
    try {
      const fetched = (await fetchFile(new URL(photo.url))).bytes;
      const type = imageSize(fetched).type;
      if (!type || !PHOTO_FORMATS.has(type)) throw new Error(`định dạng ${type ?? 'không rõ'}`);
      const { bytes, extension } = fetched.length > LIMITS.imageWarnBytes ? await smaller(fetched) : { bytes: fetched, extension: type };
      if (bytes.length < fetched.length) saved.notes.push(`ảnh ${photo.url} nặng ${formatFileSize(fetched.length)}: lưu bản thu nhỏ ${formatFileSize(bytes.length)}`);
      const file = unique(`anh-${saved.photos.length + 1}.${extension}`);
      writeFileSync(path.join(folder, file), bytes);
      saved.photos.push({ file, alt: photo.alt, caption: photo.caption });
    } catch (error) {
      saved.missing.push(`ảnh ${photo.url} (${reason(error)}): ${photo.alt}`);
    }
  }
  for (const document of page.files) {
    try {
      const { bytes } = await fetchFile(new URL(document.url));
      if (bytes.length > ATTACHMENT_MAX_BYTES) throw new Error(`nặng ${Math.round(bytes.length / 1024 / 1024)} MB, quá 20 MB`);
      const file = unique(attachmentName(decodeURIComponent(new URL(document.url).pathname)));
      writeFileSync(path.join(folder, file), bytes);
      saved.attachments.push({ file, title: document.title });
    } catch (error) {
      saved.missing.push(`tệp ${document.url} (${reason(error)}): ${document.title}`);
    }
  }
  return saved;
}

/** Each unit's slug and the names an article may give it (`name`, `shortName`). */
function unitNames(): { slug: string; names: string[] }[] {
  return dataFiles('units').map((file) => {
    const data = readYaml(readFileSync(path.join(contentDir('units'), file), 'utf8')) as { name?: unknown; shortName?: unknown } | undefined;
    const names = [data?.name, data?.shortName].filter((name): name is string => typeof name === 'string');
    return { slug: file.replace(/\.ya?ml$/, ''), names };
  });
}

/**
 * Pages imported before, so that a second run skips them: by the page or file an item names in its first comment,
 * and by its addresses on the old portal (`previousUrls`, by their key).
 */
function importedBefore(): Map<string, string> {
  const found = new Map<string, string>();
  for (const collection of Object.values(KINDS)) {
    const dir = contentDir(collection);
    for (const entry of articleFiles(dir)) {
      const file = path.join(dir, entry);
      const source = readFileSync(file, 'utf8');
      const line = source.split('\n', 3).find((text) => text.startsWith(IMPORTED_FROM));
      if (line) found.set(line.slice(IMPORTED_FROM.length).replace(/ \(\d{4}-\d{2}-\d{2}\)$/, ''), file);
      const previousUrls = source.includes('previousUrls') ? frontmatterOf(file, source)?.previousUrls : undefined;
      for (const address of Array.isArray(previousUrls) ? previousUrls : []) {
        const key = typeof address === 'string' ? oldAddressKey(address) : undefined;
        if (key) found.set(key, file);
      }
    }
  }
  return found;
}

/** The item imported before from one of these addresses, if any. */
function importedFrom(before: Map<string, string>, addresses: readonly string[]): string | undefined {
  for (const address of addresses) {
    const file = before.get(address) ?? before.get(oldAddressKey(address) ?? '');
    if (file) return file;
  }
  return undefined;
}

type Outcome = 'imported' | 'skipped' | 'failed';

async function importOne(source: string, before: Map<string, string>): Promise<Outcome> {
  const pageUrl = /^https?:\/\//i.test(source) ? new URL(source) : pathToFileURL(path.resolve(source));
  const from = pageUrl.protocol === 'file:' ? path.relative(process.cwd(), path.resolve(source)) : pageUrl.href;
  const skip = (file: string): Outcome => {
    console.error(`${source}: đã nhập trước đây (${path.relative(process.cwd(), file)}), bỏ qua`);
    return 'skipped';
  };
  const earlier = importedFrom(before, [from]);
  if (earlier) return skip(earlier);
  let fetched: Fetched;
  try {
    fetched = await fetchFile(pageUrl);
  } catch (error) {
    console.error(`${source}: không tải được trang (${reason(error)})`);
    return 'failed';
  }
  const page = readPage(decodeHtml(fetched.bytes, fetched.contentType), fetched.url);
  // Where readers may have found the page: the address asked for, the one it ended at, the one it names as its own.
  const addresses = [pageUrl, fetched.url].filter((url) => url.protocol !== 'file:').map((url) => url.href);
  if (page.canonical) addresses.push(page.canonical);
  const previousUrls = addresses.filter((address, at) => addresses.findIndex((other) => oldAddressKey(other) === oldAddressKey(address)) === at);
  const known = importedFrom(before, previousUrls);
  if (known) return skip(known);
  const pubDate = page.pubDate ?? values.date;
  if (!pubDate) throw new ImportError('không thấy ngày đăng trong trang; ghi ngày bằng --date YYYY-MM-DD');
  const period = kind === 'report' ? periodOfTitle(page.title) : undefined;
  if (kind === 'report' && !period) throw new ImportError(`không đọc được kỳ báo cáo từ tiêu đề "${page.title}" (ví dụ "nhiệm kỳ 2017 - 2019", "năm 2021")`);
  // Without --unit, the unit the byline, source or title names.
  const unit = values.unit ?? unitMentioned([page.author, page.source, page.title], unitNames());
  if (kind === 'report' && !unit) throw new ImportError('báo cáo cần đơn vị: trang không nêu tên đơn vị nào trong content/units/; ghi --unit <đơn-vị>');
  if (unit && !values.unit) page.notes.push(`đơn vị ${unit}: nhận ra từ dòng tác giả, nguồn hoặc tiêu đề`);
  const item = { kind, title: page.title, category: values.category, unit };
  const file = itemPath(item, pubDate.slice(0, 10));
  const folder = path.dirname(file);
  // Removes what this import made, the year's folder too when it is new.
  const made = mkdirSync(path.dirname(folder), { recursive: true }) ?? folder;
  mkdirSync(folder);
  const discard = () => rmSync(made, { recursive: true, force: true });
  try {
    const files = await saveFiles(page, folder);
    const today = todayInVietnam();
    writeFileSync(file, importedSource({ ...item, from, previousUrls, period, publish: values.publish }, { ...page, pubDate }, files, today), { flag: 'wx' });
    // Its own checks: a page already imported was skipped above, and its links are full addresses.
    const problems = checkArticleFile(file);
    if (problems.some((problem) => problem.severity === 'error')) {
      console.error(`${source}: bài nhập được chưa hợp lệ, không ghi:\n${formatProblems(problems)}`);
      discard();
      return 'failed';
    }
    for (const address of [from, ...previousUrls]) before.set(oldAddressKey(address) ?? address, file);
    console.log(path.relative(process.cwd(), file));
    const notes = [...page.notes, ...files.notes, ...files.missing.map((what) => `không tải được ${what}`)];
    if (problems.length > 0) notes.push(formatProblems(problems));
    for (const note of notes) console.error(`  ${path.basename(folder)}: ${note}`);
    return 'imported';
  } catch (error) {
    discard();
    throw error;
  }
}

const before = importedBefore();
const outcomes: Record<Outcome, number> = { imported: 0, skipped: 0, failed: 0 };
for (const source of pages) {
  try {
    outcomes[await importOne(source, before)]++;
  } catch (error) {
    // One page the importer cannot read does not stop an archive's others.
    console.error(error instanceof ImportError ? `${source}: ${error.message}` : `${source}: không nhập được (${reason(error)})`);
    outcomes.failed++;
  }
}
if (pages.length > 1) console.error(`Xong: ${outcomes.imported} trang nhập mới, ${outcomes.skipped} đã có, ${outcomes.failed} lỗi.`);
process.exitCode = outcomes.failed > 0 ? 1 : 0;
