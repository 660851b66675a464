import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { isHashedFile, linkTree, removeUnreferenced } from '../lib/pagefind-files.ts';
import { setSearchFeed, type SearchFeed, type SearchPage } from '../lib/search-feed.ts';
import { BATCH_PAGES, INLINE_SHARDS_ID, SHARDS_FILE, type ShardsFile } from '../lib/search-batches.ts';
import { scriptJson } from '../lib/script-json.ts';
import { describePage, indexedDocument, indexedPagesFirst, InOrder, planShards, SHARD_PAGES, shardKey, type IndexedPage } from '../lib/search-shards.ts';
import { builtPageUrl, urls } from '../lib/urls.ts';

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** The installed version of a package, found as Node finds it (pagefind exports no `package.json`). */
function installedVersion(name: string): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).version;
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

/**
 * Word positions per index chunk, where pagefind's default is 20,000. A search loads the whole chunk of each of its
 * words, so smaller chunks make a search load less: at 10,000 articles, a first search loaded 133–171 kB in all
 * instead of 163–224 kB, a second one 45–83 kB instead of 77–138 kB (docs/performance.md, Search on 6 December).
 * Pagefind 1.6 takes this from its environment only; a pagefind without it writes the same index in larger chunks.
 */
const INDEX_CHUNK_POSITIONS = 2500;

/**
 * Everything besides the pages that shapes a shard: a change here indexes every shard again. `layout` counts changes
 * of what the portal makes of a shard: its files, its documents and list of words spelt more ways than one
 * (`indexedDocument`), its months (`groupMonths`).
 */
const SETTINGS = JSON.stringify({ pagefind: installedVersion('pagefind'), forceLanguage: 'vi', chunk: INDEX_CHUNK_POSITIONS, layout: 9 });
/** In a shard's cache folder, next to its key: the words of its pages whose spelling a reader may vary. */
const SPELLING_WORDS_FILE = 'spelling-words.json';
/** Pagefind's ready-made interfaces, which the portal does not use. */
const UNUSED_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

/** What the last build knew of each page: indexed (month and region hash) or not. */
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

async function newIndex(): Promise<PagefindIndex> {
  // Read by pagefind's service when the first index starts it.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_POSITIONS);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  return index;
}

/** Adds a page to a shard's index, and the words a reader may spell otherwise to the shard's (`ShardsFile.spellingWords`). */
async function addPage(index: PagefindIndex, url: string, region: string, spellingWords: Set<string>): Promise<void> {
  const added = await index.addHTMLFile({ url, content: indexedDocument(region, spellingWords) });
  if (added.errors.length) throw new Error(`pagefind (${url}): ${added.errors.join('; ')}`);
}

/**
 * Writes a shard to `outputPath`, over the hashed files of its last version (`previous`, when there is one), which
 * pagefind keeps as they are: only what changed is compressed and written (`pagefind-files.ts`).
 */
async function writeIndex(index: PagefindIndex, outputPath: string, previous?: string): Promise<void> {
  rmSync(outputPath, { recursive: true, force: true });
  const over = previous !== undefined && existsSync(path.join(previous, 'pagefind-entry.json'));
  if (over) linkTree(previous, outputPath, isHashedFile);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  for (const file of readdirSync(outputPath)) if (UNUSED_FILES.test(file)) rmSync(path.join(outputPath, file));
  if (over) removeUnreferenced(outputPath);
}

/**
 * The files of a shard that any search of it loads first: script, wasm, metadata, and the entry file as pagefind
 * asks for it (`?ts=<tag>`, see `Shard.tag`).
 */
function searchFiles(output: string, shard: string, tag: string): string[] {
  return readdirSync(path.join(output, shard))
    .filter((file) => /^(pagefind\.js|wasm\..+\.pagefind|pagefind\..+\.pf_meta)$/.test(file))
    .sort()
    .map((file) => `/pagefind/${shard}/${file}`)
    .concat(`/pagefind/${shard}/pagefind-entry.json?ts=${tag}`);
}

