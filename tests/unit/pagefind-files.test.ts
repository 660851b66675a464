import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { isHashedFile, linkTree, removeUnreferenced, unreferencedFiles } from '../../src/lib/pagefind-files';

const root = mkdtempSync(path.join(tmpdir(), 'ban-tin-pagefind-files-'));
afterAll(async () => {
  await pagefind.close();
  rmSync(root, { recursive: true, force: true });
});

const page = (title: string, text: string, year = 2026) =>
  `<html lang="vi"><body><div data-pagefind-body><h1>${title}</h1><p>${text}</p><span data-pagefind-filter="year:${year}"></span></div></body></html>`;

/** Writes an index of `pages` (url → html) to `dir`, over the hashed files of `previous` if given, as the build does. */
async function write(pages: Record<string, string>, dir: string, previous?: string): Promise<void> {
  if (previous) linkTree(previous, dir, isHashedFile);
  const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
  for (const [url, content] of Object.entries(pages)) await index!.addHTMLFile({ url, content });
  const written = await index!.writeFiles({ outputPath: dir });
  expect(written.errors).toEqual([]);
  await index!.deleteIndex();
}

/** Every file below `dir` with its content. */
function files(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (statSync(path.join(dir, file)).isFile()) found.set(file, readFileSync(path.join(dir, file)).toString('base64'));
  }
  return found;
}

/** The fragments (each page's text, for excerpts) of the index in `dir` that contain `text`. */
function fragmentsWith(dir: string, text: string): string[] {
  return readdirSync(path.join(dir, 'fragment')).filter((file) => gunzipSync(readFileSync(path.join(dir, 'fragment', file))).toString().includes(text));
}

const first = {
  '/tin-tuc/hien-mau/': page('Ngày hội hiến máu', 'Đoàn viên hiến máu tình nguyện tại Bệnh viện tỉnh.'),
  '/tin-tuc/kho-bac/': page('Chi đoàn Kho bạc', 'Số hóa hồ sơ đoàn viên, thanh toán không dùng tiền mặt.'),
  '/tin-tuc/mua-he/': page('Mùa hè xanh', 'Thanh niên tình nguyện làm đường giao thông nông thôn.', 2025),
};
const second = {
  '/tin-tuc/hien-mau/': page('Ngày hội hiến máu', 'Đoàn viên hiến máu tình nguyện tại Bệnh viện tỉnh, 300 đơn vị máu.'),
  '/tin-tuc/mua-he/': first['/tin-tuc/mua-he/'],
  '/tin-tuc/chu-ky-so/': page('Chữ ký số', 'Phổ cập chữ ký số cho đoàn viên.'),
};

describe('a shard written over its last version', () => {
  it('ends with the same files as one written from nothing, once the unreferenced are removed', async () => {
    const last = path.join(root, 'last');
    const fresh = path.join(root, 'fresh');
    const over = path.join(root, 'over');
    await write(first, last);
    await write(second, fresh);
    await write(second, over, last);
    // The edited page's old fragment, the deleted page's, the old metadata and index chunks are still there.
    const stale = unreferencedFiles(over);
    expect(fragmentsWith(over, 'Kho bạc')).toHaveLength(1);
    expect(stale.filter((file) => file.startsWith('fragment/'))).toHaveLength(2);
    expect(stale.filter((file) => /^pagefind\..+\.pf_meta$/.test(file))).toHaveLength(1);
    expect(unreferencedFiles(fresh)).toEqual([]);
    expect(removeUnreferenced(over)).toBe(stale.length);
    expect(files(over)).toEqual(files(fresh));
    // The last version is left as it was: pagefind wrote its own files, not through the links.
    const lastAgain = path.join(root, 'last-again');
    await write(first, lastAgain);
    expect(files(last)).toEqual(files(lastAgain));
    // The text of the deleted page is nowhere in the shard any more.
    expect(fragmentsWith(over, 'Kho bạc')).toEqual([]);
    expect(fragmentsWith(over, '300 đơn vị máu')).toHaveLength(1);
  });

  it('links only the files pagefind never writes over', () => {
    expect(isHashedFile('fragment')).toBe(true);
    expect(isHashedFile('fragment/vi_0289b94.pf_fragment')).toBe(true);
    expect(isHashedFile('index/vi_1ead3de.pf_index')).toBe(true);
    expect(isHashedFile('filter/vi_1998233.pf_filter')).toBe(true);
    expect(isHashedFile('pagefind.vi_2374358.pf_meta')).toBe(true);
    expect(isHashedFile('pagefind.js')).toBe(false);
    expect(isHashedFile('pagefind-entry.json')).toBe(false);
    expect(isHashedFile('wasm.vi.pagefind')).toBe(false);
  });

  it('removes nothing on a guess: an unreadable metadata file is an error', async () => {
    const dir = path.join(root, 'broken');
    await write(first, dir);
    const meta = readdirSync(dir).find((file) => file.endsWith('.pf_meta'))!;
    writeFileSync(path.join(dir, meta), 'not gzip');
    expect(() => unreferencedFiles(dir)).toThrow();
    rmSync(path.join(dir, meta));
    expect(() => unreferencedFiles(dir)).toThrow(/ENOENT/);
  });
});
