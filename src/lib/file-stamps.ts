/**
 * What the loader knew of each content file when it last made its entry: size, modification time and digest. A file
 * whose size and time are unchanged is not read again on the next build (10,000 files are about 100 MB). Kept in the
 * build cache, not in Astro's data store, which is bundled into every build.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function stampsFile(collection: string, cacheDir: string): string {
  return path.join(cacheDir, 'file-stamps', `${collection}.json`);
}

export function readStamps(collection: string, cacheDir: string): Map<string, string> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(stampsFile(collection, cacheDir), 'utf8')) as Record<string, string>));
  } catch {
    return new Map();
  }
}

export function writeStamps(collection: string, stamps: ReadonlyMap<string, string>, cacheDir: string): void {
  mkdirSync(path.dirname(stampsFile(collection, cacheDir)), { recursive: true });
  writeFileSync(stampsFile(collection, cacheDir), JSON.stringify(Object.fromEntries(stamps)));
}

/** A file's size and modification time: what tells, without reading it, that a file changed. */
export function sizeAndTime(stats: { size: number; mtimeMs: number }): string {
  return `${stats.size}:${stats.mtimeMs}`;
}

/** The stamp of a file as it is now, for the entry made from it (`digest`) by `renderer`. */
export function fileStamp(renderer: number, stats: { size: number; mtimeMs: number }, digest: string): string {
  return `${renderer}:${sizeAndTime(stats)}:${digest}`;
}
