import type { APIRoute, GetStaticPaths } from 'astro';
import { t } from '../../../i18n/ui';
import { getPortal, type Category } from '../../../lib/content';
import { feedResponse } from '../../../lib/feed';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  return portal.categories.map((category) => ({ params: { category: category.id }, props: { category } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) => {
  const { category } = props as { category: Category };
  const portal = await getPortal();
  return feedResponse(site!, `${category.data.name} – ${t('site.name')}`, portal.byCategory.get(category.id) ?? []);
};
