import { describe, expect, it } from 'vitest';
import { highlightedResult, isLookAlike, type ResultSource } from '../../src/lib/search-excerpt';

/** A page's text as pagefind gives it, with matches at the positions of the words that `matches` accepts. */
function source(title: string, text: string, matches: (word: string) => boolean, weight = 1): ResultSource {
  const content = `${title}. ${text}`;
  const weighted_locations = content
    .split(' ')
    .flatMap((word, location) => (matches(word.replace(/[.,]$/, '')) ? [{ location, balanced_score: location < title.split(' ').length ? weight * 7 : weight }] : []));
  return { content, raw_content: content.replace(/</g, '&lt;').replace(/>/g, '&gt;'), weighted_locations, meta: { title } };
}

const excerptAfterTitle = (page: ResultSource, length: number) => highlightedResult(page, length)?.excerpt;

const words = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `từ${from + i}`).join(' ');

describe('a search result\'s excerpt', () => {
  it('leaves out the title, which the result shows above it, even where the title holds the matches', () => {
    const page = source('Ngày hội hiến máu năm 2024', `Sáng nay, đoàn viên tham gia hiến máu tại ${words(0, 40)}`, (w) => w === 'hiến' || w === 'máu');
    const excerpt = excerptAfterTitle(page, 12);
    expect(excerpt).toBe('Sáng nay, đoàn viên tham gia <mark>hiến</mark> <mark>máu</mark> tại từ0 từ1 từ2 …');
  });

  it('shows the lead when only the title matches, without marks', () => {
    const page = source('Ngày hội hiến máu năm 2024', `Đoàn Khối các cơ quan tỉnh tổ chức ${words(0, 40)}`, (w) => w === 'hiến');
    expect(excerptAfterTitle(page, 6)).toBe('Đoàn Khối các cơ quan tỉnh …');
  });

  it('centres the excerpt on the matches far into the text, with "…" on both sides', () => {
    const page = source('Tin ngắn', `${words(0, 100)} chữ ký số ${words(100, 200)}`, (w) => w === 'chữ' || w === 'ký' || w === 'số');
    const excerpt = excerptAfterTitle(page, 7)!;
    expect(excerpt).toBe('… từ98 từ99 <mark>chữ</mark> <mark>ký</mark> <mark>số</mark> từ100 từ101 …');
  });

  it('goes where the matches are densest, not to the first one', () => {
    const page = source('Tin ngắn', `máu ${words(0, 50)} hiến máu hiến máu ${words(50, 100)}`, (w) => w === 'hiến' || w === 'máu');
    expect(excerptAfterTitle(page, 4)).toBe('… <mark>hiến</mark> <mark>máu</mark> <mark>hiến</mark> <mark>máu</mark> …');
  });

  it('goes where the query\'s words stand together rather than where more of them stand apart', () => {
    // "chuyen doi so" matches "chuyên", "sở", "đội", "sơ" too (tones fold): four apart in one window, three together in another.
    const matches = (w: string) => ['chuyển', 'đổi', 'số', 'chuyên', 'sở', 'đội', 'sơ'].includes(w);
    const page = source('Tin ngắn', `${words(0, 30)} chuyên a sở b đội c sơ ${words(30, 60)} ngày chuyển đổi số ${words(60, 90)}`, matches);
    expect(excerptAfterTitle(page, 6)).toBe('… ngày <mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark> từ60 từ61 …');
  });

  it('does not mark look-alikes of the words the reader typed with their marks, and goes where the words are', () => {
    // Pagefind folds tones: for "hiến máu nhân đạo" it matches "hiền", "mẫu", "nhận" and "Đào" too.
    const matches = (w: string) => ['hiến', 'máu', 'nhân', 'đạo', 'hiền', 'mẫu', 'nhận', 'Đào'].includes(w);
    const page = source('Tin ngắn', `hiền mẫu nhận Đào ${words(0, 40)} hiến máu nhân đạo ${words(40, 80)}`, matches);
    expect(excerptAfterTitle(page, 8)).toBe('<mark>hiền</mark> <mark>mẫu</mark> <mark>nhận</mark> <mark>Đào</mark> từ0 từ1 từ2 từ3 …');
    expect(highlightedResult(page, 8, 'hiến máu nhân đạo')?.excerpt).toBe('… từ38 từ39 <mark>hiến</mark> <mark>máu</mark> <mark>nhân</mark> <mark>đạo</mark> từ40 từ41 …');
    // Typed without marks, every look-alike is a match.
    expect(highlightedResult(page, 8, 'hien mau nhan dao')?.excerpt).toBe(excerptAfterTitle(page, 8));
  });

  it('tells a look-alike from a word the reader typed', () => {
    for (const [word, query] of [
      ['nhận', 'nhân đạo'],
      ['Đào', 'nhân đạo'],
      ['đoán,', 'đoàn vien'],
      ['hoa', '"văn hóa"'],
      ['không', 'Kho bạc'],
      ['Khối', 'kho bac'],
      ['doanh', 'doan vien'],
    ]) {
      expect(isLookAlike(word, query), `${word} for ${query}`).toBe(true);
    }
    for (const [word, query] of [
      ['Nhân', 'nhân đạo'],
      ['đạo;', 'nhân đạo'],
      ['hóa', 'văn hoá'],
      ['máu', 'hiến má'],
      ['viên', 'đoàn vien'],
      ['đoàn', 'doan vien'],
      ['Đoàn', 'đoan vien'],
      ['123-KH/DTN', 'kế hoạch 123-KH/DTN'],
      ['nhận', 'nhan dao'],
      ['bạch', 'Kho bạc'],
      ['2019-2022', 'nhiệm kỳ 2019 2022'],
      ['“Búp', '"búp sen xanh"'],
      ['hóa,', 'số hoá'],
    ]) {
      expect(isLookAlike(word, query), `${word} for ${query}`).toBe(false);
    }
  });

  it('starts with a sentence that starts a few words before or into the window', () => {
    const before = source('Tin ngắn', `${words(0, 50)}. Câu mới có hiến máu ${words(50, 100)}`, (w) => w === 'máu');
    expect(excerptAfterTitle(before, 6)).toBe('… Câu mới có hiến <mark>máu</mark> từ50 …');
    const into = source('Tin ngắn', `${words(0, 50)} một hai. Ba bốn hiến máu ${words(50, 100)}`, (w) => w === 'máu');
    expect(excerptAfterTitle(into, 10)).toBe('… Ba bốn hiến <mark>máu</mark> từ50 từ51 từ52 từ53 từ54 từ55 …');
  });

  it('does not move to a sentence\'s start where the excerpt would lose a match', () => {
    const page = source('Tin ngắn', `${words(0, 46)} kết thúc. a b máu c d e máu ${words(46, 90)}`, (w) => w === 'máu');
    expect(excerptAfterTitle(page, 5)).toBe('… <mark>máu</mark> c d e <mark>máu</mark> …');
  });

  it('shows a short text whole, and ends it without "…"', () => {
    const page = source('Thông báo', 'Hội nghị lùi sang thứ Hai.', (w) => w === 'Hội');
    expect(excerptAfterTitle(page, 30)).toBe('<mark>Hội</mark> nghị lùi sang thứ Hai.');
  });

  it('ends with the text when the matches are near its end, with a window of full length', () => {
    const page = source('Tin ngắn', `${words(0, 20)} hiến máu`, (w) => w === 'máu');
    expect(excerptAfterTitle(page, 4)).toBe('… từ18 từ19 hiến <mark>máu</mark>');
    const nearEnd = source('Tin ngắn', `${words(0, 20)} hiến máu ${words(20, 22)}`, (w) => w === 'máu');
    expect(excerptAfterTitle(nearEnd, 6)).toBe('… từ18 từ19 hiến <mark>máu</mark> từ20 từ21');
  });

  it('marks a word without the punctuation around it', () => {
    const page = source('Tin ngắn', 'Ngày hội “Giọt hồng” tiếp nhận máu, (máu) và máu… rồi máu.', (w) => /máu|Giọt/.test(w));
    expect(excerptAfterTitle(page, 30)).toBe('Ngày hội “<mark>Giọt</mark> hồng” tiếp nhận <mark>máu</mark>, (<mark>máu</mark>) và <mark>máu</mark>… rồi <mark>máu</mark>.');
  });

  it('escapes the text\'s own markup characters', () => {
    const page = source('A & B <i>', 'Mẫu <b> và A & B hiến máu &amp;', (w) => w === 'máu' || w === '&' || w === '<b>');
    expect(highlightedResult(page, 30)).toEqual({
      title: 'A <mark>&amp;</mark> B &lt;i&gt;',
      excerpt: 'Mẫu <mark>&lt;b&gt;</mark> và A <mark>&amp;</mark> B hiến <mark>máu</mark> &amp;amp;',
    });
  });

  it('marks the title\'s matches in the title', () => {
    const page = source('Ngày hội “Hiến máu” năm 2024', `Sáng nay, đoàn viên tham gia hiến máu ${words(0, 40)}`, (w) => /^“?(hiến|máu)”?$/i.test(w));
    expect(highlightedResult(page, 8)?.title).toBe('Ngày hội “<mark>Hiến</mark> <mark>máu</mark>” năm 2024');
  });

  it('leaves the excerpt to pagefind when the text does not start with the title, or has nothing after it', () => {
    const page = source('Ngày hội hiến máu', 'Sáng nay hiến máu', (w) => w === 'máu');
    expect(excerptAfterTitle({ ...page, meta: { title: 'Một tiêu đề khác' } }, 30)).toBeUndefined();
    expect(excerptAfterTitle({ ...page, meta: {} }, 30)).toBeUndefined();
    const onlyTitle = 'Ngày hội hiến máu.';
    expect(excerptAfterTitle({ content: onlyTitle, raw_content: onlyTitle, weighted_locations: [{ location: 3, balanced_score: 7 }], meta: { title: 'Ngày hội hiến máu' } }, 30)).toBeUndefined();
    // Text without spaces between words is counted otherwise by pagefind.
    expect(excerptAfterTitle({ ...page, raw_content: `Ngày hội hiến máu. Sáng\u200Bnay` }, 30)).toBeUndefined();
  });
});
