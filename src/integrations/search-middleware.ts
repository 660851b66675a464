import { defineMiddleware } from 'astro:middleware';
import { searchFeed } from '../lib/search-feed';

const utf8 = new TextDecoder();

/**
 * During a build, every rendered page goes to the search index as well (`src/lib/search-feed.ts`); the portal tells
 * the index which pages to expect when it is first loaded (`content.ts`).
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const feed = searchFeed();
  if (!feed || !context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  // The bytes go on as they are: encoding the page again costs more than decoding it once.
  const bytes = new Uint8Array(await response.arrayBuffer());
  feed.page(context.url.pathname, utf8.decode(bytes));
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
});
