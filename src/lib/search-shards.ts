/**
 * The search index is split into shards of consecutive years, merged in the browser. A build indexes again only the
 * shards whose pages changed (the others are copied from the last build), and no indexing process holds the whole
 * portal. Each merged shard costs the reader requests and bytes, so shards are not smaller than `MIN_SHARD_PAGES`.
 */
import { createHash } from 'node:crypto';

/** Where the list of shards and years is published, next to the shards (`/pagefind/<shard>/`). */
export const SHARDS_FILE = 'shards.json';
/** Years are joined, from the oldest, until a shard holds at least this many pages; the newest shard may hold fewer. */
export const MIN_SHARD_PAGES = 2000;

export interface IndexedPage {
  /** Site path of the page: `/tin-tuc/x/`. */
  url: string;
  /** Where the built page is. */
  file: string;
  year: string;
  /** Of what pagefind reads of the page (`indexedRegion`). */
  hash: string;
}

/**
 * The year of a built page, from its `year` filter. Undefined when the page is not indexed
 * (no `data-pagefind-body`); an error when an indexed page has no year.
 */
export function shardOf(html: string, url: string): string | undefined {
  if (!html.includes('data-pagefind-body')) return undefined;
  const year = /data-pagefind-filter="year:(\d{4})"/.exec(html)?.[1];
  if (!year) throw new Error(`chỉ mục tìm kiếm: trang ${url} có data-pagefind-body nhưng không có bộ lọc năm (data-pagefind-filter="year:…")`);
  return year;
}

/** `tin-tuc/x/index.html` → `/tin-tuc/x/`; `404.html` → `/404.html`. */
export function pageUrl(file: string): string {
  const path = `/${file.replaceAll('\\', '/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * The element marked `data-pagefind-body`, which holds everything pagefind takes from a page (text, title, meta,
 * filters, sort key), so that links around it (related items, newer/older) can change without indexing the page
 * again. The whole page when the element's end cannot be found.
 */
export function indexedRegion(html: string): string {
  const marker = html.indexOf('data-pagefind-body');
  const start = html.lastIndexOf('<', marker);
  const tag = /^<([a-z][a-z0-9]*)/i.exec(html.slice(start))?.[1];
  if (marker < 0 || !tag) return html;
  const tags = new RegExp(`<(/?)${tag}\\b`, 'gi');
  tags.lastIndex = start + 1;
  let depth = 1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, html.indexOf('>', match.index) + 1);
  }
  return html;
}

/** What the index needs to know of a built page; undefined when the page is not indexed. */
export function describePage(file: string, fullPath: string, html: string): IndexedPage | undefined {
  const url = pageUrl(file);
  const year = shardOf(html, url);
  if (year === undefined) return undefined;
  return { url, file: fullPath, year, hash: createHash('sha256').update(indexedRegion(html)).digest('hex') };
}

/** Newest first (shards are named by their years): the browser loads the scripts of the first shard. */
export function shardOrder(shards: Iterable<string>): string[] {
  return [...shards].sort((a, b) => b.localeCompare(a));
}

/**
 * Pages in shards of consecutive years, named `2026` or `2019-2022`. Years are joined from the oldest, so that
 * new articles, which come in the newest year, move no boundary between the older shards.
 */
export function groupPages(pages: Iterable<IndexedPage>, minPages = MIN_SHARD_PAGES): Map<string, IndexedPage[]> {
  const byYear = new Map<string, IndexedPage[]>();
  for (const page of pages) {
    const list = byYear.get(page.year);
    if (list) list.push(page);
    else byYear.set(page.year, [page]);
  }
  const shards = new Map<string, IndexedPage[]>();
  let years: string[] = [];
  let pagesOfShard: IndexedPage[] = [];
  const close = () => {
    if (years.length > 0) shards.set(years.length === 1 ? years[0] : `${years[0]}-${years.at(-1)}`, pagesOfShard);
    years = [];
    pagesOfShard = [];
  };
  for (const year of [...byYear.keys()].sort()) {
    years.push(year);
    pagesOfShard = pagesOfShard.concat(byYear.get(year)!);
    if (pagesOfShard.length >= minPages) close();
  }
  close();
  return shards;
}

/** Changes when any page of the shard, or the way it is indexed (`settings`), changes. */
export function shardKey(pages: readonly IndexedPage[], settings: string): string {
  const hash = createHash('sha256').update(settings);
  for (const page of [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) hash.update(`\n${page.url}\n${page.hash}`);
  return hash.digest('hex');
}
