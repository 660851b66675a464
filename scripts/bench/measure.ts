/**
 * Running a command for a benchmark: wall time, peak memory of its whole process tree (sampled from /proc),
 * and the time each output line arrived, so the phases of an Astro build can be timed from its log.
 */
import { spawn, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { deflateSync } from 'node:zlib';

export interface Line {
  /** Milliseconds since the command started. */
  ms: number;
  text: string;
}

export interface Measured {
  status: number | null;
  wallMs: number;
  /** Largest resident set of any one process of the tree (bytes). */
  peakRssMax: number;
  /** Largest sum of the resident sets of the tree's processes at one sample (bytes). */
  peakRssTotal: number;
  /**
   * CPU time (user + system) of the tree, seconds, as of the last sample before it ended: less sensitive than
   * wall time to other work on the machine.
   */
  cpuSeconds: number;
  lines: Line[];
}

function getconf(name: string, fallback: number): number {
  try {
    return Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback;
  } catch {
    return fallback;
  }
}
const PAGE_SIZE = getconf('PAGESIZE', 4096);
const CLOCK_TICKS = getconf('CLK_TCK', 100);

export interface TreeSample {
  /** Resident set of each process (bytes). */
  rss: number[];
  /** CPU seconds of the processes, including their children that ended. */
  cpu: number;
}

/** `root` and all its descendants, read from /proc. */
export function sampleTree(root: number): TreeSample {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  const cpu = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return { rss: [], cpu: 0 };
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: fields are counted after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * PAGE_SIZE);
      // utime, stime, cutime, cstime (fields 14–17).
      cpu.set(Number(name), (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS);
    } catch {
      // The process ended while we read it.
    }
  }
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!inTree.has(pid) && inTree.has(ppid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  const pids = [...inTree];
  return { rss: pids.map((pid) => rss.get(pid) ?? 0), cpu: pids.reduce((sum, pid) => sum + (cpu.get(pid) ?? 0), 0) };
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** Commands still running: stopped with the benchmark (Ctrl-C), so no build is left behind. */
const running = new Set<import('node:child_process').ChildProcess>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGTERM');
    process.exit(130);
  });
}

/** Runs a command to its end, sampling memory every `sampleMs`; its output goes to `logFile`. */
export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; logFile: string; sampleMs?: number },
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    const lines: Line[] = [];
    let peakRssMax = 0;
    let peakRssTotal = 0;
    let cpuSeconds = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const { rss, cpu } = sampleTree(child.pid);
      peakRssMax = Math.max(peakRssMax, ...rss, 0);
      peakRssTotal = Math.max(peakRssTotal, rss.reduce((a, b) => a + b, 0));
      cpuSeconds = Math.max(cpuSeconds, cpu);
    };
    const timer = setInterval(sample, options.sampleMs ?? 100);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (text) => lines.push({ ms: performance.now() - started, text: text.replace(ANSI, '') }));
    }
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (status) => {
      running.delete(child);
      clearInterval(timer);
      const wallMs = performance.now() - started;
      writeFileSync(options.logFile, lines.map((l) => `${(l.ms / 1000).toFixed(3).padStart(9)} ${l.text}`).join('\n') + '\n');
      resolve({ status, wallMs, peakRssMax, peakRssTotal, cpuSeconds, lines });
    });
  });
}

/** Milliseconds between the first line matching `from` and the first line after it matching `to`. */
export function between(lines: Line[], from: RegExp, to: RegExp): number | undefined {
  const start = lines.findIndex((l) => from.test(l.text));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && to.test(l.text));
  if (end < 0) return undefined;
  return lines[end].ms - lines[start].ms;
}

/**
 * Where an Astro build spends its time, from the arrival of its log lines (ms). The portal's search index is
 * built in an `astro:build:done` hook that logs when it ends; it starts after the sitemap's hook logs.
 */
export function astroPhases(lines: Line[]): Record<string, number | undefined> {
  const syncStart = lines.find((l) => /\[content\] Syncing content/.test(l.text));
  const indexLine = lines.findIndex((l) => /\[ban-tin-search-index\]/.test(l.text));
  // The hook starts when the one before it ends; Astro may say meanwhile that it is waiting for the hook.
  let before = indexLine - 1;
  while (before > 0 && /Waiting for integration/.test(lines[before].text)) before--;
  return {
    startup: syncStart?.ms,
    content: between(lines, /\[content\] Syncing content/, /\[content\] Synced content/),
    prepare: between(lines, /\[content\] Synced content/, /Building static entrypoints/),
    bundle: between(lines, /Building static entrypoints/, /generating static routes/),
    pages: between(lines, /generating static routes/, /✓ Completed in/),
    images: between(lines, /generating optimized images/, /✓ Completed in/),
    index: indexLine > 0 && before >= 0 ? lines[indexLine].ms - lines[before].ms : undefined,
  };
}

export function walkFiles(dir: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = statSync(file);
    if (stat.isDirectory()) walkFiles(file, out);
    else out.push(file);
  }
  return out;
}

export function dirBytes(dir: string): number {
  return walkFiles(dir).reduce((sum, file) => sum + statSync(file).size, 0);
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The machine's CPU time so far, summed over its cores (/proc/stat, in clock ticks): busy, and in all. */
function cpuTicks(): { busy: number; total: number } | undefined {
  try {
    // user nice system idle iowait irq softirq steal
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    return { busy: total - ticks[3] - ticks[4], total };
  } catch {
    return undefined;
  }
}

/**
 * How many cores are busy now, measured over `ms`: other work on the machine makes the figures worse. Not the load
 * average, which the build just before still lifts for minutes. Where /proc is missing, the one-minute load average.
 */
export async function busyCores(ms = 1000): Promise<number> {
  const before = cpuTicks();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTicks();
  if (!before || !after || after.total <= before.total) return loadavg()[0];
  return ((after.busy - before.busy) / (after.total - before.total)) * cpus().length;
}

/** The machine the figures were measured on. */
export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** A fixed text of Vietnamese-like words (the same bytes on every machine), about 1 MB. */
function referenceText(): string {
  const words = ['đoàn', 'viên', 'thanh', 'niên', 'hiến', 'máu', 'tình', 'nguyện', 'chi', 'hội', 'năm', 'kết', 'quả', 'số'];
  let seed = 1;
  const parts: string[] = [];
  for (let i = 0; i < 160_000; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    parts.push(words[seed % words.length]);
  }
  return parts.join(' ');
}

/**
 * Milliseconds this machine takes for a fixed piece of single-threaded work like a build's (building HTML strings,
 * JSON, deflate at the best level as pagefind compresses): the median of `runs`. The machines behind these figures
 * differ from day to day by more than most changes (the same cold build took 49 s one day and 77 s another), so
 * figures measured on different days compare only next to this.
 */
export function referenceWorkMs(runs = 5): number {
  const text = referenceText();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    let html = '';
    for (let i = 0; i < text.length; i += 4000) html += `<p class="body">${text.slice(i, i + 4000).replaceAll('đ', '&#273;')}</p>\n`;
    const data = JSON.parse(JSON.stringify({ html, words: text.split(' ') }));
    deflateSync(Buffer.from(data.html), { level: 9 });
    times.push(performance.now() - start);
  }
  return median(times);
}
