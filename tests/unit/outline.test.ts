import { describe, expect, it } from 'vitest';
import { bodyOutline, numberedByWriter } from '../../src/lib/outline';
import { renderPlainMarkdown } from '../../src/lib/plain-markdown';
import { renderBody } from '../../src/lib/render-body';
import { bodySyntax } from '../../src/lib/body-syntax';
import { parseBody } from '../../src/lib/safe-mdx';

const REPORT = '## I. Kết quả\n\nNội dung.\n\n### Chi tiết\n\n## II. Hạn chế, nguyên nhân\n\nx\n\n## III. Phương hướng *năm* 2026\n\ny\n';

describe('bodyOutline', () => {
  it('lists the second-level sections of a body rendered either way, with their ids and text', async () => {
    const expected = [
      { id: 'i-ket-qua', text: 'I. Kết quả' },
      { id: 'ii-han-che-nguyen-nhan', text: 'II. Hạn chế, nguyên nhân' },
      { id: 'iii-phuong-huong-nam-2026', text: 'III. Phương hướng năm 2026' },
    ];
    // The full renderer (a component in the body), then the plain one.
    const mdx = `${REPORT}\n<Callout title="Lưu ý">Văn bản.</Callout>\n`;
    const full = await renderBody(parseBody(mdx, bodySyntax(mdx, 'a.mdx')), 'a.mdx');
    expect(bodyOutline(full.html)).toEqual(expected);
    const plain = renderPlainMarkdown(REPORT, 'a.md');
    expect(plain).toBeDefined();
    expect(bodyOutline(plain!)).toEqual(expected);
  });

  it('gives none for fewer than three sections, and reads formatting and escaped characters inside a heading as text', async () => {
    const escaped = await renderBody(parseBody('## A & B\n\n## C \\< D\n\n## E "F"\n', 'markdown'), 'a.md');
    expect(bodyOutline(escaped.html).map((section) => section.text)).toEqual(['A & B', 'C < D', 'E "F"']);
    expect(bodyOutline('<h2 id="a">A</h2><p>x</p><h2 id="b">B</h2>')).toEqual([]);
    expect(bodyOutline('<h2 id="a">Kết quả <em>nổi bật</em></h2><h2 id="b">B</h2><h2 id="c">C&#x26;D</h2>')).toEqual([
      { id: 'a', text: 'Kết quả nổi bật' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C&D' },
    ]);
  });
});

describe('numberedByWriter', () => {
  const sections = (...texts: string[]) => texts.map((text, index) => ({ id: `m${index}`, text }));

  it('sees the numbers writers give their sections', () => {
    expect(numberedByWriter(sections('I. Kết quả', 'II. Hạn chế, nguyên nhân', 'III. Phương hướng'))).toBe(true);
    expect(numberedByWriter(sections('1. Công tác tuyên truyền', '2. Phong trào', '10. Khác'))).toBe(true);
    expect(numberedByWriter(sections('a) Chi đoàn', 'b) Đoàn cơ sở', 'đ) Khác'))).toBe(true);
    expect(numberedByWriter(sections('1.1. Học tập', '1.2. Làm theo', '2. Kết quả'))).toBe(true);
  });

  it('gives the list its numbers when any section has none, or a word only looks like one', () => {
    expect(numberedByWriter(sections('I. Kết quả', 'Hạn chế', 'III. Phương hướng'))).toBe(false);
    expect(numberedByWriter(sections('Công tác tuyên truyền', 'Xây dựng tổ chức', 'Phương hướng'))).toBe(false);
    expect(numberedByWriter(sections('2024 là năm bản lề', 'Công tác Đoàn', 'Vì sao'))).toBe(false);
    expect(numberedByWriter([])).toBe(false);
  });
});
