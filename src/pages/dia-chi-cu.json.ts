import type { APIRoute } from 'astro';
import { getPortal } from '../lib/content';

/** The table of old portal addresses the not-found page looks a reader's address up in (`old-addresses.ts`). */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await getPortal()).oldAddresses), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
