import { describe, expect, it } from 'vitest';
import { plainPunctuation, typographicPunctuation } from '../../src/lib/typography';

describe('punctuation for the search index', () => {
  it('gives pagefind the plain forms of quotes, the ellipsis and joining dashes', () => {
    expect(plainPunctuation('Huy hiệu “Búp sen xanh” năm 2024…')).toBe('Huy hiệu "Búp sen xanh" năm 2024...');
    expect(plainPunctuation('nhiệm kỳ 2017–2019, O’Neil, «a»')).toBe("nhiệm kỳ 2017-2019, O'Neil, \"a\"");
    // A dash between words, with spaces, is not a hyphen.
    expect(plainPunctuation('Tin tức – Sự kiện')).toBe('Tin tức – Sự kiện');
  });

  it('shows titles and excerpts with typographic quotes again', () => {
    const text = 'Chương trình “Tự hào tuổi trẻ” tại Nhà văn hóa tỉnh. Anh nói: “Tôi sẽ tiếp tục”…';
    expect(typographicPunctuation(plainPunctuation(text))).toBe(text);
    expect(typographicPunctuation('(“x”) và "y" – "z"')).toBe('(“x”) và “y” – “z”');
  });

  it('opens a quote that starts a highlighted word and closes one that ends it', () => {
    expect(typographicPunctuation('huy hiệu <mark>"Búp</mark> sen <mark>xanh"</mark> năm')).toBe('huy hiệu <mark>“Búp</mark> sen <mark>xanh”</mark> năm');
  });

  it('closes a quote that follows a word, as where an excerpt starts inside a quotation', () => {
    expect(typographicPunctuation('tỉnh" tại Nhà văn hóa')).toBe('tỉnh” tại Nhà văn hóa');
  });
});
