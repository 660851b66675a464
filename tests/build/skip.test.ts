/**
 * `npm run build` does nothing when nothing the site is built from has changed, and builds again when a file, a
 * setting or the output folder changes, or when a scheduled item comes due.
 */
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentWith, runBuild } from '../helpers/astro';

const SKIPPED = 'Không có gì thay đổi từ lần dựng trước';

describe('npm run build', () => {
  it('skips a build that would give the same site, and only that', () => {
    const content = contentWith({});
    const dist = path.join(path.dirname(content.dir), 'dist');
    const build = (env: Record<string, string> = {}, ...args: string[]) => {
      const run = runBuild(['--outDir', dist, ...args], content.dir, env);
      expect(run.status, run.output).toBe(0);
      return run.output.includes(SKIPPED) ? 'skipped' : run.output.includes('Complete!') ? 'built' : run.output;
    };
    const scheduled = path.join(dist, 'tin-tuc/bai-hen-gio/index.html');
    try {
      expect(build()).toBe('built');
      expect(build()).toBe('skipped');
      // The fixture's next change: "bai-hen-gio" is scheduled for 2030-01-01 (Viet Nam).
      expect(build({ BAN_TIN_NOW: '2029-12-31T23:59:00+07:00' })).toBe('skipped');
      expect(existsSync(scheduled)).toBe(false);
      expect(build({ BAN_TIN_NOW: '2030-01-01T00:00:00+07:00' })).toBe('built');
      expect(existsSync(scheduled)).toBe(true);
      expect(build({ BAN_TIN_NOW: '2030-01-01T00:00:00+07:00' })).toBe('skipped');

      const file = path.join(content.dir, 'news/guong-doan-vien-tre.md');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\nĐoạn viết thêm.\n`);
      expect(build()).toBe('built');
      expect(readFileSync(path.join(dist, 'tin-tuc/guong-doan-vien-tre/index.html'), 'utf8')).toContain('Đoạn viết thêm.');
      expect(build()).toBe('skipped');

      expect(build({ SITE_URL: 'https://tintuc.example.gov.vn' })).toBe('built');
      expect(readFileSync(path.join(dist, 'rss.xml'), 'utf8')).toContain('https://tintuc.example.gov.vn/');
      expect(build({ SITE_URL: 'https://tintuc.example.gov.vn' })).toBe('skipped');

      rmSync(path.join(dist, 'index.html'));
      rmSync(path.join(dist, '.ban-tin-build'));
      expect(build({ SITE_URL: 'https://tintuc.example.gov.vn' })).toBe('built');
      expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
      expect(build({ SITE_URL: 'https://tintuc.example.gov.vn' }, '--force')).toBe('built');
    } finally {
      content.cleanup();
    }
  });

  it('renders after a fresh checkout only what an edit changes, as on the same checkout', () => {
    const content = contentWith({});
    const dist = path.join(path.dirname(content.dir), 'dist');
    const build = () => {
      const run = runBuild(['--outDir', dist], content.dir);
      expect(run.status, run.output).toBe(0);
      return run.output;
    };
    /** Article pages rendered again, not copied from the last build. */
    const rendered = (output: string) => [...output.matchAll(/├─ (\/(?:tin-tuc|bao-cao|su-kien)\/[^/\s]+\/)index\.html(?! .*\(cached\))/g)].map((match) => match[1]);
    try {
      build();
      // A clone gives every file a new time; the bytes are the same but for one article's.
      const later = new Date(Date.now() + 60_000);
      for (const file of readdirSync(content.dir, { recursive: true, encoding: 'utf8' })) utimesSync(path.join(content.dir, file), later, later);
      const file = path.join(content.dir, 'news/guong-doan-vien-tre.md');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\nĐoạn viết thêm.\n`);
      const edited = rendered(build());
      expect(edited).toContain('/tin-tuc/guong-doan-vien-tre/');
      // Its neighbours (newer, older, related) show its title: the article with photos and attachments is not one.
      expect(edited).not.toContain('/tin-tuc/hien-mau-tinh-nguyen/');
      expect(edited.length).toBeLessThan(10);
    } finally {
      content.cleanup();
    }
  });
});
