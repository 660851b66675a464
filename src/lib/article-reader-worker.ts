/**
 * The second thread of `article-reader.ts`: sent the files, reads them in order, each that the loader has not claimed
 * first, and posts each reading.
 */
import { parentPort } from 'node:worker_threads';
import { BY_THREAD, POSTED, readArticle, UNCLAIMED, type ReaderData, type ReadMessage } from './article-reader.ts';

parentPort?.once('message', ({ files, claims }: ReaderData) => {
  files.forEach((file, index) => {
    if (Atomics.compareExchange(claims, index, UNCLAIMED, BY_THREAD) !== UNCLAIMED) return;
    let message: ReadMessage;
    try {
      message = { index, read: readArticle(file) };
    } catch (error) {
      message = { index, error: (error as Error).message };
    }
    parentPort?.postMessage(message);
    Atomics.store(claims, index, POSTED);
  });
});
