/**
 * The search page's browser code: reads the query from the URL, searches its spellings (`querySpellings`: the d/đ
 * spellings the index holds, the tone of oa, oe, uy on either vowel) with pagefind (loaded only here, on demand), and
 * renders accessible results. The index is split in shards
 * of consecutive months or years (`search-shards.ts`); the newest are searched first, and older ones only when the
 * reader asks for more results, so a query loads a small part of a large portal's index.
 */
import { fillTemplate } from '../i18n/fill';
import { dayOfIso } from './dates';
import { typographicPunctuation } from './typography';
import { formatNumber } from './numbers';
import { mergeByScore, newestFirstByYear, normaliseQuery, queryWordCount, querySpellings, typedWords } from './search-query';
import { nextBatchPages, SHARDS_FILE, takeBatch, type Shard, type ShardsFile } from './search-batches';
import { highlightedResult, type ResultSource } from './search-excerpt';

interface PagefindResult {
  id: string;
  score: number;
  /** The positions of the page's words that match. */
  words: number[];
  data: () => Promise<PagefindData>;
}
interface PagefindData extends ResultSource {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
type Filters = Record<string, string | { any: string[] }>;
interface PagefindInstance {
  search: (query: string, options?: { filters?: Filters; sort?: Record<string, string> }) => Promise<{ results: PagefindResult[] } | null>;
  preload: (query: string, options?: { filters?: Filters }) => Promise<void>;
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
}
interface PagefindModule {
  createInstance: (options: { basePath: string; noWorker?: boolean; excerptLength?: number; metaCacheTag?: string }) => PagefindInstance;
}

export interface SearchTexts {
  noIndex: string;
  empty: string;
  suggestions: string;
  count: string;
  countRecent: string;
  sinceYear: string;
  sinceMonth: string;
  loading: string;
  more: string;
  /** "diễn ra {date}": when an event announced earlier takes place. */
  eventOn: string;
}

const PAGE = 10;
const FILTERS = ['kind', 'category', 'unit', 'year'] as const;
const OPTIONS = { excerptLength: 30 };

/**
 * A result's line of facts: its date, the day an event takes place when that is not the day it is listed at (an
 * announcement published earlier), its category and its unit.
 */
export function resultFacts(meta: Record<string, string | undefined>, eventOn: string): string {
  const date = dayOfIso(meta.date ?? '');
  const start = dayOfIso(meta.start ?? '');
  return [date, start && start !== date ? fillTemplate(eventOn, { date: start }) : '', meta.category, meta.unit].filter(Boolean).join(' · ');
}

declare global {
  interface Window {
    /** Started by the search page's head when the URL has a query (`SearchPreload.astro`). */
    banTinShards?: Promise<ShardsFile>;
  }
}

let shardsFile: Promise<ShardsFile> | undefined;
function loadShards(): Promise<ShardsFile> {
  if (!shardsFile) {
    const started = window.banTinShards;
    window.banTinShards = undefined;
    shardsFile = (started ?? fetch(`/pagefind/${SHARDS_FILE}`).then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))).then(
      (file: ShardsFile) => {
        if (file.shards.length === 0) throw new Error('no search index');
        return file;
      },
    );
    // A failed load (no index yet) is tried again by the next search.
    shardsFile.catch(() => (shardsFile = undefined));
  }
  return shardsFile;
}

const spellingWordSets = new WeakMap<ShardsFile, ReadonlySet<string>>();
/** The spellings of a query worth searching in this index: those the index holds (`ShardsFile.spellingWords`). */
function spellingsIn(shards: ShardsFile, query: string): string[] {
  let spellingWords = spellingWordSets.get(shards);
  // A list published before the index listed these words has none: every spelling is searched.
  if (!spellingWords && shards.spellingWords) spellingWordSets.set(shards, (spellingWords = new Set(shards.spellingWords)));
  return querySpellings(query, spellingWords);
}

/** Pagefind's larger gzipped files: index chunks, filters, metadata and wasm (not the results' small fragments). */
const GZIPPED_INDEX_FILE = /\/pagefind\/.+\.(pf_index|pf_filter|pf_meta|pagefind)(\?|$)/;
/** Pagefind's wasm, the same program in every shard. */
const WASM_FILE = /\/pagefind\/[^/?]+\/wasm\.[\w-]+\.pagefind(\?|$)/;

