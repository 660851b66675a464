import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../lib/content';
import { tableFiles } from '../../lib/old-addresses';

/** The files of the table of old portal addresses that the not-found page looks a reader's address up in. */
export const getStaticPaths = (async () =>
  tableFiles((await getPortal()).oldAddresses).map((entries, file) => ({ params: { file: String(file) }, props: { entries } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.entries), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
