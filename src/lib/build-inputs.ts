/**
 * What a build of the portal is made from, as one digest: every file of the project it may read (sources, public
 * files, content, configuration, the installed packages' lock), the settings that change its output, and the
 * Node version. Two builds with the same digest into the same folder, with no scheduled change due in between, give
 * the same site (`scripts/build.ts`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from './files-under';

/** Folders of the project that no build reads: generated output, caches, tests, version control. */
const NOT_READ = new Set(['node_modules', '.git', '.astro', 'tests', 'test-results', '.tmp-exp']);
/** Of node_modules, the lock npm writes for what is installed. */
const INSTALLED = 'node_modules/.package-lock.json';

export interface InputsOptions {
  root: string;
  /** Where the content is, when outside `root` (`BAN_TIN_CONTENT`). */
  contentDir: string;
  /** Never read: the output and the build cache. */
  outDir: string;
  cacheDir: string;
  /** Settings that shape the output: environment variables, build options. */
  settings: Record<string, string | undefined>;
}

export function inputsDigest({ root, contentDir, outDir, cacheDir, settings }: InputsOptions): string {
  const excluded = new Set([path.resolve(outDir), path.resolve(cacheDir)]);
  const skip = (full: string, name: string) => excluded.has(full) || (path.dirname(full) === root && NOT_READ.has(name));
  const files = new Set(filesUnder(root, skip));
  const content = path.resolve(contentDir);
  if (path.relative(root, content).startsWith('..')) for (const file of filesUnder(content, skip)) files.add(file);
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ node: process.version, settings }));
  for (const file of [...files, path.join(root, INSTALLED)].sort()) {
    hash.update(`\n${file}\n`);
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('(missing)');
    }
  }
  return hash.digest('hex');
}
