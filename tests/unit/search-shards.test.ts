import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { nextBatchPages, takeBatch, type ShardsFile } from '../../src/lib/search-batches';
import { scriptJson } from '../../src/lib/script-json';
import { groupBy } from '../../src/lib/stream';
import { describePage, groupMonths, indexedDocument, indexedMonth, indexedPagesFirst, indexedRegion, InOrder, pageUrl, shardKey } from '../../src/lib/search-shards';

const article = (month: string, text = 'Nội dung') =>
  `<html><body><div data-pagefind-body><h1>${text}</h1><span data-pagefind-filter="year:${month.slice(0, 4)}"></span>` +
  `<span data-pagefind-sort="date:${month}-14T00:00:00+07:00"></span></div></body></html>`;

describe('search index shards', () => {
  it('puts an indexed page in the shard of its month, and leaves other pages out', () => {
    expect(describePage('/tin-tuc/a/', article('2019-07'))?.month).toBe('2019-07');
    expect(describePage('/', '<html><body><h1>Trang chủ</h1></body></html>')).toBeUndefined();
    const undated = '<div data-pagefind-body>Không ngày<span data-pagefind-filter="year:2019"></span></div>';
    expect(() => describePage('/tin-tuc/b/', undated)).toThrow(/\/tin-tuc\/b\/.*data-pagefind-sort="date:…"/);
    expect(() => indexedMonth('<div data-pagefind-body data-pagefind-sort="date:2019"></div>', '/x/')).toThrow(/\/x\//);
  });

  it('gives each page its site path', () => {
    expect(pageUrl('tin-tuc/hien-mau/index.html')).toBe('/tin-tuc/hien-mau/');
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });

  it('groups pages by month', () => {
    const pages = [describePage('/a/', article('2019-03'))!, describePage('/b/', article('2020-03'))!, describePage('/c/', article('2019-03'))!];
    expect([...groupBy(pages, (page) => [page.month])].map(([month, list]) => [month, list.map((p) => p.url)])).toEqual([
      ['2019-03', ['/a/', '/c/']],
      ['2020-03', ['/b/']],
    ]);
  });

  it('keys a shard by its pages: same pages, same key; any change, another key', () => {
    const pages = [describePage('/x/a', article('2019-01', 'A'))!, describePage('/x/b', article('2019-01', 'B'))!];
    const key = shardKey(pages, 'v1');
    expect(shardKey([...pages].reverse(), 'v1')).toBe(key);
    expect(shardKey([pages[0], describePage('/x/b', article('2019-01', 'B sửa'))!], 'v1')).not.toBe(key);
    expect(shardKey(pages.slice(0, 1), 'v1')).not.toBe(key);
    expect(shardKey(pages, 'v2')).not.toBe(key);
  });

  it('joins years from the oldest until a shard is big enough, newest shard first', () => {
    const counts = new Map([['2019-05', 2], ['2020-01', 1], ['2021-12', 1], ['2022-02', 2], ['2022-11', 1], ['2023-04', 1]]);
    const names = (perMonth: Map<string, number>, pages: number) => groupMonths(perMonth, pages).map((shard) => shard.name);
    expect(groupMonths(counts, 3)).toEqual([
      { name: '2023', years: ['2023'], months: ['2023-04'], from: '2023-01' },
      { name: '2021-2022', years: ['2022', '2021'], months: ['2022-11', '2022-02', '2021-12'], from: '2021-01' },
      { name: '2019-2020', years: ['2020', '2019'], months: ['2020-01', '2019-05'], from: '2019-01' },
    ]);
    // A new article in the newest year moves no older boundary.
    expect(names(new Map([...counts, ['2023-05', 2]]), 3)).toEqual(['2023', '2021-2022', '2019-2020']);
    expect(names(counts, 500)).toEqual(['2019-2023']);
    expect(groupMonths(new Map(), 3)).toEqual([]);
  });

  it('splits a year of more pages into equal parts of whole months, each part with pages a shard', () => {
    const months = (year: string, pages: number[]) => pages.map((count, at) => [`${year}-${String(at + 1).padStart(2, '0')}`, count] as const);
    // 2025: 60 pages, in halves of 30; 2026: 50 pages so far, none since May, in halves; 2024: 10, joined with 2023.
    const counts = new Map([...months('2023', [1, 1]), ...months('2024', [5, 5]), ...months('2025', Array(12).fill(5)), ...months('2026', [10, 10, 10, 10, 10])]);
    expect(groupMonths(counts, 40)).toEqual([
      { name: '2026-01', years: ['2026'], months: ['2026-05', '2026-04', '2026-03', '2026-02', '2026-01'], from: '2026-01' },
      { name: '2025-07', years: ['2025'], months: ['2025-12', '2025-11', '2025-10', '2025-09', '2025-08', '2025-07'], from: '2025-07' },
      { name: '2025-01', years: ['2025'], months: ['2025-06', '2025-05', '2025-04', '2025-03', '2025-02', '2025-01'], from: '2025-01' },
      { name: '2023-2024', years: ['2024', '2023'], months: ['2024-02', '2024-01', '2023-02', '2023-01'], from: '2023-01' },
    ]);
    const names = (perMonth: Map<string, number>, pages: number) => groupMonths(perMonth, pages).map((shard) => shard.name);
    // Thirds, quarters, sixths and months as a year grows; the years joined before it close as they are.
    expect(names(counts, 25)).toEqual(['2026-01', '2025-09', '2025-05', '2025-01', '2023-2024']);
    expect(names(counts, 15)).toEqual(['2026-04', '2026-01', '2025-10', '2025-07', '2025-04', '2025-01', '2023-2024']);
    const monthly = (year: string, last: number) => Array.from({ length: last }, (_, at) => `${year}-${String(last - at).padStart(2, '0')}`);
    expect(names(counts, 8)).toEqual([...monthly('2026', 5), ...monthly('2025', 12), '2024-01', '2023']);
    // A new article in the newest months moves no older boundary, unless its year is split anew.
    expect(names(new Map([...counts, ['2026-11', 3]]), 40)).toEqual(['2026-07', '2026-01', '2025-07', '2025-01', '2023-2024']);
    expect(names(new Map([...counts, ['2026-11', 40]]), 40).slice(-3)).toEqual(['2025-07', '2025-01', '2023-2024']);
  });

  it('takes the newest shards until a batch holds enough pages', () => {
    const shards = [
      { year: '2026', pages: 20 },
      { year: '2025', pages: 600 },
      { year: '2024', pages: 300 },
    ];
    expect(takeBatch(shards, 500).map((s) => s.year)).toEqual(['2026', '2025']);
    expect(takeBatch(shards, 1).map((s) => s.year)).toEqual(['2026']);
    expect(takeBatch(shards, 620).map((s) => s.year)).toEqual(['2026', '2025']);
    expect(takeBatch(shards, 10_000).map((s) => s.year)).toEqual(['2026', '2025', '2024']);
    expect(takeBatch(shards, Infinity)).toHaveLength(3);
    expect(takeBatch([], 500)).toEqual([]);
  });

  it('sizes the next batch by the results found so far, between a minimum and the pages searched before', () => {
    // The first batch: the minimum.
    expect(nextBatchPages(0, 0, 10, 100)).toBe(100);
    // Nothing found in 300 pages: as many again.
    expect(nextBatchPages(300, 0, 10, 100)).toBe(300);
    // 3 found in 300 pages, 7 more wanted: about 700 pages, but no more than those searched.
    expect(nextBatchPages(300, 3, 10, 100)).toBe(300);
    expect(nextBatchPages(900, 6, 10, 100)).toBe(600);
    // One result missing: the minimum.
    expect(nextBatchPages(600, 9, 10, 100)).toBe(100);
    // "Xem thêm kết quả" wants the next ten.
    expect(nextBatchPages(1200, 12, 20, 100)).toBe(800);
  });

  it('reads only the indexed element, so links around it can change', () => {
    const page = (body: string, around: string) =>
      `<html><body><nav>${around}</nav><article><div data-pagefind-body><div class="a"><div>${body}</div></div><span data-pagefind-sort="date:2020-05-01T00:00:00+07:00"></span></div><nav>${around}</nav></article></body></html>`;
    expect(indexedRegion(page('Bài', 'x'))).toBe('<div data-pagefind-body><div class="a"><div>Bài</div></div><span data-pagefind-sort="date:2020-05-01T00:00:00+07:00"></span></div>');
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

  it('lists the words whose tone sits on either vowel of a final oa, oe or uy, in lower case as written', () => {
    const listed = (html: string) => {
      const words = new Set<string>();
      indexedDocument(`<div data-pagefind-body>${html}</div>`, words);
      return [...words].sort();
    };
    expect(listed('<p>Văn hóa, sức khoẻ; HOÀ BÌNH và Thủy lợi</p>')).toEqual(['hoà', 'hóa', 'khoẻ', 'thủy']);
    // In attributes pagefind indexes, joined across tags, through a soft hyphen (the parts too: more does no harm).
    expect(listed('<img alt="Xóa đói" src="/a.webp"><p>h<b>oá</b> học, kh\u00ADỏe</p>')).toEqual(expect.arrayContaining(['hoá', 'khỏe', 'xóa']));
    // Not: a final consonant (hoàng, toán), "qu" (quý), no tone (hoa), another pair (mùa), the pair inside a word.
    expect(listed('<p>Hoàng toán quý hoa mùa thuyền hoạch</p>')).toEqual([]);
  });
});

describe('the list of shards inside the search page', () => {
  it('cannot end its script element early, and reads back the same', () => {
    const list: ShardsFile = {
      shards: [{ name: '2026</script><script>alert(1)</script>', years: ['2026'], from: '2026-01', pages: 3, tag: '0123456789abcdef' }],
      batchPages: 100,
      spellingWords: ['doan', 'đoan'],
      preload: ['/pagefind/2026/pagefind.js'],
    };
    const inline = scriptJson(list);
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

describe('the document pagefind indexes', () => {
  afterAll(() => pagefind.close());

  /** The text pagefind keeps of a page for its excerpts: its words as the index holds them. */
  async function indexedText(html: string): Promise<string> {
    const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
    await index!.addHTMLFile({ url: '/a/', content: html });
    const { files } = await index!.getFiles();
    await index!.deleteIndex();
    const fragment = files.find((file) => file.path.includes('fragment/'))!;
    const raw = gunzipSync(Buffer.from(fragment.content)).toString('utf8');
    return (JSON.parse(raw.slice(raw.indexOf('{'))) as { content: string }).content;
  }

  it('keeps the words of an event\'s facts, a caption and a table apart, as the reader sees them', async () => {
    const region =
      '<div data-pagefind-body><h1>Ngày hội</h1><dl><dt>Bắt đầu</dt><dd>Thứ Bảy, 22/03/2025</dd><dt>Địa điểm</dt><dd>xã Sơn Thủy</dd></dl>' +
      '<figure><img src="/a.webp" alt=""><figcaption>Đoàn viên trước màn hình máy tính</figcaption></figure>' +
      '<table><tbody><tr><th scope="row">Đoàn viên</th><td>22</td></tr><tr><th>Sáng kiến</th><th>3</th></tr></tbody></table>' +
      '<blockquote>trích dẫn</blockquote><p>Hết.</p></div>';
    // As pagefind reads the page itself: blocks run together.
    expect(await indexedText(`<html lang="vi"><body>${region}</body></html>`)).toContain('Bắt đầuThứ Bảy');
    const text = await indexedText(indexedDocument(region));
    expect(text).toContain('Bắt đầu Thứ Bảy, 22/03/2025 Địa điểm xã Sơn Thủy');
    expect(text).toContain('máy tính Đoàn viên');
    expect(text).toContain('Sáng kiến 3');
    expect(text).toContain('trích dẫn');
    expect(text).not.toMatch(/[\p{Ll}\d][\p{Lu}]|điểmxã|tínhĐoàn|dẫnHết/u);
  });
});
