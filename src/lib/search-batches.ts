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
   * The words of the index whose spelling a reader may vary, so that a query word is searched in the spellings
   * listed here only (`querySpellings`): those that start with d or đ, in lower case without tones, up to seven
   * letters (the length of a Vietnamese syllable): "doan", "đoan"; and those that end in oa, oe or uy with a tone,
   * in lower case as written: "hóa", "khoẻ". Sorted.
   */
  spellingWords: string[];
  /** Files of the newest shard that every search loads, which the search page asks for while it loads. */
  preload: string[];
}

/**
 * The id of the element of the search page that holds the list of shards, written into the built page when the index
 * is written (`SearchPreload.astro`): the page starts loading the newest shard while it parses, without asking for
 * `shards.json` first. Empty where there is no index (`astro dev`).
 */
export const INLINE_SHARDS_ID = 'search-shards';

/**
 * A batch is the newest shard alone unless it holds fewer pages than this (the first weeks of a year): pagefind loads
 * at least one index chunk (7–10 kB compressed) per word and shard searched, so a first search reads as few
 * shards as will give a page of results; a small shard's chunks are small.
 */
export const BATCH_PAGES = 100;

/**
 * How many pages the next batch of shards a search goes through should hold, after `searched` pages gave `found`
 * results, for `wanted` results in all: as many as the results so far say are needed, at least `batchPages`, and at
 * most as many as all the pages searched before (that many when nothing was found). Each batch is a round trip: a
 * rare word reaches older years in a few steps, without loading many more shards than its results need.
 */
export function nextBatchPages(searched: number, found: number, wanted: number, batchPages: number): number {
  if (searched === 0) return batchPages;
  const needed = found === 0 ? searched : Math.ceil(((wanted - found) * searched) / found);
  return Math.max(batchPages, Math.min(searched, needed));
}

/** The first shards of `shards` (newest first) that hold at least `pages` pages, or all of them. */
export function takeBatch<T extends { pages: number }>(shards: readonly T[], pages: number): T[] {
  let held = 0;
  const count = shards.findIndex((shard) => (held += shard.pages) >= pages);
  return shards.slice(0, count < 0 ? shards.length : count + 1);
}
