/**
 * Reading an article file for the loader: its text, frontmatter and body, the HTML of a plain-Markdown body, and the
 * photos it names. That is most of the work of loading content. On a first build of a large portal a second thread
 * (`article-reader-worker.ts`) reads files ahead of the loader, which checks and stores the entries in order on the
 * first: the second core has nothing else to do before pages render. Each file is claimed once, by whichever thread
 * comes to it first, so the loader never waits for a thread that is starting (0.2–0.5 s) or behind. Node loads the
 * thread's modules itself: relative imports in this graph name their `.ts` file (the unit test runs the thread).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { imagePaths, fileBesideArticle } from './file-checks.ts';
import { splitFrontmatter, type SplitFile } from './frontmatter.ts';
import { readPhoto, type Photo } from './photo-file.ts';
import { renderPlainMarkdown } from './plain-markdown.ts';

export interface ReadArticle {
  source: string;
  /** The frontmatter and body, unless the frontmatter is not YAML (`yamlError`). */
  split?: SplitFile;
  yamlError?: string;
  /** The body's HTML when it is plain Markdown (`plain-markdown.ts`), else undefined. */
  plainHtml?: string;
  /** The photos the frontmatter names that could be read; the schema reads the others and says what is wrong. */
  photos?: Photo[];
}

export function readArticle(filePath: string): ReadArticle {
  const source = readFileSync(filePath, 'utf8');
  let split: SplitFile;
  try {
    split = splitFrontmatter(source);
  } catch (error) {
    return { source, yamlError: (error as Error).message };
  }
  const photos = imagePaths(split.data).flatMap(({ src }) => {
    try {
      return [readPhoto(fileBesideArticle(filePath, src))];
    } catch {
      return [];
    }
  });
  return {
    source,
    split,
    plainHtml: renderPlainMarkdown(split.body, filePath),
    photos,
  };
}

/** Who reads a file: the slots of `ReaderData.claims`. */
export const UNCLAIMED = 0;
export const BY_LOADER = 1;
export const BY_THREAD = 2;
/** Read by the thread, its reading posted. */
export const POSTED = 3;

/** What the thread is sent: the files, and one claim slot per file, shared with the loader. */
export interface ReaderData {
  files: readonly string[];
  claims: Int32Array;
}

/** What the thread posts for each file it claimed. */
export type ReadMessage = { index: number; read: ReadArticle } | { index: number; error: string };

/** Below this many files to read (an edit, a small portal), starting a thread costs more than it saves. */
export const THREAD_FROM_FILES = 100;

const WORKER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'article-reader-worker.ts');

/**
 * A thread started before the loader knows its files, on a first build (nothing loaded yet): it loads its modules
 * (0.2–0.5 s) while the loader lists the files. Hand it to `articleReader`, or terminate it. Until then it does not
 * keep the process alive.
 */
export function startReaderThread(): Worker {
  const worker = new Worker(WORKER_FILE);
  worker.unref();
  return worker;
}

export interface ArticleReader {
  /** The reading of one of the files, each asked for once. */
  read: (filePath: string) => Promise<ReadArticle>;
  /**
   * Stops the thread, when the files still to come are no longer needed (the last one is read, or a bad file
   * stopped the build). Says how many files the thread read, and why it failed if it did.
   */
  close: () => { byThread: number; threadError?: string };
}

/**
 * Reads the given files, on the loader's thread and, when there are many, on a second one (`thread`, or one started
 * here). The loader asks for the files in order. The thread reads them in order too, each that the loader has not
 * claimed first; while the loader waits for one the thread is reading, it reads the last file nobody has claimed.
 */
export function articleReader(
  files: readonly string[],
  { threadFrom = THREAD_FROM_FILES, thread }: { threadFrom?: number; thread?: Worker } = {},
): ArticleReader {
  if (files.length < threadFrom) {
    void thread?.terminate();
    return {
      read: async (filePath) => readArticle(filePath),
      close: () => ({ byThread: 0 }),
    };
  }
  const indexOf = new Map(files.map((file, index) => [file, index]));
  const claims = new Int32Array(new SharedArrayBuffer(files.length * Int32Array.BYTES_PER_ELEMENT));
  const claim = (index: number) => Atomics.compareExchange(claims, index, UNCLAIMED, BY_LOADER) === UNCLAIMED;
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
  const readHere = (index: number) => {
    try {
      settle(index, { read: readArticle(files[index]) });
    } catch (error) {
      settle(index, { error: error as Error });
    }
  };
  let byThread = 0;
  let threadError: string | undefined;
  const worker = thread ?? startReaderThread();
  worker.ref();
  worker.postMessage({ files, claims } satisfies ReaderData);
  worker.on('message', (message: ReadMessage) => {
    byThread++;
    settle(message.index, 'read' in message ? { read: message.read } : { error: new Error(message.error) });
  });
  worker.on('error', (error) => (threadError = error.message));
  // A file the thread claimed and did not read (it failed) is read here.
  worker.on('exit', () => {
    results.forEach((result, index) => {
      const state = Atomics.load(claims, index);
      if ((state === BY_THREAD || state === POSTED) && !result.settled) readHere(index);
    });
  });
  /** The last file that may be unclaimed. */
  let last = files.length - 1;
  return {
    read: async (filePath) => {
      const index = indexOf.get(filePath);
      if (index === undefined) throw new Error(`${filePath} không có trong danh sách đọc`);
      if (claim(index)) readHere(index);
      while (Atomics.load(claims, index) === BY_THREAD) {
        while (last > index && Atomics.load(claims, last) !== UNCLAIMED) last--;
        if (last <= index) break;
        if (claim(last)) readHere(last);
      }
      return results[index].promise;
    },
    close: () => {
      void worker.terminate();
      return { byThread, threadError };
    },
  };
}
