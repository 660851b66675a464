import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { YAMLException } from 'js-yaml';
import { hasBody, pruneBodies, RENDERER_VERSION, writeBody } from './body-store';
import { reportChangedEntry } from './build-facts';
import { ARTICLE_FOLDERS, CONTENT_ROOT, contentDir, DATA_FOLDERS, dataFiles, knownSlugs, SITE_FILE_MISSING, SITE_ID, siteFile } from './content-root';
import { fileStamp, readStamps, stampStillHolds, writeStamps } from './file-stamps';
import { contentHash } from './content-hashes';
import { entryIdFromPath } from './entry-id';
import { encodingProblem } from './encoding';
import { collectionFiles, ContentFileError, describeProblem, duplicateSlugs, fileBesideArticle, fileProblems, imagePaths, strayContent } from './file-checks';
import { previousSlugProblems } from './previous-slugs';
import { dataSchemas } from './schema';
import { articleSchemaFingerprint, schemaFingerprint } from './schema-fingerprint';
import { checkingFile } from './photo-field';
import { readYaml } from './frontmatter';
import { photoHashOfFile, type Photo } from './photo-file';
import { entryPhotosUnchanged } from './photos';
import { articleReader, readArticle, startReaderThread, type ReadArticle } from './article-reader';
import { bodySyntax } from './body-syntax';
import type { ParsedBody } from './safe-mdx';

/** The parser that checks a body and the renderer of the full way (`safe-mdx.ts`, `render-body.ts`), loaded once. */
let loadedPipeline: Promise<[typeof import('./safe-mdx'), typeof import('./render-body')]> | undefined;
async function fullPipeline() {
  loadedPipeline ??= Promise.all([import('./safe-mdx'), import('./render-body')]);
  const [{ parseBody }, { renderBody }] = await loadedPipeline;
  return { parseBody, renderBody };
}

/**
 * The hash of each photo file named (`srcs`, beside `filePath`) as it is now: of the photos read with the file
 * (`read`), or from the build's table (`contentHash`). A photo replaced makes a new digest; a fresh checkout does not.
 */
