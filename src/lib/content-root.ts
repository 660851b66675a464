import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { KnownSlugs } from './schema';

/**
 * Where editors' files live. `BAN_TIN_CONTENT` points the build at another folder
 * (the build tests use fixture sites); the default is the repository's `content/`.
 */
export const CONTENT_ROOT = process.env.BAN_TIN_CONTENT ?? './content';

/** The folders of the collections: articles, and the units' and categories' files. */
export const ARTICLE_FOLDERS = ['news', 'reports', 'events'];
export const DATA_FOLDERS = ['units', 'categories'];

export function contentDir(collection: string): string {
  return path.posix.join(CONTENT_ROOT.replaceAll('\\', '/'), collection);
}

/** The portal's own details (name, publisher, contacts): one file at the top of the content folder. */
export const SITE_FILE = 'site.yaml';
export const SITE_FILE_MISSING =
  'không có tệp này: cổng cần tên (name), mô tả (description) và cơ quan chủ quản (owner) ghi trong đó (xem README, mục Content for editors)';
/** The id of its entry, the only one of the `site` collection. */
export const SITE_ID = 'site';

export function siteFile(): string {
  return contentDir(SITE_FILE);
}

/**
 * The build cache (Astro's `cacheDir`, and the portal's own caches in it). Another content folder keeps its own
 * cache beside it, so the cached entries of one site never meet the files of another.
 */
export function buildCacheDir(): string {
  return process.env.BAN_TIN_CONTENT ? path.resolve(process.env.BAN_TIN_CONTENT, '../.astro-cache') : path.resolve('node_modules/.astro');
}

// Read once per process: schemas ask for every file checked.
const slugCache = new Map<string, Set<string>>();

/** Slugs of the data files of a collection (`content/units/doan-khoi.yaml` → `doan-khoi`). */
export function dataSlugs(collection: string): Set<string> {
  const dir = contentDir(collection);
  const cached = slugCache.get(dir);
  if (cached) return cached;
  const slugs = new Set(dataFiles(collection).map((name) => name.replace(/\.ya?ml$/, '')));
  slugCache.set(dir, slugs);
  return slugs;
}

/** The name of a unit's or category's file the build reads: YAML, not starting with `_` (`_draft.yaml`). */
export const DATA_FILE_NAME = /^[^_].*\.ya?ml$/;

/** The data files of a collection, by name, sorted. */
export function dataFiles(collection: string): string[] {
  const dir = contentDir(collection);
  return existsSync(dir) ? readdirSync(dir).filter((name) => DATA_FILE_NAME.test(name)).sort() : [];
}

/** The categories and units of the content folder, for the schemas' references. */
export function knownSlugs(): KnownSlugs {
  return { categories: dataSlugs('categories'), units: dataSlugs('units') };
}
