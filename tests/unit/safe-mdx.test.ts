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

  it('rejects scripts and event handlers in plain Markdown', () => {
    expect(findUnsafeMarkdown('Văn bản\n\n<script>alert(1)</script>\n')).toHaveLength(1);
    expect(findUnsafeMarkdown('<img src="x" onerror="alert(1)">')).toHaveLength(1);
    expect(findUnsafeMarkdown('Văn bản **đậm** và <b>HTML</b> an toàn')).toEqual([]);
  });
});
