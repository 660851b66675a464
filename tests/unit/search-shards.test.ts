import { describe, expect, it } from 'vitest';
import { describePage, groupPages, indexedRegion, pageUrl, shardKey, shardOf, shardOrder } from '../../src/lib/search-shards';

const article = (year: number, text = 'Nội dung') =>
  `<html><body><div data-pagefind-body><h1>${text}</h1><span data-pagefind-filter="year:${year}"></span></div></body></html>`;

describe('search index shards', () => {
  it('puts an indexed page in the shard of its year, and leaves other pages out', () => {
    expect(shardOf(article(2019), '/tin-tuc/a/')).toBe('2019');
    expect(shardOf('<html><body><h1>Trang chủ</h1></body></html>', '/')).toBeUndefined();
    expect(() => shardOf('<div data-pagefind-body>Không năm</div>', '/tin-tuc/b/')).toThrow(/\/tin-tuc\/b\/.*năm/);
  });

  it('gives each page its site path', () => {
    expect(pageUrl('tin-tuc/hien-mau/index.html')).toBe('/tin-tuc/hien-mau/');
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });

  it('orders shards newest first', () => {
    expect(shardOrder(['2019', '2026', '2010'])).toEqual(['2026', '2019', '2010']);
  });

  it('keys a shard by its pages: same pages, same key; any change, another key', () => {
    const pages = [describePage('tin-tuc/a/index.html', '/x/a', article(2019, 'A'))!, describePage('tin-tuc/b/index.html', '/x/b', article(2019, 'B'))!];
    const key = shardKey(pages, 'v1');
    expect(shardKey([...pages].reverse(), 'v1')).toBe(key);
    expect(shardKey([pages[0], describePage('tin-tuc/b/index.html', '/x/b', article(2019, 'B sửa'))!], 'v1')).not.toBe(key);
    expect(shardKey(pages.slice(0, 1), 'v1')).not.toBe(key);
    expect(shardKey(pages, 'v2')).not.toBe(key);
  });

  it('joins years from the oldest until a shard is big enough', () => {
    const pages = (year: number, count: number) =>
      Array.from({ length: count }, (_, i) => describePage(`tin-tuc/${year}-${i}/index.html`, `/x/${year}-${i}`, article(year))!);
    const site = [...pages(2019, 2), ...pages(2020, 1), ...pages(2021, 1), ...pages(2022, 3), ...pages(2023, 1)];
    const grouped = groupPages(site, 3);
    expect([...grouped.keys()]).toEqual(['2019-2020', '2021-2022', '2023']);
    expect(grouped.get('2019-2020')!.map((p) => p.url)).toEqual(['/tin-tuc/2019-0/', '/tin-tuc/2019-1/', '/tin-tuc/2020-0/']);
    expect(shardOrder(grouped.keys())).toEqual(['2023', '2021-2022', '2019-2020']);
    // A new article in the newest year moves no older boundary.
    expect([...groupPages([...site, ...pages(2023, 5)], 3).keys()]).toEqual(['2019-2020', '2021-2022', '2023']);
    expect([...groupPages(site, 1).keys()]).toEqual(['2019', '2020', '2021', '2022', '2023']);
    expect([...groupPages(site).keys()]).toEqual(['2019-2023']);
  });

  it('reads only the indexed element, so links around it can change', () => {
    const page = (body: string, around: string) =>
      `<html><body><nav>${around}</nav><article><div data-pagefind-body><div class="a"><div>${body}</div></div><span data-pagefind-filter="year:2020"></span></div><nav>${around}</nav></article></body></html>`;
    expect(indexedRegion(page('Bài', 'x'))).toBe('<div data-pagefind-body><div class="a"><div>Bài</div></div><span data-pagefind-filter="year:2020"></span></div>');
    const key = (html: string) => describePage('a/index.html', '/a', html)!.hash;
    expect(key(page('Bài', 'Tin liên quan cũ'))).toBe(key(page('Bài', 'Tin liên quan mới')));
    expect(key(page('Bài', 'x'))).not.toBe(key(page('Bài sửa', 'x')));
    // Unbalanced markup: the whole page counts.
    expect(indexedRegion('<div data-pagefind-body><div>không đóng')).toBe('<div data-pagefind-body><div>không đóng');
  });
});
