/**
 * An item's old addresses (`previousSlugs`): a renamed file keeps its old URL working, as links to it were shared on
 * social networks and printed. The build makes a page at each that sends readers on (`MovedPage.astro`).
 */

export interface SluggedFile {
  /** The current slug. */
  id: string;
  /** The content file, as messages name it. */
  file: string;
  previousSlugs: readonly string[];
}

/**
 * What stops a collection's old addresses from working, by file: an old address that is an item's current one (its
 * page is there), or one that two items claim.
 */
export function previousSlugProblems(files: readonly SluggedFile[]): { file: string; message: string }[] {
  const current = new Map(files.map((f) => [f.id, f.file]));
  const claimed = new Map<string, string>();
  const problems: { file: string; message: string }[] = [];
  for (const { file, previousSlugs } of files) {
    for (const slug of previousSlugs) {
      const page = current.get(slug);
      const other = claimed.get(slug);
      if (page === file) {
        problems.push({ file, message: `"${slug}" là địa chỉ hiện tại của chính bài này; bỏ nó khỏi danh sách` });
      } else if (page !== undefined) {
        problems.push({ file, message: `"${slug}" là địa chỉ hiện tại của ${page}; một địa chỉ chỉ dẫn được đến một bài` });
      } else if (other !== undefined && other !== file) {
        problems.push({ file, message: `"${slug}" cũng là địa chỉ cũ của ${other}; một địa chỉ chỉ dẫn được đến một bài` });
      } else {
        claimed.set(slug, file);
      }
    }
  }
  return problems;
}
