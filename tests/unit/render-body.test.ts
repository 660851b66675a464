import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/lib/render-body';
import { bodySyntax } from '../../src/lib/body-syntax';
import { parseBody } from '../../src/lib/safe-mdx';

const render = (body: string, file = 'bai.mdx') => renderBody(parseBody(body, bodySyntax(body, file)), file);

describe('rendering bodies at load time', () => {
  it('renders Markdown with tables, ASCII heading ids and composed Unicode', async () => {
    const { html } = await render('## Kết quả\n\n| Chỉ tiêu | Số |\n|---|---|\n| Hiến máu | 15 |\n\nĐoàn viên'.normalize('NFD'));
    expect(html).toContain('<h2 id="ket-qua">Kết quả</h2>');
    expect(html).toContain('<table>');
    expect(html).toContain('Đoàn viên'.normalize('NFC'));
    expect(html.normalize('NFC')).toBe(html);
  });

  it('writes Đ where its look-alike Ð (Latin Eth) was typed, in text and heading ids', async () => {
    const { html } = await render('## \u00d0ại hội\n\n\u00d0OÀN VIÊN <strong>\u00d0ƯỢC</strong> khen.');
    expect(html).toContain('<h2 id="dai-hoi">Đại hội</h2>');
    expect(html).toContain('ĐOÀN VIÊN <strong>ĐƯỢC</strong> khen.');
    expect(html).not.toContain('\u00d0');
  });

  it('gives headings of the same text their own ids, keeps one written in HTML, and names a heading of symbols', async () => {
    const { html } = await render('## Đoàn viên\n\n### Đoàn viên `mới`\n\n## Đoàn viên\n\n<h2 id="rieng">Riêng</h2>\n\n## “…”\n');
    expect([...html.matchAll(/<h[23] id="([^"]+)"/g)].map((match) => match[1])).toEqual(['doan-vien', 'doan-vien-moi', 'doan-vien-2', 'rieng', 'muc']);
  });

  it('renders the portal components, not wrapped in paragraphs', async () => {
    const { html } = await render(
      [
        '<Callout type="warning" title="Lưu ý">Mang theo **căn cước**.</Callout>',
        '<Video youtube="dQw4w9WgXcQ" title="Phóng sự" />',
        '<Attachment href="https://example.gov.vn/ke-hoach.pdf" title="Kế hoạch" size="245 KB" />',
        '<Figures items={[{ label: "Kinh phí", value: 15000000, unit: "đồng" }]} />',
      ].join('\n\n'),
    );
    expect(html).toContain('<aside class="callout warning"><p class="callout-title">Lưu ý</p>Mang theo <strong>căn cước</strong>.</aside>');
    expect(html).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(html).toContain('<a href="https://example.gov.vn/ke-hoach.pdf" download>Kế hoạch</a> (PDF, 245 KB)');
    expect(html).toContain('<td>15.000.000 đồng</td>');
    expect(html).not.toMatch(/<p><(aside|figure|table)/);
  });

  it('renders literal expressions as text and drops comments', async () => {
    const { html } = await render('Năm {"2024"} {/* ghi chú */} và <span title={"tiêu đề"}>chữ</span>');
    expect(html).toBe('<p>Năm 2024  và <span title="tiêu đề">chữ</span></p>');
  });

  it('rejects component values it cannot use', async () => {
    await expect(render('<Video youtube="x" title="a" />')).rejects.toThrow('mã YouTube');
    await expect(render('<Attachment href="javascript:alert(1)" title="a" />')).rejects.toThrow('https://');
    await expect(render('<Figures items={[{ label: "a", value: "15" }]} />')).rejects.toThrow('value (số)');
  });

  it('parses plain bodies as Markdown, and anything with tags, expressions or imports as MDX', () => {
    expect(bodySyntax('Chỉ có chữ và **đậm**.', 'a.mdx')).toBe('markdown');
    expect(bodySyntax('<Callout>x</Callout>', 'a.mdx')).toBe('mdx');
    expect(bodySyntax('{1}', 'a.mdx')).toBe('mdx');
    expect(bodySyntax("import fs from 'node:fs'", 'a.mdx')).toBe('mdx');
    expect(bodySyntax('<b>x</b>', 'a.md')).toBe('markdown');
  });

  it('keeps raw HTML of plain Markdown files', async () => {
    expect((await render('Chữ <b>đậm</b>', 'a.md')).html).toBe('<p>Chữ <b>đậm</b></p>');
  });
});
