import type { APIRoute } from 'astro';
import { getPortal } from '../lib/content';
import { feedResponse } from '../lib/feed';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  return feedResponse(site!, portal, portal.items);
};
