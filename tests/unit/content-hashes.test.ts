/** Files are known by their bytes from one checkout to the next: by the build's table of hashes, or hashed. */
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, INPUT_HASHES_FILE } from '../../src/lib/content-hashes';
import { fileStamp, hashBytes, sizeAndTime, stampStillHolds } from '../../src/lib/file-stamps';

let dir: string;
const before = process.env.BAN_TIN_CONTENT;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ban-tin-hashes-'));
  // The build cache of this content folder is beside it.
  process.env.BAN_TIN_CONTENT = path.join(dir, 'content');
  mkdirSync(path.join(dir, 'content'));
});
afterEach(() => {
  process.env.BAN_TIN_CONTENT = before;
  rmSync(dir, { recursive: true, force: true });
});

describe('contentHash', () => {
  it("takes the hash from the build's table while the file is as the table knows it, and hashes it otherwise", () => {
    const file = path.join(dir, 'content/ke-hoach.pdf');
    writeFileSync(file, 'kế hoạch');
    mkdirSync(path.join(dir, '.astro-cache'));
    writeFileSync(path.join(dir, '.astro-cache', INPUT_HASHES_FILE), JSON.stringify({ [file]: { stamp: sizeAndTime(statSync(file)), hash: 'tu-bang' } }));
    expect(contentHash(file)).toBe('tu-bang');
    // A new time (a file written again): hashed, and the same bytes give the same hash whatever the time.
    utimesSync(file, new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    expect(contentHash(file)).toBe(hashBytes(Buffer.from('kế hoạch')));
    writeFileSync(file, 'kế hoạch mới');
    expect(contentHash(file)).toBe(hashBytes(Buffer.from('kế hoạch mới')));
    expect(() => contentHash(path.join(dir, 'content/khong-co.pdf'))).toThrow();
  });
});

describe('stampStillHolds', () => {
  const stats = { size: 120, mtimeMs: 1000 };
  const stamp = fileStamp(10, 'digest', 'hash', stats);
  const hashOf = () => 'hash';

  it('holds for the same size and time without reading the file, or for the same bytes', () => {
    let asked = 0;
    expect(stampStillHolds(stamp, 10, 'digest', stats, () => String(++asked))).toBe(true);
    expect(asked).toBe(0);
    // A fresh checkout: a new time, the same bytes.
    expect(stampStillHolds(stamp, 10, 'digest', { size: 120, mtimeMs: 2000 }, hashOf)).toBe(true);
    expect(stampStillHolds(stamp, 10, 'digest', { size: 120, mtimeMs: 2000 }, () => 'other')).toBe(false);
  });

  it('does not hold for another entry, renderer or stamp', () => {
    expect(stampStillHolds(stamp, 10, 'other', stats, hashOf)).toBe(false);
    expect(stampStillHolds(stamp, 11, 'digest', stats, hashOf)).toBe(false);
    expect(stampStillHolds(undefined, 10, 'digest', stats, hashOf)).toBe(false);
    // A stamp written by an older version.
    expect(stampStillHolds('10:120:1000:digest', 10, 'digest', stats, hashOf)).toBe(false);
  });
});
