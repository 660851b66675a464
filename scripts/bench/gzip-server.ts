/**
 * A static server for the search benchmark that compresses as a static host does (gzip for text; pagefind's own
 * files are already gzipped and go as they are) and counts the bytes of every response body it sends.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { resolveStaticFile } from '../../tests/helpers/server';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
  '.webp': 'image/webp', '.jpg': 'image/jpeg', '.png': 'image/png', '.avif': 'image/avif', '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.svg', '.txt', '.wasm']);

export interface Sent {
  path: string;
  /** Body bytes on the wire (compressed when the response was). */
  bytes: number;
  status: number;
}

export interface CountingServer {
  url: string;
  /** Responses since the last `reset()`. */
  sent: Sent[];
  reset(): void;
  close(): Promise<void>;
}

/** Serves `root` on loopback: `/x/` → `/x/index.html`, 404.html for the rest. */
export async function serveCompressed(root: string): Promise<CountingServer> {
  const cache = new Map<string, { raw: Buffer; gzip?: Buffer }>();
  const state: CountingServer = {
    url: '',
    sent: [],
    reset: () => {
      state.sent = [];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const { pathname, file, found } = resolveStaticFile(root, req.url);
    const ext = path.extname(file);
    let body = cache.get(file);
    if (!body) {
      let raw: Buffer;
      try {
        raw = readFileSync(file);
      } catch {
        res.writeHead(404).end();
        state.sent.push({ path: pathname, bytes: 0, status: 404 });
        return;
      }
      // Compressed once, so compression time is not part of the measured times (hosts cache or precompress too).
      body = { raw, gzip: COMPRESSIBLE.has(ext) ? gzipSync(raw) : undefined };
      cache.set(file, body);
    }
    const useGzip = body.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const data = useGzip ? body.gzip! : body.raw;
    const status = found ? 200 : 404;
    res.writeHead(status, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': data.length,
      ...(useGzip && { 'Content-Encoding': 'gzip' }),
      Vary: 'Accept-Encoding',
    });
    res.end(data);
    state.sent.push({ path: pathname, bytes: data.length, status });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
