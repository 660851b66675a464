import type { AstroIntegration } from 'astro';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { describePage, groupPages, MIN_SHARD_PAGES, shardKey, shardOrder, SHARDS_FILE, type IndexedPage } from '../lib/search-shards';

/** The installed version of a package, found as Node finds it (pagefind exports no `package.json`). */
function installedVersion(name: string): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).version;
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

const PAGEFIND_VERSION = installedVersion('pagefind');
/** Everything besides the pages that shapes a shard: a change here indexes every shard again. */
const SETTINGS = JSON.stringify({ pagefind: PAGEFIND_VERSION, forceLanguage: 'vi', layout: 1 });
/** Pagefind's ready-made interfaces, which the portal does not use. */
const UNUSED_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;
/** Shards indexed at once; each is its own index in pagefind's process. */
const PARALLEL_SHARDS = 2;

/** The built pages that carry `data-pagefind-body`, read one at a time so their HTML is not all held at once. */
function indexedPages(site: string): IndexedPage[] {
  const pages: IndexedPage[] = [];
  for (const file of readdirSync(site, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html') || /^(pagefind|admin)[/\\]/.test(file)) continue;
    const fullPath = path.join(site, file);
    const page = describePage(file, fullPath, readFileSync(fullPath, 'utf8'));
    if (page) pages.push(page);
  }
  return pages;
}

async function indexShard(pages: IndexedPage[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  for (const page of pages) {
    const added = await index.addHTMLFile({ url: page.url, content: readFileSync(page.file, 'utf8') });
    if (added.errors.length) throw new Error(`pagefind (${page.url}): ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  for (const file of readdirSync(outputPath)) if (UNUSED_FILES.test(file)) rmSync(path.join(outputPath, file));
}

/** Runs `task` on every item, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Builds the search index from the finished site, so `npm run build` always ships search: one pagefind index per
 * shard of years (`/pagefind/<shard>/`, listed with the years in `/pagefind/shards.json`), each kept in the build
 * cache with a key of its pages, so that a build indexes only the shards whose pages changed. `minShardPages`:
 * see `MIN_SHARD_PAGES`.
 */
export function searchIndex({ minShardPages = MIN_SHARD_PAGES }: { minShardPages?: number } = {}): AstroIntegration {
  let cacheRoot = '';
  return {
    name: 'ban-tin-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheRoot = path.join(fileURLToPath(config.cacheDir), 'search-index');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const output = path.join(site, 'pagefind');
        rmSync(output, { recursive: true, force: true });
        const pages = indexedPages(site);
        const shards = groupPages(pages, minShardPages);
        const years = shardOrder(new Set(pages.map((page) => page.year)));
        const order = shardOrder(shards.keys());
        const indexed: string[] = [];
        try {
          await eachLimited(order, PARALLEL_SHARDS, async (shard) => {
            const shardPages = shards.get(shard)!;
            const key = shardKey(shardPages, SETTINGS);
            const cached = path.join(cacheRoot, shard);
            const target = path.join(output, shard);
            if (existsSync(path.join(cached, 'key')) && readFileSync(path.join(cached, 'key'), 'utf8') === key) {
              cpSync(path.join(cached, 'files'), target, { recursive: true });
              return;
            }
            await indexShard(shardPages, target);
            rmSync(cached, { recursive: true, force: true });
            cpSync(target, path.join(cached, 'files'), { recursive: true });
            writeFileSync(path.join(cached, 'key'), key);
            indexed.push(shard);
          });
        } finally {
          await pagefind.close();
        }
        // Shards that no longer exist leave the cache too.
        if (existsSync(cacheRoot)) {
          for (const shard of readdirSync(cacheRoot)) if (!shards.has(shard)) rmSync(path.join(cacheRoot, shard), { recursive: true, force: true });
        }
        mkdirSync(output, { recursive: true });
        writeFileSync(path.join(output, SHARDS_FILE), JSON.stringify({ shards: order, years }));
        const reused = order.length - indexed.length;
        logger.info(
          `chỉ mục tìm kiếm: ${pages.length} trang trong ${order.length} phần; lập lại ${indexed.length} phần` +
            (indexed.length ? ` (${indexed.sort().join(', ')})` : '') +
            `, dùng lại ${reused} phần từ lần dựng trước`,
        );
      },
    },
  };
}
