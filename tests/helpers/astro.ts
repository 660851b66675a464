import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURE_CONTENT = path.join(ROOT, 'tests/fixtures/site/content');
/** The present the fixtures are written for: items after it are scheduled. */
export const FIXED_NOW = '2026-11-23T10:00:00+07:00';

/**
 * Search shards of about 12 pages, searched 4 pages at a time, so that the fixture's index is split as a large
 * portal's is: its 23 articles of 2023 in halves of the year, the smaller years joined (`groupMonths`).
 */
export const SMALL_SHARDS = { BAN_TIN_SEARCH_SHARD_PAGES: '12', BAN_TIN_SEARCH_BATCH_PAGES: '4' };

export interface AstroRun {
  status: number | null;
  output: string;
}

const ASTRO_CLI = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

/**
 * Every Astro run writes the project's `.astro/` folder (content asset imports, and the prerendered pages of builds
 * whose `--outDir` lies outside the project), so two runs at once can mix their content. Test files of different
 * vitest projects run in parallel, so runs take turns holding this lock (a folder; a dead holder's lock is taken over).
 */
const LOCK = path.join(ROOT, 'node_modules/.cache/ban-tin-astro-run.lock');
const LOCK_STALE_MS = 10 * 60_000;

function lockOwnerGone(): boolean {
  try {
    if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) return true;
    const pid = Number(readFileSync(path.join(LOCK, 'pid'), 'utf8'));
    if (!pid) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function withAstroLock<T>(run: () => T): T {
  const release = acquireAstroLock();
  try {
    return run();
  } finally {
    release();
  }
}

/** Takes the lock (waiting for its holder), and returns what releases it. */
function acquireAstroLock(): () => void {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockOwnerGone()) rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(pause, 0, 0, 200);
    }
  }
  return () => rmSync(LOCK, { recursive: true, force: true });
}

/** Runs the project's Astro CLI with the Node running the tests, on a content folder. */
export function runAstro(args: string[], contentDir: string, env: Record<string, string> = {}): AstroRun {
  return runNode([ASTRO_CLI, ...args], contentDir, env);
}

/** Runs `npm run build` (`scripts/build.ts`) with the Node running the tests, on a content folder. */
export function runBuild(args: string[], contentDir: string, env: Record<string, string> = {}): AstroRun {
  return runNode([path.join(ROOT, 'scripts/build.ts'), ...args], contentDir, env);
}

function runNode(args: string[], contentDir: string, env: Record<string, string>): AstroRun {
  const result = withAstroLock(() =>
    spawnSync(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BAN_TIN_CONTENT: contentDir, BAN_TIN_NOW: FIXED_NOW, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      timeout: 300_000,
    }),
  );
  // Tests read the logs as text: colours (on when the environment asks for them, as CI may) would split them.
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

/**
 * `astro dev` on a content folder, on a free port of loopback, once it answers; `stop` ends it. It holds the lock of
 * Astro runs until then.
 */
export async function startAstroDev(contentDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const release = acquireAstroLock();
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  // Astro's dev server answers every page with 404 when it sees vitest's variables.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const child = spawn(process.execPath, [ASTRO_CLI, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: 'development', BAN_TIN_CONTENT: contentDir, BAN_TIN_NOW: FIXED_NOW, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill();
    await exited;
    release();
  };
  const url = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); Date.now() - started < 120_000; await new Promise((resolve) => setTimeout(resolve, 250))) {
    if (child.exitCode !== null) break;
    try {
      await fetch(`${url}/`);
      return { url, stop };
    } catch {
      // Not listening yet.
    }
  }
  await stop();
  throw new Error(`astro dev did not start:\n${stripVTControlCharacters(log)}`);
}

/** What a test writes into a copy of the fixture content, by path: a file's text or bytes, or null to remove it. */
export type ContentFiles = Record<string, string | Uint8Array | null>;

/** A copy of the fixture content with files added, replaced or removed, in a temporary folder. */
export function contentWith(files: ContentFiles): { dir: string; cleanup: () => void } {
  const base = mkdtempSync(path.join(tmpdir(), 'ban-tin-content-'));
  const dir = path.join(base, 'content');
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    if (text === null) {
      rmSync(path.join(dir, file));
      continue;
    }
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return { dir, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/**
 * Builds the fixture site with `files` added (`contentWith`) into a temporary folder, and reads its pages; `cleanup`
 * removes content and output.
 */
export function buildWith(files: ContentFiles): AstroRun & { dist: string; page: (url: string) => string; cleanup: () => void } {
  const content = contentWith(files);
  const dist = path.join(path.dirname(content.dir), 'dist');
  const run = runAstro(['build', '--outDir', dist], content.dir);
  return { ...run, dist, page: (url) => readFileSync(path.join(dist, url, 'index.html'), 'utf8'), cleanup: content.cleanup };
}
