import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/frontmatter';
import { bodySyntax, gfmPartsFor } from '../../src/lib/body-syntax';
import { bodyParser } from '../../src/lib/safe-mdx';

function articleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => path.join(dir, file));
}

const contentFiles = ['content', 'tests/fixtures/site/content'].flatMap((root) =>
  ['news', 'reports', 'events'].flatMap((collection) => articleFiles(path.join(root, collection))),
);

/** Bodies where a construct sits next to text that only looks like it. */
const edgeCases = [
  'Xem www.doanthanhnien.vn và https://tinhdoan.vn/tin, hoặc gửi thư tới bantin@tinhdoan.vn.',
  'Bảng:\n\n| Chỉ tiêu | Kết quả |\n| :--- | ---: |\n| Hiến máu | 150 |\n',
  'a | b\n- | -\n1 | 2',
  'Ghi chú[^1].\n\n[^1]: Theo báo cáo năm 2019.',
  'Giá ~~cũ~~ mới, khoảng ~100 người.',
  '- [ ] việc chưa làm\n- [x] việc đã làm\n- [X] cũng đã làm',
  'Tiêu đề\n---\n\nDòng có dấu - gạch và : hai chấm\n\n* * *\n\n1. một\n2. hai',
  'HTTP://VIETNAM.GOV.VN và WWW.EXAMPLE.COM',
];

describe('GFM constructs chosen by the characters of a body', () => {
  it('lists only the constructs whose characters appear', () => {
    expect(gfmPartsFor('Đoạn văn thường, không có gì đặc biệt.')).toEqual([]);
    expect(gfmPartsFor('| a |\n| - |')).toEqual(['table']);
    expect(gfmPartsFor('thư: a@b.vn ~~x~~')).toEqual(['autolink', 'strikethrough']);
    expect(gfmPartsFor('all')).toHaveLength(5);
  });

  it.each(['markdown', 'mdx'] as const)('gives the same %s tree as the full GFM parser', (syntax) => {
    const fromFiles = contentFiles.map((file) => splitFrontmatter(readFileSync(file, 'utf8')).body);
    const bodies = [...fromFiles.filter((body) => syntax === 'markdown' || bodySyntax(body, 'x.mdx') === 'mdx'), ...edgeCases];
    expect(bodies.length).toBeGreaterThan(syntax === 'mdx' ? 15 : 40);
    let withParts = 0;
    for (const body of bodies) {
      const parts = gfmPartsFor(body);
      if (parts.length > 0) withParts++;
      expect(bodyParser(syntax, parts).parse(body), body.slice(0, 80)).toEqual(bodyParser(syntax, gfmPartsFor('all')).parse(body));
    }
    expect(withParts).toBeGreaterThan(3);
  });
});
