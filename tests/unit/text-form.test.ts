/** Text is kept in one form whatever the editor's tool wrote: the schemas give pages and search composed text with Đ. */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { articleSchemas, dataSchemas, siteSchema } from '../../src/lib/schema';

const known = { categories: new Set(['hoat-dong-doan']), units: new Set(['doan-khoi']) };
const ETH = '\u00d0';

describe("the schemas' text", () => {
  it('is composed, with Đ where its look-alike Ð (Latin Eth) was typed', () => {
    const { news } = articleSchemas(() => z.string(), known);
    const item = news.parse({
      title: `${ETH}OÀN VIÊN hiến máu`.normalize('NFD'),
      description: `${ETH}oàn viên các cơ quan.`,
      pubDate: '2024-04-14',
      category: 'hoat-dong-doan',
      tags: [`${ETH}oàn viên`],
      author: `${ETH}inh Văn A`,
      source: `Báo ${ETH}oàn Khối`,
      cover: './anh-bia.jpg',
      coverAlt: `${ETH}oàn viên hiến máu`,
      gallery: [{ src: './1.jpg', alt: `${ETH}oàn viên`, caption: `${ETH}iểm hiến máu` }],
    });
    expect(item).toMatchObject({
      title: 'ĐOÀN VIÊN hiến máu',
      description: 'Đoàn viên các cơ quan.',
      tags: ['Đoàn viên'],
      author: 'Đinh Văn A',
      source: 'Báo Đoàn Khối',
      coverAlt: 'Đoàn viên hiến máu',
      gallery: [{ alt: 'Đoàn viên', caption: 'Điểm hiến máu' }],
    });
    expect(JSON.stringify(item)).not.toContain(ETH);
    const { units } = dataSchemas(known);
    expect(units.parse({ name: `${ETH}oàn xã`, description: `${ETH}oàn cơ sở`, secretary: `${ETH}ỗ Văn B` })).toMatchObject({
      name: 'Đoàn xã', description: 'Đoàn cơ sở', secretary: 'Đỗ Văn B',
    });
    const site = siteSchema(() => z.string()).parse({ name: `Tin ${ETH}oàn`, tagline: `Tin tức ${ETH}oàn Khối`, description: 'Tin.', owner: `Ban ${ETH}oàn` });
    expect(site).toMatchObject({ name: 'Tin Đoàn', tagline: 'Tin tức Đoàn Khối', owner: 'Ban Đoàn' });
  });
});
