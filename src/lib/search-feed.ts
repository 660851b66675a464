/**
 * How rendered pages reach the search index during a build: the build's middleware hands each page to the feed
 * the search integration installs, so pages are indexed while the next ones render (pagefind runs in its own
 * process). The two meet on a global, since the middleware runs in the built site's code and the integration in
 * Astro's configuration.
 */
export interface SearchFeed {
  /** How many indexed pages each year will have, so a year can be written as soon as its last page arrives. */
  expect(pagesPerYear: Record<string, number>): void;
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
