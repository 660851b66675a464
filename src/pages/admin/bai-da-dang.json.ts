import type { APIRoute } from 'astro';
import { getPortal } from '../../lib/content';
import { linkableAddresses, titleKey, type PublishedPages } from '../../lib/entry-check';

/**
 * What the web editor checks an article against: the addresses of the published pages an article may link to (items,
 * at their old addresses too, categories and units), and the published items' titles. Published ones only: drafts'
 * and scheduled items' stay unknown until they are published.
 */
export const GET: APIRoute = async () => {
  const portal = await getPortal();
  const addresses = linkableAddresses(
    portal.items.map((item) => ({ kind: item.kind, id: item.id, previousSlugs: item.entry.data.previousSlugs })),
    portal.categories.map((category) => category.id),
    portal.units.map((unit) => unit.id),
  );
  const published: PublishedPages = {
    addresses: [...addresses].sort(),
    // The newest item of a title first, as listings show them.
    titles: Object.fromEntries(portal.items.toReversed().map((item) => [titleKey(item.title), item.url])),
  };
  return new Response(JSON.stringify(published), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
