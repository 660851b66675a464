/**
 * npm run bench [-- --n 200,1000] [--runs 3] [--phases cold,rebuild,incremental,edit] [--no-baseline] [--keep] [--json] [--out f] [--in-place]
 *
 * Builds a synthetic portal of N articles (made from the sample content, scripts/bench/corpus.ts) and prints, per
 * phase, wall time, peak memory, pages/s, output and search index size, next to a plain Astro + MDX site with
 * pagefind (bench/baseline/) built from the same files. Phases: `cold` (no output, no cache), `rebuild` (nothing
 * changed: `npm run build`, which then stops at once), `incremental` (nothing changed: `astro build` itself), `edit`
 * (one article's body changed). Figures are medians over the runs. Not a test: no number fails it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { editArticle } from './bench/corpus';
import { busyCores, machine, median, referenceWorkMs } from './bench/measure';
import { buildBaseline, buildPortal, makeCold, prepareWorkspace, releaseWorkspace, removeDiscarded, resolveCommit, type BuildResult, type Workspace } from './bench/sites';

const PHASES = ['cold', 'rebuild', 'incremental', 'edit'] as const;
type Phase = (typeof PHASES)[number];
type Site = 'portal' | 'before' | 'baseline';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    phases: { type: 'string', default: PHASES.join(',') },
    baseline: { type: 'boolean', default: true },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
    'in-place': { type: 'boolean', default: false },
    against: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowNegative: true,
});

if (values.help) {
  console.log(`npm run bench -- [--n 200,1000] [--runs 3] [--phases cold,rebuild,incremental,edit] [--no-baseline] [--keep] [--json] [--out file] [--in-place] [--against <commit>]
  --n         numbers of articles, comma-separated (default 1000)
  --runs      runs per phase; the tables show medians (default 3)
  --phases    cold (no output or cache), rebuild (nothing changed: npm run build stops at once), incremental
              (nothing changed, astro build itself: the portal's incremental build), edit (one body changed)
  --baseline  also build the plain Astro + MDX + pagefind site (default; --no-baseline to skip)
  --keep      keep the working folder (<tmp>/ban-tin-bench-<n>/: corpus, both sites' output, build logs); a folder
              kept by an earlier run is always kept
  --json      print the results as JSON on stdout (progress stays on stderr)
  --out       also write the results as JSON to this file
  --in-place  build the portal in the repository rather than in a copy of its sources
  --against   also build the portal as it was at this commit (its sources and build script, today's node_modules),
              each run right before or after the portal's, in turn: the machine's changes of speed then touch both
              alike. Cold builds only (--phases cold)`);
  process.exit(0);
}

const ns = values.n.split(',').map((v) => Number(v.trim()));
const runs = Number(values.runs);
const phases = values.phases.split(',').map((p) => p.trim()) as Phase[];
for (const n of ns) if (!Number.isInteger(n) || n < 1) throw new Error(`--n: "${values.n}" is not a list of positive numbers`);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: "${values.runs}" is not a positive number`);
for (const p of phases) if (!PHASES.includes(p)) throw new Error(`--phases: unknown phase "${p}" (${PHASES.join(', ')})`);
if (values.against && phases.some((p) => p !== 'cold')) throw new Error('--against compares cold builds only: add --phases cold');
const against = values.against ? resolveCommit(values.against) : undefined;
const sites: Site[] = [...(against ? (['before'] as const) : []), 'portal', ...(values.baseline ? (['baseline'] as const) : [])];
/** The sites in the order of one run: the two versions of the portal take turns at going first. */
const runOrder = (run: number): Site[] => (against && run % 2 === 0 ? ['portal', 'before', ...sites.slice(2)] : sites);

const progress = (text: string) => process.stderr.write(`${text}\n`);
const MiB = 1024 * 1024;

interface NResult {
  n: number;
  corpus: Workspace['corpus'];
  runs: Record<Site, Partial<Record<Phase, BuildResult[]>>>;
  medians: Record<Site, Partial<Record<Phase, Record<string, number>>>>;
  /** Cores busy in the second before each build (`busyCores`). */
  busyBefore: number[];
  workspace?: string;
}

function medianOf(results: BuildResult[]): Record<string, number> {
  const keys = ['wall', 'build', 'index', 'cpu', 'peakRssMax', 'peakRssTotal', 'pages', 'pagesPerSecond', 'outputBytes', 'outputBytesWithoutAdmin', 'indexBytes'] as const;
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = median(results.map((r) => r[key]));
  for (const part of Object.keys(results[0]?.parts ?? {})) out[`part.${part}`] = median(results.map((r) => r.parts[part] ?? NaN));
  return out;
}

