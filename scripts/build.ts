/**
 * npm run build [-- astro build options]
 *
 * Builds the portal with `astro build`, unless the output folder already holds a build of exactly the same files and
 * settings (`src/lib/build-inputs.ts`) and no scheduled change (an item's publication or expiry, the end of an
 * event) has come due since: then it says so and stops at once. An hourly scheduled build with nothing to publish
 * costs a second instead of a build. `--force` always builds, and renders every page again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { lastBuild, outputBuildId } from '../src/integrations/keep-output.ts';
import { inputsDigest, type FileHashes } from '../src/lib/build-inputs.ts';
import { buildCacheDir, CONTENT_ROOT } from '../src/lib/content-root.ts';
import { buildTime } from '../src/lib/dates.ts';

/** The project: npm runs scripts from its folder. */
const ROOT = process.cwd();
const ASTRO_CLI = path.join(path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve('astro/package.json')), 'bin/astro.mjs');
/** In the build cache: the inputs of the last build, and its id. */
const STAMP = 'build-inputs.json';

const args = process.argv.slice(2);
/** `--outDir dir` or `--outDir=dir`, as Astro reads it; the project's `dist/` otherwise. */
function outDirOption(): string | undefined {
  const at = args.findIndex((arg) => arg === '--outDir' || arg.startsWith('--outDir='));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].slice('--outDir='.length) : args[at + 1];
}
const outDir = path.resolve(outDirOption() ?? path.join(ROOT, 'dist'));
const cacheDir = buildCacheDir();
const settings = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => (name.startsWith('BAN_TIN_') && name !== 'BAN_TIN_NOW') || name === 'SITE_URL'),
);
const HASHES = path.join(cacheDir, 'input-hashes.json');
function knownHashes(): FileHashes {
  try {
    return JSON.parse(readFileSync(HASHES, 'utf8')) as FileHashes;
  } catch {
    return {};
  }
}
const known = knownHashes();
const { digest: inputs, hashes } = inputsDigest({ root: ROOT, contentDir: CONTENT_ROOT, outDir, cacheDir, settings: { ...settings, args: args.join(' ') }, known });
mkdirSync(cacheDir, { recursive: true });
writeFileSync(HASHES, JSON.stringify(hashes));

function upToDate(): boolean {
  if (args.includes('--force')) return false;
  const stamp = existsSync(path.join(cacheDir, STAMP)) ? (JSON.parse(readFileSync(path.join(cacheDir, STAMP), 'utf8')) as { inputs: string; id: string }) : undefined;
  const last = lastBuild(cacheDir);
  if (!stamp || !last || stamp.inputs !== inputs || stamp.id !== last.id || outputBuildId(outDir) !== last.id) return false;
  return !last.nextChange || buildTime() < new Date(last.nextChange);
}

if (upToDate()) {
  console.log(`Không có gì thay đổi từ lần dựng trước: ${path.relative(ROOT, outDir) || '.'} vẫn là bản mới nhất.`);
  process.exit(0);
}
// Without Node's compile cache (which Astro would otherwise keep in the system's temporary folder): writing it holds
// up a build by about 1.3 s (1,900 modules), and reading it makes a later build start only about 0.2 s sooner.
const env = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' };
// A larger young generation: rendering pages makes much short-lived garbage, collected less often so. Interleaved cold
// builds were faster with it in 7 of 8 pairs, by about 3% (docs/performance.md, Notes).
const run = spawnSync(process.execPath, ['--max-semi-space-size=64', ASTRO_CLI, 'build', ...args], { stdio: 'inherit', env });
if (run.status === 0) {
  const last = lastBuild(cacheDir);
  if (last) writeFileSync(path.join(cacheDir, STAMP), JSON.stringify({ inputs, id: last.id }));
}
process.exit(run.status ?? 1);
