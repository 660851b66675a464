/** Checks of an article file that its schema cannot express; shared by the build and `npm run check:content`. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, attachmentExtension, attachmentName, formatFileSize, type Attachment } from './attachments.ts';
import { entryIdFromPath, slugProblem } from './entry-id.ts';
import { sizeAndTime } from './file-stamps.ts';
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
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.replaceAll('\\', '/'))
    .filter((file) => /\.(md|mdx)$/.test(file) && !path.posix.basename(file).startsWith('_'))
    .sort();
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
    mime: ATTACHMENT_TYPES[extension] ?? 'application/octet-stream', bytes: stats.size, stamp: sizeAndTime(stats),
  };
}
