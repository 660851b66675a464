/**
 * The list of search shards the build publishes, and how the browser groups them: shards of the newest years are
 * searched first, a batch at a time (`search-shards.ts` has how they are built). No Node modules here: the search
 * page bundles this file.
 */

/** Where the list of shards is published, next to the shards (`/pagefind/<name>/`). */
export const SHARDS_FILE = 'shards.json';

export interface Shard {
  /** `2024`, or `2019-2022` for years joined into one shard. */
  name: string;
  /** Newest first. */
  years: string[];
  pages: number;
}

/** The published list of shards. */
export interface ShardsFile {
  /** Newest first. */
  shards: Shard[];
  /** The browser searches shards together until they hold this many pages. */
  batchPages: number;
  /** Files of the newest shard that every search loads, which the search page asks for while it loads. */
  preload: string[];
}

/**
 * The first search of a portal of about 600 articles a year reads one year; a small portal is one shard. Pagefind
 * loads at least a chunk of about 25 kB per word and shard, whatever the shard's size, so several small shards cost
 * more than one of this size.
 */
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
