/** Rebuilds reuse the bodies rendered before, and never an entry that no longer matches its file. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentWith, runAstro } from '../helpers/astro';

describe('build cache', () => {
  it('follows an edited body, a moved article folder and a replaced photo', () => {
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
      const coverOf = () => /<img src="\/_images\/(anh-bia\.[^"]+\.webp)"/.exec(readFileSync(article, 'utf8'))?.[1];
      const first = coverOf();
      expect(first).toBeDefined();
      expect(existsSync(path.join(dist, '_images', first!))).toBe(true);
      // Another photo under the same name, the article's file untouched: the page shows the new one.
      const folder = path.join(content.dir, 'news/2024/hien-mau-tinh-nguyen');
      copyFileSync(path.join(folder, 'anh-1.jpg'), path.join(folder, 'anh-bia.jpg'));
      const replaced = runAstro(['build', '--outDir', dist], content.dir);
      expect(replaced.status, replaced.output).toBe(0);
      const second = coverOf();
      expect(second).toBeDefined();
      expect(second).not.toBe(first);
      expect(existsSync(path.join(dist, '_images', second!))).toBe(true);
      expect(readdirSync(path.join(dist, '_images'))).not.toContain(first);
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
