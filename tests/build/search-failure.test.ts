/**
 * A search index that pagefind could not finish fails the build: a site without search must not be published as if
 * it were whole. Pagefind's binary is replaced by a stand-in that kills the real one on a write request.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentWith, ROOT, runAstro } from '../helpers/astro';

const REAL_PAGEFIND = path.join(ROOT, 'node_modules/@pagefind', `${os.platform()}-${os.arch()}`, 'bin/pagefind_extended');
const STAND_IN = path.join(ROOT, 'tests/fixtures/pagefind-stops.mjs');

describe('a pagefind service that stops', () => {
  it.each<{ when: string; settings: Record<string, string>; expected: RegExp }>([
    // The fixture makes one shard: its write is the last request, and nothing would ever answer it.
    { when: 'while writing the last shard', settings: {}, expected: /dịch vụ pagefind đã dừng trước khi ghi xong chỉ mục/ },
    // A shard for every few pages: the service stops at the first shard's write. Whatever is sent to it next finds it closed
    // (pagefind's own error); if nothing is, the requests left are never answered (the portal's error).
    {
      when: 'while other shards are being indexed',
      settings: { BAN_TIN_SEARCH_SHARD_PAGES: '1' },
      expected: /Pagefind backend closed|dịch vụ pagefind đã dừng trước khi ghi xong chỉ mục/,
    },
  ])('fails the build $when', ({ settings, expected }) => {
    expect(existsSync(REAL_PAGEFIND), REAL_PAGEFIND).toBe(true);
    const content = contentWith({});
    // Beside the content, so that cleaning up removes it.
    const dist = path.join(path.dirname(content.dir), 'dist');
    try {
      const run = runAstro(['build', '--outDir', dist], content.dir, {
        ...settings,
        PAGEFIND_EXTENDED_BINARY_PATH: STAND_IN,
        REAL_PAGEFIND,
        STOP_AT_WRITE: '1',
      });
      expect(run.output).toContain('pagefind-stops: the service stops at write 1');
      expect(run.status, run.output).not.toBe(0);
      expect(run.output).toMatch(expected);
    } finally {
      content.cleanup();
    }
  });
});
