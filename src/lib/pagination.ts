export const PAGE_SIZE = 20;

export interface Page<T> {
  items: T[];
  /** 1-based */
  current: number;
  total: number;
}

/** Splits a listing into pages of `size`; an empty listing still has one (empty) page. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    current: i + 1,
    total,
  }));
}

/**
 * Page numbers to show: always the first and last, the current one with `around` neighbours,
 * and 'gap' for skipped runs. 1 … 4 5 [6] 7 8 … 20
 */
export function pageNumbers(current: number, total: number, around = 2): (number | 'gap')[] {
  const shown = new Set<number>([1, total]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const result: (number | 'gap')[] = [];
  sorted.forEach((n, i) => {
    if (i > 0) {
      const gap = n - sorted[i - 1];
      if (gap === 2) result.push(n - 1);
      else if (gap > 2) result.push('gap');
    }
    result.push(n);
  });
  return result;
}

/** The `[...page]` route parameter of page `n`: none for the first page, `trang/n` after it (see `pageUrl`). */
export function pageParam(n: number): string | undefined {
  return n <= 1 ? undefined : `trang/${n}`;
}

/** `getStaticPaths` entries for every page of a listing; `cacheKey` lets an unchanged page be reused from the last build. */
export function pagedPaths<T, P extends Record<string, string>, X extends object>(
  params: P,
  items: readonly T[],
  props: X,
  cacheKey?: (page: Page<T>) => string,
) {
  return paginate(items).map((page) => ({
    params: { ...params, page: pageParam(page.current) },
    props: { ...props, page },
    ...(cacheKey && { cacheKey: cacheKey(page) }),
  }));
}
