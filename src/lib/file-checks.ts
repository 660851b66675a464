/** Checks of an article file that its schema cannot express; shared by the build and `npm run check:content`. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { attachmentProblems } from './attachments.ts';
import { entryIdFromPath, slugProblem } from './entry-id.ts';
import type { ParsedBody } from './safe-mdx';

/** Where a photo an article names is: its path is relative to the article's file. */
export function photoFile(articleFile: string, src: string): string {
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
    if (/^[a-z]+:\/\//i.test(src) || !existsSync(photoFile(filePath, src))) {
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

