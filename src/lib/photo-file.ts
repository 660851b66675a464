/**
 * Reading a photo file: its size and a hash of its bytes. Light (no image library beyond a header reader), so that
 * the thread that reads articles ahead of the loader reads their photos too (`article-reader.ts`).
 */
import { readFileSync, statSync } from 'node:fs';
import { imageSize } from 'image-size';
import { contentHash } from './content-hashes.ts';
import { hashBytes, sizeAndTime } from './file-stamps.ts';

export interface Photo {
  /** The original file, absolute. */
  file: string;
  width: number;
  height: number;
  /** A hash of the file's bytes: copies of a changed photo get new names. */
  hash: string;
  /** The file's size and modification time when read: a file that changed is read again. */
  stamp: string;
  /** An SVG drawing (the portal's logo may be one): its size is its shape, and copies of any width are sharp. */
  vector?: true;
}

/** What image-size calls the formats sharp makes copies of. */
export const PHOTO_FORMATS: ReadonlySet<string> = new Set(['jpg', 'png', 'webp', 'avif', 'gif', 'tiff']);

export function photoFileStamp(file: string): string {
  return sizeAndTime(statSync(file));
}

/**
 * Reads a photo's size (from its header, with image-size: a tenth of a millisecond, where sharp's metadata takes
 * 0.6 ms, which 3,000 covers would feel) and a hash of its bytes; rejects a file that is not a photo in a format the
 * copies can be made from. `vector`: an SVG drawing is taken too (a logo, not a photo of an article).
 */
export function readPhoto(file: string, { vector = false }: { vector?: boolean } = {}): Photo {
  const stamp = photoFileStamp(file);
  const bytes = readFileSync(file);
  const formats = vector ? 'JPEG, PNG, WebP hoặc SVG' : 'JPEG, PNG hoặc WebP';
  const isSvg = vector && /\.svg$/i.test(file);
  let size;
  try {
    size = imageSize(bytes);
  } catch {
    throw new Error(isSvg ? 'ảnh SVG không đọc được hoặc không cho biết kích thước: cần thuộc tính viewBox, hoặc width và height' : `tệp không phải ảnh; dùng ảnh ${formats}`);
  }
  if (vector && size.type === 'svg') return { file, width: size.width, height: size.height, hash: photoHashOf(bytes), stamp, vector: true };
  if (!size.type || !PHOTO_FORMATS.has(size.type)) {
    const svgHint = size.type === 'svg' ? ' (SVG chỉ dùng được cho biểu trưng của cổng)' : '';
    throw new Error(`định dạng ${size.type ?? 'không rõ'} không dùng được; dùng ảnh ${formats}${svgHint}`);
  }
  // EXIF orientation 5–8: the photo is shown turned a quarter, so its sides swap.
  const turned = (size.orientation ?? 1) >= 5;
  return {
    file,
    width: turned ? size.height : size.width,
    height: turned ? size.width : size.height,
    hash: photoHashOf(bytes),
    stamp,
  };
}

const PHOTO_HASH_LENGTH = 10;

/** A photo's hash in its copies' names: the start of its bytes' hash (`hashBytes`). */
export function photoHashOf(bytes: Uint8Array): string {
  return hashBytes(bytes).slice(0, PHOTO_HASH_LENGTH);
}

/** The hash a photo's file has now (`contentHash`: from the build's table when it knows the file as it is). */
export function photoHashOfFile(file: string): string {
  return contentHash(file).slice(0, PHOTO_HASH_LENGTH);
}
