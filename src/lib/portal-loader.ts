import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { hasBody, pruneBodies, writeBody } from './body-store';
import { reportChangedEntry } from './build-facts';
import { contentDir } from './content-root';
import { fileStamp, readStamps, writeStamps } from './file-stamps';
import { entryIdFromPath } from './entry-id';
import { articleFiles, describeProblem, duplicateSlugs, fileProblems, imagePaths } from './file-checks';
import { checkingFile } from './photo-field';
import { entryPhotosUnchanged, photoFileStamp } from './photos';
import { splitFrontmatter } from './frontmatter';
import { renderBody, RENDERER_VERSION } from './render-body';
import { renderPlainMarkdown } from './plain-markdown';
import { bodySyntax, parseBody, type ParsedBody } from './safe-mdx';

/** The size and time of every photo file an article's data names, as they are now. */
function photoStamps(filePath: string, data: Record<string, unknown>): string {
  return imagePaths(data)
    .map(({ src }) => {
      try {
        return photoFileStamp(path.resolve(path.dirname(filePath), src));
      } catch {
        return 'missing';
      }
    })
    .join(',');
}

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
    load: async ({ store, parseData, generateDigest, config, watcher, logger }: LoaderContext) => {
      const dir = path.resolve(contentDir(collection));
      const root = fileURLToPath(config.root);
      const cacheDir = fileURLToPath(config.cacheDir);
      const files = articleFiles(dir);
      const stamps = readStamps(collection, cacheDir);
      const duplicates = duplicateSlugs(files);
      if (duplicates.length > 0) throw new ContentFileError(path.relative(root, dir), duplicates);

      async function sync(entry: string) {
        const filePath = path.join(dir, entry);
        const relative = path.relative(root, filePath).replaceAll('\\', '/');
        const id = entryIdFromPath(entry);
        const existing = store.get(id);
        // A file whose size and modification time are those it had when its entry was made is not read again,
        // unless one of its photos changed.
        const stats = statSync(filePath);
        if (existing?.filePath && existing.filePath !== relative) stamps.delete(existing.filePath);
        if (
          existing?.digest &&
          stamps.get(relative) === fileStamp(RENDERER_VERSION, stats, String(existing.digest)) &&
          hasBody(collection, String(existing.digest), cacheDir) &&
          entryPhotosUnchanged(existing.data)
        ) {
          return;
        }
        const source = readFileSync(filePath, 'utf8');
        let split;
        try {
          split = splitFrontmatter(source);
        } catch (error) {
          throw new ContentFileError(relative, [`YAML không đọc được: ${(error as Error).message}`]);
        }
        const { data, body, bodyStartLine } = split;
        // The store keeps an entry whose digest has not changed, so the digest covers everything the entry holds:
        // the file, where it is (photo paths are resolved from it), its photos' files and the renderer's version.
        const digest = generateDigest(`${RENDERER_VERSION}\n${relative}\n${photoStamps(filePath, data)}\n${source}`);
        const remember = () => stamps.set(relative, fileStamp(RENDERER_VERSION, stats, digest));
        if (existing?.digest === digest && hasBody(collection, digest, cacheDir)) {
          remember();
          return;
        }
        // A plain-Markdown body (most of them) has nothing to check and a faster renderer of the same HTML.
        const plain = renderPlainMarkdown(body, filePath);
        const parsedBody: ParsedBody = plain === undefined ? parseBody(body, bodySyntax(body, filePath)) : { syntax: 'markdown', problems: [] };
        const problems = fileProblems(id, filePath, data, parsedBody, bodyStartLine);
        if (problems.length > 0) throw new ContentFileError(relative, problems.map(describeProblem));
        checkingFile(filePath);
        const parsed = await parseData({ id, data, filePath });
        let html = plain;
        try {
          html ??= (await renderBody(parsedBody, filePath)).html;
        } catch (error) {
          throw new ContentFileError(relative, [`thân bài: ${(error as Error).message}`]);
        }
        writeBody(collection, digest, html, cacheDir);
        store.set({ id, data: parsed, filePath: relative, digest });
        reportChangedEntry(collection, id);
        remember();
      }

      const kept = new Set(files.map(entryIdFromPath));
      for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
      for (const entry of files) await sync(entry);
      const current = new Set([...store.values()].map((entry) => entry.filePath));
      writeStamps(collection, new Map([...stamps].filter(([file]) => current.has(file))), cacheDir);
      pruneBodies(collection, new Set([...store.values()].map((entry) => String(entry.digest ?? ''))), cacheDir);

      // `astro dev`: follow edits without a restart, one file at a time (the schema reads the file being checked).
      watcher?.add(dir);
      const inCollection = (file: string) => file.startsWith(dir + path.sep) && /\.mdx?$/.test(file);
      let queue = Promise.resolve();
      const resync = (file: string) => {
        if (!inCollection(file)) return;
        queue = queue.then(() => sync(path.relative(dir, file))).catch((error: Error) => logger.error(error.message));
      };
      watcher?.on('change', resync);
      watcher?.on('add', resync);
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
