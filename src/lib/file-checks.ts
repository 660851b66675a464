/** Checks of an article file that its schema cannot express; shared by the build and `npm run check:content`. */
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, attachmentExtension, attachmentName, formatFileSize, type Attachment } from './attachments.ts';
import { entryIdFromPath, slugProblem } from './entry-id.ts';
import { contentHash } from './content-hashes.ts';
import { DATA_FILE_NAME, SITE_FILE } from './content-root.ts';
import type { ParsedBody } from './safe-mdx';

/** Where a file an article names (a photo, an attachment) is: its path is relative to the article's file. */
export function fileBesideArticle(articleFile: string, src: string): string {
  return path.resolve(path.dirname(articleFile), src);
}

/** Image fields editors fill in, relative to the article's file. */
export function imagePaths(data: Record<string, unknown>): { field: string; src: string }[] {
  const found: { field: string; src: string }[] = [];
  if (typeof data.cover === 'string') found.push({ field: 'cover', src: data.cover });
  if (Array.isArray(data.gallery)) {
    data.gallery.forEach((photo, i) => {
      const src = (photo as { src?: unknown } | null)?.src;
      if (typeof src === 'string') found.push({ field: `gallery[${i}].src`, src });
    });
  }
  return found;
}

/** Attachment paths an item's data names, as written, with their field. */
export function attachmentPaths(data: Record<string, unknown>): { field: string; src: string }[] {
  if (!Array.isArray(data.attachments)) return [];
  return data.attachments.flatMap((attachment, at) => {
    const src = (attachment as { file?: unknown } | null)?.file;
    return typeof src === 'string' ? [{ field: `attachments[${at}].file`, src }] : [];
  });
}

/**
 * What the schema cannot see of an item's attachments: a file missing or too large, or two files published under the
 * same name.
 */
export function attachmentProblems(articleFile: string, data: Record<string, unknown>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const names = new Map<string, string>();
  for (const { field, src } of attachmentPaths(data)) {
    // The schema names a wrong type or an address; only files it accepts are looked for.
    if (!attachmentExtension(src) || /^[a-z]+:/i.test(src)) continue;
    const file = fileBesideArticle(articleFile, src);
    let size: number | undefined;
    try {
      const stats = statSync(file);
      size = stats.isFile() ? stats.size : undefined;
    } catch {
      size = undefined;
    }
    if (size === undefined) {
      problems.push({ field, message: `không tìm thấy tệp "${src}"; tệp đính kèm phải nằm cạnh bài viết, ghi dạng ./ten-tep.pdf` });
      continue;
    }
    if (size > ATTACHMENT_MAX_BYTES) {
      problems.push({
        field,
        message: `tệp "${src}" nặng ${formatFileSize(size)}, quá giới hạn ${formatFileSize(ATTACHMENT_MAX_BYTES)}; đưa tệp lên hệ thống văn bản và dẫn liên kết trong thân bài`,
      });
    }
    const name = attachmentName(src);
    const other = names.get(name);
    if (other) problems.push({ field, message: `tệp "${src}" và "${other}" cùng được đăng thành ${name}; đổi tên một tệp` });
    else names.set(name, src);
  }
  return problems;
}

export interface FileProblem {
  /** Line in the file, when known. */
  line?: number;
  field?: string;
  message: string;
}

/** Problems the schema cannot see: file name, images and attachments on disk, unsafe body. */
export function fileProblems(id: string, filePath: string, data: Record<string, unknown>, body: ParsedBody, bodyStartLine: number): FileProblem[] {
  const problems: FileProblem[] = [];
  const badSlug = slugProblem(id);
  if (badSlug) problems.push({ message: badSlug });
  for (const { field, src } of imagePaths(data)) {
    if (/^[a-z]+:\/\//i.test(src) || !existsSync(fileBesideArticle(filePath, src))) {
      problems.push({ field, message: `không tìm thấy ảnh "${src}"; ảnh phải nằm cạnh bài viết, ghi dạng ./ten-anh.jpg` });
    }
  }
  problems.push(...attachmentProblems(filePath, data));
  for (const problem of body.problems) {
    problems.push({ line: problem.line + bodyStartLine - 1, message: problem.message });
  }
  return problems;
}

