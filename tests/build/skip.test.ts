/**
 * `npm run build` does nothing when nothing the site is built from has changed, and builds again when a file, a
 * setting or the output folder changes, or when a scheduled item comes due.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
});
