/**
 * Writes the copies of the portal's photos (`src/lib/photos.ts`) into the output's photo folder, and serves them in
 * `astro dev`. Which copies exist follows from the content, reported by the site's code when it loads the portal:
 * a build starts making them then, on sharp's threads while the pages render, and waits for them at its end.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { cachedCopy, onPhotoCopiesReported, PHOTO_DIR, reportedPhotoCopies, writeCopies, type PhotoCopy } from '../lib/photos.ts';

export function photos(): AstroIntegration {
  let copiesCache = '';
  let photoDir = '';
  let writing: Promise<Awaited<ReturnType<typeof writeCopies>>> | undefined;
  const write = (copies: Map<string, PhotoCopy>) => {
    // Started at once, after any earlier report's; a failure is the build's, reported when it waits for the copies.
    writing = (writing ?? Promise.resolve()).catch(() => undefined).then(() => writeCopies(copies, photoDir, copiesCache));
    writing.catch(() => {});
  };
  return {
    name: 'ban-tin-photos',
    hooks: {
      'astro:config:done': ({ config }) => {
        copiesCache = path.join(fileURLToPath(config.cacheDir), 'photos');
        photoDir = path.join(fileURLToPath(config.outDir), PHOTO_DIR);
      },
      'astro:build:start': () => {
        onPhotoCopiesReported(write);
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `/${PHOTO_DIR}/`;
        server.middlewares.use((request, response, next) => {
          if (!request.url?.startsWith(prefix)) return next();
          const copy = reportedPhotoCopies()?.get(decodeURIComponent(request.url.slice(prefix.length).split('?')[0]));
          if (!copy) return next();
          cachedCopy(copy, copiesCache).then(
            ({ file }) => {
              response.setHeader('Content-Type', 'image/webp');
              response.end(readFileSync(file));
            },
            (error: Error) => next(error),
          );
        });
      },
      'astro:build:done': async ({ logger }) => {
        // No page loaded the portal: nothing is known of its photos, and the folder is left as it is.
        if (!writing) return;
        const result = await writing;
        logger.info(`ảnh: ${result.copies} bản; tạo mới ${result.made}, lấy từ bộ nhớ đệm ${result.linked}, xóa ${result.removed}`);
      },
    },
  };
}
