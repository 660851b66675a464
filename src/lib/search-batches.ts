/**
 * The list of search shards the build publishes, and how the browser groups them: shards of the newest years are
 * searched first, a batch at a time (`search-shards.ts` has how they are built). No Node modules here: the search
 * page bundles this file.
 */

/** Where the list of shards is published, next to the shards (`/pagefind/<year>/`). */
export const SHARDS_FILE = 'shards.json';

/** The published list of shards. */
export interface ShardsFile {
  /** Newest first. */
  shards: { year: string; pages: number }[];
  /** The browser searches shards together until they hold this many pages (fewer requests on a small portal). */
  batchPages: number;
}

/** A search on a portal of about 600 articles a year loads one year; on a small portal, every year at once. */
export const BATCH_PAGES = 500;

/**
 * Batches of shards, newest first, each holding at least `batchPages` pages (the last may hold fewer): the browser
 * searches one batch at a time.
 */
export function shardBatches<T extends { pages: number }>(shards: readonly T[], batchPages: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let pages = 0;
  for (const shard of shards) {
    current.push(shard);
    pages += shard.pages;
    if (pages >= batchPages) {
      batches.push(current);
      current = [];
      pages = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
