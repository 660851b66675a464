import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { siteSchema as schemaWith } from '../../src/lib/schema';

// A logo is a path here; the build reads it (`photo-field.ts`, the build tests).
const siteSchema = schemaWith(() => z.string());
const issues = (data: unknown) => {
  const result = siteSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};
const VALID = { name: 'Tin Chi đoàn', description: 'Tin hoạt động.', owner: 'Ban Chấp hành Chi đoàn' };

describe("the portal's own details (siteSchema)", () => {
  it('takes the sample portal’s file, and the three required fields alone', () => {
    const sample = load(readFileSync(path.join(import.meta.dirname, '../../content/site.yaml'), 'utf8'), { schema: CORE_SCHEMA });
    expect(issues(sample)).toEqual([]);
    expect(siteSchema.parse(VALID)).toEqual({ ...VALID, links: [] });
  });

  it('names each missing field of an empty file', () => {
    expect(issues(null)).toEqual([
      'name: thiếu tên cổng (name) (bắt buộc, là chuỗi chữ)',
      'description: thiếu mô tả cổng (description) (bắt buộc, là chuỗi chữ)',
      'owner: thiếu cơ quan chủ quản (owner) (bắt buộc, là chuỗi chữ)',
    ]);
  });

  it('needs a short name of 16 characters at most when the name is longer', () => {
    const long = { ...VALID, name: 'Bản tin Đoàn Khối tỉnh' };
    expect(issues(long)).toEqual(['shortName: tên cổng (name) dài 22 ký tự: cần thêm tên ngắn (shortName) tối đa 16 ký tự, tên trình duyệt đặt cho ô tìm kiếm của cổng']);
    expect(issues({ ...long, shortName: 'Tin Đoàn Khối' })).toEqual([]);
    expect(issues({ ...long, shortName: 'Bản tin Đoàn Khối' })).toEqual(['shortName: shortName tối đa 16 ký tự (tên trình duyệt đặt cho ô tìm kiếm của cổng)']);
  });

  it('refuses links that are not web pages, and contacts written wrong', () => {
    expect(issues({ ...VALID, links: [{ title: 'Lạ', url: 'javascript:alert(1)' }, { url: 'https://example.gov.vn' }] })).toEqual([
      'links.0.url: url phải là địa chỉ trang web đầy đủ, bắt đầu bằng https://, ví dụ https://tinhdoan.example.gov.vn',
      'links.1.title: thiếu tên liên kết (title) (bắt buộc, là chuỗi chữ)',
    ]);
    expect(issues({ ...VALID, phone: 2263000000, email: 'chidoan(at)example.gov.vn' })).toEqual([
      'phone: phone phải là chuỗi, ví dụ "0226 3 812 345"',
      'email: email phải là địa chỉ thư điện tử, ví dụ doankhoi@example.gov.vn',
    ]);
  });

  it('keeps the name in composed Unicode, as pages and search need it', () => {
    expect(siteSchema.parse({ ...VALID, name: 'Tin Chi đoàn'.normalize('NFD') }).name).toBe('Tin Chi đoàn');
  });
});