function photoHashes(filePath: string, srcs: readonly string[], read: readonly Photo[] = []): string {
  const known = new Map(read.map((photo) => [photo.file, photo.hash]));
  return srcs
    .map((src) => {
      const file = fileBesideArticle(filePath, src);
      try {
        return known.get(file) ?? photoHashOfFile(file);
      } catch {
        return 'missing';
      }
    })
    .join(',');
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
    load: async ({ store, meta, parseData, generateDigest, config, watcher, logger }: LoaderContext) => {
      const dir = path.resolve(contentDir(collection));
      dropEntriesOfOtherSchema(store, meta, articleSchemaFingerprint(collection));
      const root = fileURLToPath(config.root);
      const cacheDir = fileURLToPath(config.cacheDir);
      // On a first build every file is read: the reading thread starts while the files are listed.
      const thread = store.keys().length === 0 ? startReaderThread() : undefined;
      const { articles: files, unread } = collectionFiles(dir);
      const stamps = readStamps(collection, cacheDir);
      const problems = [...duplicateSlugs(files), ...unread.map(({ message }) => message)];
      if (problems.length > 0) {
        void thread?.terminate();
        throw new ContentFileError(path.relative(root, dir), problems);
      }

      /**
       * Whether a file must be read: not when its size and modification time are those it had when its entry was
       * made, unless one of its photos changed. Its stat goes with the answer.
       */
      function toRead(entry: string): { read: false } | { read: true; stats: Stats } {
        const filePath = path.join(dir, entry);
        const relative = path.relative(root, filePath).replaceAll('\\', '/');
        const existing = store.get(entryIdFromPath(entry));
        const stats = statSync(filePath);
        if (existing?.filePath && existing.filePath !== relative) stamps.delete(existing.filePath);
        const unchanged =
          existing?.digest &&
          stampStillHolds(stamps.get(relative), RENDERER_VERSION, String(existing.digest), stats, () => contentHash(filePath)) &&
          hasBody(collection, String(existing.digest), cacheDir) &&
          entryPhotosUnchanged(existing.data);
        return unchanged ? { read: false } : { read: true, stats };
      }

      async function sync(entry: string, stats: Stats, reading: ReadArticle | Promise<ReadArticle>) {
        const filePath = path.join(dir, entry);
        const relative = path.relative(root, filePath).replaceAll('\\', '/');
        const id = entryIdFromPath(entry);
        const existing = store.get(id);
        const { source, split, yamlError, plainHtml, photos } = await reading;
        const encoding = encodingProblem(source);
        if (encoding) throw new ContentFileError(relative, [encoding]);
        if (!split) throw new ContentFileError(relative, [`YAML không đọc được: ${yamlError}`]);
        const { data, body, bodyStartLine } = split;
        // The store keeps an entry whose digest has not changed, so the digest covers everything the entry holds:
        // the file, where it is (photo paths are resolved from it), its photos' files and the renderer's version.
        const digest = generateDigest(`${RENDERER_VERSION}\n${relative}\n${photoHashes(filePath, imagePaths(data).map(({ src }) => src), photos)}\n${source}`);
        const remember = () => stamps.set(relative, fileStamp(RENDERER_VERSION, digest, contentHash(filePath), stats));
        if (existing?.digest === digest && hasBody(collection, digest, cacheDir)) {
          remember();
          return;
        }
        // A plain-Markdown body (most of them) has nothing to check and a faster renderer of the same HTML.
        // The full parser and renderer are loaded only for a body that needs them: most builds have none.
        const full = plainHtml === undefined ? await fullPipeline() : undefined;
        const parsedBody: ParsedBody = full
          ? full.parseBody(body, bodySyntax(body, filePath))
          : { syntax: 'markdown', problems: [] };
        const problems = fileProblems(id, filePath, data, parsedBody, bodyStartLine);
        if (problems.length > 0) throw new ContentFileError(relative, problems.map(describeProblem));
        checkingFile(filePath, photos);
        const parsed = await parseData({ id, data, filePath });
        let html = plainHtml;
        try {
          html ??= (await full!.renderBody(parsedBody, filePath)).html;
        } catch (error) {
          throw new ContentFileError(relative, [`thân bài: ${(error as Error).message}`]);
        }
        writeBody(collection, digest, html, cacheDir);
        store.set({ id, data: parsed, filePath: relative, digest });
        reportChangedEntry(collection, id);
        remember();
      }

      /** One file, read on this thread (an edit while `astro dev` runs). */
      async function syncOne(entry: string) {
        const check = toRead(entry);
        if (check.read) await sync(entry, check.stats, readArticle(path.join(dir, entry)));
      }

      const kept = new Set(files.map(entryIdFromPath));
      for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
      const changed = files.flatMap((entry) => {
        const check = toRead(entry);
        return check.read ? [{ entry, stats: check.stats }] : [];
      });
      // Read ahead, on a second thread when there are many, while this one checks and stores them in order.
      const reader = articleReader(
        changed.map(({ entry }) => path.join(dir, entry)),
        { thread },
      );
      try {
        for (const { entry, stats } of changed) await sync(entry, stats, reader.read(path.join(dir, entry)));
      } finally {
        const { threadError } = reader.close();
        // The files were all read all the same, on this thread: slower, not wrong.
        if (threadError) logger.warn(`luồng đọc bài thứ hai dừng (${threadError}); các bài được đọc trên luồng chính`);
      }
      // Across the collection: an old address of one item must not be another's, the entries kept from the last
      // build included.
      const addressProblems = previousSlugProblems(
        [...store.values()].map((entry) => ({ id: entry.id, file: entry.filePath ?? entry.id, previousSlugs: (entry.data.previousSlugs as string[] | undefined) ?? [] })),
      );
      if (addressProblems.length > 0) {
        const [{ file }] = addressProblems;
        throw new ContentFileError(file, addressProblems.filter((problem) => problem.file === file).map((problem) => `previousSlugs: ${problem.message}`));
      }
      const current = new Set([...store.values()].map((entry) => entry.filePath));
      writeStamps(collection, new Map([...stamps].filter(([file]) => current.has(file))), cacheDir);
      pruneBodies(collection, new Set([...store.values()].map((entry) => String(entry.digest ?? ''))), cacheDir);

      // `astro dev`: follow edits without a restart, one file at a time (the schema reads the file being checked).
      watcher?.add(dir);
      const inCollection = (file: string) => file.startsWith(dir + path.sep) && /\.mdx?$/.test(file);
      let queue = Promise.resolve();
      const resync = (file: string) => {
        if (!inCollection(file)) return;
        queue = queue
          .then(() => syncOne(path.relative(dir, file)))
          .catch((error: Error) => logger.error(error.message));
      };
      watcher?.on('change', resync);
      watcher?.on('add', resync);
      watcher?.on('unlink', (file) => inCollection(file) && store.delete(entryIdFromPath(path.relative(dir, file))));
    },
  };
}

