import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../lib/content';

/** The files of the table of old portal addresses that the not-found page looks a reader's address up in. */
export const getStaticPaths = (async () =>
  (await getPortal()).oldAddressFiles.map((entries, file) => ({ params: { file: String(file) }, props: { entries } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.entries), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
