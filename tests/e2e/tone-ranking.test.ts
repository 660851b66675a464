/**
 * Vietnamese writes the tone of oa, oe, uy on either vowel (hóa, hoá). Pagefind, in headless Chromium, ranks only the
 * placement typed as the exact word; the search page searches both (`querySpellings`) and adds up the scores
 * (`mergeByScore`). On three pages indexed by pagefind here: one about "văn hóa", one about flowers ("hoa").
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeByScore, querySpellings } from '../../src/lib/search-query';
import { launchChromium } from '../helpers/browser';
import { serveStatic } from '../helpers/server';

const PAGES = {
  'van-hoa': 'Nhà văn hóa tỉnh tổ chức ngày hội văn hóa cho đoàn viên.',
  'hoa-tuoi': 'Đoàn viên tặng hoa tươi cho nhà văn và bình hoa đẹp. Hoa hồng, hoa cúc.',
  'hoa-binh': 'Hòa bình và hữu nghị giữa các dân tộc.',
};

let dir: string;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ban-tin-tones-'));
  mkdirSync(path.join(dir, 'site'));
  for (const [name, text] of Object.entries({ ...PAGES, index: '', 404: '' })) {
    writeFileSync(path.join(dir, 'site', `${name}.html`), `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài</title></head><body><main data-pagefind-body><p>${text}</p></main></body></html>`);
  }
  const { index } = await pagefind.createIndex({});
  await index!.addDirectory({ path: path.join(dir, 'site') });
  await index!.writeFiles({ outputPath: path.join(dir, 'site/pagefind') });
  await pagefind.close();
  server = await serveStatic(path.join(dir, 'site'));
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${server.url}/index.html`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Pagefind's results of each spelling, as the search page gets them. */
function searchEach(spellings: string[]): Promise<{ id: string; score: number; url: string }[][]> {
  // A string, so that the test runner does not rewrite the page's `import()`.
  return page.evaluate(`(async (queries) => {
    const pagefind = await import('/pagefind/pagefind.js');
    return Promise.all(queries.map(async (query) => {
      const { results } = await pagefind.search(query);
      return Promise.all(results.map(async (result) => ({ id: result.id, score: result.score, url: (await result.data()).url })));
    }));
  })(${JSON.stringify(spellings)})`);
}
const urls = (results: { url: string }[]) => results.map(({ url }) => url.replace(/^\/|\.html$/g, ''));

describe('the tone of oa, oe, uy on either vowel', () => {
  it('ranks "văn hóa" first for "hoá" and "văn hoá" typed the other way, where pagefind alone ranked the flowers first', async () => {
    // Pagefind alone, the placement typed: the page of flowers comes first.
    expect(urls((await searchEach(['hoá']))[0])[0]).toBe('hoa-tuoi');
    for (const query of ['hoá', 'văn hoá', 'hóa', 'văn hóa']) {
      const ranked = urls(mergeByScore(await searchEach(querySpellings(query))));
      expect(ranked[0], query).toBe('van-hoa');
      expect(ranked, query).toContain('hoa-tuoi');
    }
  });
});