/**
 * Pagefind inflates its gzipped files in JavaScript, unless the host sent them with `Content-Encoding: gzip` (few
 * static hosts do for these file types). The browser's own `DecompressionStream` is several times faster, above all
 * for a first search, which runs before any JavaScript is warm. So the search page hands pagefind its files inflated:
 * pagefind finds its signature at the start and uses them as they are. A result's fragment (3 kB) is the exception:
 * a stream costs more than the inflating, and pagefind's inflater, warm after a first search, takes a tenth of the
 * time (1.5–7 ms against 15–30 ms for ten fragments at 10,000 articles).
 *
 * Every pagefind instance (one per batch of shards) fetches and inflates the wasm of its first shard, but the page
 * compiles only the first one it gets (pagefind's wasm module starts once per page): later instances are handed
 * that first file again instead of another download.
 */
function inflateIndexFiles(): void {
  const fetchAsSent = window.fetch.bind(window);
  let wasm: Promise<ArrayBuffer> | undefined;
  const inflated = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await fetchAsSent(input, init);
    if (!response.ok) return response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
    const body = gzipped ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer() : bytes;
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!GZIPPED_INDEX_FILE.test(url)) return fetchAsSent(input, init);
    if (!WASM_FILE.test(url)) return inflated(input, init);
    wasm ??= inflated(input, init).then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`${url}: ${response.status}`))));
    // A failed load is tried again by the next instance.
    wasm.catch(() => (wasm = undefined));
    return new Response(await wasm);
  };
}

/**
 * Pagefind splits every query into characters with `Intl.Segmenter`, whose first use in a page loads the browser's
 * text-boundary data (60–80 ms on a slow machine). Done while the page waits for the network or for pagefind's wasm
 * to compile, that time is not added to the first search.
 */
function warmSegmenter(): void {
  const warm = () => [...new Intl.Segmenter(document.documentElement.lang || 'vi', { granularity: 'grapheme' }).segment('đ')];
  if (typeof Intl.Segmenter !== 'function') return;
  if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm);
}

let pagefindModule: Promise<PagefindModule> | undefined;
const instances = new Map<string, Promise<PagefindInstance>>();

/**
 * A pagefind instance for a batch of shards: its first shard, with the batch's other shards merged in. Pagefind's
 * script is the newest shard's, which the search page preloads.
 */
function instanceFor(newest: Shard, shards: readonly Shard[]): Promise<PagefindInstance> {
  const key = shards.map((shard) => shard.name).join(',');
  let instance = instances.get(key);
  if (!instance) {
    instance = (async () => {
      // A variable keeps the bundler from resolving a file that exists only after the build.
      const url = `/pagefind/${newest.name}/pagefind.js`;
      pagefindModule ??= import(/* @vite-ignore */ url) as Promise<PagefindModule>;
      const [first, ...others] = shards;
      // Without a worker: one script less to load, and the search page has nothing else to do meanwhile.
      const made = (await pagefindModule).createInstance({ basePath: `/pagefind/${first.name}/`, noWorker: true, metaCacheTag: first.tag, ...OPTIONS });
      await Promise.all(others.map((shard) => made.mergeIndex(`/pagefind/${shard.name}/`, { metaCacheTag: shard.tag, ...OPTIONS })));
      return made;
    })();
    instances.set(key, instance);
    instance.catch(() => instances.delete(key));
  }
  return instance;
}

/** The results of one batch of shards, in order, taken lazily (a date for newest-first costs a fragment). */
interface BatchResults {
  total: number;
  take: (n: number) => Promise<PagefindResult[]>;
}

