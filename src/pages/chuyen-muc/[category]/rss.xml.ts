import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal, type Category } from '../../../lib/content';
import { feedResponse } from '../../../lib/feed';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  return portal.categories.map((category) => ({ params: { category: category.id }, props: { category } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) => {
  const { category } = props as { category: Category };
  const portal = await getPortal();
  return feedResponse(site!, portal, portal.byCategory.get(category.id) ?? [], category.data.name);
};
