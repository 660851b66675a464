import { defineMiddleware } from 'astro:middleware';
import { getPortal } from '../lib/content';
import { searchFeed } from '../lib/search-feed';

let announced = false;

/** During a build, every rendered page goes to the search index as well (`src/lib/search-feed.ts`). */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const feed = searchFeed();
  if (!feed || !context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  if (!announced) {
    announced = true;
    // Every item has one article page, the only pages with `data-pagefind-body`.
    const portal = await getPortal();
    feed.expect(Object.fromEntries([...portal.byYear].map(([year, items]) => [String(year), items.length])));
  }
  const html = await response.text();
  feed.page(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
