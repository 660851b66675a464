/**
 * The portal's own details come from `content/site.yaml`: another publication changes its name, publisher, contacts
 * and links there, and every page, feed and calendar follows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWith, FIXTURE_CONTENT } from '../helpers/astro';

const OTHER_PUBLICATION = `name: Tin Chi đoàn
logo: ./bieu-trung.jpg
description: Tin hoạt động của Chi đoàn Sở Thông tin và Truyền thông.
owner: Ban Chấp hành Chi đoàn Sở Thông tin và Truyền thông
email: chidoan@example.gov.vn
links:
  - { title: Tỉnh Đoàn Hòa Lâm, url: "https://tinhdoan.example.gov.vn" }
`;

describe("the portal's own details", () => {
  let site: ReturnType<typeof buildWith>;
  beforeAll(() => {
    site = buildWith({
      'site.yaml': OTHER_PUBLICATION,
      // A photo of 1600 × 1067 as the logo: wider than high.
      'bieu-trung.jpg': readFileSync(path.join(FIXTURE_CONTENT, 'news/hien-mau-tinh-nguyen/anh-bia.jpg')),
      // A portal with no item from another one: its not-found page has no script.
      'news/kho-bac-so-hoa.md': readFileSync(path.join(FIXTURE_CONTENT, 'news/kho-bac-so-hoa.md'), 'utf8').replace(/\n#[^\n]*\npreviousUrls:\n(?:  - [^\n]*\n)+/, '\n'),
    });
  });
  afterAll(() => site.cleanup());
  const file = (name: string) => readFileSync(path.join(site.dist, name), 'utf8');

  it('name every page, without the tagline the file does not give', () => {
    expect(site.status, site.output).toBe(0);
    expect(file('404.html')).not.toContain('<script');
    expect(existsSync(path.join(site.dist, 'dia-chi-cu'))).toBe(false);
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

  it('put its logo in the header and make icons of it for browsers', async () => {
    const home = site.page('');
    const emblem = /<img class="emblem"[^>]*>/.exec(home)?.[0] ?? '';
    // 44 px high, as wide as its shape; decorative beside the name.
    expect(emblem).toContain('alt=""');
    expect(emblem).toContain('height="44"');
    expect(emblem).toContain(`width="${Math.round((44 * 1600) / 1067)}"`);
    const copies = [...emblem.matchAll(/\/_images\/(bieu-trung\.[\w-]+_\d+\.webp)/g)].map((m) => m[1]);
    expect(copies.length).toBeGreaterThan(1);
    const icon = /<link rel="icon" type="image\/png" sizes="32x32" href="\/_images\/([^"]+\.png)">/.exec(home)?.[1];
    const touchIcon = /<link rel="apple-touch-icon" href="\/_images\/([^"]+\.png)">/.exec(home)?.[1];
    expect(icon).toBeDefined();
    expect(touchIcon).toBeDefined();
    const icons = [['32', icon!], ['180', touchIcon!]];
    expect(home).not.toContain('favicon.svg');
    // Search engines are given it as the articles' publisher's logo.
    expect(site.page('tin-tuc/hien-mau-tinh-nguyen')).toContain(
      `"publisher":{"@type":"Organization","name":"Tin Chi đoàn","logo":{"@type":"ImageObject","url":"https://bantin.example.gov.vn/_images/${touchIcon}"}}`,
    );
    expect(file('opensearch.xml')).toContain(`<Image width="32" height="32" type="image/png">https://bantin.example.gov.vn/_images/${icons[0][1]}</Image>`);
    for (const name of copies) expect(readFileSync(path.join(site.dist, '_images', name)).length, name).toBeGreaterThan(100);
    // The icons are square, the logo fitted inside.
    for (const [size, name] of icons) {
      const { width, height, format } = await sharp(path.join(site.dist, '_images', name)).metadata();
      expect([width, height, format]).toEqual([Number(size), Number(size), 'png']);
    }
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

describe('a logo drawn in SVG', () => {
  let site: ReturnType<typeof buildWith>;
  beforeAll(() => {
    site = buildWith({
      'site.yaml': OTHER_PUBLICATION.replace('./bieu-trung.jpg', './bieu-trung.svg'),
      // Drawn 30 × 20 units, its left half red: wider than high, and small as it says it is.
      'bieu-trung.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 20"><rect width="15" height="20" fill="#b3121b"/></svg>',
    });
  });
  afterAll(() => site.cleanup());

  it('is drawn at the size of each copy: the header at twice and three times its 44 px, the icons square', async () => {
    expect(site.status, site.output).toBe(0);
    const home = site.page('');
    const emblem = /<img class="emblem"[^>]*>/.exec(home)?.[0] ?? '';
    expect(emblem).toContain('height="44"');
    expect(emblem).toContain('width="66"');
    const copies = [...emblem.matchAll(/\/_images\/(bieu-trung\.[\w-]+_(\d+)\.webp) \d+w/g)];
    expect(copies.map((m) => Number(m[2]))).toEqual([88, 176, 264]);
    for (const [, name, width] of copies) {
      expect(await sharp(path.join(site.dist, '_images', name)).metadata(), name).toMatchObject({ format: 'webp', width: Number(width), height: Math.round((Number(width) * 2) / 3) });
    }
    const touchIcon = /<link rel="apple-touch-icon" href="\/_images\/([^"]+\.png)">/.exec(home)?.[1];
    const icon = sharp(path.join(site.dist, '_images', touchIcon!));
    expect(await icon.metadata()).toMatchObject({ format: 'png', width: 180, height: 180 });
    // The drawing fills the square's width (120 px high, centred), its edge sharp at 90 px.
    const { data, info } = await icon.raw().toBuffer({ resolveWithObject: true });
    const alpha = (x: number, y = 90) => data[(y * info.width + x) * info.channels + 3];
    expect([alpha(2), alpha(87), alpha(93), alpha(178), alpha(90, 10)]).toEqual([255, 255, 0, 0, 0]);
    // No copy of the drawing itself is published.
    expect(readdirSync(path.join(site.dist, '_images')).filter((name) => name.endsWith('.svg'))).toEqual([]);
  });
});

