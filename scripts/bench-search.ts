/**
 * npm run bench:search [-- --n 1000,10000] [--runs 5] [--dist <built site>] [--rtt ms] [--keep] [--json] [--out file] [--verbose]
 *
 * Builds the portal on a synthetic corpus of N articles (or takes a built site with --dist), serves it gzipped on
 * loopback and opens /tim-kiem/?q=… in headless Chromium: for each query, the bytes transferred and the time to
 * results of a first (cold) query in a fresh browser, then of a second, different query submitted in the same page
 * (warm), then a third typed key by key as a reader does (typed: the page loads the words' index while they are typed).
 * Time to results: from the start of the navigation (or the submit, or the Enter key) to the status "Tìm thấy …",
 * which comes once the first page of results is complete, and to the first result on the page (results show one by
 * one as their excerpts arrive).
 * Figures are medians over the runs. No network throttling by default: loopback, so the times are CPU and pagefind's
 * own work; `--rtt` adds a round-trip time to every request (Chromium's network emulation), as a reader's network
 * does, which shows what the chain of requests costs.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { SHARDS_FILE, takeBatch, type ShardsFile } from '../src/lib/search-batches';
import { launchChromium } from '../tests/helpers/browser';
import { serveCompressed, type CountingServer, type Sent } from './bench/gzip-server';
import { dirBytes, machine, median, referenceWorkMs, walkFiles } from './bench/measure';
import { buildPortal, makeCold, prepareWorkspace, releaseWorkspace, removeDiscarded } from './bench/sites';

/**
 * With tones, đ written d, without tones, a quoted phrase, and words in fewer pages. Each is measured cold, then
 * the next one in the list is submitted in the same page (warm), then the one after is typed there (typed).
 */
const DEFAULT_QUERIES = ['hiến máu', 'doan vien', 'hien mau', '"thanh niên tình nguyện"', 'chữ ký số'];

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    dist: { type: 'string' },
    rtt: { type: 'string', default: '0' },
    query: { type: 'string', multiple: true },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`npm run bench:search -- [--n 1000,10000] [--runs 5] [--dist <dir>] [--query "…" …] [--keep] [--json] [--verbose]
  --n        numbers of articles, comma-separated (default 1000); each is built once (cold) first
  --runs     fresh browser contexts per query (default 5); the table shows medians
  --dist     measure this built site instead of building one (e.g. <tmp>/ban-tin-bench-10000/dist-portal kept by --keep)
  --rtt      milliseconds added to every request, as a round trip over a reader's network (default 0: loopback)
  --query    queries to measure (repeat the flag); default: ${DEFAULT_QUERIES.join(' | ')}
  --keep     keep the working folder (<tmp>/ban-tin-bench-<n>/); one kept by an earlier run is always kept
  --json     print the results as JSON on stdout
  --out      also write the results as JSON to this file
  --verbose  list the requests of each query`);
  process.exit(0);
}

const runs = Number(values.runs);
const rtt = Number(values.rtt);
if (!Number.isFinite(rtt) || rtt < 0) throw new Error(`--rtt: "${values.rtt}" is not a number of milliseconds`);
const queries = values.query?.length ? values.query : DEFAULT_QUERIES;
const progress = (text: string) => process.stderr.write(`${text}\n`);
const KB = 1000;

interface Measurement {
  ms: number;
  /** To the first result on the page (the status's time when there is none). */
  firstMs: number;
  /** Cold: from the first request for the search index (under `/pagefind/`) to the results, without loading the page itself. */
  searchMs: number;
  /** Bytes of every response (compressed bodies), and of those under /pagefind/. */
  bytes: number;
  pagefindBytes: number;
  requests: number;
  /** Results found so far: in the items from `from` on (`2026`, `7/2026`) when the search stopped there, else in all. */
  results: number;
  from?: string;
}

interface QueryResult {
  cold: string;
  warm: string;
  typed: string;
  coldRuns: Measurement[];
  warmRuns: Measurement[];
  typedRuns: Measurement[];
}

