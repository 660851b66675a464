/** Photos read once, and their copies made once: sizes, names, the copies a portal needs, and the output folder. */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPhoto, type Photo } from '../../src/lib/photo-file';
import { copyWidths, entryPhotosUnchanged, imgAttributes, LOGO_USES, makeCopy, photoCopies, writeCopies } from '../../src/lib/photos';
import { FIXTURE_CONTENT } from '../helpers/astro';

const FIXTURE_PHOTO = path.join(FIXTURE_CONTENT, 'news/hien-mau-tinh-nguyen/anh-bia.jpg');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ban-tin-photos-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A photo of the given size, written as a JPEG. */
async function jpeg(name: string, width: number, height: number, options: { orientation?: number } = {}): Promise<string> {
  const file = path.join(dir, name);
  let image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 40 } } }).jpeg();
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  writeFileSync(file, await image.toBuffer());
  return file;
}

describe('readPhoto', () => {
  it('reads the size and a hash of the bytes', async () => {
    const file = await jpeg('anh-bia.jpg', 1600, 1000);
    const photo = readPhoto(file);
    expect(photo).toMatchObject({ file, width: 1600, height: 1000 });
    expect(photo.hash).toMatch(/^[\w-]{10}$/);
    // The same bytes elsewhere: the same hash; other bytes: another.
    copyFileSync(file, path.join(dir, 'copy.jpg'));
    expect((readPhoto(path.join(dir, 'copy.jpg'))).hash).toBe(photo.hash);
    expect((readPhoto(await jpeg('other.jpg', 1600, 1001))).hash).not.toBe(photo.hash);
  });

  it('swaps the sides of a photo shown turned a quarter', async () => {
    const photo = readPhoto(await jpeg('doc.jpg', 1200, 800, { orientation: 6 }));
    expect([photo.width, photo.height]).toEqual([800, 1200]);
  });

  it('rejects a file that is not a photo', async () => {
    const file = path.join(dir, 'anh.jpg');
    writeFileSync(file, 'không phải ảnh');
    expect(() => readPhoto(file)).toThrow('tệp không phải ảnh');
    const svg = path.join(dir, 'logo.svg');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(() => readPhoto(svg)).toThrow('định dạng svg không dùng được; dùng ảnh JPEG, PNG hoặc WebP (SVG chỉ dùng được cho biểu trưng của cổng)');
  });

  it('takes an SVG drawing where one may be (the logo), its size from its viewBox or width and height', () => {
    const file = path.join(dir, 'bieu-trung.svg');
    writeFileSync(file, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 20"><rect width="30" height="20"/></svg>');
    expect(readPhoto(file, { vector: true })).toMatchObject({ file, width: 30, height: 20, vector: true });
    writeFileSync(file, '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"/>');
    expect(readPhoto(file, { vector: true })).toMatchObject({ width: 64, height: 64, vector: true });
    // A photo where a drawing may be is a photo.
    expect(readPhoto(FIXTURE_PHOTO, { vector: true }).vector).toBeUndefined();
  });

  it('rejects a drawing that does not give its size, or a file that is neither', () => {
    const file = path.join(dir, 'bieu-trung.svg');
    writeFileSync(file, '<svg xmlns="http://www.w3.org/2000/svg"><circle r="5"/></svg>');
    expect(() => readPhoto(file, { vector: true })).toThrow('ảnh SVG không đọc được hoặc không cho biết kích thước: cần thuộc tính viewBox, hoặc width và height');
    const other = path.join(dir, 'bieu-trung.png');
    writeFileSync(other, 'không phải ảnh');
    expect(() => readPhoto(other, { vector: true })).toThrow('tệp không phải ảnh; dùng ảnh JPEG, PNG, WebP hoặc SVG');
  });
});

describe('copies of a drawing', () => {
  /** A drawing of 10 × 10 units, its left half filled: sharp at any size if drawn at the size, blurred if enlarged. */
  const HALF = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="10" fill="#b3121b"/></svg>';

  it('are of every width, however small the drawing says it is', () => {
    const logo: Photo = { file: '/c/bieu-trung.svg', width: 10, height: 5, hash: 'abcdefghij', stamp: '', vector: true };
    expect(copyWidths(logo, 'emblem')).toEqual([88, 176, 264]);
    expect(copyWidths(logo, 'icon')).toEqual([32, 180]);
  });

  it('are drawn at their size, not enlarged from a small picture', async () => {
    const file = path.join(dir, 'bieu-trung.svg');
    writeFileSync(file, HALF);
    const logo = readPhoto(file, { vector: true });
    const copies = photoCopies([{ photo: logo, uses: LOGO_USES }]);
    expect([...copies.keys()].sort()).toEqual(
      ['88.webp', '176.webp', '264.webp', '32.png', '180.png'].map((end) => `bieu-trung.${logo.hash}_${end}`).sort(),
    );
    const icon = sharp(await makeCopy(copies.get(`bieu-trung.${logo.hash}_180.png`)!));
    expect(await icon.metadata()).toMatchObject({ format: 'png', width: 180, height: 180 });
    const { data, info } = await icon.raw().toBuffer({ resolveWithObject: true });
    const alpha = (x: number, y = 90) => data[(y * info.width + x) * info.channels + 3];
    // The edge is at 90 px; enlarged from a drawing of 10 px, it would be blurred over several pixels.
    expect([alpha(0), alpha(86), alpha(88), alpha(92), alpha(94), alpha(179)]).toEqual([255, 255, 255, 0, 0, 0]);
    const emblem = sharp(await makeCopy(copies.get(`bieu-trung.${logo.hash}_264.webp`)!));
    expect(await emblem.metadata()).toMatchObject({ format: 'webp', width: 264, height: 264 });
  });
});

describe('copies', () => {
  const photo = (width: number, height = width): Photo => ({ file: '/c/anh-bìa.jpg', width, height, hash: 'abcdefghij', stamp: '' });

  it('never makes a copy wider than the original', () => {
    expect(copyWidths(photo(2000), 'cover')).toEqual([480, 800, 1200]);
    expect(copyWidths(photo(600), 'cover')).toEqual([480, 600]);
    expect(copyWidths(photo(300), 'cover')).toEqual([300]);
  });

  it('gives an <img> every copy of its use, the largest as src, with the shown size', () => {
    expect(imgAttributes(photo(1600, 1000), 'card')).toEqual({
      src: '/_images/anh-bia.abcdefghij_480.webp',
      srcset: '/_images/anh-bia.abcdefghij_240.webp 240w, /_images/anh-bia.abcdefghij_480.webp 480w',
      width: 480,
      height: 300,
    });
  });

  it('lists each copy once, however many articles show the photo', () => {
    const cover = photo(2000, 1000);
    const copies = photoCopies([
      { photo: cover, uses: ['card', 'featured', 'cover'] },
      { photo: { ...cover }, uses: ['card'] },
    ]);
    expect([...copies.keys()].sort()).toEqual(['240', '480', '800', '1200'].map((w) => `anh-bia.abcdefghij_${w}.webp`).sort());
  });
});

describe('the social image', () => {
  it('is a JPEG copy of the cover, 1,200 pixels wide at most, transparency on white', async () => {
    const file = path.join(dir, 'logo.png');
    writeFileSync(file, await sharp({ create: { width: 1600, height: 800, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer());
    const cover = readPhoto(file);
    expect(imgAttributes(cover, 'social')).toMatchObject({ src: `/_images/logo.${cover.hash}_1200.jpg`, width: 1200, height: 600 });
    const copies = photoCopies([{ photo: cover, uses: ['cover', 'social'] }]);
    expect([...copies.keys()].filter((name) => !name.endsWith('.webp'))).toEqual([`logo.${cover.hash}_1200.jpg`]);
    // The WebP copy of the same width stays, for the page itself.
    expect(copies.has(`logo.${cover.hash}_1200.webp`)).toBe(true);
    const out = path.join(dir, 'dist/_images');
    await writeCopies(copies, out, path.join(dir, 'cache'));
    const social = sharp(readFileSync(path.join(out, `logo.${cover.hash}_1200.jpg`)));
    expect(await social.metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 600 });
    const { data } = await social.raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([255, 255, 255]);
  });
});

describe('writeCopies', () => {
  it('makes new copies once, keeps those in the output, and removes those no longer needed', async () => {
    const out = path.join(dir, 'dist/_images');
    const cache = path.join(dir, 'cache');
    const first = readPhoto(await jpeg('anh-bia.jpg', 1000, 500));
    const copies = photoCopies([{ photo: first, uses: ['card'] }]);
    expect(await writeCopies(copies, out, cache)).toEqual({ copies: 2, made: 2, linked: 0, removed: 0 });
    const small = path.join(out, 'anh-bia.' + first.hash + '_240.webp');
    expect(await sharp(readFileSync(small)).metadata()).toMatchObject({ format: 'webp', width: 240, height: 120 });

    // The same copies again: nothing to do; into an empty output: linked from the cache, not made.
    expect(await writeCopies(copies, out, cache)).toEqual({ copies: 2, made: 0, linked: 0, removed: 0 });
    rmSync(out, { recursive: true });
    expect(await writeCopies(copies, out, cache)).toEqual({ copies: 2, made: 0, linked: 2, removed: 0 });

    // Another photo instead: its copies are made, the old ones leave the output.
    const second = readPhoto(await jpeg('anh-2.jpg', 1000, 500));
    const next = photoCopies([{ photo: second, uses: ['card'] }]);
    expect(await writeCopies(next, out, cache)).toEqual({ copies: 2, made: 2, linked: 0, removed: 2 });
    expect(readdirSync(out).sort()).toEqual([...next.keys()].sort());
  });
});

describe('a photo broken after its header', () => {
  it('is read with its article, and its copy fails naming the file', async () => {
    const file = await jpeg('anh-bia.jpg', 1000, 500);
    writeFileSync(file, readFileSync(file).subarray(0, 400));
    const photo = readPhoto(file);
    expect(photo.width).toBe(1000);
    // The same photo in two articles: one copy of each width, and the message names both.
    const copies = photoCopies([
      { photo, uses: ['card'], usedBy: 'content/news/a/index.md, cover' },
      { photo, uses: ['card'], usedBy: 'content/news/b/index.md, gallery[0]' },
    ]);
    const both = ['content/news/a/index.md, cover', 'content/news/b/index.md, gallery[0]'];
    expect([...copies.values()].map((copy) => copy.usedBy)).toEqual([both, both]);
    await expect(writeCopies(copies, path.join(dir, 'out'), path.join(dir, 'cache'))).rejects.toThrow(
      `${file} (dùng ở content/news/a/index.md, cover; content/news/b/index.md, gallery[0]): không tạo được bản`,
    );
    expect(readdirSync(path.join(dir, 'cache'))).toEqual([]);
  });
});

describe('entryPhotosUnchanged', () => {
  it('tells a photo whose file changed, and data read another way, from photos as read', async () => {
    const cover = readPhoto(await jpeg('anh-bia.jpg', 800, 600));
    const photo = readPhoto(await jpeg('anh-1.jpg', 800, 600));
    const data = { title: 'Bài', cover, gallery: [{ src: photo, alt: 'Ảnh' }] };
    expect(entryPhotosUnchanged(data)).toBe(true);
    expect(entryPhotosUnchanged({ title: 'Không có ảnh' })).toBe(true);
    // Astro's own image field kept a path.
    expect(entryPhotosUnchanged({ cover: '__ASTRO_IMAGE_./anh-bia.jpg' })).toBe(false);
    // A new time, the same bytes (a fresh checkout): unchanged; other bytes: changed.
    const later = new Date(statSync(photo.file).mtimeMs + 5000);
    utimesSync(photo.file, later, later);
    expect(entryPhotosUnchanged(data)).toBe(true);
    writeFileSync(photo.file, Buffer.concat([readFileSync(cover.file), Buffer.from([0])]));
    expect(entryPhotosUnchanged(data)).toBe(false);
  });

  it('reads the fixture photo', async () => {
    expect((readPhoto(FIXTURE_PHOTO)).width).toBeGreaterThan(0);
  });
});
