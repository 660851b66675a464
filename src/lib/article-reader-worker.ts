/** The second thread of `article-reader.ts`: reads, in order, the files the loader has not claimed first. */
import { parentPort, workerData } from 'node:worker_threads';
import { BY_THREAD, readArticle, UNCLAIMED, type ReaderData, type ReadMessage } from './article-reader.ts';

const { files, claims } = workerData as ReaderData;
files.forEach((file, index) => {
  if (Atomics.compareExchange(claims, index, UNCLAIMED, BY_THREAD) !== UNCLAIMED) return;
  let message: ReadMessage;
  try {
    message = { index, read: readArticle(file) };
  } catch (error) {
    message = { index, error: (error as Error).message };
  }
  parentPort?.postMessage(message);
});
