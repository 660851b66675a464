import type { AstroIntegration } from 'astro';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFacts } from '../lib/build-facts.ts';
import { filesUnder } from '../lib/files-under.ts';
import { staleFiles } from '../lib/output-files.ts';

/**
 * In the output folder, the id of the build that made it; in the build cache, the last build's record. The same id
 * means the folder holds that cache's last build.
 */
export const MARKER = '.ban-tin-build';

/** In the build cache: the files the last build's routes produced. */
const ROUTES = 'output-routes.json';

function readRoutes(cacheDir: string): string[] {
  try {
    return JSON.parse(readFileSync(path.join(cacheDir, ROUTES), 'utf8')) as string[];
  } catch {
    return [];
  }
}

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

/**
 * Removes the files of `root` this build did not produce. Folders of pages hold nothing but pages (old pages are
 * removed by the list of the last build's pages), so only the other folders are read: assets, copies of the public
 * folder, the top level.
 */
function removeStale(root: string, routeOutputs: ReadonlySet<string>, buildStart: number, skip: ReadonlySet<string>, publicDir: string) {
  // A page of this build, or a copy of a public file, is current whatever its age: only other files need their time.
  const publicCopies = existsSync(publicDir) ? filesUnder(publicDir).map((full) => path.relative(publicDir, full)) : [];
  const current = new Set([...routeOutputs, ...publicCopies, MARKER]);
  const candidates = filesUnder(root, (full) => skip.has(path.relative(root, full)))
    .map((full) => path.relative(root, full))
    .filter((file) => !current.has(file));
  const files = candidates.map((file) => ({ file, modified: statSync(path.join(root, file)).mtimeMs }));
  const stale = staleFiles(files, current, buildStart);
  for (const file of stale) rmSync(path.join(root, file), { force: true });
  return stale;
}

/** Top-level folders that hold only pages: those of the routes' outputs, unless the public folder has one too. */
function pageFolders(routeOutputs: ReadonlySet<string>, publicDir: string): string[] {
  const top = new Set([...routeOutputs].map((file) => file.split(path.sep)[0]).filter((name) => !name.includes('.')));
  for (const name of existsSync(publicDir) ? readdirSync(publicDir) : []) top.delete(name);
  return [...top];
}

/** Removes the folders that held `removed` files and are empty now. */
function removeEmptyFolders(outDir: string, removed: readonly string[]): void {
  // Astro gives the output folder with a final separator.
  const root = path.resolve(outDir);
  for (const file of removed) {
    for (let dir = path.dirname(path.join(root, file)); dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
      if (!existsSync(dir) || readdirSync(dir).length > 0) break;
      rmdirSync(dir);
    }
  }
}

/**
 * Keeps the output folder between builds instead of emptying it: an unchanged page stays where it is (Astro's
 * incremental build then only checks that it exists), which saves removing and copying back every page of a large
 * portal. What the last build wrote and this one did not (a deleted or unpublished article, an old asset) is removed.
 * The folder is emptied as usual when it does not hold the last build of this build cache (another site, a build
 * that failed). Two integrations: `first` goes before the others and removes the last build's pages that this one
 * has not, before the search index reads the pages; `last` goes after them, when every file of this build has been
 * written, and removes any other file this build did not write. The search index manages its own folder.
 */
export function keepOutput({ ownedByOthers = ['pagefind'] }: { ownedByOthers?: string[] } = {}): { first: AstroIntegration; last: AstroIntegration } {
  const owned = new Set(ownedByOthers.map((folder) => path.normalize(folder)));
  let outDir = '';
  let cacheDir = '';
  let publicDir = '';
  let buildStart = 0;
  let routeOutputs = new Set<string>();
  let removed: string[] = [];
  const first: AstroIntegration = {
    name: 'ban-tin-keep-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        publicDir = fileURLToPath(config.publicDir);
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
        // The last build's pages that this one does not have (the folder holds that build: see `astro:build:start`).
        removed = readRoutes(cacheDir).filter((file) => !routeOutputs.has(file) && existsSync(path.join(root, file)));
        for (const file of removed) rmSync(path.join(root, file), { force: true });
      },
    },
  };
  const last: AstroIntegration = {
    name: 'ban-tin-keep-output-end',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const skip = new Set([...owned, ...pageFolders(routeOutputs, publicDir)]);
        removed = removed.concat(removeStale(root, routeOutputs, buildStart, skip, publicDir));
        removeEmptyFolders(root, removed);
        if (removed.length > 0) logger.info(`xóa ${removed.length} tệp của lần dựng trước không còn dùng`);
        const record: BuildRecord = { id: randomUUID(), nextChange: buildFacts()?.nextChange?.toISOString() };
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(path.join(cacheDir, ROUTES), JSON.stringify([...routeOutputs]));
        writeFileSync(path.join(cacheDir, MARKER), JSON.stringify(record));
        writeFileSync(path.join(root, MARKER), record.id);
      },
    },
  };
  return { first, last };
}
