/** Rebuilds reuse the bodies rendered before, and never an entry that no longer matches its file. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentWith, runAstro } from '../helpers/astro';

describe('build cache', () => {
  it('follows an edited body and a moved article folder with its photos', () => {
    const content = contentWith({});
    const dist = path.join(path.dirname(content.dir), 'dist');
    const article = path.join(dist, 'tin-tuc/hien-mau-tinh-nguyen/index.html');
    try {
      expect(runAstro(['build', '--outDir', dist], content.dir).status).toBe(0);
      // Same file, other folder: its photos must be found in the new place.
      mkdirSync(path.join(content.dir, 'news/2024'));
      renameSync(path.join(content.dir, 'news/hien-mau-tinh-nguyen'), path.join(content.dir, 'news/2024/hien-mau-tinh-nguyen'));
      const moved = runAstro(['build', '--outDir', dist], content.dir);
      expect(moved.status, moved.output).toBe(0);
      expect(readFileSync(article, 'utf8')).toMatch(/<img src="\/_astro\/anh-bia\.[^"]+\.webp"/);
      const index = path.join(content.dir, 'news/2024/hien-mau-tinh-nguyen/index.mdx');
      writeFileSync(index, readFileSync(index, 'utf8').replace('Ngày hội thu được 38 đơn vị máu.', 'Ngày hội thu được 42 đơn vị máu.'));
      const edited = runAstro(['build', '--outDir', dist], content.dir);
      expect(edited.status, edited.output).toBe(0);
      expect(existsSync(article)).toBe(true);
      const html = readFileSync(article, 'utf8');
      expect(html).toContain('42 đơn vị máu');
      expect(html).not.toContain('38 đơn vị máu');
    } finally {
      content.cleanup();
    }
  });
});