/** A build error that names the file first, as editors look for it. */
export class ContentFileError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentFileError';
  }
}

export function describeProblem(problem: FileProblem): string {
  const where = problem.line ? `dòng ${problem.line}: ` : '';
  return `${where}${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}

/** Article files of a folder, relative to it, as the glob pattern below selects them. */
export function articleFiles(dir: string): string[] {
  return collectionFiles(dir).articles;
}

/** The article files of a collection's folder, and the files an editor meant as articles that the build would not read. */
export interface CollectionFiles {
  /** Relative to the folder, sorted: `.md` and `.mdx`, but a name starting with `_` (a note, never published). */
  articles: string[];
  /** Each with what to do: `index.MDX`, `bai.markdown`, `bai.md.txt` (an article's frontmatter in a file of another type). */
  unread: { file: string; message: string }[];
}

const ARTICLE_FILE = /\.(md|mdx)$/;
/** Markdown by another extension, or in capitals (`.MD`), which the build's pattern does not take. */
const OTHER_MARKDOWN = /\.(md|mdx|markdown|mdown|mkdn?)$/i;
/** The files beside articles that are what they say: photos, attachments, the system's own (`.DS_Store`, `Thumbs.db`). */
const NOT_ARTICLES = new RegExp(`(^\\.|^thumbs\\.db$|^desktop\\.ini$|\\.(jpe?g|png|webp|avif|gif|tiff?|svg|${Object.keys(ATTACHMENT_TYPES).join('|')})$)`, 'i');
/** The start of an article: frontmatter with a title. */
const ARTICLE_START = /^\uFEFF?---[ \t]*\r?\n(?:[^\n]*\n){0,30}?\s*title\s*:/;

/**
 * Lists a collection's folder once: its articles, and the files an editor meant as articles that the build would
 * skip in silence (a file saved as `index.MDX` by a Windows tool, `.markdown`, or `.txt` by Notepad): the build stops
 * on those, naming the name to give them.
 */
export function collectionFiles(dir: string): CollectionFiles {
  if (!existsSync(dir)) return { articles: [], unread: [] };
  const articles: string[] = [];
  const unread: { file: string; message: string }[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(dir, path.join(entry.parentPath, entry.name)).replaceAll('\\', '/');
    const { name } = entry;
    if (ARTICLE_FILE.test(name)) {
      if (!name.startsWith('_')) articles.push(file);
    } else if (OTHER_MARKDOWN.test(name)) {
      const extension = OTHER_MARKDOWN.exec(name)![0];
      const renamed = name.slice(0, -extension.length) + (/^\.mdx$/i.test(extension) ? '.mdx' : '.md');
      const why = ARTICLE_FILE.test(extension.toLowerCase()) ? 'đuôi tệp phải viết thường' : 'bài viết có đuôi .md hoặc .mdx';
      unread.push({ file, message: `tệp "${file}" không được đọc: ${why}; đổi tên thành "${renamed}"` });
    } else if (!NOT_ARTICLES.test(name) && startsAsArticle(path.join(dir, file))) {
      const renamed = ARTICLE_FILE.test(path.parse(name).name) ? path.parse(name).name : `${path.parse(name).name}.mdx`;
      unread.push({ file, message: `tệp "${file}" có phần đầu của bài viết nhưng không được đọc: bài viết có đuôi .md hoặc .mdx; đổi tên thành "${renamed}"` });
    }
  }
  return { articles: articles.sort(), unread: unread.sort((a, b) => (a.file < b.file ? -1 : 1)) };
}

/** The first bytes of a file, as text (it may be a large file of any kind). */
function headOf(file: string): string {
  const head = Buffer.alloc(2048);
  const fd = openSync(file, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Whether a file begins as an article does. */
function startsAsArticle(file: string): boolean {
  return ARTICLE_START.test(headOf(file));
}

/** The start of a unit's or a category's file: its name. */
const DATA_START = /^\uFEFF?(?:#[^\n]*\n|\s*\n)*name\s*:/;

/**
 * Content the build would leave out in silence: an article or a unit's file outside the folders it reads (a folder
 * `content/tin-tuc/` named after the address, a unit's file beside `site.yaml`), and a unit's or category's file it
 * would not read (`doan-xa.YAML`, `doan-xa.yaml.txt`). `collections`: the folders of articles; `dataFolders`: those
 * of units and categories. Each with what to do.
 */
export function strayContent(root: string, collections: readonly string[], dataFolders: readonly string[]): { file: string; message: string }[] {
  if (!existsSync(root)) return [];
  const stray: { file: string; message: string }[] = [];
  const relative = (file: string) => path.relative(root, file).replaceAll('\\', '/');
  const folders = collections.map((folder) => `content/${folder}/`);
  const articleFolders = `${folders.slice(0, -1).join(', ')} hoặc ${folders.at(-1)}`;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.name.startsWith('.') || collections.includes(entry.name)) continue;
    if (entry.isDirectory() && dataFolders.includes(entry.name)) {
      for (const name of readdirSync(full)) {
        const file = path.join(full, name);
        if (DATA_FILE_NAME.test(name) || name.startsWith('_') || name.startsWith('.') || !statSync(file).isFile()) continue;
        if (/\.ya?ml$/i.test(name)) {
          stray.push({ file: relative(file), message: `tệp "${name}" không được đọc: đuôi tệp phải viết thường; đổi tên thành "${name.replace(/\.ya?ml$/i, (extension) => extension.toLowerCase())}"` });
        } else if (!NOT_ARTICLES.test(name) && DATA_START.test(headOf(file))) {
          stray.push({ file: relative(file), message: `tệp "${name}" không được đọc: tệp của ${entry.name === 'units' ? 'đơn vị' : 'chuyên mục'} có đuôi .yaml; đổi tên thành "${path.parse(name).name.replace(/\.ya?ml$/i, '')}.yaml"` });
        }
      }
      continue;
    }
    const files = entry.isDirectory()
      ? readdirSync(full, { recursive: true, withFileTypes: true }).filter((found) => found.isFile()).map((found) => path.join(found.parentPath, found.name))
      : entry.isFile() ? [full] : [];
    for (const file of files) {
      const name = path.basename(file);
      if (name.startsWith('.') || NOT_ARTICLES.test(name)) continue;
      if (startsAsArticle(file)) {
        stray.push({ file: relative(file), message: `tệp "${relative(file)}" có phần đầu của bài viết nhưng nằm ngoài các thư mục bài viết: đặt bài trong ${articleFolders}` });
      } else if (!entry.isDirectory() && /\.ya?ml$/i.test(name) && name !== SITE_FILE && DATA_START.test(headOf(file))) {
        stray.push({ file: relative(file), message: `tệp "${name}" không được đọc: tệp đơn vị đặt trong content/units/, tệp chuyên mục trong content/categories/` });
      }
    }
  }
  return stray.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** Two files with the same slug would get the same URL, and one would silently replace the other. */
export function duplicateSlugs(files: readonly string[]): string[] {
  const bySlug = new Map<string, string[]>();
  for (const file of files) {
    const id = entryIdFromPath(file);
    bySlug.set(id, [...(bySlug.get(id) ?? []), file]);
  }
  return [...bySlug.entries()]
    .filter(([, files]) => files.length > 1)
    .map(([id, files]) => `trùng đường dẫn "${id}": ${files.join(', ')} sẽ có cùng địa chỉ; đổi tên để mỗi bài một tên riêng`);
}

/** An attached file (absolute: `fileBesideArticle`) and its title, read from the disk. */
export function readAttachment(file: string, title: string): Attachment {
  const stats = statSync(file);
  const extension = attachmentExtension(file) ?? '';
  return {
    title, file, name: attachmentName(file), type: extension.toUpperCase(),
    mime: ATTACHMENT_TYPES[extension] ?? 'application/octet-stream', bytes: stats.size, hash: contentHash(file),
  };
}
