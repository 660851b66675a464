/**
 * What the loader knew of each content file when it last made its entry: size, modification time, the hash of its
 * bytes and the entry's digest. A file whose size and time are unchanged, or else whose bytes are (a fresh checkout
 * gives every file a new time), is not read again on the next build (10,000 files are about 100 MB). Kept in the
 * build cache, not in Astro's data store, which is bundled into every build.
 */
import { createHash } from 'node:crypto';
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

/** The stamp of a file as it is now (its size, time and bytes' hash), for the entry made from it (`digest`) by `renderer`. */
export function fileStamp(renderer: number, digest: string, hash: string, stats: { size: number; mtimeMs: number }): string {
  return [renderer, digest, hash, sizeAndTime(stats)].join(' ');
}

/**
 * Whether the entry made from a file (`digest`, by `renderer`) is still the file's: its stamp says so, by the file's
 * size and time, or else by its bytes (`hashOf`, asked only then).
 */
export function stampStillHolds(
  stamp: string | undefined, renderer: number, digest: string, stats: { size: number; mtimeMs: number }, hashOf: () => string,
): boolean {
  const [stampRenderer, stampDigest, hash, time] = stamp?.split(' ') ?? [];
  if (stampRenderer !== String(renderer) || stampDigest !== digest) return false;
  return time === sizeAndTime(stats) || hash === hashOf();
}

/** What tells that a file's bytes changed, whatever its time: their SHA-256, base64url. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}
