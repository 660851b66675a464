import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { contentDir } from './content-root';
import { entryIdFromPath, slugProblem } from './entry-id';
import { splitFrontmatter } from './frontmatter';
import { findUnsafeBody } from './safe-mdx';

/** A build error that names the file first, as editors look for it. */
export class ContentFileError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentFileError';
  }
}

/**
 * Astro's glob loader with the portal's rules: the URL slug is the file name, the file name must be ASCII,
 * dates are read as written, and an unsafe MDX body stops the build before anything is compiled.
 */
/** Image fields editors fill in, relative to the article's file. */
function imagePaths(data: Record<string, unknown>): { field: string; src: string }[] {
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

/** Problems the schema cannot see: file name, images on disk, unsafe body. */
export function fileProblems(id: string, filePath: string, data: Record<string, unknown>, body: string, bodyStartLine: number): string[] {
  const problems: string[] = [];
  const badSlug = slugProblem(id);
  if (badSlug) problems.push(badSlug);
  for (const { field, src } of imagePaths(data)) {
    if (/^[a-z]+:\/\//i.test(src) || !existsSync(path.resolve(path.dirname(filePath), src))) {
      problems.push(`${field}: không tìm thấy ảnh "${src}"; ảnh phải nằm cạnh bài viết, ghi dạng ./ten-anh.jpg`);
    }
  }
  for (const problem of findUnsafeBody(body, filePath)) {
    problems.push(`dòng ${problem.line + bodyStartLine - 1}: ${problem.message}`);
  }
  return problems;
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
export function duplicateSlugs(dir: string): string[] {
  const bySlug = new Map<string, string[]>();
  for (const file of articleFiles(dir)) {
    const id = entryIdFromPath(file);
    bySlug.set(id, [...(bySlug.get(id) ?? []), file]);
  }
  return [...bySlug.entries()]
    .filter(([, files]) => files.length > 1)
    .map(([id, files]) => `trùng đường dẫn "${id}": ${files.join(', ')} sẽ có cùng địa chỉ; đổi tên để mỗi bài một tên riêng`);
}

export function articleLoader(collection: string): Loader {
  const inner = glob({
    base: contentDir(collection),
    pattern: '**/[^_]*.{md,mdx}',
    generateId: ({ entry }) => entryIdFromPath(entry),
  });
  return {
    name: 'ban-tin-articles',
    load: (context: LoaderContext) => {
      const duplicates = duplicateSlugs(contentDir(collection));
      if (duplicates.length > 0) throw new ContentFileError(contentDir(collection), duplicates);
      return inner.load({
        ...context,
        parseData: async (props) => {
          const filePath = props.filePath ?? props.id;
          const relative = path.relative(process.cwd(), filePath);
          const source = readFileSync(filePath, 'utf8');
          const { data, body, bodyStartLine } = splitFrontmatter(source);
          const problems = fileProblems(props.id, filePath, data, body, bodyStartLine);
          if (problems.length > 0) throw new ContentFileError(relative, problems);
          return context.parseData({ ...props, data: data as typeof props.data });
        },
      });
    },
  };
}

/** Units and categories: one YAML file each, the file name is the slug. */
export function dataLoader(collection: string): Loader {
  return glob({
    base: contentDir(collection),
    pattern: '[^_]*.{yaml,yml}',
    generateId: ({ entry }) => entryIdFromPath(entry),
  });
}