async function searchBatch(newest: Shard, batch: readonly Shard[], spellings: readonly string[], filters: Filters, newestFirst: boolean): Promise<BatchResults> {
  const pagefind = await instanceFor(newest, batch);
  const run = async (spelling: string, extra: Filters, sort?: Record<string, string>) =>
    (await pagefind.search(spelling, { filters: { ...filters, ...extra }, ...(sort && { sort }) }))?.results ?? [];
  // Parts of one year in a batch (its halves, quarters) are searched as that year, once.
  const years = typeof filters.year === 'string' ? [filters.year] : [...new Set(batch.flatMap((shard) => shard.years))];
  if (newestFirst) {
    // Pagefind sorts each shard on its own and merges shards by score: one year at a time, newest first.
    const perYear = await Promise.all(years.map((year) => Promise.all(spellings.map((spelling) => run(spelling, { year }, { date: 'desc' })))));
    const dates = new Map<string, Promise<string>>();
    const dateOf = (result: PagefindResult) => {
      if (!dates.has(result.id)) dates.set(result.id, result.data().then((data) => data.meta.date ?? ''));
      return dates.get(result.id)!;
    };
    return { total: new Set(perYear.flat(2).map((result) => result.id)).size, take: (n) => newestFirstByYear(perYear, dateOf, n) };
  }
  const all = mergeByScore(await Promise.all(spellings.map((spelling) => run(spelling, {}))), queryWordCount(spellings[0]));
  return { total: all.length, take: async (n) => all.slice(0, n) };
}

/** The shards a search goes through, newest first: with a year, that year's shards only. */
function shardsToSearch(shards: ShardsFile, year: string | undefined): Shard[] {
  return year ? shards.shards.filter((shard) => shard.years.includes(year)) : shards.shards;
}

/** The pages of the next batch of shards (`nextBatchPages`). */
function batchPagesFor(shards: ShardsFile, sort: string | null, searched: number, found: number, wanted: number): number {
  // "Every year": one batch, ranked across all years, at the cost of loading every shard's index for the words.
  return sort === 'all' ? Infinity : nextBatchPages(searched, found, wanted, shards.batchPages);
}

