import { describe, expect, it } from 'vitest';
import { sitemapFiles } from '../../src/integrations/sitemap';

const site = new URL('https://bantin.example.gov.vn/');
const pages = (urls: readonly string[]) => urls.map((url) => ({ url }));
const locs = (xml: string | undefined) => [...(xml ?? '').matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);

describe('sitemap files', () => {
  it('lists the URLs in numeric order, with an index of the files', () => {
    const urls = ['tin-tuc/trang/10/', 'tin-tuc/trang/2/', 'bao-cao/', '', 'tin-tuc/'].map((p) => new URL(p, site).href);
    const files = sitemapFiles(pages(urls), site);
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    expect(locs(files.get('sitemap-0.xml'))).toEqual([
      'https://bantin.example.gov.vn/',
      'https://bantin.example.gov.vn/bao-cao/',
      'https://bantin.example.gov.vn/tin-tuc/',
      'https://bantin.example.gov.vn/tin-tuc/trang/2/',
      'https://bantin.example.gov.vn/tin-tuc/trang/10/',
    ]);
    expect(files.get('sitemap-0.xml')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9"><url><loc>/);
    expect(files.get('sitemap-index.xml')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://bantin.example.gov.vn/sitemap-0.xml</loc></sitemap></sitemapindex>',
    );
  });

  it('starts a new file after 45,000 URLs', () => {
    const urls = Array.from({ length: 45_001 }, (_, i) => `https://bantin.example.gov.vn/tin-tuc/bai-${i}/`);
    const files = sitemapFiles(pages(urls), site);
    expect(locs(files.get('sitemap-0.xml'))).toHaveLength(45_000);
    expect(locs(files.get('sitemap-1.xml'))).toEqual(['https://bantin.example.gov.vn/tin-tuc/bai-45000/']);
    expect(locs(files.get('sitemap-index.xml'))).toEqual(['https://bantin.example.gov.vn/sitemap-0.xml', 'https://bantin.example.gov.vn/sitemap-1.xml']);
  });

  it('gives a page its last change in Viet Nam time, and none when it is not known', () => {
    const files = sitemapFiles(
      [
        { url: 'https://bantin.example.gov.vn/tin-tuc/a/', modified: new Date('2024-04-14T20:30:00Z') },
        { url: 'https://bantin.example.gov.vn/tin-tuc/' },
      ],
      site,
    );
    expect(files.get('sitemap-0.xml')).toContain(
      '<url><loc>https://bantin.example.gov.vn/tin-tuc/</loc></url><url><loc>https://bantin.example.gov.vn/tin-tuc/a/</loc><lastmod>2024-04-15T03:30:00+07:00</lastmod></url>',
    );
  });

  it('escapes what XML does not allow in text', () => {
    const files = sitemapFiles(pages(["https://bantin.example.gov.vn/tim-kiem/?q=a&b='c'"]), site);
    expect(files.get('sitemap-0.xml')).toContain('<loc>https://bantin.example.gov.vn/tim-kiem/?q=a&amp;b=&apos;c&apos;</loc>');
  });

  it('writes an empty list rather than no file for a site without pages', () => {
    const files = sitemapFiles([], site);
    expect(files.get('sitemap-0.xml')).toMatch(/<urlset [^>]*><\/urlset>$/);
    expect(locs(files.get('sitemap-index.xml'))).toEqual(['https://bantin.example.gov.vn/sitemap-0.xml']);
  });
});
