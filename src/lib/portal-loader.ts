import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { hasBody, pruneBodies, writeBody } from './body-store';
import { contentDir } from './content-root';
import { entryIdFromPath } from './entry-id';
import { articleFiles, describeProblem, duplicateSlugs, fileProblems } from './file-checks';
import { splitFrontmatter } from './frontmatter';
import { renderBody, RENDERER_VERSION } from './render-body';
import { bodySyntax, parseBody } from './safe-mdx';

/** A build error that names the file first, as editors look for it. */
export class ContentFileError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentFileError';
  }
}

/**
 * Loads news, reports and events with the portal's rules: the URL slug is the file name, which must be ASCII and
 * unique; dates are read as written; an unsafe body stops the build. Bodies are rendered to HTML here, once per
 * change of the file (kept in the build cache by digest, `body-store.ts`), rather than compiled into a module per
 * article.
 */
export function articleLoader(collection: string): Loader {
  return {
    name: 'ban-tin-articles',
    load: async ({ store, parseData, generateDigest, config, watcher }: LoaderContext) => {
      const dir = path.resolve(contentDir(collection));
      const root = fileURLToPath(config.root);
      const cacheDir = fileURLToPath(config.cacheDir);
      const duplicates = duplicateSlugs(dir);
      if (duplicates.length > 0) throw new ContentFileError(path.relative(root, dir), duplicates);

      async function sync(entry: string) {
        const filePath = path.join(dir, entry);
        const relative = path.relative(root, filePath).replaceAll('\\', '/');
        const source = readFileSync(filePath, 'utf8');
        const id = entryIdFromPath(entry);
        // The store keeps an entry whose digest has not changed, so the digest covers everything the entry holds:
        // the file, where it is (image paths are resolved from it) and the renderer's version.
        const digest = generateDigest(`${RENDERER_VERSION}\n${relative}\n${source}`);
        const existing = store.get(id);
        if (existing?.digest === digest && hasBody(collection, digest, cacheDir)) {
          // Unchanged: keep the cached entry, and register the images it uses again, as Astro's glob loader does
          // (the method is on the store, though not in its public type).
          const assets = store as typeof store & { addAssetImports?: (assets: string[], file: string) => void };
          if (existing.assetImports?.length) assets.addAssetImports?.(existing.assetImports, relative);
          return;
        }
        let split;
        try {
          split = splitFrontmatter(source);
        } catch (error) {
          throw new ContentFileError(relative, [`YAML không đọc được: ${(error as Error).message}`]);
        }
        const { data, body, bodyStartLine } = split;
        const parsedBody = parseBody(body, bodySyntax(body, filePath));
        const problems = fileProblems(id, filePath, data, parsedBody, bodyStartLine);
        if (problems.length > 0) throw new ContentFileError(relative, problems.map(describeProblem));
        const parsed = await parseData({ id, data, filePath });
        let rendered;
        try {
          rendered = await renderBody(parsedBody, filePath);
        } catch (error) {
          throw new ContentFileError(relative, [`thân bài: ${(error as Error).message}`]);
        }
        writeBody(collection, digest, rendered.html, cacheDir);
        store.set({ id, data: parsed, filePath: relative, digest });
      }

      const files = articleFiles(dir);
      const kept = new Set(files.map(entryIdFromPath));
      for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
      for (const entry of files) await sync(entry);
      pruneBodies(collection, new Set([...store.values()].map((entry) => String(entry.digest ?? ''))), cacheDir);

      // `astro dev`: follow edits without a restart.
      watcher?.add(dir);
      const inCollection = (file: string) => file.startsWith(dir + path.sep) && /\.mdx?$/.test(file);
      watcher?.on('change', (file) => inCollection(file) && void sync(path.relative(dir, file)));
      watcher?.on('add', (file) => inCollection(file) && void sync(path.relative(dir, file)));
      watcher?.on('unlink', (file) => inCollection(file) && store.delete(entryIdFromPath(path.relative(dir, file))));
    },
  };
}

/** Units and categories: one YAML file each, the file name is the slug. */
export function dataLoader(collection: string): Loader {
  return glob({
    base: contentDir(collection),
    pattern: '[^_]*.{yaml,yml}',
    generateId: ({ entry }) => entryIdFromPath(entry),
  });
}
