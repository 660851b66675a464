/** The fast renderer of plain Markdown gives exactly the HTML of the full pipeline, or declines. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus';
import { splitFrontmatter } from '../../src/lib/frontmatter';
import { renderPlainMarkdown } from '../../src/lib/plain-markdown';
import { renderBody } from '../../src/lib/render-body';
import { bodySyntax } from '../../src/lib/body-syntax';
import { parseBody } from '../../src/lib/safe-mdx';
import { FIXTURE_CONTENT, ROOT } from '../helpers/astro';

const full = async (body: string, file: string) => (await renderBody(parseBody(body, bodySyntax(body, file)), file)).html;

function bodies(dir: string): { file: string; body: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => ({ file: path.join(dir, file), body: splitFrontmatter(readFileSync(path.join(dir, file), 'utf8')).body }));
}

/** Compares both renderers on every body; returns how many the fast one took. */
async function compare(list: { file: string; body: string }[]): Promise<number> {
  let taken = 0;
  for (const { file, body } of list) {
    const fast = renderPlainMarkdown(body, file);
    if (fast === undefined) continue;
    taken++;
    expect(fast, file).toBe(await full(body, file));
  }
  return taken;
}

const corpusDir = mkdtempSync(path.join(tmpdir(), 'ban-tin-plain-'));
afterAll(() => rmSync(corpusDir, { recursive: true, force: true }));

describe('plain Markdown renderer', () => {
  it('renders the constructs of plain bodies exactly as the full pipeline does', async () => {
    const samples = [
      'Một đoạn văn.\n\nĐoạn thứ hai\ncó hai dòng.',
      '## Kết quả\n\nVăn bản.\n\n## Kết quả\n\n### Phương hướng nhiệm kỳ 2020 - 2025\n\n#### `Mã` và *chữ nghiêng*',
      'Tiêu đề kiểu cũ\n===============\n\nPhụ đề\n------\n\nNội dung.',
      '- một\n- hai\n  - hai a\n  - hai b\n- ba\n\n1. thứ nhất\n2. thứ hai\n\n3. thứ ba, cách dòng\n\n7) bảy\n8) tám',
      '- mục một\n\n  đoạn thứ hai của mục\n\n- mục hai',
      '> Trích dẫn\n> hai dòng\n>\n> > lồng nhau\n\nSau trích dẫn.',
      '**Đậm**, *nghiêng*, ***cả hai***, __gạch dưới__, _nghiêng_ và `mã`.',
      'Xem [trang Đoàn](/tin-tuc/ "Tin tức") hoặc [liên hệ][lh].\n\n[lh]: /lien-he/',
      'Dòng một  \ndòng hai có ngắt dòng cứng.',
      '---\n\n***\n\nSau đường kẻ.',
      '    mã thụt lề\n    dòng hai\n\n```js\nconst a = 1 > 0;\n```',
      'Trích lời "ông A" nói: 5 > 3 và \'nháy đơn\'.',
      'Chữ tổ hợp: Đoàn viên hiến máu'.normalize('NFD'),
      '## \u00d0ại hội\n\nChữ Ð thay cho Đ: \u00d0OÀN VIÊN.',
      '',
    ];
    expect(await compare(samples.map((body, i) => ({ file: `mau-${i}.mdx`, body })))).toBe(samples.length);
  });

  it('gives the same HTML on every sample and fixture body it takes', async () => {
    const list = [...bodies(path.join(ROOT, 'content')), ...bodies(FIXTURE_CONTENT)];
    expect(await compare(list)).toBeGreaterThan(list.length / 2);
  });

  it('gives the same HTML on a generated portal of 400 articles', async () => {
    generateCorpus({ n: 400, dir: corpusDir });
    const list = bodies(corpusDir);
    expect(await compare(list)).toBeGreaterThan(list.length * 0.9);
  }, 60_000);

  it('leaves HTML, components, expressions, images, imports, entities and GFM to the full pipeline', () => {
    for (const body of [
      'Có <b>HTML</b>.',
      '<Callout title="x">Chú ý</Callout>',
      'Biểu thức {1 + 1}.',
      '![ảnh](https://example.gov.vn/a.jpg)',
      'AT&amp;T',
      'Thoát \\*dấu sao\\*',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '~~gạch~~',
      'Xem https://example.gov.vn',
      // GFM would also link a bare address: any address leaves the body to the full pipeline.
      'Xem [trang Đoàn](https://doankhoi.example.gov.vn)',
      'Chú thích[^1].\n\n[^1]: Ghi chú.',
      '- [x] xong',
    ]) {
      expect(renderPlainMarkdown(body, 'bai.mdx'), body).toBeUndefined();
    }
    expect(renderPlainMarkdown('import X from "y"\n\nVăn bản', 'bai.mdx')).toBeUndefined();
  });

  it('leaves a link that is not safe to follow to the full pipeline, which rejects it, rather than print it as text', () => {
    for (const body of ['Xem [tài liệu](javascript:alert(1)).', 'Xem [tài liệu][1].\n\n[1]: JavaScript:alert(1)', 'Xem [ảnh](data:text/html,hi).']) {
      expect(renderPlainMarkdown(body, 'bai.md'), body).toBeUndefined();
    }
    expect(renderPlainMarkdown('Xem [trang](/tin-tuc/), [mục](#muc-1), [thư](mailto:a.b), [gọi](tel:0226)', 'bai.md')).toBe(
      '<p>Xem <a href="/tin-tuc/">trang</a>, <a href="#muc-1">mục</a>, <a href="mailto:a.b">thư</a>, <a href="tel:0226">gọi</a></p>',
    );
  });
});