async function benchN(n: number): Promise<NResult> {
  progress(`\n== N = ${n}: generating the corpus…`);
  const ws = prepareWorkspace(n, { inPlace: values['in-place'], against });
  const c = ws.corpus;
  progress(`   ${c.news} news, ${c.reports} reports, ${c.events} events, ${c.covers} covers, ${c.attachments} attachments, ${c.words} words in ${ws.content}`);
  const result: NResult = { n, corpus: c, runs: { portal: {}, before: {}, baseline: {} }, medians: { portal: {}, before: {}, baseline: {} }, busyBefore: [] };
  let edits = 0;
  for (let run = 1; run <= runs; run++) {
    for (const site of runOrder(run)) {
      const build = (label: string, phase?: Phase) =>
        site === 'baseline' ? buildBaseline(ws, label) : buildPortal(ws, label, { direct: phase === 'incremental', before: site === 'before' });
      const record = async (phase: Phase) => {
        result.busyBefore.push(await busyCores());
        progress(`   run ${run}/${runs} ${site} ${phase}…`);
        const r = await build(`${phase}-${run}`, phase);
        progress(`     ${r.wall.toFixed(1)} s (index ${r.index.toFixed(1)} s, CPU ${r.cpu.toFixed(1)} s), peak RSS ${(r.peakRssMax / MiB).toFixed(0)} MiB max / ${(r.peakRssTotal / MiB).toFixed(0)} MiB total, ${r.pages} pages`);
        (result.runs[site][phase] ??= []).push(r);
      };
      if (phases.includes('cold')) {
        makeCold(ws, site);
        await record('cold');
      } else if (run === 1) {
        makeCold(ws, site);
        progress(`   ${site}: first build (not measured)…`);
        await build('warmup');
      }
      if (phases.includes('rebuild')) await record('rebuild');
      if (phases.includes('incremental')) await record('incremental');
      if (phases.includes('edit')) {
        editArticle(ws.content, c.editTarget, ++edits);
        await record('edit');
      }
    }
  }
  for (const site of sites) {
    for (const phase of phases) {
      const list = result.runs[site][phase];
      if (list?.length) result.medians[site][phase] = medianOf(list);
    }
  }
  if (releaseWorkspace(ws, values.keep)) result.workspace = ws.base;
  return result;
}

const s = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const mib = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : (v / MiB).toFixed(v < 10 * MiB ? 1 : 0));

function table(result: NResult): string {
  const { n, corpus: c } = result;
  const out: string[] = [];
  out.push(`N = ${n} (${c.news} news, ${c.reports} reports, ${c.events} events, ${c.covers} with a cover, ${c.attachments} attached files; ${Math.round(c.words / n)} words per article), median of ${runs} run(s)`);
  if (against) out.push(`before: the portal at ${values.against} (${against.slice(0, 7)}), built in turn with the portal (each run, the one built first alternates)`);
  out.push('');
  out.push(`| phase | site | wall s | build s | index s | CPU s | peak RSS MiB (one process / all) | pages/s | wall vs ${against ? 'before, ' : ''}baseline |`);
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const phase of phases) {
    const base = result.medians.baseline[phase];
    const before = result.medians.before[phase];
    for (const site of sites) {
      const m = result.medians[site][phase];
      if (!m) continue;
      const ratios = site === 'portal' ? [before && `${(m.wall / before.wall).toFixed(2)}× before`, base && `${(m.wall / base.wall).toFixed(2)}×`] : [];
      const ratio = ratios.filter(Boolean).join(', ');
      out.push(`| ${phase} | ${site} | ${s(m.wall)} | ${s(m.build)} | ${s(m.index)} | ${s(m.cpu)} | ${mib(m.peakRssMax)} / ${mib(m.peakRssTotal)} | ${m.pagesPerSecond.toFixed(0)} | ${ratio} |`);
    }
  }
  out.push('');
  out.push('| site | HTML pages | output MiB | output without /admin/ MiB | search index MiB |');
  out.push('|---|---:|---:|---:|---:|');
  const last = phases[phases.length - 1];
  for (const site of sites) {
    const m = result.medians[site][last];
    if (m) out.push(`| ${site} | ${m.pages} | ${mib(m.outputBytes)} | ${mib(m.outputBytesWithoutAdmin)} | ${mib(m.indexBytes)} |`);
  }
  out.push('');
  out.push('Where the time goes (s, from the Astro log; index = search index):');
  out.push('');
  out.push('| phase | site | startup | content sync | types, build info | bundle | pages | images | index |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const phase of phases) {
    for (const site of sites) {
      const m = result.medians[site][phase];
      if (!m) continue;
      const p = (k: string) => s(m[`part.${k}`]);
      out.push(`| ${phase} | ${site} | ${p('startup')} | ${p('content')} | ${p('prepare')} | ${p('bundle')} | ${p('pages')} | ${p('images')} | ${p('index')} |`);
    }
  }
  const busy = median(result.busyBefore);
  out.push('');
  out.push(`Cores busy in the second before each build (median): ${busy.toFixed(2)}${busy > 0.3 ? ' — something else was running; the times are pessimistic' : ''}`);
  if (result.workspace) out.push(`Kept: ${result.workspace} (build logs in logs/)`);
  return out.join('\n');
}

const referenceBefore = referenceWorkMs();
const started = performance.now();
const results: NResult[] = [];
for (const n of ns) {
  const result = await benchN(n);
  results.push(result);
  if (!values.json) console.log(`\n${table(result)}`);
}
removeDiscarded();
const total = (performance.now() - started) / 1000;
const reference = { beforeMs: referenceBefore, afterMs: referenceWorkMs() };
const report = JSON.stringify({ machine: { ...machine(), reference }, runs, phases, seconds: total, results }, null, 2);
if (values.out) writeFileSync(values.out, report);
if (values.json) {
  console.log(report);
} else {
  const m = machine();
  console.log(`\n${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}; benchmark took ${total.toFixed(0)} s`);
  console.log(`Reference work (scripts/bench/measure.ts, lower is a faster machine): ${reference.beforeMs.toFixed(0)} ms before, ${reference.afterMs.toFixed(0)} ms after`);
}
progress(path.basename(import.meta.filename) + ': done');
