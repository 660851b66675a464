/**
 * The list of search shards the build publishes, and how the browser groups them: the newest shards are searched
 * first, a batch at a time (`search-shards.ts` has how they are built). No Node modules here: the search
 * page bundles this file.
 */

/** Where the list of shards is published, next to the shards (`/pagefind/<name>/`). */
export const SHARDS_FILE = 'shards.json';

export interface Shard {
  /** `2024`, `2019-2022` for years joined into one shard, `2026-07` for part of a year from July. */
  name: string;
  /** Newest first; a part of a year has its year. */
  years: string[];
  /** The first month it covers (`2026-07`, `2024-01`): a reader is told how far back a search has gone. */
  from: string;
  pages: number;
  /**
   * Changes whenever the shard's index does: pagefind asks for `pagefind-entry.json?ts=<tag>` (its `metaCacheTag`),
   * so the entry file can be preloaded and cached like the others instead of fetched anew by every search.
   */
  tag: string;
}

/** The published list of shards. */
export interface ShardsFile {
  /** Newest first. */
  shards: Shard[];
  /** The browser searches shards together until they hold this many pages. */
  batchPages: number;
  /**
   * The words of the index that start with d or đ, in lower case without tones, up to seven letters (the length of
   * a Vietnamese syllable): "doan", "đoan". A word the reader types with d is searched in the spellings listed here
   * (`querySpellings`). Sorted.
   */
  dWords: string[];
  /** Files of the newest shard that every search loads, which the search page asks for while it loads. */
  preload: string[];
}

/**
 * The id of the element of the search page that holds the list of shards, written into the built page when the index
 * is written (`SearchPreload.astro`): the page starts loading the newest shard while it parses, without asking for
 * `shards.json` first. Empty where there is no index (`astro dev`).
 */
export const INLINE_SHARDS_ID = 'search-shards';

/** The list as the content of an inline `<script type="application/json">`: no `</script>` can end it early. */
export function inlineShardsJson(list: ShardsFile): string {
  return JSON.stringify(list).replaceAll('<', '\\u003c');
}

/**
 * A batch is the newest shard alone unless it holds fewer pages than this (the first weeks of a year): pagefind loads
 * at least one index chunk (7–10 kB compressed) per word and shard searched, so a first search reads as few
 * shards as will give a page of results; a small shard's chunks are small.
 */
export const BATCH_PAGES = 100;

/**
 * Batches of shards, newest first, each holding at least `batchPages` pages and at least as many as all the batches
 * before it (the last may hold fewer): the browser searches one batch at a time, each a round trip, so a rare word
 * reaches older years in a few steps, and a common one stops at the newest shard.
 */
export function shardBatches<T extends { pages: number }>(shards: readonly T[], batchPages: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let pages = 0;
  let before = 0;
  for (const shard of shards) {
    current.push(shard);
    pages += shard.pages;
    if (pages >= Math.max(batchPages, before)) {
      batches.push(current);
      before += pages;
      current = [];
      pages = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