/**
 * A loader keeps an unchanged file's entry as the last build's schema parsed it (a field added since, with its
 * default, would be missing): when the schema's fields changed (`schemaFingerprint`), every entry is dropped, so that
 * every file is read and parsed again.
 */
function dropEntriesOfOtherSchema(store: LoaderContext['store'], meta: LoaderContext['meta'], fingerprint: string): void {
  if (meta.get(SCHEMA_KEY) === fingerprint) return;
  store.clear();
  meta.set(SCHEMA_KEY, fingerprint);
}
const SCHEMA_KEY = 'ban-tin-schema';

/** Units and categories: one YAML file each, the file name is the slug. */
export function dataLoader(collection: 'units' | 'categories'): Loader {
  const files = glob({
    base: contentDir(collection),
    pattern: '[^_]*.{yaml,yml}',
    generateId: ({ entry }) => entryIdFromPath(entry),
  });
  return {
    name: 'ban-tin-data',
    load: async (context: LoaderContext) => {
      dropEntriesOfOtherSchema(context.store, context.meta, schemaFingerprint(dataSchemas(knownSlugs())[collection]));
      // A few small files: each is read once more for what the YAML reader would let through.
      for (const name of dataFiles(collection)) {
        const file = path.posix.join(contentDir(collection), name);
        const encoding = encodingProblem(readFileSync(file, 'utf8'));
        if (encoding) throw new ContentFileError(file, [encoding]);
      }
      await files.load(context);
    },
  };
}

/**
 * The portal's own details: `content/site.yaml`, which every page needs, so a portal without it does not build. One
 * small file, read and checked again by every build and on every change in `astro dev`: its logo may change while
 * it does not.
 */
export function siteLoader(): Loader {
  return {
    name: 'ban-tin-site',
    load: async ({ store, parseData, generateDigest, config, watcher, logger }: LoaderContext) => {
      const file = path.resolve(siteFile());
      const relative = path.relative(fileURLToPath(config.root), file).replaceAll('\\', '/');
      const sync = async () => {
        if (!existsSync(file)) throw new ContentFileError(relative, [SITE_FILE_MISSING]);
        // Read with the portal's file, once a build: what the content folder holds that no collection reads.
        const stray = strayContent(path.resolve(CONTENT_ROOT), ARTICLE_FOLDERS, DATA_FOLDERS);
        if (stray.length > 0) throw new ContentFileError(path.relative(fileURLToPath(config.root), path.resolve(CONTENT_ROOT)), stray.map(({ message }) => message));
        const source = readFileSync(file, 'utf8');
        const encoding = encodingProblem(source);
        if (encoding) throw new ContentFileError(relative, [encoding]);
        let data: unknown;
        try {
          data = readYaml(source);
        } catch (error) {
          throw new ContentFileError(relative, [`YAML không đọc được: ${error instanceof YAMLException ? error.message : String(error)}`]);
        }
        const logo = (data as { logo?: unknown } | null)?.logo;
        // The schema reads the logo beside this file: set just before the parsing, which reads it at once.
        checkingFile(file);
        const parsed = await parseData({ id: SITE_ID, data: (data ?? {}) as Record<string, unknown>, filePath: relative });
        const digest = generateDigest(`${source}\n${typeof logo === 'string' ? photoHashes(file, [logo]) : ''}`);
        store.set({ id: SITE_ID, data: parsed, filePath: relative, digest });
      };
      await sync();
      // `astro dev`: the file or its logo edited, or the logo added after the file named it.
      watcher?.add(path.dirname(file));
      const resync = (changed: string) => {
        if (path.dirname(changed) === path.dirname(file)) sync().catch((error: Error) => logger.error(error.message));
      };
      watcher?.on('change', resync);
      watcher?.on('add', resync);
    },
  };
}
