/**
 * The portal's own details come from `content/site.yaml`: another publication changes its name, publisher, contacts
 * and links there, and every page, feed and calendar follows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWith } from '../helpers/astro';

const OTHER_PUBLICATION = `name: Tin Chi đoàn
description: Tin hoạt động của Chi đoàn Sở Thông tin và Truyền thông.
owner: Ban Chấp hành Chi đoàn Sở Thông tin và Truyền thông
email: chidoan@example.gov.vn
links:
  - { title: Tỉnh Đoàn Hòa Lâm, url: "https://tinhdoan.example.gov.vn" }
`;

describe("the portal's own details", () => {
  let site: ReturnType<typeof buildWith>;
  beforeAll(() => {
    site = buildWith({ 'site.yaml': OTHER_PUBLICATION });
  });
  afterAll(() => site.cleanup());
  const file = (name: string) => readFileSync(path.join(site.dist, name), 'utf8');

  it('name every page, without the tagline the file does not give', () => {
    expect(site.status, site.output).toBe(0);
    const home = site.page('');
    expect(home).toContain('<title>Tin Chi đoàn</title>');
    expect(home).toMatch(/<span class="brand-name"[^>]*>Tin Chi đoàn<\/span>/);
    expect(home).not.toContain('brand-tagline');
    expect(home).toContain('<meta property="og:site_name" content="Tin Chi đoàn">');
    // A page without a description of its own has the portal's.
    expect(site.page('don-vi')).toContain('<meta name="description" content="Tin hoạt động của Chi đoàn Sở Thông tin và Truyền thông.">');
    const article = site.page('tin-tuc/hien-mau-tinh-nguyen');
    expect(article).toMatch(/<title>[^<]+ – Tin Chi đoàn<\/title>/);
    expect(article).toContain('"publisher":{"@type":"Organization","name":"Tin Chi đoàn"');
    expect(site.page('tin-tuc/hien-mau-chu-nhat-do-2024')).toMatch(/<title>[^<]+ – Tin Chi đoàn<\/title>/);
    expect(site.page('admin')).toContain('<title>Biên tập nội dung · Tin Chi đoàn</title>');
  });

  it('fill the footer: publisher, the contacts given, links', () => {
    const footer = /<footer[\s\S]*<\/footer>/.exec(site.page(''))?.[0] ?? '';
    expect(footer).toContain('Ban Chấp hành Chi đoàn Sở Thông tin và Truyền thông');
    expect(footer).toContain('href="mailto:chidoan@example.gov.vn"');
    expect(footer).not.toContain('Điện thoại');
    expect(footer).not.toContain('Ghi rõ nguồn');
    expect(footer).toMatch(/<h2 id="footer-links"[^>]*>Liên kết<\/h2>/);
    expect(footer).toMatch(/<a href="https:\/\/tinhdoan\.example\.gov\.vn\/?" rel="external"[^>]*>\s*Tỉnh Đoàn Hòa Lâm\s*<\/a>/);
  });

  it('name feeds, calendars and the browser search', () => {
    const feed = file('rss.xml');
    expect(feed).toContain('<title>Tin Chi đoàn</title>');
    expect(feed).toContain('<description>Tin hoạt động của Chi đoàn Sở Thông tin và Truyền thông.</description>');
    expect(file('chuyen-muc/hoat-dong-doan/rss.xml')).toContain('<title>Hoạt động Đoàn – Tin Chi đoàn</title>');
    expect(file('su-kien/lich.ics')).toContain('X-WR-CALNAME:Sự kiện – Tin Chi đoàn');
    // The name is short enough to be the browser's name for the search.
    expect(file('opensearch.xml')).toContain('<ShortName>Tin Chi đoàn</ShortName>');
  });

  it("leave nothing of the sample portal's name", () => {
    const files = readdirSync(site.dist, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(html|xml|ics|json|webmanifest)$/.test(name));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((name) => file(name).includes('Bản tin Đoàn Khối'))).toEqual([]);
  });
});
