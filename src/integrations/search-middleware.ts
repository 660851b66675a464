import { defineMiddleware } from 'astro:middleware';
import { searchFeed } from '../lib/search-feed';

/**
 * During a build, every rendered page goes to the search index as well (`src/lib/search-feed.ts`); the portal tells
 * the index which pages to expect when it is first loaded (`content.ts`).
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const feed = searchFeed();
  if (!feed || !context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  feed.page(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
