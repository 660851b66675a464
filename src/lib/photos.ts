/**
 * The portal's photos (covers and galleries): read once when their article is loaded, resized into WebP copies of
 * a few fixed widths (and a cover's JPEG copy for social networks). Every copy a build needs follows from the content
 * alone (`photoCopies`), so a build writes the copies of the photos it has, whether or not their pages were rendered
 * again, and only the new ones cost work (`src/integrations/photos.ts`). Astro's own `image()` made every photo a
 * module of the bundle, which cost about 1.5 ms per photo in every build, edits included.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { photoFileStamp, photoHashOfFile, type Photo } from './photo-file.ts';
import { linkFile } from './link-file.ts';
import { slugify } from './slug.ts';


/** The folder of the output that holds the copies. */
export const PHOTO_DIR = '_images';

/** Widths of the copies, by where the photo shows. A copy is never wider than its original. */
export const PHOTO_WIDTHS = {
  /** Thumbnail of a listing card, and of a search result. */
  card: [240, 480],
  /** Card of a featured item. */
  featured: [480, 800],
  /** Cover on the article page. */
  cover: [480, 800, 1200],
  /** The page's image for social networks, messaging apps and search engines. */
  social: [1200],
  /** Thumbnail of a gallery. */
  gallery: [320, 640],
  /** A gallery photo opened on its own. */
  full: [1600],
  /** The portal's logo in the header, 44 px high (`EMBLEM_HEIGHT`): a square one at twice that, or up to three times as wide. */
  emblem: [88, 176, 264],
  /** The portal's icon in browsers' tabs and bookmarks, and on a phone's home screen: square. */
  icon: [32, 180],
} as const;
export type PhotoUse = keyof typeof PHOTO_WIDTHS;
export type PhotoFormat = 'webp' | 'jpeg' | 'png';

/** The logo's height in the header, in CSS pixels. */
export const EMBLEM_HEIGHT = 44;

/**
 * WebP, but JPEG for the social image (not every network or messaging app shows a WebP preview) and PNG for the
 * icons, which every browser and phone takes.
 */
const formatOf = (use: PhotoUse): PhotoFormat => (use === 'social' ? 'jpeg' : use === 'icon' ? 'png' : 'webp');
const EXTENSIONS: Record<PhotoFormat, string> = { webp: 'webp', jpeg: 'jpg', png: 'png' };

/** Uses of a cover and of a gallery photo: the copies a build makes of each. */
export const COVER_USES: readonly PhotoUse[] = ['card', 'featured', 'cover', 'social'];
export const GALLERY_USES: readonly PhotoUse[] = ['gallery', 'full'];
/** Uses of the portal's logo. */
export const LOGO_USES: readonly PhotoUse[] = ['emblem', 'icon'];

/** Whether the photo's file is the one that was read: the same size and time, or the same bytes (a fresh checkout). */
export function photoUnchanged(photo: Photo): boolean {
  try {
    return photoFileStamp(photo.file) === photo.stamp || photoHashOfFile(photo.file) === photo.hash;
  } catch {
    return false;
  }
}

/** The widths of the copies for a use, as made: capped at the original's width (not a drawing's), without repeats. */
export function copyWidths(photo: Photo, use: PhotoUse): number[] {
  if (photo.vector) return [...PHOTO_WIDTHS[use]];
  return [...new Set(PHOTO_WIDTHS[use].map((width) => Math.min(width, photo.width)))];
}

/** The name of a copy in the output folder: the original's name, its hash, the width and the format. */
export function copyName(photo: Photo, width: number, format: PhotoFormat = 'webp'): string {
  const name = slugify(path.basename(photo.file, path.extname(photo.file))) || 'anh';
  return `${name}.${photo.hash}_${width}.${EXTENSIONS[format]}`;
}

export function copyUrl(photo: Photo, width: number, format: PhotoFormat = 'webp'): string {
  return `/${PHOTO_DIR}/${copyName(photo, width, format)}`;
}

/** Attributes of an `<img>` for a use: the largest copy as `src`, every copy in `srcset`, the shown size. */
export function imgAttributes(photo: Photo, use: PhotoUse): { src: string; srcset: string; width: number; height: number } {
  const widths = copyWidths(photo, use);
  const largest = widths[widths.length - 1];
  const format = formatOf(use);
  return {
    src: copyUrl(photo, largest, format),
    srcset: widths.map((width) => `${copyUrl(photo, width, format)} ${width}w`).join(', '),
    width: largest,
    height: Math.round((photo.height * largest) / photo.width),
  };
}

/** The logo's `<img>` in the header: `EMBLEM_HEIGHT` high, as wide as its shape makes it. */
export function emblemAttributes(logo: Photo): { src: string; srcset: string; sizes: string; width: number; height: number } {
  const width = Math.round((EMBLEM_HEIGHT * logo.width) / logo.height);
  const { src, srcset } = imgAttributes(logo, 'emblem');
  return { src, srcset, sizes: `${width}px`, width, height: EMBLEM_HEIGHT };
}

/** The logo's square PNG icons, smallest first: each one's URL and size in pixels. */
export function iconCopies(logo: Photo): { href: string; size: number }[] {
  return copyWidths(logo, 'icon').map((size) => ({ href: copyUrl(logo, size, 'png'), size }));
}

/** The URL of the one copy of a use that stands alone (a link to the full photo, a social image, a thumbnail). */
export function largestCopyUrl(photo: Photo, use: PhotoUse): string {
  return imgAttributes(photo, use).src;
}

export interface PhotoCopy {
  /** File name in the output's photo folder. */
  name: string;
  photo: Photo;
  width: number;
  format: PhotoFormat;
  /** Where the photo is used (`content/news/x/index.md, cover`), for a message that names the editor's file. */
  usedBy: string[];
}

