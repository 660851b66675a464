/**
 * Rendered article bodies, one file per collection and digest in the build cache, outside Astro's data store:
 * the store is bundled into every build as one JavaScript string, so thousands of bodies in it cost seconds of
 * bundling and a lot of memory even when nothing changed. An article page reads the one body it shows.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCacheDir } from './content-root';

/**
 * Bump when the HTML the renderers produce changes (`render-body.ts`, `plain-markdown.ts`), or what the checks accept
 * (`safe-mdx.ts`), so cached bodies are rendered and checked again. (A change of the articles' fields needs no bump:
 * the loader follows the schema's fingerprint, `schemaFingerprint`.)
 */
export const RENDERER_VERSION = 10;

function bodyDir(collection: string, cacheDir = buildCacheDir()): string {
  return path.join(cacheDir, 'bodies', collection);
}

export function bodyFile(collection: string, digest: string, cacheDir?: string): string {
  return path.join(bodyDir(collection, cacheDir), `${digest}.html`);
}

export function hasBody(collection: string, digest: string, cacheDir?: string): boolean {
  return existsSync(bodyFile(collection, digest, cacheDir));
}

export function writeBody(collection: string, digest: string, html: string, cacheDir?: string): void {
  const file = bodyFile(collection, digest, cacheDir);
  // The folder is made when a write finds it missing: a first build writes thousands of bodies into it.
  try {
    writeFileSync(file, html);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
}

/** The HTML of an entry's body, rendered when its content was loaded. */
export function readBody(entry: { collection: string; id: string; digest?: string | number }): string {
  const file = entry.digest ? bodyFile(entry.collection, String(entry.digest)) : undefined;
  if (!file || !existsSync(file)) {
    throw new Error(
      `${entry.collection}/${entry.id}: không có thân bài đã dựng trong bộ nhớ đệm (${file ?? 'không có digest'}); chạy lại "npm run build"`,
    );
  }
  return readFileSync(file, 'utf8');
}

/** Removes the bodies of a collection that no entry has any more (edited or deleted files). */
export function pruneBodies(collection: string, kept: ReadonlySet<string>, cacheDir?: string): void {
  const dir = bodyDir(collection, cacheDir);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!kept.has(name.replace(/\.html$/, ''))) rmSync(path.join(dir, name), { force: true });
  }
}
