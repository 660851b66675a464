import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.xml': 'application/xml', '.svg': 'image/svg+xml', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm',
};

/** The file a static host answers with for a URL, and whether it is the page asked for (else the 404 page). */
export function resolveStaticFile(root: string, url: string | undefined): { pathname: string; file: string; found: boolean } {
  const pathname = decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  let file = path.join(root, pathname);
  if (!file.startsWith(root)) file = path.join(root, '404.html');
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  const found = existsSync(file);
  return { pathname, file: found ? file : path.join(root, '404.html'), found };
}

/** Serves a built site on loopback as a static host would: `/x/` → `/x/index.html`, 404.html for the rest. */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const { file, found } = resolveStaticFile(root, req.url);
    res.writeHead(found ? 200 : 404, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
