import type { AstroIntegration } from 'astro';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFacts } from '../lib/build-facts';
import { staleFiles } from '../lib/output-files';

/**
 * In the output folder, the id of the build that made it; in the build cache, the last build's record. The same id
 * means the folder holds that cache's last build.
 */
export const MARKER = '.ban-tin-build';

export interface BuildRecord {
  id: string;
  /** When the published portal changes with time alone (ISO), if ever: see `build-facts.ts`. */
  nextChange?: string;
}

function read(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** The last build's record in a build cache. */
export function lastBuild(cacheDir: string): BuildRecord | undefined {
  try {
    return JSON.parse(readFileSync(path.join(cacheDir, MARKER), 'utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
}

/** The id of the build the output folder holds. */
export function outputBuildId(outDir: string): string | undefined {
  return read(path.join(outDir, MARKER));
}

/** Files of `root` not produced by this build; `only` narrows the candidates. */
function removeStale(root: string, routeOutputs: ReadonlySet<string>, buildStart: number, ownedByOthers: string[], only: (file: string) => boolean) {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => only(file) && !ownedByOthers.some((owned) => file === owned || file.startsWith(owned + path.sep)))
    .map((file) => ({ file, stat: statSync(path.join(root, file)) }))
    .filter(({ stat }) => stat.isFile())
    .map(({ file, stat }) => ({ file, modified: stat.mtimeMs }));
  const stale = staleFiles(files, routeOutputs, buildStart);
  for (const file of stale) rmSync(path.join(root, file), { force: true });
  return stale.length;
}

/**
 * Keeps the output folder between builds instead of emptying it: an unchanged page stays where it is (Astro's
 * incremental build then only checks that it exists), which saves removing and copying back every page of a large
 * portal. What the last build wrote and this one did not (a deleted or unpublished article, an old asset) is removed.
 * The folder is emptied as usual when it does not hold the last build of this build cache (another site, a build
 * that failed). Two integrations: `first` goes before the others, so that old pages are gone before the search
 * index reads the pages; `last` after them, when every file of this build has been written. The search index
 * manages its own folder.
 */
export function keepOutput({ ownedByOthers = ['pagefind'] }: { ownedByOthers?: string[] } = {}): { first: AstroIntegration; last: AstroIntegration } {
  let outDir = '';
  let cacheDir = '';
  let buildStart = 0;
  let routeOutputs = new Set<string>();
  let removed = 0;
  const first: AstroIntegration = {
    name: 'ban-tin-keep-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        buildStart = Date.now();
        const kept = outputBuildId(outDir);
        if (!kept || kept !== lastBuild(cacheDir)?.id) {
          if (existsSync(outDir) && readdirSync(outDir).length > 0) logger.info('thư mục kết quả không phải của lần dựng trước: làm trống');
          for (const name of existsSync(outDir) ? readdirSync(outDir) : []) {
            if (name !== '.git') rmSync(path.join(outDir, name), { recursive: true, force: true });
          }
        }
        // Until this build ends well, the folder is not a build to keep.
        rmSync(path.join(outDir, MARKER), { force: true });
      },
      'astro:build:done': ({ dir, assets }) => {
        const root = fileURLToPath(dir);
        routeOutputs = new Set<string>();
        for (const files of assets.values()) for (const file of files) routeOutputs.add(path.relative(root, fileURLToPath(file)));
        removed = removeStale(root, routeOutputs, buildStart, ownedByOthers, (file) => file.endsWith('.html'));
      },
    },
  };
  const last: AstroIntegration = {
    name: 'ban-tin-keep-output-end',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        removed += removeStale(root, routeOutputs, buildStart, ownedByOthers, () => true);
        removeEmptyFolders(root);
        if (removed > 0) logger.info(`xóa ${removed} tệp của lần dựng trước không còn dùng`);
        const record: BuildRecord = { id: randomUUID(), nextChange: buildFacts()?.nextChange?.toISOString() };
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(path.join(cacheDir, MARKER), JSON.stringify(record));
        writeFileSync(path.join(root, MARKER), record.id);
      },
    },
  };
  return { first, last };
}

function removeEmptyFolders(dir: string): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && removeEmptyFolders(path.join(dir, entry.name))) rmdirSync(path.join(dir, entry.name));
    else empty = false;
  }
  return empty;
}
