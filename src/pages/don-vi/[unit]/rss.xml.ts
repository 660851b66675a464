import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal, type Unit } from '../../../lib/content';
import { feedResponse } from '../../../lib/feed';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  return portal.units.map((unit) => ({ params: { unit: unit.id }, props: { unit } }));
}) satisfies GetStaticPaths;

/** The items the unit's page lists: a unit's own website or another portal can show them. */
export const GET: APIRoute = async ({ site, props }) => {
  const { unit } = props as { unit: Unit };
  const portal = await getPortal();
  return feedResponse(site!, portal, portal.byUnit.get(unit.id) ?? [], unit.data.name);
};
