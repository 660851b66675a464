import type { APIRoute } from 'astro';
import { t } from '../i18n/ui';
import { getPortal } from '../lib/content';
import { iconCopies } from '../lib/photos';
import { urls } from '../lib/urls';
import { escapeXml } from '../lib/xml';

/** An OpenSearch description: a browser offers to search the portal from its address bar. */
export const GET: APIRoute = async ({ site }) => {
  const portal = (await getPortal()).site;
  const search = new URL(urls.search, site);
  const icon = portal.logo && iconCopies(portal.logo)[0];
  const image = icon
    ? `<Image width="${icon.size}" height="${icon.size}" type="image/png">${escapeXml(new URL(icon.href, site).href)}</Image>`
    : `<Image type="image/svg+xml">${escapeXml(new URL('/favicon.svg', site).href)}</Image>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>${escapeXml(portal.shortName ?? portal.name)}</ShortName>
  <Description>${escapeXml(t('search.openSearch', { site: portal.name }))}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>vi</Language>
  ${image}
  <Url type="text/html" method="get" template="${escapeXml(search.href)}?q={searchTerms}"/>
</OpenSearchDescription>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' } });
};
