/**
 * How the search page ranks what pagefind returns, on a few pages indexed by pagefind here and searched in headless
 * Chromium: pagefind's own order, then the portal's (`querySpellings`, `mergeByScore`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeByScore, queryWordCount, querySpellings } from '../../src/lib/search-query';
import { indexPages, type IndexedPages } from '../helpers/pagefind-pages';

const urls = (results: { url: string }[]) => results.map(({ url }) => url);

describe('the tone of oa, oe, uy on either vowel', () => {
  // One page about "văn hóa", one about flowers ("hoa").
  let pages: IndexedPages;
  beforeAll(async () => {
    pages = await indexPages({
      'van-hoa': 'Nhà văn hóa tỉnh tổ chức ngày hội văn hóa cho đoàn viên.',
      'hoa-tuoi': 'Đoàn viên tặng hoa tươi cho nhà văn và bình hoa đẹp. Hoa hồng, hoa cúc.',
      'hoa-binh': 'Hòa bình và hữu nghị giữa các dân tộc.',
    });
  });
  afterAll(() => pages?.close());

  it('ranks "văn hóa" first for "hoá" and "văn hoá" typed the other way, where pagefind alone ranked the flowers first', async () => {
    // Pagefind alone, the placement typed: the page of flowers comes first.
    expect(urls((await pages.searchEach(['hoá']))[0])[0]).toBe('hoa-tuoi');
    for (const query of ['hoá', 'văn hoá', 'hóa', 'văn hóa']) {
      const ranked = urls(mergeByScore(await pages.searchEach(querySpellings(query)), queryWordCount(query)));
      expect(ranked[0], query).toBe('van-hoa');
      expect(ranked, query).toContain('hoa-tuoi');
    }
  });
});

describe('the words of a query side by side', () => {
  // Pagefind scores each syllable apart: a page that says "hiến máu" often, with "nhân dân" and "Đào tạo" elsewhere,
  // outranks the one page that says "hiến máu nhân đạo".
  let pages: IndexedPages;
  beforeAll(async () => {
    pages = await indexPages({
      'hien-mau': 'Đoàn viên hiến máu tình nguyện. Ngày hội hiến máu của Sở Giáo dục và Đào tạo thu hút nhân dân; hiến máu cứu người, hiến máu định kỳ.',
      'nhan-dao': 'Tiêu chuẩn xét chọn: có thành tích trong hoạt động tình nguyện, hiến máu nhân đạo, chuyển đổi số và công tác Đoàn ở cơ quan.',
      'dao-tao': 'Sở Giáo dục và Đào tạo tập huấn cho giáo viên về chuyển đổi số trong nhà trường.',
    });
  });
  afterAll(() => pages?.close());

  it('ranks first the page with the words together, where pagefind alone ranked it below pages with them apart', async () => {
    for (const query of ['hiến máu nhân đạo', 'hien mau nhan dao']) {
      const alone = urls((await pages.searchEach([query]))[0]);
      expect(alone.indexOf('nhan-dao'), query).toBeGreaterThan(alone.indexOf('hien-mau'));
      const ranked = urls(mergeByScore(await pages.searchEach(querySpellings(query)), queryWordCount(query)));
      expect(ranked[0], query).toBe('nhan-dao');
    }
    // One word: nothing to put together, pagefind's order.
    const single = await pages.searchEach(['máu']);
    expect(urls(mergeByScore(single, 1))).toEqual(urls(single[0]));
  });
});
