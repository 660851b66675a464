/**
 * Writes the copies of the portal's photos (`src/lib/photos.ts`) into the output's photo folder at the end of a
 * build, and serves them in `astro dev`. Which copies exist follows from the content, reported by the site's code
 * when it loads the portal.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { cachedCopy, PHOTO_DIR, reportedPhotoCopies, writeCopies } from '../lib/photos';

export function photos(): AstroIntegration {
  let copiesCache = '';
  return {
    name: 'ban-tin-photos',
    hooks: {
      'astro:config:done': ({ config }) => {
        copiesCache = path.join(fileURLToPath(config.cacheDir), 'photos');
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
      'astro:build:done': async ({ dir, logger }) => {
        const copies = reportedPhotoCopies();
        // No page loaded the portal: nothing is known of its photos, and the folder is left as it is.
        if (!copies) return;
        const result = await writeCopies(copies, path.join(fileURLToPath(dir), PHOTO_DIR), copiesCache);
        logger.info(`ảnh: ${result.copies} bản; tạo mới ${result.made}, lấy từ bộ nhớ đệm ${result.linked}, xóa ${result.removed}`);
      },
    },
  };
}
