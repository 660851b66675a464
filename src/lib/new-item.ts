/** What `npm run new` writes: a valid article file, in its own folder for its images. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { portalText } from './text-form';
import { contentDir } from './content-root';
import { todayInVietnam } from './dates';
import { articleFiles } from './file-checks';
import { entryIdFromPath } from './entry-id';
import { splitFrontmatter } from './frontmatter';
import { writtenFigures } from './report';
import type { ImportedPage } from './import-page';
import { slugify, uniqueSlug } from './slug';

export const KINDS = { news: 'news', report: 'reports', event: 'events' } as const;
export type NewKind = keyof typeof KINDS;

export interface NewItem {
  kind: NewKind;
  title: string;
  category?: string;
  unit?: string;
}

/** YAML string in double quotes, safe for any title. */
const quoted = (text: string) => JSON.stringify(portalText(text).trim());

/** The figures of a unit's latest report (by period), and its file: the template of the unit's next report. */
export interface PreviousFigures {
  file: string;
  metrics: { label: string; unit?: string }[];
}

/** A content file's frontmatter; undefined for a file that cannot be read (the content check reports it). */
export function frontmatterOf(file: string, source = readFileSync(file, 'utf8')): Record<string, unknown> | undefined {
  try {
    return splitFrontmatter(source).data;
  } catch {
    return undefined;
  }
}

/** The figures of `unit`'s latest report, if it has one with figures. */
export function previousFigures(unit: string): PreviousFigures | undefined {
  const dir = contentDir(KINDS.report);
  let latest: (PreviousFigures & { to: number }) | undefined;
  for (const entry of articleFiles(dir)) {
    const file = path.join(dir, entry);
    const data = frontmatterOf(file);
    if (!data) continue;
    const { periodTo: to, metrics } = writtenFigures(data);
    if (data.unit !== unit || to === undefined || (latest && latest.to >= to)) continue;
    if (metrics.length > 0) latest = { file, metrics, to };
  }
  return latest && { file: latest.file, metrics: latest.metrics };
}

/**
 * The frontmatter and a body to replace; new items start as drafts so a half-written text is never published. A
 * report takes the figures of its unit's previous one, so that its page can compare them (`compareFigures`).
 */
export function itemSource(item: NewItem, today: string, previous?: PreviousFigures): string {
  const year = today.slice(0, 4);
  const lines = ['---', `title: ${quoted(item.title)}`, 'description: "Tóm tắt nội dung chính của bài trong 1–2 câu."'];
  if (item.kind === 'event') {
    lines.push(`start: ${today}T08:00:00+07:00`, 'location: "Địa điểm tổ chức"');
  }
  // An event announced without a date would be listed at its start, above the news published until then.
  lines.push(`pubDate: ${today}`);
  if (item.category) lines.push(`category: ${item.category}`);
  if (item.unit) lines.push(`unit: ${item.unit}`);
  if (item.kind === 'report') {
    lines.push(`period: { from: ${year}, to: ${year} }`);
    if (previous) {
      lines.push(
        `# Chỉ tiêu của báo cáo trước (${path.relative(contentDir(KINDS.report), previous.file)}): giữ nguyên tên và đơn vị tính để trang`,
        '# đơn vị so sánh được các kỳ; thay 0 bằng số liệu kỳ này, bỏ chỉ tiêu không còn dùng.',
        'metrics:',
        ...previous.metrics.map((m) => `  - { label: ${quoted(m.label)}, value: 0${m.unit ? `, unit: ${quoted(m.unit)}` : ''} }`),
      );
    } else {
      lines.push('metrics:', '  - { label: "Số đoàn viên tham gia", value: 0, unit: "người" }');
    }
  }
  lines.push('tags: []', '# Ảnh: đặt tệp ảnh vào thư mục này rồi bỏ dấu # ở hai dòng dưới.', '# cover: ./anh-bia.jpg', '# coverAlt: "Mô tả ảnh bìa"');
  lines.push(
    '# Tệp đính kèm (kế hoạch, mẫu biểu: PDF, Word, Excel…): đặt tệp vào thư mục này rồi bỏ dấu # ở ba dòng dưới.',
    '# attachments:',
    '#   - file: ./ke-hoach.pdf',
    '#     title: "Tên văn bản"',
  );
  lines.push('# Đổi draft thành false khi bài đã sẵn sàng đăng.', 'draft: true', '---', '', 'Nội dung bài viết.', '');
  return lines.join('\n');
}

