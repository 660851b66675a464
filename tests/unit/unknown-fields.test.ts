/**
 * A field the schemas do not know is an error that names it and the field meant: zod's objects drop unknown keys,
 * and a misspelt `galery:` would have published an article without its photos.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { entryProblems } from '../../src/lib/entry-check';
import { articleSchemas, dataSchemas, siteSchema, unknownFieldMessage } from '../../src/lib/schema';

const known = { categories: new Set(['hoat-dong-doan']), units: new Set(['doan-khoi']) };
const { news, reports, events } = articleSchemas(() => z.string(), known);
const NEWS = { title: 'Đoàn viên hiến máu', description: 'Tóm tắt.', pubDate: '2024-04-14', category: 'hoat-dong-doan' };
const issues = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('unknownFieldMessage', () => {
  const names = ['title', 'pubDate', 'gallery', 'author', 'to', 'unit'];
  it('names the field meant when it is close: a letter off, other case, a dash or underscore', () => {
    expect(unknownFieldMessage('galery', names)).toBe('không có trường "galery": có phải "gallery"?');
    expect(unknownFieldMessage('Author', names)).toBe('không có trường "Author": có phải "author"?');
    expect(unknownFieldMessage('pub_date', names)).toBe('không có trường "pub_date": có phải "pubDate"?');
    expect(unknownFieldMessage('too', names)).toBe('không có trường "too": có phải "to"?');
  });

  it('lists the fields there are when none is close', () => {
    expect(unknownFieldMessage('layout', names)).toBe('không có trường "layout"; các trường: title, pubDate, gallery, author, to, unit');
    // Short names need a closer match: "ten" is not "to".
    expect(unknownFieldMessage('ten', names)).toMatch(/^không có trường "ten"; các trường/);
  });
});

describe('the schemas', () => {
  it('refuse a field they do not have, at every level, with the other problems', () => {
    expect(issues(news.safeParse({ ...NEWS, title: undefined, galery: [], gallery: [{ src: './1.jpg', alt: 'Ảnh', captoin: 'Chú thích' }] }))).toEqual([
      'title: thiếu tiêu đề (title) (bắt buộc, là chuỗi chữ)',
      'gallery.0.captoin: không có trường "captoin": có phải "caption"?',
      'galery: không có trường "galery": có phải "gallery"?',
    ]);
    expect(issues(news.safeParse({ ...NEWS, attachments: [{ file: './a.pdf', title: 'A', tittle: 'A' }] }))).toEqual([
      'attachments.0.tittle: không có trường "tittle": có phải "title"?',
    ]);
    const report = { ...NEWS, unit: 'doan-khoi', period: { from: 2017, to: 2019 }, metrics: [{ label: 'Lượt hiến máu', value: 152 }] };
    expect(issues(reports.safeParse(report))).toEqual([]);
    expect(issues(reports.safeParse({ ...report, period: { from: 2017, too: 2019 }, metrics: [{ label: 'Lượt', value: 1, units: 'lượt' }] }))).toEqual([
      'period.to: năm phải là số, ví dụ 2019',
      'period.too: không có trường "too": có phải "to"?',
      'metrics.0.units: không có trường "units": có phải "unit"?',
    ]);
    expect(issues(events.safeParse({ title: 'Ngày hội', description: 'Mô tả.', start: '2027-01-09', location: 'Nhà văn hóa', place: 'Nhà văn hóa' }))).toEqual([
      expect.stringMatching(/^place: không có trường "place"; các trường: title, description, .*, location, /),
    ]);
    const { units, categories } = dataSchemas(known);
    expect(issues(units.safeParse({ name: 'Chi đoàn', parrent: 'doan-khoi' }))).toEqual(['parrent: không có trường "parrent": có phải "parent"?']);
    expect(issues(categories.safeParse({ name: 'Tin tức', menuorder: 1 }))).toEqual(['menuorder: không có trường "menuorder": có phải "menuOrder"?']);
    const site = siteSchema(() => z.string());
    expect(issues(site.safeParse({ name: 'Bản tin', description: 'Tin.', owner: 'Ban', Logo: './a.png', links: [{ title: 'A', url: 'https://a.example', link: 'x' }] }))).toEqual([
      'links.0.link: không có trường "link"; các trường: title, url',
      'Logo: không có trường "Logo": có phải "logo"?',
    ]);
  });

  it('give the web editor the field to point at', () => {
    const [problem] = entryProblems('news', { ...NEWS, autor: 'Nguyễn Văn A' }, '', known, new Date('2026-12-07T08:00:00+07:00'));
    expect(problem).toMatchObject({ severity: 'error', field: 'autor', message: 'không có trường "autor": có phải "author"?' });
  });
});
