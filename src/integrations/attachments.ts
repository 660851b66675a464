/**
 * In `astro dev`, attachments' addresses (`/tin-tuc/<slug>/ke-hoach.pdf`) reach their route. With `trailingSlash:
 * 'always'`, Astro's dev server matches a route whose name has no extension (`[file].ts`) only with a final slash;
 * a build writes the file by its name whatever the setting.
 */
import type { AstroIntegration } from 'astro';
import { isAttachmentPath } from '../lib/attachments.ts';

export function attachments(): AstroIntegration {
  return {
    name: 'ban-tin-attachments',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, _response, next) => {
          const url = request.url ?? '';
          const queryAt = url.includes('?') ? url.indexOf('?') : url.length;
          const [pathname, query] = [url.slice(0, queryAt), url.slice(queryAt)];
          // Published names are ASCII: the path needs no decoding.
          if (isAttachmentPath(pathname)) request.url = `${pathname}/${query}`;
          next();
        });
      },
    },
  };
}