export function startSearch(form: HTMLFormElement, output: HTMLElement, status: HTMLElement, texts: SearchTexts) {
  inflateIndexFiles();
  warmSegmenter();
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  let run = 0;

  function readUrl() {
    const params = new URL(location.href).searchParams;
    input.value = params.get('q') ?? '';
    for (const name of [...FILTERS, 'sort']) {
      const select = form.elements.namedItem(name) as HTMLSelectElement | null;
      if (select) select.value = params.get(name) ?? '';
    }
  }

  function renderResult(data: PagefindData, query: string): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'result';
    const image = data.meta.image;
    const facts = resultFacts(data.meta, texts.eventOn);
    li.innerHTML = `${image ? '<img alt="" loading="lazy" width="160" height="107">' : ''}<div><h2><a></a></h2><p class="facts"></p><p class="excerpt"></p></div>`;
    if (image) li.querySelector('img')!.src = image;
    const link = li.querySelector('a')!;
    link.href = data.url;
    const highlighted = highlightedResult(data, OPTIONS.excerptLength, query);
    // The index holds plain quotes (typography.ts); the reader sees the article's own.
    if (highlighted) link.innerHTML = typographicPunctuation(highlighted.title);
    else link.textContent = typographicPunctuation(data.meta.title ?? data.url);
    li.querySelector('.facts')!.textContent = facts;
    // Escaped text with <mark> around matches (pagefind's excerpt is too).
    li.querySelector('.excerpt')!.innerHTML = typographicPunctuation(highlighted?.excerpt ?? data.excerpt);
    return li;
  }

  async function search() {
    const current = ++run;
    const params = new URL(location.href).searchParams;
    const query = normaliseQuery(params.get('q') ?? '');
    // Inside the status's own quotes, a phrase's quotes show as typographic ones: cho "“đoàn viên”".
    const shownQuery = typographicPunctuation(query);
    output.replaceChildren();
    if (!query) {
      status.textContent = '';
      return;
    }
    status.textContent = texts.loading;
    let shards: ShardsFile;
    try {
      shards = await loadShards();
    } catch {
      status.textContent = texts.noIndex;
      return;
    }
    const filters: Filters = {};
    for (const name of FILTERS) {
      const value = params.get(name);
      if (value) filters[name] = value;
    }
    const newest = shards.shards[0];
    const toSearch = shardsToSearch(shards, params.get('year') ?? undefined);
    const spellings = spellingsIn(shards, query);
    const newestFirst = params.get('sort') === 'newest';

    const searched: BatchResults[] = [];
    /** How many of `toSearch` have been searched, and their pages. */
    let shardsSearched = 0;
    let pagesSearched = 0;
    const found = () => searched.reduce((sum, batch) => sum + batch.total, 0);
    const complete = () => shardsSearched === toSearch.length;
    /** Searches the next batches of shards until `count` results are found or no shard is left. */
    async function searchUntil(count: number): Promise<boolean> {
      while (found() < count && !complete()) {
        const batch = takeBatch(toSearch.slice(shardsSearched), batchPagesFor(shards, params.get('sort'), pagesSearched, found(), count));
        const results = await searchBatch(newest, batch, spellings, filters, newestFirst);
        if (current !== run) return false;
        searched.push(results);
        shardsSearched += batch.length;
        pagesSearched += batch.reduce((sum, shard) => sum + shard.pages, 0);
      }
      return current === run;
    }
    /** Results `from` to `from + count` across the searched batches, in order. */
    async function take(from: number, count: number): Promise<PagefindResult[]> {
      const taken: PagefindResult[] = [];
      let skip = from;
      for (const batch of searched) {
        if (taken.length >= count) break;
        if (skip >= batch.total) {
          skip -= batch.total;
          continue;
        }
        const page = (await batch.take(skip + count - taken.length)).slice(skip);
        taken.push(...page);
        skip = 0;
      }
      return taken;
    }
    const announce = () => {
      const [year, month] = (toSearch[shardsSearched - 1]?.from ?? '').split('-');
      const since = fillTemplate(month === '01' ? texts.sinceYear : texts.sinceMonth, { year, month: Number(month) });
      status.textContent = fillTemplate(complete() ? texts.count : texts.countRecent, { n: formatNumber(found()), q: shownQuery, since, more: texts.more });
    };

    try {
      if (!(await searchUntil(PAGE))) return;
    } catch {
      if (current === run) status.textContent = texts.noIndex;
      return;
    }
    if (found() === 0) {
      status.textContent = fillTemplate(texts.empty, { q: shownQuery });
      const hint = document.createElement('p');
      hint.textContent = texts.suggestions;
      output.append(hint);
      return;
    }
    const list = document.createElement('ol');
    list.className = 'results';
    const more = document.createElement('button');
    more.type = 'button';
    more.textContent = texts.more;
    more.className = 'more';
    let shown = 0;
    /**
     * The next page of results. Each goes on the page as soon as its excerpt and those before it have arrived, the
     * first ones while the others still load; the list is `aria-busy` and the button hidden until all have.
     */
    const showMore = async () => {
      list.setAttribute('aria-busy', 'true');
      more.hidden = true;
      if (!(await searchUntil(shown + PAGE))) return undefined;
      const next = await take(shown, PAGE);
      const rendering = next.map((result) => result.data().then((data) => renderResult(data, query)));
      const items: HTMLLIElement[] = [];
      for (const item of rendering) {
        items.push(await item);
        if (current !== run) return undefined;
        list.append(items.at(-1)!);
      }
      shown += next.length;
      more.hidden = shown >= found() && complete();
      list.setAttribute('aria-busy', 'false');
      return items[0];
    };
    more.addEventListener('click', async () => {
      const first = await showMore();
      announce();
      first?.querySelector('a')?.focus();
    });
    output.append(list, more);
    await showMore();
    // Announced once the page of results is complete.
    if (current === run) announce();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value.trim()) params.set(name, name === 'q' ? normaliseQuery(value) : value);
    }
    history.pushState(null, '', `${location.pathname}?${params}`);
    void search();
  });
  for (const select of form.querySelectorAll('select')) {
    select.addEventListener('change', () => form.requestSubmit());
  }
  // While the reader types, the index chunks of the words typed so far load (pagefind's preload), so that the
  // search, once submitted, has only the results' excerpts to fetch.
  input.addEventListener('input', async () => {
    const query = typedWords(input.value);
    if (!query) return;
    try {
      const shards = await loadShards();
      const year = (form.elements.namedItem('year') as HTMLSelectElement | null)?.value || undefined;
      const sort = (form.elements.namedItem('sort') as HTMLSelectElement | null)?.value ?? null;
      const first = takeBatch(shardsToSearch(shards, year), batchPagesFor(shards, sort, 0, 0, PAGE));
      if (first.length === 0) return;
      const pagefind = await instanceFor(shards.shards[0], first);
      await Promise.all(spellingsIn(shards, query).map((spelling) => pagefind.preload(spelling)));
    } catch {
      // Nothing to prepare (no index yet): the search itself says so.
    }
  });
  window.addEventListener('popstate', () => {
    readUrl();
    void search();
  });
  readUrl();
  void search();
}
