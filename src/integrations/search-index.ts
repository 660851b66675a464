import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { setSearchFeed, type SearchFeed } from '../lib/search-feed';
import { BATCH_PAGES, SHARDS_FILE, type ShardsFile } from '../lib/search-batches';
import { byYear, describePage, indexedDocument, shardKey, shardOrder, type IndexedPage } from '../lib/search-shards';

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** The installed version of a package, found as Node finds it (pagefind exports no `package.json`). */
function installedVersion(name: string): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).version;
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

/** Everything besides the pages that shapes a shard: a change here indexes every year again. */
const SETTINGS = JSON.stringify({ pagefind: installedVersion('pagefind'), forceLanguage: 'vi', layout: 2 });
/** Pagefind's ready-made interfaces, which the portal does not use. */
const UNUSED_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

/** What the last build knew of each page: indexed (year and region hash) or not. */
interface PagesManifest {
  settings: string;
  pages: Record<string, IndexedPage | { url: string; indexed: false }>;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** A copy of a folder made of hard links (a copy across devices): the cache and the output share the files. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  return index;
}

async function addPage(index: PagefindIndex, url: string, region: string): Promise<void> {
  const added = await index.addHTMLFile({ url, content: indexedDocument(region) });
  if (added.errors.length) throw new Error(`pagefind (${url}): ${added.errors.join('; ')}`);
}

