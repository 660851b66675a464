/**
 * Reading an article file for the loader: its text, frontmatter and body, and the HTML of a plain-Markdown body.
 * That is most of the work of loading content. On a first build of a large portal a second thread
 * (`article-reader-worker.ts`) reads files ahead of the loader, which checks and stores the entries in order on the
 * first: the second core has nothing else to do before pages render. Each file is claimed once, by whichever thread
 * comes to it first, so the loader never waits for a thread that is starting (half a second) or behind. Node loads the
 * thread's modules itself: relative imports in this graph name their `.ts` file (`tests/build/config-load.test.ts`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { splitFrontmatter, type SplitFile } from './frontmatter.ts';
import { renderPlainMarkdown } from './plain-markdown.ts';

export interface ReadArticle {
  source: string;
  /** The frontmatter and body, unless the frontmatter is not YAML (`yamlError`). */
  split?: SplitFile;
  yamlError?: string;
  /** The body's HTML when it is plain Markdown (`plain-markdown.ts`), else undefined. */
  plainHtml?: string;
}

export function readArticle(filePath: string): ReadArticle {
  const source = readFileSync(filePath, 'utf8');
  let split: SplitFile;
  try {
    split = splitFrontmatter(source);
  } catch (error) {
    return { source, yamlError: (error as Error).message };
  }
  return { source, split, plainHtml: renderPlainMarkdown(split.body, filePath) };
}

/** Who read a file: the slots of `ReaderData.claims`. */
export const UNCLAIMED = 0;
export const BY_LOADER = 1;
export const BY_THREAD = 2;

/** What the thread is given: the files, and one claim slot per file, shared with the loader. */
export interface ReaderData {
  files: readonly string[];
  claims: Int32Array;
}

/** What the thread posts for each file it claimed. */
export type ReadMessage = { index: number; read: ReadArticle } | { index: number; error: string };

/** Below this many files to read (an edit, a small portal), starting a thread costs more than it saves. */
export const THREAD_FROM_FILES = 100;

const WORKER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'article-reader-worker.ts');

export interface ArticleReader {
  /** The reading of one of the files, each asked for once. */
  read: (filePath: string) => Promise<ReadArticle>;
  /**
   * Stops the thread, when the files still to come are no longer needed (the last one is read, or a bad file
   * stopped the build). Says how many files the thread read, and why it failed if it did.
   */
  close: () => { byThread: number; threadError?: string };
}

/** Reads the given files, the loader's thread and, when there are many, a second one. */
export function articleReader(files: readonly string[], threadFrom = THREAD_FROM_FILES): ArticleReader {
  if (files.length < threadFrom) return { read: async (filePath) => readArticle(filePath), close: () => ({ byThread: 0 }) };
  const indexOf = new Map(files.map((file, index) => [file, index]));
  const claims = new Int32Array(new SharedArrayBuffer(files.length * Int32Array.BYTES_PER_ELEMENT));
  const results = files.map(() => {
    const result = Promise.withResolvers<ReadArticle>();
    // A file after one that stopped the build is never asked for: its failure is not the build's error.
    result.promise.catch(() => {});
    return { ...result, settled: false };
  });
  const settle = (index: number, outcome: { read: ReadArticle } | { error: Error }) => {
    const result = results[index];
    if (result.settled) return;
    result.settled = true;
    if ('read' in outcome) result.resolve(outcome.read);
    else result.reject(outcome.error);
  };
  let byThread = 0;
  let threadError: string | undefined;
  const worker = new Worker(WORKER_FILE, { workerData: { files, claims } satisfies ReaderData });
  worker.on('message', (message: ReadMessage) => {
    byThread++;
    settle(message.index, 'read' in message ? { read: message.read } : { error: new Error(message.error) });
  });
  worker.on('error', (error) => (threadError = error.message));
  // A file the thread claimed and did not read (it failed) is read here.
  worker.on('exit', () => {
    results.forEach((result, index) => {
      if (Atomics.load(claims, index) !== BY_THREAD || result.settled) return;
      try {
        settle(index, { read: readArticle(files[index]) });
      } catch (error) {
        settle(index, { error: error as Error });
      }
    });
  });
  return {
    read: async (filePath) => {
      const index = indexOf.get(filePath);
      if (index === undefined) throw new Error(`${filePath} không có trong danh sách đọc`);
      if (Atomics.compareExchange(claims, index, UNCLAIMED, BY_LOADER) === UNCLAIMED) return readArticle(filePath);
      return results[index].promise;
    },
    close: () => {
      void worker.terminate();
      return { byThread, threadError };
    },
  };
}
