/**
 * The files of a written pagefind index (a shard). Pagefind names its fragments, index chunks, filters and metadata
 * by a hash of their content and does not write such a file again when its name exists in the output folder. A
 * shard written over the files of its last version thus compresses and writes only what changed (after an edit,
 * little more than the edited page's files) instead of every page's: at 10,000 articles, a year's shard took 1.9 to
 * 2.4 s to write from nothing and 0.8 to 1.1 s over its last version. The files the new version no longer
 * references (an edited page's old fragment, a deleted page's) must then go, or they would stay on the site.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { linkFile } from './link-file.ts';

/** The folders of hashed files, besides the metadata beside them. */
const HASHED_FOLDERS = new Set(['fragment', 'index', 'filter']);
const METADATA = /^pagefind\.(.+)\.pf_meta$/;
/** What pagefind puts before the content of each file it compresses. */
const CONTENT_MARK = 'pagefind_dcd';

/**
 * A copy of a folder made of hard links (a copy across devices), with the entries `include` accepts (by their path
 * below `from`).
 */
export function linkTree(from: string, to: string, include: (relative: string) => boolean = () => true, below = ''): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const relative = below ? `${below}/${entry.name}` : entry.name;
    if (!include(relative)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target, include, relative);
    else linkFile(source, target);
  }
}

/**
 * A file pagefind never writes over once it exists. The others (its script, wasm, entry file) it writes every time,
 * through the same file: they must not be links to another copy.
 */
export function isHashedFile(relative: string): boolean {
  const [first, ...rest] = relative.split('/');
  return rest.length === 0 ? HASHED_FOLDERS.has(first) || METADATA.test(first) : HASHED_FOLDERS.has(first);
}

/** Every string in a decoded value. */
function stringsIn(value: unknown, found: Set<string>): Set<string> {
  if (typeof value === 'string') found.add(value);
  else if (Array.isArray(value)) for (const each of value) stringsIn(each, found);
  else if (value instanceof Map) for (const [key, each] of value) stringsIn(key, found), stringsIn(each, found);
  else if (value && typeof value === 'object') for (const each of Object.values(value)) stringsIn(each, found);
  return found;
}

/**
 * The hashed files of a written index that its metadata does not reference, as paths below `dir`. The metadata
 * is the one `pagefind-entry.json` names; an error when it cannot be read, since removing files on a guess could
 * break the search.
 */
export function unreferencedFiles(dir: string): string[] {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const metadata = new Set(Object.values(entry.languages).map(({ hash }) => `pagefind.${hash}.pf_meta`));
  const names = new Set<string>();
  for (const file of metadata) {
    const raw = gunzipSync(readFileSync(path.join(dir, file)));
    if (raw.subarray(0, CONTENT_MARK.length).toString() !== CONTENT_MARK) throw new Error(`pagefind: ${file} không đúng định dạng`);
    stringsIn(decode(raw.subarray(CONTENT_MARK.length)), names);
  }
  const unreferenced: string[] = [];
  for (const name of readdirSync(dir)) {
    if (METADATA.test(name) && !metadata.has(name)) unreferenced.push(name);
    if (!HASHED_FOLDERS.has(name) || !existsSync(path.join(dir, name))) continue;
    for (const file of readdirSync(path.join(dir, name))) {
      if (!names.has(file.slice(0, file.lastIndexOf('.')))) unreferenced.push(`${name}/${file}`);
    }
  }
  return unreferenced;
}

/** Removes what `unreferencedFiles` finds; the number removed. */
export function removeUnreferenced(dir: string): number {
  const files = unreferencedFiles(dir);
  for (const file of files) rmSync(path.join(dir, file));
  return files.length;
}