/** A reader typing quickly: about 12 characters a second. */
const TYPING_DELAY_MS = 80;

interface SiteResult {
  label: string;
  n?: number;
  dist: string;
  index: { bytes: number; files: number; pages: number; shards: number; firstBatch: string[]; fixedBytes: number };
  buildSeconds?: number;
  queries: QueryResult[];
}

declare global {
  interface Window {
    __benchDone?: number;
    __benchFirst?: number;
    __benchText?: string;
    __benchStart?: number;
  }
}

/** What the page logs when the status has come (`OBSERVER`). */
const DONE_MESSAGE = '__bench_done';

/**
 * Records, in the page, when the first result shows and when the search status first says how many results (or
 * none) were found, and then logs `DONE_MESSAGE`. A string, not a function: tsx would add its own helpers to a
 * function's source, which do not exist in the page.
 */
const OBSERVER = `
  new MutationObserver(() => {
    if (window.__benchFirst === undefined && document.querySelector('#search-results .result')) window.__benchFirst = performance.now();
    const text = document.getElementById('search-status')?.textContent ?? '';
    if (window.__benchDone === undefined && /^(Tìm thấy|Không tìm thấy)/.test(text)) {
      window.__benchDone = performance.now();
      window.__benchText = text;
      console.debug('${DONE_MESSAGE}');
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

/**
 * The page's message that the status has come. The benchmark waits for it rather than with Playwright's
 * `waitForFunction`, whose script (evaluated in the page when the wait starts, then polling every frame) took the
 * page's main thread while it searched: cold searches measured about 25 ms slower that way.
 */
const statusShown = (page: Page) => page.waitForEvent('console', { predicate: (message) => message.text() === DONE_MESSAGE, timeout: 120_000 });

function summarise(sent: Sent[], ms: number, firstMs: number, searchMs: number, text: string): Measurement {
  const count = /Tìm thấy ([\d.]+)/.exec(text);
  const from = /từ (?:năm|tháng) ([\d/]+);/.exec(text);
  return {
    from: from?.[1],
    ms,
    firstMs,
    searchMs,
    bytes: sent.reduce((a, s) => a + s.bytes, 0),
    pagefindBytes: sent.filter((s) => s.path.startsWith('/pagefind/')).reduce((a, s) => a + s.bytes, 0),
    requests: sent.length,
    results: count ? Number(count[1].replaceAll('.', '')) : 0,
  };
}

function listRequests(label: string, sent: Sent[]) {
  if (!values.verbose) return;
  progress(`     ${label}: ${sent.length} requests`);
  for (const s of sent) progress(`       ${String(s.bytes).padStart(8)}  ${s.path}`);
}

/**
 * Submits the search form (with `query` in the field, or what was typed there) and measures from the submit to the
 * status, with the bytes the server sent since its last reset.
 */
async function submitAndMeasure(page: Page, server: CountingServer, label: string, query?: string): Promise<Measurement> {
  const shown = statusShown(page);
  await page.evaluate((value) => {
    window.__benchDone = undefined;
    window.__benchFirst = undefined;
    window.__benchStart = performance.now();
    const input = document.querySelector<HTMLInputElement>('#search-q')!;
    if (value !== undefined) input.value = value;
    input.form!.requestSubmit();
  }, query);
  await shown;
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const done = await page.evaluate(() => ({
    ms: window.__benchDone! - window.__benchStart!,
    firstMs: (window.__benchFirst ?? window.__benchDone!) - window.__benchStart!,
    text: window.__benchText!,
  }));
  listRequests(label, server.sent);
  return summarise(server.sent, done.ms, done.firstMs, done.ms, done.text);
}

async function measureQuery(browser: Browser, server: CountingServer, cold: string, warm: string, typed: string): Promise<[Measurement, Measurement, Measurement]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (rtt > 0) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: rtt, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await page.addInitScript({ content: OBSERVER });
    server.reset();
    const shown = statusShown(page);
    await page.goto(`${server.url}/tim-kiem/?q=${encodeURIComponent(cold)}`, { waitUntil: 'commit' });
    await shown;
    // Thumbnails of the results load after the status; everything the query brings counts.
    await page.waitForLoadState('networkidle');
    const first = await page.evaluate(() => {
      const index = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/pagefind/'));
      const first = Math.min(...index.map((e) => e.startTime));
      return {
        ms: window.__benchDone!,
        firstMs: window.__benchFirst ?? window.__benchDone!,
        searchMs: window.__benchDone! - (Number.isFinite(first) ? first : 0),
        text: window.__benchText!,
      };
    });
    const coldSent = server.sent;
    listRequests(`cold "${cold}"`, coldSent);

    server.reset();
    const second = await submitAndMeasure(page, server, `warm "${warm}"`, warm);

    server.reset();
    const field = page.locator('#search-q');
    await field.fill('');
    await field.pressSequentially(typed, { delay: TYPING_DELAY_MS });
    await page.waitForTimeout(TYPING_DELAY_MS);
    const third = await submitAndMeasure(page, server, `typed "${typed}"`);
    return [summarise(coldSent, first.ms, first.firstMs, first.searchMs, first.text), second, third];
  } finally {
    await context.close();
  }
}

function indexFacts(dist: string) {
  const dir = path.join(dist, 'pagefind');
  if (!existsSync(path.join(dir, SHARDS_FILE))) throw new Error(`${dist} has no search index (pagefind/${SHARDS_FILE})`);
  const { shards, batchPages } = JSON.parse(readFileSync(path.join(dir, SHARDS_FILE), 'utf8')) as ShardsFile;
  const pages = shards.reduce((sum, shard) => sum + shard.pages, 0);
  // What every first query loads whatever the words, as sent: the list of shards, the scripts and wasm of the newest
  // shard (scripts gzipped by the server, the wasm by pagefind already), and the entry and metadata files of the
  // shards of the first batch.
  let fixed = gzipSync(readFileSync(path.join(dir, SHARDS_FILE))).length;
  const firstBatch = takeBatch(shards, batchPages);
  firstBatch.forEach((shard, i) => {
    const shardDir = path.join(dir, shard.name);
    const always = /^(pagefind-entry\.json|pagefind\..*\.pf_meta)$/;
    const primaryOnly = /^(pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind)$/;
    for (const f of readdirSync(shardDir)) {
      if (!always.test(f) && !(i === 0 && primaryOnly.test(f))) continue;
      const data = readFileSync(path.join(shardDir, f));
      fixed += /\.js(on)?$/.test(f) ? gzipSync(data).length : data.length;
    }
  });
  return { bytes: dirBytes(dir), files: walkFiles(dir).length, pages, shards: shards.length, firstBatch: firstBatch.map((s) => s.name), fixedBytes: fixed };
}

async function benchSite(browser: Browser, label: string, dist: string, n?: number, buildSeconds?: number): Promise<SiteResult> {
  const server = await serveCompressed(dist);
  const result: SiteResult = { label, n, dist, index: indexFacts(dist), buildSeconds, queries: [] };
  try {
    for (let i = 0; i < queries.length; i++) {
      const cold = queries[i];
      const warm = queries[(i + 1) % queries.length];
      const typed = queries[(i + 2) % queries.length];
      const q: QueryResult = { cold, warm, typed, coldRuns: [], warmRuns: [], typedRuns: [] };
      for (let run = 1; run <= runs; run++) {
        const [c, w, t] = await measureQuery(browser, server, cold, warm, typed);
        q.coldRuns.push(c);
        q.warmRuns.push(w);
        q.typedRuns.push(t);
        progress(
          `   ${label} run ${run}/${runs}: "${cold}" ${c.ms.toFixed(0)} ms ${(c.bytes / KB).toFixed(0)} kB, then "${warm}" ${w.ms.toFixed(0)} ms ${(w.bytes / KB).toFixed(0)} kB, typed "${typed}" ${t.ms.toFixed(0)} ms ${(t.bytes / KB).toFixed(0)} kB`,
        );
      }
      result.queries.push(q);
    }
  } finally {
    await server.close();
  }
  return result;
}

function med(list: Measurement[], key: 'ms' | 'firstMs' | 'searchMs' | 'bytes' | 'pagefindBytes' | 'requests' | 'results') {
  return median(list.map((m) => m[key]));
}

function table(r: SiteResult): string {
  const kb = (b: number) => (b / KB).toFixed(1);
  const ms = (list: Measurement[]) => med(list, 'ms').toFixed(0);
  const first = (list: Measurement[]) => med(list, 'firstMs').toFixed(0);
  const out = [
    `${r.label}: index ${kb(r.index.bytes)} kB in ${r.index.files} files for ${r.index.pages} pages in ${r.index.shards} shards; a first query searches ${r.index.firstBatch.join(', ')} first and loads, whatever the words, ${kb(r.index.fixedBytes)} kB (compressed); median of ${runs} run(s)`,
    '',
    '| query | results | cold: ms to results (search only) / to the first | kB transferred (pagefind) | then query | warm: ms to results / to the first | kB transferred (pagefind) | then typed | typed: ms from Enter / to the first | kB transferred (pagefind) |',
    '|---|---:|---:|---:|---|---:|---:|---|---:|---:|',
  ];
  for (const q of r.queries) {
    const from = q.coldRuns[0]?.from;
    out.push(
      `| ${q.cold} | ${med(q.coldRuns, 'results')}${from ? ` (from ${from})` : ''} | ${ms(q.coldRuns)} (${med(q.coldRuns, 'searchMs').toFixed(0)}) / ${first(q.coldRuns)} | ${kb(med(q.coldRuns, 'bytes'))} (${kb(med(q.coldRuns, 'pagefindBytes'))}) | ${q.warm} | ${ms(q.warmRuns)} / ${first(q.warmRuns)} | ${kb(med(q.warmRuns, 'bytes'))} (${kb(med(q.warmRuns, 'pagefindBytes'))}) | ${q.typed} | ${ms(q.typedRuns)} / ${first(q.typedRuns)} | ${kb(med(q.typedRuns, 'bytes'))} (${kb(med(q.typedRuns, 'pagefindBytes'))}) |`,
    );
  }
  return out.join('\n');
}

const referenceBefore = referenceWorkMs();
const results: SiteResult[] = [];
const browser = await launchChromium();
try {
  if (values.dist) {
    const dist = path.resolve(values.dist);
    results.push(await benchSite(browser, dist, dist));
  } else {
    for (const n of values.n.split(',').map((v) => Number(v.trim()))) {
      if (!Number.isInteger(n) || n < 1) throw new Error(`--n: "${values.n}" is not a list of positive numbers`);
      progress(`\n== N = ${n}: generating the corpus and building the portal…`);
      const ws = prepareWorkspace(n);
      makeCold(ws, 'portal');
      const build = await buildPortal(ws, 'search');
      progress(`   built in ${build.wall.toFixed(1)} s`);
      results.push(await benchSite(browser, `N = ${n}`, ws.portalDist, n, build.wall));
      if (releaseWorkspace(ws, values.keep)) progress(`   kept ${ws.base}`);
    }
  }
} finally {
  await browser.close();
  removeDiscarded();
}

const reference = { beforeMs: referenceBefore, afterMs: referenceWorkMs() };
const report = JSON.stringify({ machine: { ...machine(), reference }, runs, rtt, results }, null, 2);
if (values.out) writeFileSync(values.out, report);
if (values.json) console.log(report);
else {
  for (const r of results) console.log(`\n${table(r)}`);
  const m = machine();
  const network = rtt > 0 ? `loopback with ${rtt} ms added to every request` : 'loopback';
  console.log(`\n${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}; Chromium headless, ${network}, gzip; kB = 1000 bytes`);
  console.log(`Reference work (scripts/bench/measure.ts, lower is a faster machine): ${reference.beforeMs.toFixed(0)} ms before, ${reference.afterMs.toFixed(0)} ms after`);
}
