/**
 * A photo whose header reads well but whose data is cut short passes the content sync (only the header is read with
 * its article) and fails when its copies are made: the build stops, naming the photo and the article that uses it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentWith, runAstro } from '../helpers/astro';

describe('a photo broken after its header', () => {
  it('fails the build with a message naming the photo and its article', () => {
    const content = contentWith({});
    const dist = path.join(path.dirname(content.dir), 'dist');
    const cover = path.join(content.dir, 'news/hien-mau-tinh-nguyen/anh-bia.jpg');
    const bytes = readFileSync(cover);
    writeFileSync(cover, bytes.subarray(0, Math.floor(bytes.length / 2)));
    try {
      const run = runAstro(['build', '--outDir', dist], content.dir);
      expect(run.status, run.output).not.toBe(0);
      expect(run.output).toContain(cover);
      expect(run.output).toContain('news/hien-mau-tinh-nguyen/index.mdx, cover');
      expect(run.output).toContain('tệp ảnh bị hỏng');
    } finally {
      content.cleanup();
    }
  });
});
