/**
 * How rendered pages reach the search index during a build: the build's middleware hands each page to the feed
 * the search integration installs, so pages are indexed while the next ones render (pagefind runs in its own
 * process). The two meet on a global, since the middleware runs in the built site's code and the integration in
 * Astro's configuration.
 */
/** An indexed page of the portal: an item's article page. */
export interface SearchPage {
  url: string;
  /** `2026-07` (`monthOf` its date). */
  month: string;
}

export interface SearchFeed {
  /**
   * The pages the index will hold, so that a shard is written as soon as its last page arrives, and those whose
   * content changed since the last build (`build-facts.ts`), so that their shards start before they render.
   */
  expect(pages: readonly SearchPage[], changed: ReadonlySet<string>): void;
  page(url: string, html: string): void;
}

const KEY = Symbol.for('ban-tin.search-feed');
type WithFeed = typeof globalThis & { [KEY]?: SearchFeed };

export function searchFeed(): SearchFeed | undefined {
  return (globalThis as WithFeed)[KEY];
}

export function setSearchFeed(feed: SearchFeed | undefined): void {
  (globalThis as WithFeed)[KEY] = feed;
}
