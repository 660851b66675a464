import type { APIRoute } from 'astro';
import { getPortal } from '../../lib/content';
import { urls } from '../../lib/urls';

/**
 * The addresses of the published pages an article may link to (items, at their old addresses too, categories and
 * units), for the web editor to warn of a link to none of them. Published ones only: drafts' and scheduled items'
 * addresses stay unknown until they are published.
 */
export const GET: APIRoute = async () => {
  const portal = await getPortal();
  const addresses = [
    ...portal.items.flatMap((item) => [item.url, ...item.entry.data.previousSlugs.map((slug) => urls.item(item.kind, slug))]),
    ...portal.categories.map((category) => urls.category(category.id)),
    ...portal.units.map((unit) => urls.unit(unit.id)),
  ];
  return new Response(JSON.stringify([...new Set(addresses)].sort()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
