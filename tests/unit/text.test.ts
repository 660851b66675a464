import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/i18n/fill';
import { t } from '../../src/i18n/ui';
import { entryIdFromPath, slugProblem } from '../../src/lib/entry-id';
import { formatNumber, formatQuantity } from '../../src/lib/numbers';
import { foldVietnamese, isSlug, slugify, uniqueSlug } from '../../src/lib/slug';
import { portalText } from '../../src/lib/text-form';

describe('slugs', () => {
  it('folds tones and đ into ASCII', () => {
    expect(slugify('Đoàn viên hiến máu tình nguyện')).toBe('doan-vien-hien-mau-tinh-nguyen');
    expect(slugify('ĐẠI HỘI Đoàn lần thứ XIV (2022 – 2027)!')).toBe('dai-hoi-doan-lan-thu-xiv-2022-2027');
    expect(slugify('Chào mừng 26/3')).toBe('chao-mung-26-3');
  });

  it('gives the same slug for decomposed (NFD) input', () => {
    expect(slugify('Hiến máu'.normalize('NFD'))).toBe('hien-mau');
  });

  it('reads Đ’s look-alike Ð (Latin Eth) as Đ', () => {
    // It lost the letter: "oan-vien".
    expect(slugify('\u00d0oàn viên \u00d0À NẴNG')).toBe('doan-vien-da-nang');
    expect(foldVietnamese('\u00d0inh Tiên Hoàng')).toBe('Dinh Tien Hoang');
    expect(portalText('\u00d0OÀN VIÊN'.normalize('NFD'))).toBe('ĐOÀN VIÊN');
    expect(portalText('\u00d0OÀN VIÊN')).not.toContain('\u00d0');
    // Other letters stay as they are, the Icelandic ð too.
    expect(portalText('Guðrún Ñoaøn § 123')).toBe('Guðrún Ñoaøn § 123');
  });

  it('leaves out the invisible characters pasted text carries inside words, and keeps other spaces', () => {
    expect(portalText('hiến\u200bmáu \u2060tình\u00adnguyện\ufeff')).toBe('hiếnmáu tìnhnguyện');
    // A no-break space is a space to the reader and to the search index alike; emoji sequences keep their joiners.
    expect(portalText('hiến\u00a0máu 👨\u200d👩\u200d👧')).toBe('hiến\u00a0máu 👨\u200d👩\u200d👧');
  });

  it('folds text while keeping case and spaces', () => {
    expect(foldVietnamese('Đinh Tiên Hoàng')).toBe('Dinh Tien Hoang');
  });

  it('recognises slugs and finds a free one', () => {
    expect(isSlug('hien-mau-2024')).toBe(true);
    expect(isSlug('Hien-mau')).toBe(false);
    expect(isSlug('hiến-máu')).toBe(false);
    expect(uniqueSlug('tieu-de', new Set(['tieu-de', 'tieu-de-2']))).toBe('tieu-de-3');
    expect(uniqueSlug('moi', new Set())).toBe('moi');
  });

  it('takes the slug from the file or its folder', () => {
    expect(entryIdFromPath('2024/hien-mau/index.mdx')).toBe('hien-mau');
    expect(entryIdFromPath('2024/hien-mau.md')).toBe('hien-mau');
    expect(entryIdFromPath('doan-khoi.yaml')).toBe('doan-khoi');
    expect(slugProblem('hien-mau')).toBeUndefined();
    expect(slugProblem('Hiến máu')).toContain('"hien-mau"');
  });
});

describe('Vietnamese numbers', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumber(15000000)).toBe('15.000.000');
    expect(formatNumber(2.5)).toBe('2,5');
    expect(formatNumber(152)).toBe('152');
    const intl = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
    const values = [0, -0, 1, 10, 100, 999, 1000, 1234.5, 0.005, 0.004, 1.005, 2.675, 99.999, 1e6, -1, -1234.56, -0.004, 15000000.25, 2 ** 40];
    for (let i = 0; i < 2000; i++) values.push(Math.round(((i * 7919) % 100003) * 13.37) / 100, i ** 3);
    for (const value of values) expect(formatNumber(value), String(value)).toBe(intl.format(value));
    expect(formatQuantity(15000000, 'đồng')).toBe('15.000.000 đồng');
    expect(formatQuantity(11)).toBe('11');
  });
});

describe('UI strings', () => {
  it('fills in placeholders, and leaves one without a value as written', () => {
    expect(fillTemplate('Ảnh {current}/{total}', { current: 2, total: 6 })).toBe('Ảnh 2/6');
    expect(fillTemplate('Tìm thấy {n} kết quả cho "{q}"', { n: '1.234' })).toBe('Tìm thấy 1.234 kết quả cho "{q}"');
    expect(t('gallery.position', { current: 1, total: 3 })).toBe('Ảnh 1/3');
  });
});
