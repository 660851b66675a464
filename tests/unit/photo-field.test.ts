import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPhoto } from '../../src/lib/photo-file';
import { checkingFile, photoField } from '../../src/lib/photo-field';

const ARTICLE = path.resolve('tests/fixtures/site/content/news/hien-mau-tinh-nguyen/index.md');

describe('photoField', () => {
  it('reads the photo next to the article being checked', () => {
    checkingFile(ARTICLE);
    expect(photoField().parse('./anh-bia.jpg')).toEqual(readPhoto(path.join(path.dirname(ARTICLE), 'anh-bia.jpg')));
  });

  it('takes a photo read already instead of reading it again', () => {
    const file = path.join(path.dirname(ARTICLE), 'da-doc.jpg');
    const read = { file, width: 3, height: 2, hash: 'abcdefghij', stamp: '1:2' };
    checkingFile(ARTICLE, [read]);
    expect(photoField().parse('./da-doc.jpg')).toEqual(read);
  });

  it('names the photo that cannot be read, and why', () => {
    checkingFile(ARTICLE, []);
    const result = photoField().safeParse('./khong-co.jpg');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/^không đọc được ảnh "\.\/khong-co\.jpg": ENOENT/);
  });
});