/** Writes the list of shards into the built search page (`INLINE_SHARDS_ID`), which renders it empty. */
function inlineShards(site: string, list: ShardsFile): void {
  const file = pageFile(site, urls.search);
  if (!existsSync(file)) return;
  const html = readFileSync(file, 'utf8');
  const element = new RegExp(`(<script type="application/json" id="${INLINE_SHARDS_ID}">)[^<]*(</script>)`);
  if (!element.test(html)) throw new Error(`chỉ mục tìm kiếm: ${file} không có phần tử #${INLINE_SHARDS_ID} để ghi danh sách chỉ mục`);
  writeFileSync(file, html.replace(element, (_, open: string, close: string) => `${open}${scriptJson(list)}${close}`));
}

/** The built page of a site path. */
function pageFile(site: string, url: string): string {
  return path.join(site, url.endsWith('/') ? `${url}index.html` : url);
}

/** A shard as the portal announced it (`Feed.expect`): its pages, in the order pagefind gets them. */
interface ExpectedShard {
  name: string;
  months: string[];
  pages: readonly string[];
  members: ReadonlySet<string>;
}

/** One shard being indexed during the build. */
interface ShardIndex {
  expected: ExpectedShard;
  index: Promise<PagefindIndex>;
  /** Regions on their way to pagefind, in the shard's order (`Feed.order`). */
  pages: InOrder<string>;
  /** The pages added or on their way, with the hash of their region. */
  added: Map<string, string>;
  /** The words of the pages added whose spelling a reader may vary (`ShardsFile.spellingWords`). */
  spellingWords: Set<string>;
  adds: Promise<void>[];
  /**
   * A page changed after its older version was added, or one came that the shard did not expect: the shard is
   * indexed again from scratch when the build ends.
   */
  stale: boolean;
  /** Set once the shard has been written (all its expected pages added). */
  written?: Promise<void>;
}

/**
 * Receives the pages as they are rendered. A page that is new or changed since the last build (its region differs,
 * or, known before it renders, its file changed) makes its shard one to index again, and the shard is indexed while
 * the build goes on: the page once it renders, the other pages of the shard as the last build left them in the
 * output (an edit re-renders the pages that link to the edited one, but their regions do not change), and the pages
 * rendered later as they come. The shard is written as soon as all its pages are in, which on a first build indexes
 * the whole portal while pages render, about one shard in pagefind's memory at a time. Whatever the feed could not
 * finish is done when the build ends.
 *
 * Every shard gets its pages in the portal's order (`expect`), whatever order they render in (`InOrder`), so that a
 * build gives the same index as any other of the same content.
 */
class Feed implements SearchFeed {
  readonly rendered = new Map<string, IndexedPage | { url: string; indexed: false }>();
  readonly shards = new Map<string, ShardIndex>();
  private readonly work: Promise<unknown>[] = [];
  private shardOfMonth = new Map<string, ExpectedShard>();
  /** Where each expected page comes in the portal's order. */
  private position = new Map<string, number>();

  private readonly previous: PagesManifest['pages'];
  private readonly site: string;
  private readonly building: string;
  private readonly shardPages: number;
  /** Where the last version of a shard's files is kept, if it was indexed the same way. */
  private readonly lastFiles: (shard: string) => string | undefined;

  // Fields set one by one: Node's own TypeScript support, which loads the configuration, takes no parameter properties.
  constructor(
    previous: PagesManifest['pages'],
    site: string,
    building: string,
    shardPages: number,
    lastFiles: (shard: string) => string | undefined,
  ) {
    this.previous = previous;
    this.site = site;
    this.building = building;
    this.shardPages = shardPages;
    this.lastFiles = lastFiles;
  }