/** The files an imported page brought with it, saved beside its item, and those that could not be fetched. */
export interface ImportedFiles {
  photos: { file: string; alt: string; caption?: string }[];
  attachments: { file: string; title: string }[];
  /** "ảnh https://… (HTTP 404)": kept in the file as comments, so that nothing is lost without a word. */
  missing: string[];
}

/**
 * An item read from another portal's page (`readPage`): its first photo the cover, the others its gallery. It names
 * where it came from, which `npm run import` looks for so as not to import a page twice.
 */
export function importedSource(
  item: NewItem & { from: string; previousUrls: readonly string[]; period?: { from: number; to: number }; publish: boolean },
  page: Pick<ImportedPage, 'title' | 'pubDate' | 'description' | 'author' | 'source' | 'body'>,
  files: ImportedFiles,
  today: string,
): string {
  const lines = ['---', `${IMPORTED_FROM}${item.from} (${today})`, `title: ${quoted(page.title)}`, `description: ${quoted(page.description ?? page.title)}`];
  lines.push(`pubDate: ${page.pubDate}`);
  if (item.category) lines.push(`category: ${item.category}`);
  if (item.unit) lines.push(`unit: ${item.unit}`);
  if (page.author) lines.push(`author: ${quoted(page.author)}`);
  if (page.source) lines.push(`source: ${quoted(page.source)}`);
  if (item.previousUrls.length > 0) lines.push('previousUrls:', ...item.previousUrls.map((address) => `  - ${quoted(address)}`));
  if (item.kind === 'report') lines.push(`period: { from: ${item.period?.from}, to: ${item.period?.to} }`);
  const [cover, ...gallery] = files.photos;
  // The cover's description is its caption on the page.
  if (cover) lines.push(`cover: ./${cover.file}`, `coverAlt: ${quoted(cover.caption ?? cover.alt)}`);
  if (gallery.length > 0) {
    lines.push('gallery:');
    for (const photo of gallery) lines.push(`  - src: ./${photo.file}`, `    alt: ${quoted(photo.alt)}`, ...(photo.caption ? [`    caption: ${quoted(photo.caption)}`] : []));
  }
  if (files.attachments.length > 0) {
    lines.push('attachments:', ...files.attachments.flatMap((file) => [`  - file: ./${file.file}`, `    title: ${quoted(file.title)}`]));
  }
  if (files.missing.length > 0) lines.push('# Không tải được từ trang cũ, cần thêm tay:', ...files.missing.map((what) => `#   ${what}`));
  if (!item.publish) lines.push('# Đổi draft thành false khi đã đọc lại bài.');
  lines.push(`draft: ${!item.publish}`, '---', '', page.body, '');
  return lines.join('\n');
}

/** The comment an imported item opens with, before the address of its page. */
export const IMPORTED_FROM = '# Nhập từ ';

/** The old addresses (`previousSlugs`) the items in `dir` list: a new item cannot take one. */
function previousSlugsIn(dir: string, entries: readonly string[]): string[] {
  return entries.flatMap((entry) => {
    const file = path.join(dir, entry);
    const source = readFileSync(file, 'utf8');
    const slugs = source.includes('previousSlugs') ? frontmatterOf(file, source)?.previousSlugs : undefined;
    return Array.isArray(slugs) ? slugs.map(String) : [];
  });
}

/**
 * Where the new item goes: `content/<collection>/<year>/<slug>/index.mdx`, with a slug no other item has, as its
 * address or an old one.
 */
export function itemPath(item: NewItem, today: string): string {
  const dir = contentDir(KINDS[item.kind]);
  const entries = articleFiles(dir);
  const taken = new Set([...entries.map(entryIdFromPath), ...previousSlugsIn(dir, entries)]);
  const slug = uniqueSlug(slugify(item.title) || 'bai-viet', taken);
  return path.join(dir, today.slice(0, 4), slug, 'index.mdx');
}

/** Slugs of a data collection, for prompts and validation. */
export function choices(collection: 'categories' | 'units'): string[] {
  const dir = contentDir(collection);
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, '')).sort() : [];
}

export { todayInVietnam };
