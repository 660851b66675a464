/**
 * The benchmark's working folder and the two sites built in it: the portal and the plain Astro + MDX baseline.
 *
 * `os.tmpdir()/ban-tin-bench-<n>/`:
 *   content/            the synthetic corpus (BAN_TIN_CONTENT)
 *   portal/, baseline/  copies of the portal's sources and of bench/baseline, taken when the benchmark starts
 *   before/             with `--against <commit>`, the portal's sources at that commit (built with the same
 *                       node_modules), whose cold builds alternate with the portal's
 *   node_modules        a link to the repository's node_modules, which both copies resolve through
 *   dist-portal/, dist-baseline/, .astro-cache/, .astro-cache-baseline/, logs/
 *   discarded/          what a cold build must not find, moved aside and deleted when the benchmark ends
 *
 * The portal is built from a copy because Astro writes generated files into `<root>/.astro/`: building in the
 * repository while someone else builds or tests there would mix the two builds' files. `--in-place` builds in
 * the repository instead.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CORPUS_VERSION, generateCorpus, REPO_ROOT, type CorpusSummary } from './corpus';
import { astroPhases, dirBytes, runMeasured, walkFiles, type Measured } from './measure';

/** The present of every benchmark build: every generated item (2010–2026) is published. */
export const BENCH_NOW = '2026-12-31T12:00:00+07:00';
const ASTRO_CLI = path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');
/** `npm run build`: Astro, unless nothing changed since the last build. */
const PORTAL_BUILD = [path.join(REPO_ROOT, 'scripts/build.ts')];
const PAGEFIND_CLI = path.join(REPO_ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');

/** Top-level entries of the repository that the portal's build does not read. */
const NOT_COPIED = new Set(['node_modules', 'content', 'tests', 'bench', 'scripts', 'dist', 'test-results']);

export interface Workspace {
  n: number;
  base: string;
  content: string;
  corpus: CorpusSummary;
  portalRoot: string;
  baselineRoot: string;
  portalDist: string;
  baselineDist: string;
  /** The portal at another commit (`--against`). */
  before?: { commit: string; root: string; dist: string };
  logs: string;
  /** The folder was there, kept by an earlier run (`--keep`): this run leaves it too. */
  keptBefore: boolean;
}

export function workspacePath(n: number): string {
  return path.join(tmpdir(), `ban-tin-bench-${n}`);
}

/** The pid of another live benchmark that uses `base`, if any. */
function runningOwner(base: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(base, 'bench.pid'), 'utf8'));
    if (!pid || pid === process.pid) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/**
 * Folders to delete when the benchmark ends. On a file system without a journal (these machines' ext4), Linux
 * skips inodes freed in the last one to six minutes when it makes a file (`recently_deleted` in ext4's inode
 * allocator), so every file made soon after many were deleted costs more: a cold build at 1,000 articles right
 * after deleting the last one's output took 18–21 s, against 14 s with the output moved aside. A build on a fresh
 * checkout deletes nothing first; so the benchmark deletes nothing until its measurements are over.
 */
const toRemove = new Set<string>();
let discardedCount = 0;

/** Moves `dir` (if there is one) out of the builds' way, into the working folder's `discarded/`. */
function discard(base: string, dir: string): void {
  if (!existsSync(dir)) return;
  const bin = path.join(base, 'discarded');
  mkdirSync(bin, { recursive: true });
  renameSync(dir, path.join(bin, `${process.pid}-${++discardedCount}-${path.basename(dir)}`));
  toRemove.add(bin);
}

/**
 * Marks the working folder free for another benchmark when it stays (`keep`, or kept by an earlier run); else it is
 * removed after the measurements. Returns whether it stays.
 */
export function releaseWorkspace(ws: Workspace, keep: boolean): boolean {
  const stays = keep || ws.keptBefore;
  if (stays) rmSync(path.join(ws.base, 'bench.pid'), { force: true });
  else toRemove.add(ws.base);
  return stays;
}

/** Deletes what the benchmark discarded: call once every build is measured. */
export function removeDiscarded(): void {
  for (const dir of toRemove) rmSync(dir, { recursive: true, force: true });
  toRemove.clear();
}

