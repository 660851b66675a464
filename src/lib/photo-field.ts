/**
 * The photo fields of the build's schemas (`cover`, `gallery[].src`): a path next to the article's file, read as a
 * `Photo`. The content loader checks one file at a time and says which (`checkingFile`), as Astro's `image()` did.
 */
import path from 'node:path';
import { z } from 'astro/zod';
import { readPhoto } from './photos';

let checkedFile: string | undefined;

/** The article file whose data the schema checks next. */
export function checkingFile(file: string): void {
  checkedFile = file;
}

export const photoField = () =>
  z.string({ error: 'phải là đường dẫn ảnh, ví dụ ./anh-bia.jpg' }).transform((src, ctx) => {
    if (!checkedFile) throw new Error('photoField: no article file is being checked');
    try {
      return readPhoto(path.resolve(path.dirname(checkedFile), src));
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `không đọc được ảnh "${src}": ${(error as Error).message}` });
      return z.NEVER;
    }
  });
