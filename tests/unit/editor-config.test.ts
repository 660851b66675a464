/**
 * The web editor's configuration (`public/admin/config.yml`) holds the build's rules where Decap can apply them
 * itself: the attachments' types, and the largest photo and attachment it lets an editor upload.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../src/lib/attachments';
import { LIMITS } from '../../src/lib/entry-check';
import { PHOTO_FORMATS } from '../../src/lib/photo-file';

interface Field {
  name: string;
  widget?: string;
  pattern?: [string, string];
  media_library?: { config?: { max_file_size?: number } };
  fields?: Field[];
}
interface Config {
  collections: { name: string; fields: Field[]; files?: { name: string; fields: Field[] }[] }[];
}

const config = load(readFileSync(path.join(import.meta.dirname, '../../public/admin/config.yml'), 'utf8')) as Config;
const articles = config.collections.filter((collection) => ['news', 'reports', 'events'].includes(collection.name));
/** Every upload field of the articles' forms, with its collection and path ("gallery.src"). */
const uploads = articles.flatMap((collection) =>
  collection.fields.flatMap((field) =>
    [field, ...(field.fields ?? []).map((inner) => ({ ...inner, name: `${field.name}.${inner.name}` }))]
      .filter((upload) => upload.widget === 'image' || upload.widget === 'file')
      .map((upload) => ({ collection: collection.name, ...upload })),
  ),
);

describe('web editor configuration', () => {
  it('has the upload fields of the three article collections', () => {
    expect(new Set(uploads.map((upload) => upload.name))).toEqual(new Set(['cover', 'gallery.src', 'attachments.file']));
    expect(uploads.filter((upload) => upload.name === 'attachments.file')).toHaveLength(3);
  });

  it('refuses photos over the content check’s limit and attachments over the build’s', () => {
    for (const upload of uploads) {
      const limit = upload.widget === 'image' ? LIMITS.imageMaxBytes : ATTACHMENT_MAX_BYTES;
      expect(upload.media_library?.config?.max_file_size, `${upload.collection}: ${upload.name}`).toBe(limit);
    }
  });

  it('takes photos of the formats the build makes copies of', () => {
    const extensions: Record<string, string[]> = { jpg: ['jpg', 'jpeg'], tiff: ['tif', 'tiff'] };
    for (const upload of uploads.filter((field) => field.widget === 'image')) {
      const accepted = new RegExp(upload.pattern![0]);
      for (const format of PHOTO_FORMATS) {
        for (const extension of extensions[format] ?? [format]) {
          for (const name of [`anh-bia.${extension}`, `ANH-BIA.${extension.toUpperCase()}`]) expect(accepted.test(name), `${upload.name}: ${name}`).toBe(true);
        }
      }
      for (const name of ['anh.bmp', 'anh.svg', 'IMG_0001.HEIC', 'anh.jpg.html', 'anh']) expect(accepted.test(name), `${upload.name}: ${name}`).toBe(false);
    }
  });

  it('takes the portal’s logo as a photo of those formats or an SVG drawing', () => {
    const site = config.collections.find((collection) => collection.name === 'site')!.files![0];
    const logo = site.fields.find((field) => field.name === 'logo')!;
    const accepted = new RegExp(logo.pattern![0]);
    for (const name of ['bieu-trung.svg', 'BIEU-TRUNG.SVG', 'bieu-trung.png', 'bieu-trung.jpeg', 'bieu-trung.webp']) expect(accepted.test(name), name).toBe(true);
    for (const name of ['bieu-trung.bmp', 'bieu-trung.svgz', 'bieu-trung.svg.html', 'bieu-trung.ico']) expect(accepted.test(name), name).toBe(false);
    expect(logo.media_library?.config?.max_file_size).toBe(LIMITS.imageMaxBytes);
  });

  it('takes attachments of the types the build takes', () => {
    for (const upload of uploads.filter((field) => field.name === 'attachments.file')) {
      const accepted = new RegExp(upload.pattern![0]);
      for (const extension of Object.keys(ATTACHMENT_TYPES)) {
        for (const name of [`ke-hoach.${extension}`, `KE-HOACH.${extension.toUpperCase()}`]) expect(accepted.test(name), name).toBe(true);
      }
      for (const name of ['anh.jpg', 'cai-dat.exe', 'trang.html', 'ke-hoach.pdf.js', 'ke-hoach']) expect(accepted.test(name), name).toBe(false);
    }
  });
});