/** The commit a name (`HEAD~3`, a tag, a hash) stands for in the repository, checked before any work starts. */
export function resolveCommit(name: string): string {
  const found = spawnSync('git', ['-C', REPO_ROOT, 'rev-parse', '--verify', '--quiet', `${name}^{commit}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`--against: "${name}" is no commit of the repository's history`);
  return found.stdout.trim();
}

/** The portal's sources at `commit`, with its own build script, in `root`. */
function checkOut(commit: string, root: string): void {
  mkdirSync(root);
  const archive = spawnSync('sh', ['-c', 'git -C "$1" archive --format=tar "$2" | tar -x -C "$3"', 'sh', REPO_ROOT, commit, root], { encoding: 'utf8' });
  if (archive.status !== 0 || !existsSync(path.join(root, 'scripts/build.ts'))) {
    throw new Error(`--against: cannot take the portal at "${commit}" from the repository's history (${archive.stderr.trim() || 'no scripts/build.ts'})`);
  }
  for (const name of NOT_COPIED) if (name !== 'scripts') rmSync(path.join(root, name), { recursive: true, force: true });
}

/**
 * Makes the working folder for N articles: the corpus (generated again unless one of the same version and N is
 * there and `reuseCorpus`), fresh copies of both sites' sources, empty logs; with `against`, the portal's
 * sources at that commit.
 */
export function prepareWorkspace(n: number, options: { inPlace?: boolean; reuseCorpus?: boolean; against?: string } = {}): Workspace {
  let base = workspacePath(n);
  const owner = runningOwner(base);
  if (owner !== undefined) {
    // Another benchmark works in this folder: take another one rather than pull its files away.
    process.stderr.write(`   another benchmark (pid ${owner}) is using ${base}; its builds will slow this one down\n`);
    base = `${base}-${process.pid}`;
  }
  const content = path.join(base, 'content');
  // A run that ends leaves no pid file behind when it keeps its folder, and no folder when it does not.
  const keptBefore = existsSync(path.join(base, 'corpus.json')) && !existsSync(path.join(base, 'bench.pid'));
  mkdirSync(base, { recursive: true });
  writeFileSync(path.join(base, 'bench.pid'), String(process.pid));
  let corpus: CorpusSummary | undefined;
  const stamp = path.join(base, 'corpus.json');
  if (options.reuseCorpus && existsSync(stamp) && existsSync(content)) {
    const saved = JSON.parse(readFileSync(stamp, 'utf8'));
    if (saved.version === CORPUS_VERSION && saved.n === n) corpus = saved;
  }
  if (!corpus) {
    discard(base, content);
    corpus = generateCorpus({ n, dir: content });
  }

  const link = path.join(base, 'node_modules');
  if (!existsSync(link)) symlinkSync(path.join(REPO_ROOT, 'node_modules'), link, 'dir');

  let portalRoot = REPO_ROOT;
  if (!options.inPlace) {
    portalRoot = path.join(base, 'portal');
    discard(base, portalRoot);
    mkdirSync(portalRoot);
    for (const name of readdirSync(REPO_ROOT)) {
      if (NOT_COPIED.has(name) || name.startsWith('.')) continue;
      cpSync(path.join(REPO_ROOT, name), path.join(portalRoot, name), { recursive: true });
    }
  }
  let before: Workspace['before'];
  if (options.against) {
    before = { commit: options.against, root: path.join(base, 'before'), dist: path.join(base, 'dist-before') };
    discard(base, before.root);
    checkOut(options.against, before.root);
  }
  const baselineRoot = path.join(base, 'baseline');
  discard(base, baselineRoot);
  cpSync(path.join(REPO_ROOT, 'bench/baseline'), baselineRoot, {
    recursive: true,
    filter: (file) => !/[/\\](node_modules|\.astro)$/.test(file),
  });

  const logs = path.join(base, 'logs');
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs);
  return {
    n, base, content, corpus, portalRoot, baselineRoot, before, logs, keptBefore,
    portalDist: path.join(base, 'dist-portal'),
    baselineDist: path.join(base, 'dist-baseline'),
  };
}

/** One build of one site in one phase. Times in seconds, memory and sizes in bytes. */
export interface BuildResult {
  ok: boolean;
  /** Whole command(s): the portal's build including its search index; the baseline's build plus pagefind. */
  wall: number;
  /** Wall time without the search index. */
  build: number;
  /** Search index: the portal's hook (from its log), the baseline's pagefind run. */
  index: number;
  peakRssMax: number;
  peakRssTotal: number;
  /** CPU seconds (user + system) of all the processes, sampled; wall time minus waiting for the other cores' work. */
  cpu: number;
  pages: number;
  pagesPerSecond: number;
  outputBytes: number;
  /** Output without the web editor the portal copies to `/admin/` (the baseline has none). */
  outputBytesWithoutAdmin: number;
  indexBytes: number;
  /** Seconds per part of the Astro build, read from its log. */
  parts: Record<string, number | undefined>;
  log: string;
}

function astroEnv(content: string): NodeJS.ProcessEnv {
  return { ...process.env, BAN_TIN_CONTENT: content, BAN_TIN_NOW: BENCH_NOW, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
}

function sizes(dist: string) {
  const files = walkFiles(dist);
  const adminBytes = dirBytes(path.join(dist, 'admin'));
  const outputBytes = dirBytes(dist);
  return {
    pages: files.filter((f) => f.endsWith('.html')).length,
    outputBytes,
    outputBytesWithoutAdmin: outputBytes - adminBytes,
    indexBytes: dirBytes(path.join(dist, 'pagefind')),
  };
}

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

function failure(run: Measured, log: string): never {
  const tail = run.lines.slice(-30).map((l) => l.text).join('\n');
  throw new Error(`build failed (exit ${run.status}); log: ${log}\n${tail}`);
}

/** Empties the output and every cache of a site, for a cold build. */
export function makeCold(ws: Workspace, site: 'portal' | 'before' | 'baseline'): void {
  const root = site === 'portal' ? ws.portalRoot : site === 'before' ? ws.before!.root : ws.baselineRoot;
  // Both versions of the portal keep their build cache beside the content (`buildCacheDir`).
  const dirs =
    site === 'baseline'
      ? [ws.baselineDist, path.join(ws.base, '.astro-cache-baseline')]
      : [site === 'portal' ? ws.portalDist : ws.before!.dist, path.join(ws.base, '.astro-cache')];
  // The copies' generated types and Vite's cache; never the repository's own (others build there).
  if (root !== REPO_ROOT) dirs.push(path.join(root, '.astro'), path.join(root, 'node_modules'));
  for (const dir of dirs) discard(ws.base, dir);
}

/**
 * The portal's build as `npm run build` runs it, or `astro build` itself when `direct`; with `before`, the portal at
 * the commit of `--against`, with that commit's build script.
 */
export async function buildPortal(ws: Workspace, label: string, { direct = false, before = false } = {}): Promise<BuildResult> {
  const log = path.join(ws.logs, `${before ? 'before' : 'portal'}-${label}.log`);
  const root = before ? ws.before!.root : ws.portalRoot;
  const dist = before ? ws.before!.dist : ws.portalDist;
  const command = direct ? [ASTRO_CLI, 'build'] : before ? [path.join(root, 'scripts/build.ts')] : PORTAL_BUILD;
  const run = await runMeasured(process.execPath, [...command, '--outDir', dist], {
    cwd: root, env: astroEnv(ws.content), logFile: log,
  });
  if (run.status !== 0) failure(run, log);
  const parts = Object.fromEntries(Object.entries(astroPhases(run.lines)).map(([k, v]) => [k, seconds(v)]));
  const wall = run.wallMs / 1000;
  // No search index line: the build was skipped (nothing changed).
  const index = parts.index ?? 0;
  const measured = sizes(dist);
  return {
    ok: true, wall, build: wall - index, index, peakRssMax: run.peakRssMax, peakRssTotal: run.peakRssTotal, cpu: run.cpuSeconds,
    ...measured, pagesPerSecond: measured.pages / wall, parts, log,
  };
}

export async function buildBaseline(ws: Workspace, label: string): Promise<BuildResult> {
  const log = path.join(ws.logs, `baseline-${label}.log`);
  const build = await runMeasured(process.execPath, [ASTRO_CLI, 'build', '--outDir', ws.baselineDist], {
    cwd: ws.baselineRoot, env: astroEnv(ws.content), logFile: log,
  });
  if (build.status !== 0) failure(build, log);
  const indexLog = path.join(ws.logs, `baseline-${label}-pagefind.log`);
  const index = await runMeasured(process.execPath, [PAGEFIND_CLI, '--site', ws.baselineDist, '--force-language', 'vi'], {
    cwd: ws.baselineRoot, env: process.env, logFile: indexLog,
  });
  if (index.status !== 0) failure(index, indexLog);
  const parts = Object.fromEntries(Object.entries(astroPhases(build.lines)).map(([k, v]) => [k, seconds(v)]));
  parts.index = index.wallMs / 1000;
  const wall = (build.wallMs + index.wallMs) / 1000;
  const measured = sizes(ws.baselineDist);
  return {
    ok: true, wall, build: build.wallMs / 1000, index: index.wallMs / 1000,
    peakRssMax: Math.max(build.peakRssMax, index.peakRssMax),
    peakRssTotal: Math.max(build.peakRssTotal, index.peakRssTotal),
    cpu: build.cpuSeconds + index.cpuSeconds,
    ...measured, pagesPerSecond: measured.pages / wall, parts, log,
  };
}
