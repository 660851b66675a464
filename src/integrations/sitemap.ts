/**
 * The sitemap: `/sitemap-index.xml`, listing `/sitemap-0.xml`, `/sitemap-1.xml`… of 45,000 URLs each, every page of
 * the site but those `exclude` names. In place of `@astrojs/sitemap`, which sorts the URLs with `localeCompare` and
 * options, making a collator for every comparison (0.45–0.5 s for 13,500 URLs), then writes them through XML
 * streams: about 2 s of every build at 10,000 articles, now 0.2 s. The order is the same (numeric, as `en`), and so
 * are the files but for namespaces nothing used.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtPageUrl } from '../lib/urls.ts';

/** URLs in one file: the protocol allows 50,000 and 50 MB. */
const URLS_PER_FILE = 45_000;
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character]);
const locations = (urls: readonly string[]) => urls.map((url) => `<loc>${escapeXml(url)}</loc>`);

/** The sitemap files of a site's URLs, by file name. */
export function sitemapFiles(urls: readonly string[], site: URL): Map<string, string> {
  const sorted = [...urls].sort(new Intl.Collator('en', { numeric: true }).compare);
  const files = new Map<string, string>();
  for (let start = 0; start < sorted.length || files.size === 0; start += URLS_PER_FILE) {
    const entries = locations(sorted.slice(start, start + URLS_PER_FILE)).map((loc) => `<url>${loc}</url>`);
    files.set(`sitemap-${files.size}.xml`, `${XML_DECLARATION}<urlset xmlns="${NAMESPACE}">${entries.join('')}</urlset>`);
  }
  const index = locations([...files.keys()].map((file) => new URL(file, site).href)).map((loc) => `<sitemap>${loc}</sitemap>`);
  files.set('sitemap-index.xml', `${XML_DECLARATION}<sitemapindex xmlns="${NAMESPACE}">${index.join('')}</sitemapindex>`);
  return files;
}

/** `exclude`: site paths (`/404/`, `/admin/`) of pages that are not for search engines. */
export function sitemap({ exclude }: { exclude: (sitePath: string) => boolean }): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'ban-tin-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site) : undefined;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        if (!site) {
          logger.warn('không có `site` trong cấu hình: không viết sơ đồ trang (sitemap)');
          return;
        }
        const sitePaths = pages.map(({ pathname }) => builtPageUrl(pathname));
        const urls = sitePaths.filter((sitePath) => !exclude(sitePath)).map((sitePath) => new URL(sitePath.slice(1), site).href);
        const files = sitemapFiles(urls, site);
        for (const [name, xml] of files) writeFileSync(path.join(fileURLToPath(dir), name), xml);
        logger.info(`sơ đồ trang: ${urls.length} địa chỉ trong sitemap-index.xml`);
      },
    },
  };
}
