import { describe, expect, it } from 'vitest';
import { findUnsafeMarkdown, findUnsafeMdx } from '../../src/lib/safe-mdx';

const messages = (body: string) => findUnsafeMdx(body).map((p) => `${p.line}: ${p.message}`);

describe('safe MDX', () => {
  it('accepts text, HTML, portal components and literal values', () => {
    expect(
      findUnsafeMdx(
        '# Tiêu đề\n\nĐoạn văn *nghiêng*.\n\n<Callout type="note" title={"Lưu ý"}>Nội dung</Callout>\n\n<Figures items={[{ label: "Hiến máu", value: 15, unit: "lượt" }]} />\n\n{/* ghi chú */}\n\n<p align="center">HTML</p>',
      ),
    ).toEqual([]);
  });

  it.each([
    ["import fs from 'node:fs'", 'import'],
    ['export const secret = 1', 'import'],
    ['{process.env.SECRET}', 'process.env.SECRET'],
    ['Xem {require("fs")}', 'require'],
    ['{globalThis.fetch("https://x")}', 'globalThis'],
    ['{eval("1")}', 'eval'],
    ['{`${process.env.HOME}`}', 'process.env.HOME'],
    ['<Callout title={process.env.X}>x</Callout>', 'process.env.X'],
    ['<Callout {...props}>x</Callout>', '{…}'],
    ['<Danger />', '<Danger>'],
    ['<script>alert(1)</script>', '<script>'],
    ['<iframe src="https://x"></iframe>', '<iframe>'],
    ['<a href="#" onClick="x()">x</a>', 'onClick'],
  ])('rejects %s', (body, expected) => {
    const found = messages(`Đoạn mở đầu.\n\n${body}\n`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(expected);
    expect(found[0].startsWith('3: ')).toBe(true);
  });

  it('reports a syntax error with its line', () => {
    const [problem] = findUnsafeMdx('Đoạn 1.\n\n<Callout>\n\nchưa đóng thẻ');
    expect(problem.message).toContain('lỗi cú pháp MDX');
    expect(problem.line).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['[tải về](javascript:alert(1))', 'javascript:alert(1)', 3],
    // A reference's target, on the line that defines it.
    ['[tải về][1]\n\n[1]: JAVASCRIPT:alert(1)', 'JAVASCRIPT:alert(1)', 5],
    ['[trang](data:text/html;base64,PHNjcmlwdD4=)', 'data:text/html;base64,PHNjcmlwdD4=', 3],
    ['<a href="java&#115;cript:alert(1)">x</a>', 'javascript:alert(1)', 3],
    ['<a href="jav\tascript:alert(1)">x</a>', 'jav\tascript:alert(1)', 3],
    ['<a href={"javascript:alert(1)"}>x</a>', 'javascript:alert(1)', 3],
    ['<Attachment href="vbscript:x" title="a" />', 'vbscript:x', 3],
  ])('rejects the link %s in MDX, with its line', (body, shown, line) => {
    const found = messages(`Đoạn mở đầu.\n\n${body}\n`);
    expect(found).toEqual([`${line}: liên kết "${shown}" không được phép: chỉ dùng https://, http://, mailto:, tel: hoặc đường dẫn trong cổng (/…)`]);
  });

  it.each([
    ['[tải về](javascript:alert(1))', 'javascript:alert(1)'],
    ['<a href="java&#115;cript:alert(1)">x</a>', 'javascript:alert(1)'],
    ['<a href="&#x20;JaVaScRiPt:alert(1)">x</a>', ' JaVaScRiPt:alert(1)'],
  ])('rejects the link %s in Markdown', (body, shown) => {
    expect(findUnsafeMarkdown(`Đoạn mở đầu.\n\n${body}\n`).map((p) => `${p.line}: ${p.message}`)).toEqual([
      `3: liên kết "${shown}" không được phép: chỉ dùng https://, http://, mailto:, tel: hoặc đường dẫn trong cổng (/…)`,
    ]);
  });

  it('accepts links to web pages, e-mail, phones and the portal', () => {
    const links = '[a](https://x.vn) [b](http://x.vn) [c](mailto:a@b.vn) [d](tel:0226) [e](/tin-tuc/) [f](#muc) [g](tai-lieu.pdf)';
    expect(findUnsafeMdx(`${links}\n\n<a href="https://x.vn">x</a> <Attachment href="/tai-lieu.pdf" title="a" />\n`)).toEqual([]);
    expect(findUnsafeMarkdown(`${links}\n\n<a href="https://x.vn" title="javascript: không chạy">x</a>\n`)).toEqual([]);
  });

  it('rejects scripts and event handlers in plain Markdown', () => {
    expect(findUnsafeMarkdown('Văn bản\n\n<script>alert(1)</script>\n')).toHaveLength(1);
    // SVG could set a link's target by animation, after any check of its attributes.
    const svg = '<svg><a><animate attributeName="href" values="javascript:alert(1)" /><text y="20">x</text></a></svg>';
    expect(findUnsafeMarkdown(`Văn bản\n\n${svg}\n`).map((p) => p.message)).toEqual(['mã HTML "<svg" không được phép trong bài viết']);
    expect(messages(`Văn bản\n\n${svg}\n`)[0]).toContain('thẻ <svg> không được phép');
    expect(findUnsafeMarkdown('<img src="x" onerror="alert(1)">')).toHaveLength(1);
    expect(findUnsafeMarkdown('Văn bản **đậm** và <b>HTML</b> an toàn')).toEqual([]);
  });
});