async function writeIndex(index: PagefindIndex, outputPath: string): Promise<void> {
  rmSync(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  for (const file of readdirSync(outputPath)) if (UNUSED_FILES.test(file)) rmSync(path.join(outputPath, file));
}

/** One year being indexed during the build, from the pages rendered in it. */
interface YearIndex {
  index: Promise<PagefindIndex>;
  urls: Set<string>;
  adds: Promise<void>[];
  /** Set once the year has been written (all its expected pages arrived). */
  written?: Promise<void>;
}

/**
 * Receives the pages as they are rendered. A page that is new or changed since the last build (its region differs)
 * makes its year a year to index again: it is added to that year's index at once, and the year is written as soon
 * as all its pages have arrived, which on a first build indexes the whole portal while pages render, one year in
 * pagefind's memory at a time. Pages kept from the last build are added when the build ends.
 */
class Feed implements SearchFeed {
  readonly rendered = new Map<string, IndexedPage | { url: string; indexed: false }>();
  readonly years = new Map<string, YearIndex>();
  private readonly work: Promise<unknown>[] = [];
  private expected: Record<string, number> = {};

  constructor(
    private readonly previous: PagesManifest['pages'],
    private readonly building: string,
  ) {}

  expect(pagesPerYear: Record<string, number>): void {
    this.expected = pagesPerYear;
  }

  page(url: string, html: string): void {
    const page = describePage(url, html);
    if (!page) {
      this.rendered.set(url, { url, indexed: false });
      return;
    }
    this.rendered.set(url, { url, year: page.year, hash: page.hash });
    const before = this.previous[url];
    const unchanged = before && 'hash' in before && before.hash === page.hash && before.year === page.year;
    if (unchanged && !this.years.has(page.year)) return;
    let year = this.years.get(page.year);
    if (!year) {
      year = { index: newIndex(), urls: new Set(), adds: [] };
      this.years.set(page.year, year);
      this.track(year.index);
    }
    // More pages than expected: the year is indexed again when the build ends.
    if (year.written) return;
    year.urls.add(url);
    const added = year.index.then((index) => addPage(index, url, page.region));
    year.adds.push(added);
    this.track(added);
    if (year.urls.size === this.expected[page.year]) {
      const { index, adds } = year;
      year.written = Promise.all(adds).then(async () => writeIndex(await index, path.join(this.building, page.year)));
      this.track(year.written);
    }
  }

  /** Kept for `settled`, which reports its failure; until then it must not count as unhandled. */
  private track(work: Promise<unknown>): void {
    work.catch(() => undefined);
    this.work.push(work);
  }

  /** Waits for every page sent to pagefind; throws the first error. */
  async settled(): Promise<void> {
    for (let done = 0; done < this.work.length; ) {
      const batch = this.work.slice(done);
      await Promise.all(batch);
      done += batch.length;
    }
  }
}

/**
 * Builds the search index with the site, so `npm run build` always ships search: one pagefind index per year
 * (`/pagefind/<year>/`, listed with their page counts in `/pagefind/shards.json`). Pages are indexed while they are
 * rendered (`search-middleware.ts`); each year is kept in the build cache under a key of its pages' regions, and a
 * build indexes only the years whose pages changed.
 */
export function searchIndex({ batchPages = BATCH_PAGES }: { batchPages?: number } = {}): AstroIntegration {
  let cacheRoot = '';
  let feed: Feed | undefined;
  const manifestFile = () => path.join(cacheRoot, 'pages.json');
  const building = () => path.join(cacheRoot, '.building');

  return {
    name: 'ban-tin-search-index',
    hooks: {
      'astro:config:setup': ({ addMiddleware, command }) => {
        if (command === 'build') addMiddleware({ entrypoint: new URL('./search-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        cacheRoot = path.join(fileURLToPath(config.cacheDir), 'search-index');
      },
      'astro:build:start': () => {
        const manifest = readJson<PagesManifest>(manifestFile());
        rmSync(building(), { recursive: true, force: true });
        feed = new Feed(manifest?.settings === SETTINGS ? manifest.pages : {}, building());
        setSearchFeed(feed);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        setSearchFeed(undefined);
        const site = fileURLToPath(dir);
        const output = path.join(site, 'pagefind');
        const current = feed!;
        try {
          await current.settled();
          const previous = readJson<PagesManifest>(manifestFile());
          const known = previous?.settings === SETTINGS ? previous.pages : {};
          const fileOf = (url: string) => path.join(site, url.endsWith('/') ? `${url}index.html` : url);
          // Every page of this build: as rendered now, or as the last build left it (kept or restored unchanged).
          const described = new Map<string, IndexedPage | { url: string; indexed: false }>();
          for (const { pathname } of pages) {
            const url = `/${pathname}`.replace(/^\/+/, '/');
            const info = current.rendered.get(url) ?? known[url];
            if (info) described.set(url, info);
            else {
              const html = existsSync(fileOf(url)) ? readFileSync(fileOf(url), 'utf8') : '';
              const page = describePage(url, html);
              described.set(url, page ? { url, year: page.year, hash: page.hash } : { url, indexed: false });
            }
          }
          const indexed = [...described.values()].filter((page): page is IndexedPage => 'hash' in page);
          const years = byYear(indexed);
          const reindexed: string[] = [];
          for (const [year, yearPages] of years) {
            const key = shardKey(yearPages, SETTINGS);
            const cached = path.join(cacheRoot, year);
            const target = path.join(output, year);
            if (readJson<string>(path.join(cached, 'key.json')) === key) {
              if (!existsSync(path.join(target, 'pagefind-entry.json'))) {
                rmSync(target, { recursive: true, force: true });
                linkTree(path.join(cached, 'files'), target);
              }
              continue;
            }
            const fresh = path.join(building(), year);
            const started = current.years.get(year);
            const urls = new Set(yearPages.map((page) => page.url));
            const complete = started?.written && started.urls.size === urls.size && [...urls].every((url) => started.urls.has(url));
            if (!complete) {
              // Start again from the pages of the year that the index has not seen, read from the output.
              const index = started && !started.written ? await started.index : await newIndex();
              const seen = started && !started.written ? started.urls : new Set<string>();
              for (const page of yearPages) {
                if (seen.has(page.url)) continue;
                const region = describePage(page.url, readFileSync(fileOf(page.url), 'utf8'))?.region;
                if (region === undefined) throw new Error(`chỉ mục tìm kiếm: không đọc được ${fileOf(page.url)}`);
                await addPage(index, page.url, region);
              }
              await writeIndex(index, fresh);
            }
            rmSync(cached, { recursive: true, force: true });
            mkdirSync(cached, { recursive: true });
            renameSync(fresh, path.join(cached, 'files'));
            writeFileSync(path.join(cached, 'key.json'), JSON.stringify(key));
            rmSync(target, { recursive: true, force: true });
            linkTree(path.join(cached, 'files'), target);
            reindexed.push(year);
          }
          // Years without pages any more leave the output and the cache.
          for (const name of existsSync(output) ? readdirSync(output) : []) {
            if (name !== SHARDS_FILE && !years.has(name)) rmSync(path.join(output, name), { recursive: true, force: true });
          }
          for (const name of existsSync(cacheRoot) ? readdirSync(cacheRoot) : []) {
            if (!years.has(name) && name !== path.basename(manifestFile()) && name !== path.basename(building())) {
              rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
            }
          }
          const order = shardOrder(years.keys());
          const shards: ShardsFile = { shards: order.map((year) => ({ year, pages: years.get(year)!.length })), batchPages };
          mkdirSync(output, { recursive: true });
          writeFileSync(path.join(output, SHARDS_FILE), JSON.stringify(shards));
          writeFileSync(manifestFile(), JSON.stringify({ settings: SETTINGS, pages: Object.fromEntries(described) } satisfies PagesManifest));
          logger.info(
            `chỉ mục tìm kiếm: ${indexed.length} trang trong ${order.length} năm; lập lại ${reindexed.length} năm` +
              (reindexed.length ? ` (${reindexed.sort().join(', ')})` : '') +
              `, dùng lại ${order.length - reindexed.length} năm từ lần dựng trước`,
          );
        } finally {
          await pagefind.close();
          rmSync(building(), { recursive: true, force: true });
        }
      },
    },
  };
}
