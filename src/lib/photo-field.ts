/**
 * The photo fields of the build's schemas (`cover`, `gallery[].src`): a path next to the article's file, read as a
 * `Photo`. The content loader checks one file at a time and says which (`checkingFile`), as Astro's `image()` did,
 * with the photos it has read already (`article-reader.ts`).
 */
import { z } from 'astro/zod';
import { fileBesideArticle } from './file-checks';
import { readPhoto, type Photo } from './photo-file';

let checkedFile: string | undefined;
let photosRead: ReadonlyMap<string, Photo> = new Map();

/** The article file whose data the schema checks next, with the photos already read for it, by absolute path. */
export function checkingFile(file: string, photos: readonly Photo[] = []): void {
  checkedFile = file;
  photosRead = new Map(photos.map((photo) => [photo.file, photo]));
}

/** `vector`: an SVG drawing is taken too (the portal's logo). */
export const photoField = (options: { vector?: boolean } = {}) =>
  z.string({ error: 'phải là đường dẫn ảnh, ví dụ ./anh-bia.jpg' }).transform((src, ctx) => {
    if (!checkedFile) throw new Error('photoField: no article file is being checked');
    try {
      const file = fileBesideArticle(checkedFile, src);
      return photosRead.get(file) ?? readPhoto(file, options);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `không đọc được ảnh "${src}": ${(error as Error).message}` });
      return z.NEVER;
    }
  });
