/** The digest of a build's inputs: by the files' bytes, reading again only the files whose size or time changed. */
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputsDigest, type FileHashes } from '../../src/lib/build-inputs';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ban-tin-inputs-'));
  mkdirSync(path.join(root, 'content'));
  mkdirSync(path.join(root, 'dist'));
  writeFileSync(path.join(root, 'content/bai.md'), 'Nội dung A');
  writeFileSync(path.join(root, 'dist/index.html'), 'output');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const digestOf = (known?: FileHashes) =>
  inputsDigest({ root, contentDir: path.join(root, 'content'), outDir: path.join(root, 'dist'), cacheDir: path.join(root, '.cache'), settings: {}, known });
/** Sets a file's time to `seconds` ago. */
const age = (file: string, seconds: number) => {
  const time = new Date(Date.now() - seconds * 1000);
  utimesSync(path.join(root, file), time, time);
};

describe('inputsDigest', () => {
  it('changes with a file’s bytes, not with its time, and never with the output', () => {
    const first = digestOf().digest;
    age('content/bai.md', 60);
    expect(digestOf().digest).toBe(first);
    writeFileSync(path.join(root, 'dist/index.html'), 'other output');
    expect(digestOf().digest).toBe(first);
    writeFileSync(path.join(root, 'content/bai.md'), 'Nội dung B');
    expect(digestOf().digest).not.toBe(first);
  });

  it('takes the hash of a file whose size and time are unchanged from the last run, and reads a changed one', () => {
    age('content/bai.md', 60);
    const { digest, hashes } = digestOf();
    const file = path.join(root, 'content/bai.md');
    const { mtime } = statSync(file);
    // Other bytes of the same size under the same time: trusted as unchanged, which shows the file was not read.
    writeFileSync(file, 'Nội dung C');
    utimesSync(file, mtime, mtime);
    expect(digestOf(hashes).digest).toBe(digest);
    // Its time changed: read again.
    age('content/bai.md', 30);
    expect(digestOf(hashes).digest).not.toBe(digest);
  });

  it('does not trust the time of a file changed just before it was read', () => {
    const { hashes } = digestOf();
    expect(hashes[path.join(root, 'content/bai.md')].stamp).toBe('');
    age('content/bai.md', 60);
    expect(digestOf().hashes[path.join(root, 'content/bai.md')].stamp).not.toBe('');
  });
});
