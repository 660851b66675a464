import type { APIRoute } from 'astro';
import { getPortal } from '../../lib/content';
import { titleKey, type PublishedPages } from '../../lib/entry-check';
import { urls } from '../../lib/urls';

/**
 * What the web editor checks an article against: the addresses of the published pages an article may link to (items,
 * at their old addresses too, categories and units), and the published items' titles. Published ones only: drafts'
 * and scheduled items' stay unknown until they are published.
 */
export const GET: APIRoute = async () => {
  const portal = await getPortal();
  const addresses = [
    ...portal.items.flatMap((item) => [item.url, ...item.entry.data.previousSlugs.map((slug) => urls.item(item.kind, slug))]),
    ...portal.categories.map((category) => urls.category(category.id)),
    ...portal.units.map((unit) => urls.unit(unit.id)),
  ];
  const published: PublishedPages = {
    addresses: [...new Set(addresses)].sort(),
    // The newest item of a title first, as listings show them.
    titles: Object.fromEntries(portal.items.toReversed().map((item) => [titleKey(item.title), item.url])),
  };
  return new Response(JSON.stringify(published), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
