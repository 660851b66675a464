import { describe, expect, it } from 'vitest';
import { CLOCK_MARGIN_MS, staleFiles } from '../../src/lib/output-files';

describe('staleFiles', () => {
  const start = 1_700_000_000_000;
  const before = start - 60_000;
  const during = start + 5_000;

  it('keeps pages of this build, even when they were not written again', () => {
    const routes = new Set(['tin-tuc/a/index.html']);
    expect(staleFiles([{ file: 'tin-tuc/a/index.html', modified: before }], routes, start)).toEqual([]);
  });

  it('keeps files written during this build (assets, public files, images)', () => {
    expect(staleFiles([{ file: '_astro/index.abc.css', modified: during }], new Set(), start)).toEqual([]);
  });

  it('removes an old page no route produced and an old asset', () => {
    const files = [
      { file: 'tin-tuc/da-xoa/index.html', modified: before },
      { file: '_astro/index.old.css', modified: before },
      { file: 'tin-tuc/a/index.html', modified: before },
    ];
    expect(staleFiles(files, new Set(['tin-tuc/a/index.html']), start)).toEqual(['tin-tuc/da-xoa/index.html', '_astro/index.old.css']);
  });

  it('allows a file time slightly behind the clock', () => {
    expect(staleFiles([{ file: 'robots.txt', modified: start - CLOCK_MARGIN_MS / 2 }], new Set(), start)).toEqual([]);
    expect(staleFiles([{ file: 'robots.txt', modified: start - CLOCK_MARGIN_MS - 1 }], new Set(), start)).toEqual(['robots.txt']);
  });
});