  /** Pages in the order every shard gets them: the portal's, then any it did not announce by path. */
  order(urls: Iterable<string>): string[] {
    const at = (url: string) => this.position.get(url) ?? Infinity;
    return [...urls].sort((a, b) => at(a) - at(b) || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** A page the portal announced for the index. */
  expects(url: string): boolean {
    return this.position.has(url);
  }

  expect(pages: readonly SearchPage[], changed: ReadonlySet<string>): void {
    pages.forEach(({ url }, at) => this.position.set(url, at));
    const { byMonth, shards } = planShards(pages, this.shardPages);
    for (const { name, months } of shards) {
      const shardPages = this.order(months.flatMap((month) => byMonth.get(month)!.map((page) => page.url)));
      const expected = { name, months, pages: shardPages, members: new Set(shardPages) };
      for (const month of months) this.shardOfMonth.set(month, expected);
    }
    // The shards of the pages that changed since the last build start at once, from the pages of theirs that did
    // not change, while the build goes on to render; the changed pages join them as they render.
    if (changed.size === 0) return;
    const current = new Set(pages.map((page) => page.url));
    const keep = (url: string) => current.has(url) && !changed.has(url);
    const considered = new Set<string>();
    for (const page of pages) {
      const expected = changed.has(page.url) ? this.shardOfMonth.get(page.month) : undefined;
      if (!expected || considered.has(expected.name) || this.shards.has(expected.name)) continue;
      considered.add(expected.name);
      // A first build, or a shard whose every page changed: its pages come as they render.
      const kept = this.keptPages(expected, keep);
      if (kept.length > 0) this.start(expected, kept);
    }
  }

  page(url: string, html: string): void {
    const page = describePage(url, html);
    if (!page) {
      this.rendered.set(url, { url, indexed: false });
      return;
    }
    this.rendered.set(url, { url, month: page.month, hash: page.hash });
    const expected = this.shardOfMonth.get(page.month);
    // A month the portal did not announce: its shard is made when the build ends.
    if (!expected) return;
    let shard = this.shards.get(expected.name);
    if (!shard) {
      const before = this.previous[url];
      if (before && 'hash' in before && before.hash === page.hash && before.month === page.month) return;
      shard = this.start(expected, this.keptPages(expected, (other) => other !== url));
    }
    this.offer(shard, url, page.hash, page.region);
  }

  /** The pages of a shard that the last build indexed, which `keep` accepts. */
  private keptPages(expected: ExpectedShard, keep: (url: string) => boolean): string[] {
    return expected.pages.filter((url) => {
      const info = this.previous[url];
      return keep(url) && info !== undefined && 'hash' in info && expected.months.includes(info.month);
    });
  }

  /** Starts indexing a shard again with `kept` pages as the last build left them in the output. */
  private start(expected: ExpectedShard, kept: readonly string[]): ShardIndex {
    const index = newIndex();
    const adds: Promise<void>[] = [];
    const spellingWords = new Set<string>();
    const pages = new InOrder<string>(expected.pages, (url, region) => {
      const added = index.then((opened) => addPage(opened, url, region, spellingWords));
      adds.push(added);
      this.track(added);
    });
    const shard: ShardIndex = { expected, index, pages, added: new Map(), spellingWords, adds, stale: false };
    this.shards.set(expected.name, shard);
    this.track(index);
    for (const url of kept) {
      const file = pageFile(this.site, url);
      const page = existsSync(file) ? describePage(url, readFileSync(file, 'utf8')) : undefined;
      if (page) this.offer(shard, url, page.hash, page.region);
    }
    return shard;
  }

  /** A page for the shard: it goes to pagefind once every page before it in the shard's order has. */
  private offer(shard: ShardIndex, url: string, hash: string, region: string): void {
    const offered = shard.added.get(url);
    if (offered === hash) return;
    // Offered already in its older version, not a page of the shard, or come after the shard was written.
    if (offered !== undefined || shard.written || !shard.expected.members.has(url)) {
      shard.stale = true;
      return;
    }
    shard.added.set(url, hash);
    shard.pages.offer(url, region);
    if (shard.pages.done) {
      const { index, adds, expected } = shard;
      shard.written = Promise.all(adds).then(async () => writeIndex(await index, path.join(this.building, expected.name), this.lastFiles(expected.name)));
      this.track(shard.written);
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
 * Builds the search index with the site, so `npm run build` always ships search: one pagefind index per shard of
 * consecutive years or months (`/pagefind/<name>/`, listed with their years and page counts in
 * `/pagefind/shards.json`). Pages are indexed while they are rendered (`search-middleware.ts`); each shard is kept
 * in the build cache under a key of its pages' regions, and a build indexes only the shards whose pages changed.
 * `shardPages`: see `groupMonths`; `batchPages`: see `BATCH_PAGES`.
 */
export function searchIndex({ shardPages = SHARD_PAGES, batchPages = BATCH_PAGES }: { shardPages?: number; batchPages?: number } = {}): AstroIntegration {
  let cacheRoot = '';
  let outDir = '';
  let withAdapter = false;
  let feed: Feed | undefined;
  const manifestFile = () => path.join(cacheRoot, 'pages.json');
  const building = () => path.join(cacheRoot, '.building');
  const lastFiles = (shard: string) => path.join(cacheRoot, shard, 'files');

  return {
    name: 'ban-tin-search-index',
    hooks: {
      'astro:config:setup': ({ addMiddleware, command }) => {
        if (command === 'build') addMiddleware({ entrypoint: new URL('./search-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        cacheRoot = path.join(fileURLToPath(config.cacheDir), 'search-index');
        outDir = fileURLToPath(config.outDir);
        withAdapter = config.adapter !== undefined;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const manifest = readJson<PagesManifest>(manifestFile());
        rmSync(building(), { recursive: true, force: true });
        const same = manifest?.settings === SETTINGS;
        const current = new Feed(same ? manifest.pages : {}, outDir, building(), shardPages, (shard) => (same ? lastFiles(shard) : undefined));
        feed = current;
        setSearchFeed(current);
        // The portal announces its indexed pages while Astro collects the paths, before any page renders. An
        // adapter may render pages its own way (its own prerenderer), which this must not replace: order is only speed.
        if (!withAdapter) {
          setPrerenderer((astro) => ({
            ...astro,
            getStaticPaths: async () => {
              const found = await astro.getStaticPaths();
              const ordered = <P extends { pathname: string }>(paths: readonly P[]) => indexedPagesFirst(paths, (url) => current.expects(url));
              // The paths alone (the older form), or with the images they resolved.
              return Array.isArray(found) ? ordered(found) : { ...found, paths: ordered(found.paths) };
            },
          }));
        }
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        setSearchFeed(undefined);
        const site = fileURLToPath(dir);
        const output = path.join(site, 'pagefind');
        const current = feed!;
        // Pagefind's script does not notice its service stopping (a crash, a full disk): a request it was answering
        // then never settles, nothing is left for Node to do, and the build would end with success and no index.
        const serviceStopped = () => {
          logger.error('chỉ mục tìm kiếm: dịch vụ pagefind đã dừng trước khi ghi xong chỉ mục (xem lỗi của pagefind ở trên); bản dựng thất bại, để không xuất bản trang thiếu tìm kiếm');
          process.exitCode = 1;
        };
        process.once('beforeExit', serviceStopped);
        try {
          await current.settled();
          const previous = readJson<PagesManifest>(manifestFile());
          // Pages and shard files of the last build count only if it indexed the same way.
          const same = previous?.settings === SETTINGS;
          const known = same ? previous.pages : {};
          const fileOf = (url: string) => pageFile(site, url);
          // Every page of this build: as rendered now, or as the last build left it (kept or restored unchanged).
          const described = new Map<string, IndexedPage | { url: string; indexed: false }>();
          for (const { pathname } of pages) {
            const url = builtPageUrl(pathname);
            const info = current.rendered.get(url) ?? known[url];
            if (info) described.set(url, info);
            else {
              const html = existsSync(fileOf(url)) ? readFileSync(fileOf(url), 'utf8') : '';
              const page = describePage(url, html);
              described.set(url, page ? { url, month: page.month, hash: page.hash } : { url, indexed: false });
            }
          }
          const indexed = [...described.values()].filter((page): page is IndexedPage => 'hash' in page);
          const { byMonth: months, shards } = planShards(indexed, shardPages);
          const reindexed: string[] = [];
          const tags = new Map<string, string>();
          const spellingWords = new Set<string>();
          for (const { name, months: shardMonths } of shards) {
            const shardPagesNow = shardMonths.flatMap((month) => months.get(month)!);
            const key = shardKey(shardPagesNow, SETTINGS);
            tags.set(name, key.slice(0, 16));
            const cached = path.join(cacheRoot, name);
            const target = path.join(output, name);
            // A shard cached without its list of words (by an older version) is indexed again.
            const cachedSpellingWords = readJson<string[]>(path.join(cached, SPELLING_WORDS_FILE));
            if (cachedSpellingWords && readJson<string>(path.join(cached, 'key.json')) === key) {
              for (const word of cachedSpellingWords) spellingWords.add(word);
              if (!existsSync(path.join(target, 'pagefind-entry.json'))) {
                rmSync(target, { recursive: true, force: true });
                linkTree(lastFiles(name), target);
              }
              continue;
            }
            const fresh = path.join(building(), name);
            const started = current.shards.get(name);
            const hashes = new Map(shardPagesNow.map((page) => [page.url, page.hash]));
            // What the feed wrote is this build's pages as they are now (none changed after, none gone since, none missing).
            const consistent = started && !started.stale && [...started.added].every(([url, hash]) => hashes.get(url) === hash);
            const complete = consistent && started.written && started.added.size === hashes.size;
            const shardSpellingWords = complete ? started.spellingWords : new Set<string>();
            if (!complete) {
              // Indexed again from the output, in the same order as pages reach a shard during the build.
              const index = await newIndex();
              for (const url of current.order(shardPagesNow.map((page) => page.url))) {
                const region = describePage(url, readFileSync(fileOf(url), 'utf8'))?.region;
                if (region === undefined) throw new Error(`chỉ mục tìm kiếm: không đọc được ${fileOf(url)}`);
                await addPage(index, url, region, shardSpellingWords);
              }
              await writeIndex(index, fresh, same ? lastFiles(name) : undefined);
            }
            for (const word of shardSpellingWords) spellingWords.add(word);
            rmSync(cached, { recursive: true, force: true });
            mkdirSync(cached, { recursive: true });
            renameSync(fresh, lastFiles(name));
            writeFileSync(path.join(cached, SPELLING_WORDS_FILE), JSON.stringify([...shardSpellingWords].sort()));
            writeFileSync(path.join(cached, 'key.json'), JSON.stringify(key));
            rmSync(target, { recursive: true, force: true });
            linkTree(lastFiles(name), target);
            reindexed.push(name);
          }
          // Shards that no longer exist leave the output and the cache.
          const names = new Set(shards.map((shard) => shard.name));
          for (const name of existsSync(output) ? readdirSync(output) : []) {
            if (name !== SHARDS_FILE && !names.has(name)) rmSync(path.join(output, name), { recursive: true, force: true });
          }
          for (const name of existsSync(cacheRoot) ? readdirSync(cacheRoot) : []) {
            if (!names.has(name) && name !== path.basename(manifestFile()) && name !== path.basename(building())) {
              rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
            }
          }
          const list: ShardsFile = {
            shards: shards.map(({ name, years, months: shardMonths, from }) => ({
              name,
              years,
              from,
              pages: shardMonths.reduce((sum, month) => sum + months.get(month)!.length, 0),
              tag: tags.get(name)!,
            })),
            batchPages,
            spellingWords: [...spellingWords].sort(),
            preload: shards.length > 0 ? searchFiles(output, shards[0].name, tags.get(shards[0].name)!) : [],
          };
          mkdirSync(output, { recursive: true });
          writeFileSync(path.join(output, SHARDS_FILE), JSON.stringify(list));
          inlineShards(site, list);
          writeFileSync(manifestFile(), JSON.stringify({ settings: SETTINGS, pages: Object.fromEntries(described) } satisfies PagesManifest));
          logger.info(
            `chỉ mục tìm kiếm: ${indexed.length} trang trong ${shards.length} phần; lập lại ${reindexed.length} phần` +
              (reindexed.length ? ` (${reindexed.sort().join(', ')})` : '') +
              `, dùng lại ${shards.length - reindexed.length} phần từ lần dựng trước`,
          );
        } finally {
          process.off('beforeExit', serviceStopped);
          await pagefind.close();
          rmSync(building(), { recursive: true, force: true });
        }
      },
    },
  };
}
