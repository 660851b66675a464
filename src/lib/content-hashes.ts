/**
 * What identifies a content file from one checkout to the next: the hash of its bytes. A fresh clone (every CI run)
 * gives every file a new modification time, and keys made of sizes and times rendered every page again on each
 * deployment. `npm run build` hashes every input before the build (`build-inputs.ts`) and leaves the table in the
 * build cache; the build looks hashes up there, by the file's size and time, and hashes only a file the table does
 * not know as it is now (a build run as `astro build`, a file changed since).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileHashes } from './build-inputs.ts';
import { buildCacheDir } from './content-root.ts';
import { hashBytes, sizeAndTime } from './file-stamps.ts';

/** In the build cache: the hashes of every input, with the size and time each file had (`scripts/build.ts`). */
export const INPUT_HASHES_FILE = 'input-hashes.json';

let table: { file: string; hashes: FileHashes } | undefined;

function knownHashes(): FileHashes {
  const file = path.join(buildCacheDir(), INPUT_HASHES_FILE);
  if (table?.file !== file) {
    let hashes: FileHashes = {};
    try {
      hashes = JSON.parse(readFileSync(file, 'utf8')) as FileHashes;
    } catch {
      // No table: every file is hashed.
    }
    table = { file, hashes };
  }
  return table.hashes;
}

/** Files hashed by this process, with the size and time they had: `astro dev` loads the content again on edits. */
const hashedHere = new Map<string, { stamp: string; hash: string }>();

/** The hash of a file's bytes (`hashBytes`); throws when it cannot be read. */
export function contentHash(file: string): string {
  const full = path.resolve(file);
  const stamp = sizeAndTime(statSync(full));
  const known = hashedHere.get(full) ?? knownHashes()[full];
  if (known?.stamp === stamp) return known.hash;
  const hash = hashBytes(readFileSync(full));
  hashedHere.set(full, { stamp, hash });
  return hash;
}
