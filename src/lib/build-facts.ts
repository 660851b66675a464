/**
 * What a build learns about the portal that the build's own tools need: when the published portal will change with
 * time alone (a scheduled item, an expiry, the end of an event), so that a later build with the same files can be
 * skipped until then (`scripts/build.ts`); when each article page last changed and which pages are old addresses (the
 * sitemap); and which entries the content loader made anew. Set by the content loader
 * and the built site's code (`content.ts`), read by integrations and the site's code: they meet on a global, as they
 * run in different module graphs.
 */
export interface BuildFacts {
  nextChange?: Date;
  /** Article pages by site path (`/tin-tuc/x/`): their update, else publication (`modifiedAt` in `content.ts`). */
  modified?: ReadonlyMap<string, Date>;
  /** Old addresses of items (`previousSlugs`), by site path: pages that only send readers on, not for the sitemap. */
  moved?: ReadonlySet<string>;
}

const KEY = Symbol.for('ban-tin.build-facts');
type WithFacts = typeof globalThis & { [KEY]?: BuildFacts };

export function reportBuildFacts(facts: BuildFacts): void {
  (globalThis as WithFacts)[KEY] = facts;
}

export function buildFacts(): BuildFacts | undefined {
  return (globalThis as WithFacts)[KEY];
}

const CHANGED = Symbol.for('ban-tin.changed-entries');
type WithChanged = typeof globalThis & { [CHANGED]?: Set<string> };

/**
 * Records an entry the content loader made anew in this process (a new or changed file), as `collection/id`: the
 * search index starts on what changed as soon as the portal is known, instead of when the page renders.
 */
export function reportChangedEntry(collection: string, id: string): void {
  const changed = ((globalThis as WithChanged)[CHANGED] ??= new Set());
  changed.add(`${collection}/${id}`);
}

export function changedEntries(): ReadonlySet<string> {
  return (globalThis as WithChanged)[CHANGED] ?? new Set();
}

const DEV_SERVER = Symbol.for('ban-tin.dev-server');
type WithDevServer = typeof globalThis & { [DEV_SERVER]?: boolean };

/** Set by the previews integration from Astro's command (`src/integrations/previews.ts`). */
export function reportDevServer(on: boolean): void {
  (globalThis as WithDevServer)[DEV_SERVER] = on;
}

/** True in `astro dev` only; false when unknown, so that nothing unpublished is ever built. */
export function isDevServer(): boolean {
  return (globalThis as WithDevServer)[DEV_SERVER] === true;
}
