/**
 * A few pages indexed by pagefind alone (no portal build) and searched in headless Chromium, as the search page
 * searches: for tests of how the portal ranks what pagefind returns.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { serveStatic } from './server';

export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  /** The page's name, as given. */
  url: string;
}

export interface IndexedPages {
  /** Pagefind's results of each query, best first. */
  searchEach: (queries: string[]) => Promise<PagefindResult[][]>;
  close: () => Promise<void>;
}

/** Indexes `pages` (name → text of one paragraph) with pagefind and opens a page beside them in Chromium. */
export async function indexPages(pages: Record<string, string>): Promise<IndexedPages> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ban-tin-ranking-'));
  mkdirSync(path.join(dir, 'site'));
  for (const [name, text] of Object.entries({ ...pages, index: '', 404: '' })) {
    writeFileSync(path.join(dir, 'site', `${name}.html`), `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài</title></head><body><main data-pagefind-body><p>${text}</p></main></body></html>`);
  }
  const { index } = await pagefind.createIndex({});
  await index!.addDirectory({ path: path.join(dir, 'site') });
  await index!.writeFiles({ outputPath: path.join(dir, 'site/pagefind') });
  await pagefind.close();
  const server = await serveStatic(path.join(dir, 'site'));
  let browser: Browser | undefined;
  let page: Page;
  try {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${server.url}/index.html`);
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
  return {
    // A string, so that the test runner does not rewrite the page's `import()`.
    searchEach: (queries) =>
      page.evaluate(`(async (queries) => {
        const pagefind = await import('/pagefind/pagefind.js');
        return Promise.all(queries.map(async (query) => {
          const { results } = await pagefind.search(query);
          return Promise.all(results.map(async (result) => ({
            id: result.id, score: result.score, words: result.words, url: (await result.data()).url.replace(/^\\/|\\.html$/g, ''),
          })));
        }));
      })(${JSON.stringify(queries)})`),
    close: async () => {
      await browser?.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
