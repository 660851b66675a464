import { describe, expect, it } from 'vitest';
import { inlineShardsJson, shardBatches, type ShardsFile } from '../../src/lib/search-batches';
import { byYear, describePage, groupYears, indexedDocument, indexedPagesFirst, indexedRegion, InOrder, pageUrl, shardKey, yearOf } from '../../src/lib/search-shards';

const article = (year: number, text = 'Nội dung') =>
  `<html><body><div data-pagefind-body><h1>${text}</h1><span data-pagefind-filter="year:${year}"></span></div></body></html>`;

describe('search index shards', () => {
  it('puts an indexed page in the shard of its year, and leaves other pages out', () => {
    expect(describePage('/tin-tuc/a/', article(2019))?.year).toBe('2019');
    expect(describePage('/', '<html><body><h1>Trang chủ</h1></body></html>')).toBeUndefined();
    expect(() => describePage('/tin-tuc/b/', '<div data-pagefind-body>Không năm</div>')).toThrow(/\/tin-tuc\/b\/.*năm/);
    expect(() => yearOf('<div data-pagefind-body></div>', '/x/')).toThrow(/\/x\//);
  });

  it('gives each page its site path', () => {
    expect(pageUrl('tin-tuc/hien-mau/index.html')).toBe('/tin-tuc/hien-mau/');
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });

  it('groups pages by year', () => {
    const pages = [describePage('/a/', article(2019))!, describePage('/b/', article(2020))!, describePage('/c/', article(2019))!];
    expect([...byYear(pages)].map(([year, list]) => [year, list.map((p) => p.url)])).toEqual([
      ['2019', ['/a/', '/c/']],
      ['2020', ['/b/']],
    ]);
  });

  it('keys a shard by its pages: same pages, same key; any change, another key', () => {
    const pages = [describePage('/x/a', article(2019, 'A'))!, describePage('/x/b', article(2019, 'B'))!];
    const key = shardKey(pages, 'v1');
    expect(shardKey([...pages].reverse(), 'v1')).toBe(key);
    expect(shardKey([pages[0], describePage('/x/b', article(2019, 'B sửa'))!], 'v1')).not.toBe(key);
    expect(shardKey(pages.slice(0, 1), 'v1')).not.toBe(key);
    expect(shardKey(pages, 'v2')).not.toBe(key);
  });

  it('joins years from the oldest until a shard is big enough, newest shard first', () => {
    const counts = new Map([['2019', 2], ['2020', 1], ['2021', 1], ['2022', 3], ['2023', 1]]);
    expect(groupYears(counts, 3)).toEqual([
      { name: '2023', years: ['2023'] },
      { name: '2021-2022', years: ['2022', '2021'] },
      { name: '2019-2020', years: ['2020', '2019'] },
    ]);
    // A new article in the newest year moves no older boundary.
    expect(groupYears(new Map([...counts, ['2023', 9]]), 3).map((s) => s.name)).toEqual(['2023', '2021-2022', '2019-2020']);
    expect(groupYears(counts, 1).map((s) => s.name)).toEqual(['2023', '2022', '2021', '2020', '2019']);
    expect(groupYears(counts, 500).map((s) => s.name)).toEqual(['2019-2023']);
    expect(groupYears(new Map(), 3)).toEqual([]);
  });

  it('batches shards newest first until a batch holds enough pages', () => {
    const shards = [
      { year: '2026', pages: 20 },
      { year: '2025', pages: 600 },
      { year: '2024', pages: 300 },
      { year: '2023', pages: 250 },
      { year: '2022', pages: 10 },
    ];
    expect(shardBatches(shards, 500).map((batch) => batch.map((s) => s.year))).toEqual([['2026', '2025'], ['2024', '2023'], ['2022']]);
    expect(shardBatches(shards, 1).length).toBe(5);
    expect(shardBatches(shards, 10_000).length).toBe(1);
    expect(shardBatches([], 500)).toEqual([]);
  });

  it('reads only the indexed element, so links around it can change', () => {
    const page = (body: string, around: string) =>
      `<html><body><nav>${around}</nav><article><div data-pagefind-body><div class="a"><div>${body}</div></div><span data-pagefind-filter="year:2020"></span></div><nav>${around}</nav></article></body></html>`;
    expect(indexedRegion(page('Bài', 'x'))).toBe('<div data-pagefind-body><div class="a"><div>Bài</div></div><span data-pagefind-filter="year:2020"></span></div>');
    const key = (html: string) => describePage('/a', html)!.hash;
    expect(key(page('Bài', 'Tin liên quan cũ'))).toBe(key(page('Bài', 'Tin liên quan mới')));
    expect(key(page('Bài', 'x'))).not.toBe(key(page('Bài sửa', 'x')));
    // Unbalanced markup: the rest of the page counts.
    expect(indexedRegion('<p>x</p><div data-pagefind-body><div>không đóng')).toBe('<div data-pagefind-body><div>không đóng');
    expect(indexedRegion('<p>không có</p>')).toBeUndefined();
    expect(indexedDocument('<div>x</div>')).toBe('<!doctype html><html lang="vi"><body><div>x</div></body></html>');
    // Typographic quotes in the text go plain, those of attributes stay (a plain one would end the attribute).
    expect(indexedDocument('<p title="“Búp sen”">Huy hiệu “Búp sen xanh”…</p>')).toBe(
      '<!doctype html><html lang="vi"><body><p title="“Búp sen”">Huy hiệu "Búp sen xanh"...</p></body></html>',
    );
    expect(indexedDocument('<img alt="a > “b”"><p>“c”</p>')).toBe('<!doctype html><html lang="vi"><body><img alt="a > “b”"><p>"c"</p></body></html>');
  });

  it('lists the words that start with d or đ, without tones, from the text and the attributes pagefind indexes', () => {
    const words = new Set<string>();
    const region =
      '<div data-pagefind-body><h1 data-pagefind-meta="title">Đoàn viên dự Đại hội</h1>' +
      '<p class="unit"><a href="/don-vi/doan-co-so-y-te/" title="dinh dưỡng">Chi đoàn Sở Y tế</a></p>' +
      '<p>“Dân vận” khéo, doanh nghiệp; ĐƯỜNG Đinh Tiên Hoàng, Dương-Đức, mã D12, Download, Lê Thị Đàoss</p>' +
      '<img alt="Dàn đồng ca" src="/_images/dap.webp"><span data-pagefind-meta="unit:Đoàn Khối"></span>' +
      '<p>Trần Minh Đúc</p></div>';
    const document = indexedDocument(region, words);
    // The document is the same as without the list.
    expect(document).toBe(indexedDocument(region));
    expect([...words].sort()).toEqual(['dan', 'doanh', 'du', 'duong', 'đai', 'đinh', 'đoan', 'đong', 'đuc', 'đuong'].sort());
  });

  it('lists every d-word pagefind indexes, however the text around it is written', () => {
    const listed = (html: string) => {
      const words = new Set<string>();
      indexedDocument(`<div data-pagefind-body>${html}</div>`, words);
      return [...words].sort();
    };
    // Symbols, a zero-width space, a soft hyphen, letters or digits before: pagefind indexes "đoàn".
    for (const html of ['<p>Đoàn👏</p>', '<p>Đoàn™ </p>', '<p>Đoàn\u200B</p>', '<p>Đo\u00ADàn</p>', '<p>xĐoàn</p>', '<p>2024Đoàn</p>', '<p>“Đoàn‟</p>']) {
      expect(listed(html), html).toContain('đoan');
    }
    // Joined across tags, and without the punctuation inside.
    expect(listed('<p><b>D</b>â<i>n</i> vận</p>')).toContain('dan');
    expect(listed('<dl><dt>Địa điểm</dt><dd>Hội trường</dd></dl>')).toEqual(['đia', 'điem']);
    // Syllables only: not "đ", nor the form pagefind adds of a word without its punctuation ("đc"), nor a join.
    expect(listed('<p>Đ/c Hùng, Đoàn.Khối</p>')).toEqual(['đoan']);
  });
});

describe('the list of shards inside the search page', () => {
  it('cannot end its script element early, and reads back the same', () => {
    const list: ShardsFile = {
      shards: [{ name: '2026</script><script>alert(1)</script>', years: ['2026'], pages: 3, tag: '0123456789abcdef' }],
      batchPages: 100,
      dWords: ['doan', 'đoan'],
      preload: ['/pagefind/2026/pagefind.js'],
    };
    const inline = inlineShardsJson(list);
    expect(inline).not.toContain('<');
    expect(JSON.parse(inline)).toEqual(list);
  });

  it('hands pages on in the shard order whatever order they arrive in', () => {
    const order = ['/a/', '/b/', '/c/', '/d/', '/e/'];
    for (const arrival of [order, [...order].reverse(), ['/b/', '/a/', '/d/', '/c/', '/e/'], ['/c/', '/e/', '/a/', '/d/', '/b/']]) {
      const sent: string[] = [];
      const pages = new InOrder<string>(order, (url, region) => sent.push(`${url} ${region}`));
      arrival.forEach((url, at) => {
        expect(pages.done).toBe(false);
        pages.offer(url, url.toUpperCase());
        // Every page whose predecessors have all arrived has gone on, and no other.
        const arrived = new Set(arrival.slice(0, at + 1));
        const firstMissing = order.findIndex((each) => !arrived.has(each));
        const ready = order.slice(0, firstMissing < 0 ? order.length : firstMissing);
        expect(sent).toEqual(ready.map((each) => `${each} ${each.toUpperCase()}`));
      });
      expect(pages.done).toBe(true);
    }
  });
});

describe('the order pages are built in', () => {
  it('renders the indexed pages first, each group in the order Astro gave', () => {
    const paths = ['/', '/tin-tuc/', '/tin-tuc/trang/2/', '/404', '/tin-tuc/b/', '/the/x/', '/bao-cao/a/', '/tin-tuc/c/'].map((pathname) => ({ pathname }));
    const indexed = new Set(['/tin-tuc/b/', '/bao-cao/a/', '/tin-tuc/c/']);
    const order = indexedPagesFirst(paths, (url) => indexed.has(url)).map((path) => path.pathname);
    expect(order).toEqual(['/tin-tuc/b/', '/bao-cao/a/', '/tin-tuc/c/', '/', '/tin-tuc/', '/tin-tuc/trang/2/', '/404', '/the/x/']);
    // Astro's path names, with or without their slashes, are the site paths the index knows.
    expect(indexedPagesFirst([{ pathname: 'tin-tuc/b' }, { pathname: '/' }], (url) => indexed.has(url))[0].pathname).toBe('tin-tuc/b');
    expect(indexedPagesFirst(paths, () => false)).toEqual(paths);
  });
});
