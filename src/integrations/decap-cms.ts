import type { AstroIntegration } from 'astro';
import { copyFileSync, createReadStream, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the editor's script is served: `/admin/` loads `/admin/decap/decap-cms.js`. */
export const DECAP_BASE = '/admin/decap/';

const require = createRequire(import.meta.url);

/** The prebuilt bundle of the `decap-cms` package: the script, its lazy chunks and wasm, without source maps. */
function bundleFiles(): { dir: string; files: string[] } {
  const dir = path.dirname(require.resolve('decap-cms/dist/decap-cms.js'));
  const files = readdirSync(dir).filter((name) => /^(\d+\.)?decap-cms\.js$|\.wasm$|^decap-cms\.js\.LICENSE\.txt$/.test(name));
  return { dir, files };
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain' };

/**
 * Self-hosts the web editor (Decap CMS) from node_modules: `astro dev` serves the bundle under `/admin/decap/`,
 * `astro build` copies it there. Nothing is loaded from a CDN and the multi-megabyte bundle stays out of git.
 */
export function decapCms(): AstroIntegration {
  return {
    name: 'ban-tin-decap-cms',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const { dir, files } = bundleFiles();
        server.middlewares.use(DECAP_BASE, (req, res, next) => {
          const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
          if (!files.includes(name)) return next();
          res.writeHead(200, { 'Content-Type': TYPES[path.extname(name)] ?? 'application/octet-stream' });
          createReadStream(path.join(dir, name)).pipe(res);
        });
      },
      'astro:build:done': ({ dir: outDir, logger }) => {
        const { dir, files } = bundleFiles();
        const target = path.join(fileURLToPath(outDir), DECAP_BASE);
        mkdirSync(target, { recursive: true });
        for (const name of files) copyFileSync(path.join(dir, name), path.join(target, name));
        logger.info(`trình biên tập: ${files.length} tệp của decap-cms chép vào ${DECAP_BASE}`);
      },
    },
  };
}
