import { isSlug, slugify } from './slug.ts';

/**
 * The URL slug of a content file: its file name, or its folder's name when the file is `index.mdx`
 * (`news/2024/hien-mau/index.mdx` → `hien-mau`, `news/2024/hien-mau.mdx` → `hien-mau`).
 */
export function entryIdFromPath(entry: string): string {
  const parts = entry.replaceAll('\\', '/').split('/');
  const file = parts.at(-1)!.replace(/\.(mdx|md|ya?ml)$/, '');
  return file === 'index' && parts.length > 1 ? parts.at(-2)! : file;
}

/** An error message when a file name cannot be a URL slug, undefined when it can. */
export function slugProblem(id: string): string | undefined {
  if (isSlug(id)) return undefined;
  return `tên tệp "${id}" không dùng được làm đường dẫn: chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ "${slugify(id) || 'bai-viet-moi'}"`;
}