/** Every copy of the given photos in their uses, by file name (the same photo in two articles is made once). */
export function photoCopies(photos: Iterable<{ photo: Photo; uses: readonly PhotoUse[]; usedBy?: string }>): Map<string, PhotoCopy> {
  const copies = new Map<string, PhotoCopy>();
  for (const { photo, uses, usedBy } of photos) {
    for (const use of uses) {
      const format = formatOf(use);
      for (const width of copyWidths(photo, use)) {
        const name = copyName(photo, width, format);
        const copy = copies.get(name) ?? { name, photo, width, format, usedBy: [] };
        if (usedBy && !copy.usedBy.includes(usedBy)) copy.usedBy.push(usedBy);
        copies.set(name, copy);
      }
    }
  }
  return copies;
}

/**
 * Makes one copy: turned upright, resized to its width, in its format (JPEG on white, which has no transparency; an
 * icon in PNG, the logo fitted into a transparent square). sharp draws an SVG drawing at the copy's size.
 */
export async function makeCopy(copy: PhotoCopy): Promise<Buffer> {
  try {
    const upright = sharp(copy.photo.file).rotate();
    if (copy.format === 'png') {
      const square = { width: copy.width, height: copy.width, fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } } as const;
      return await upright.resize(square).png().toBuffer();
    }
    const resized = upright.resize({ width: copy.width, withoutEnlargement: !copy.photo.vector });
    return await (copy.format === 'jpeg' ? resized.flatten({ background: '#ffffff' }).jpeg({ quality: 82 }) : resized.webp()).toBuffer();
  } catch (error) {
    // Only the header was read with the article: a file broken further on fails here.
    const usedBy = copy.usedBy.length > 0 ? ` (dùng ở ${copy.usedBy.join('; ')})` : '';
    throw new Error(
      `${copy.photo.file}${usedBy}: không tạo được bản ${copy.width}px của ảnh, tệp ảnh bị hỏng: ${(error as Error).message}. ` +
        'Hãy mở và lưu lại ảnh bằng phần mềm xem ảnh, hoặc thay bằng ảnh khác.',
    );
  }
}

const KEY = Symbol.for('ban-tin.photo-copies');
interface PhotoRegistry {
  copies?: Map<string, PhotoCopy>;
  listener?: (copies: Map<string, PhotoCopy>) => void;
}
type WithCopies = typeof globalThis & { [KEY]?: PhotoRegistry };
const registry = () => ((globalThis as WithCopies)[KEY] ??= {});

/**
 * Records the copies the portal's photos need (the site's code, which knows the content), for the integration that
 * writes them (another module graph: they meet on a global), and tells it at once, so that it can make them while
 * the pages render.
 */
export function reportPhotoCopies(copies: Map<string, PhotoCopy>): void {
  registry().copies = copies;
  registry().listener?.(copies);
}

export function reportedPhotoCopies(): Map<string, PhotoCopy> | undefined {
  return registry().copies;
}

/** Calls `listener` with the copies each time they are reported. */
export function onPhotoCopiesReported(listener: (copies: Map<string, PhotoCopy>) => void): void {
  registry().listener = listener;
}

function isPhoto(value: unknown): value is Photo {
  return typeof value === 'object' && value !== null && typeof (value as Photo).file === 'string' && typeof (value as Photo).stamp === 'string';
}

/**
 * Whether every photo an entry's data holds (cover, gallery) is still the file that was read. Data from before
 * photos were read this way holds other values, which count as changed.
 */
export function entryPhotosUnchanged(data: Record<string, unknown>): boolean {
  const values = [data.cover, ...(Array.isArray(data.gallery) ? data.gallery.map((photo) => (photo as { src?: unknown } | null)?.src) : [])];
  return values.every((value) => value === undefined || (isPhoto(value) && photoUnchanged(value)));
}

/** A copy from the cache of copies (`cacheDir`), made there first if it is not. */
export async function cachedCopy(copy: PhotoCopy, cacheDir: string): Promise<{ file: string; made: boolean }> {
  const file = path.join(cacheDir, copy.name);
  if (existsSync(file)) return { file, made: false };
  mkdirSync(cacheDir, { recursive: true });
  // Written under another name first: a build stopped halfway leaves no half-written copy under the right one.
  const partial = `${file}.${process.pid}.part`;
  writeFileSync(partial, await makeCopy(copy));
  renameSync(partial, file);
  return { file, made: true };
}

/**
 * Puts every copy into the output folder `out` (which holds nothing else): those it has from the last build stay,
 * the others are linked from the cache, made there first when new; copies no longer needed are removed.
 */
export async function writeCopies(copies: ReadonlyMap<string, PhotoCopy>, out: string, cacheDir: string) {
  mkdirSync(out, { recursive: true });
  const present = new Set(readdirSync(out));
  const missing = [...copies.values()].filter((copy) => !present.has(copy.name));
  let made = 0;
  // Two at a time: sharp works on its own threads, and the second one keeps them busy while a file is written.
  const queue = [...missing];
  const worker = async () => {
    for (let copy = queue.shift(); copy; copy = queue.shift()) {
      const cached = await cachedCopy(copy, cacheDir);
      if (cached.made) made++;
      linkFile(cached.file, path.join(out, copy.name));
    }
  };
  await Promise.all([worker(), worker()]);
  const removed = [...present].filter((name) => !copies.has(name));
  for (const name of removed) rmSync(path.join(out, name), { force: true });
  return { copies: copies.size, made, linked: missing.length - made, removed: removed.length };
}
