/**
 * A collection's folder, listed once: its articles, and what an editor meant as one that the build would not read;
 * and the content folder's files that no collection reads.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleFiles, collectionFiles, strayContent } from '../../src/lib/file-checks';

const ARTICLE = '---\ntitle: Đoàn viên hiến máu\ndescription: Tóm tắt.\npubDate: 2024-04-14\ncategory: hoat-dong-doan\n---\n\nNội dung.\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ban-tin-collection-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

describe('collectionFiles', () => {
  it('lists the articles, not the notes, photos, attachments or system files beside them', () => {
    write({
      '2024/hien-mau/index.mdx': ARTICLE, '2024/hien-mau/anh-bia.JPG': 'ảnh', '2024/hien-mau/ke-hoach.pdf': ARTICLE,
      '2024/hien-mau/.DS_Store': ARTICLE, '2024/hien-mau/Thumbs.db': '', 'tin-ngan.md': ARTICLE, '_ghi-chu.md': ARTICLE,
      // Text of another kind, not an article's start.
      '2024/hien-mau/ghi-chu.txt': 'Nhớ xin thêm ảnh.\ntitle: chưa có\n', '2024/hien-mau/chu-thich.txt': '---\nảnh 1: lễ ra quân\n',
    });
    expect(collectionFiles(dir)).toEqual({ articles: ['2024/hien-mau/index.mdx', 'tin-ngan.md'], unread: [] });
    expect(articleFiles(dir)).toEqual(['2024/hien-mau/index.mdx', 'tin-ngan.md']);
  });

  it('names the files meant as articles that the build would skip, and what to rename them', () => {
    write({
      '2024/bai-a/index.MDX': ARTICLE, 'bai-b.Md': ARTICLE, 'bai-c.markdown': ARTICLE,
      'bai-d.md.txt': ARTICLE, 'bai-e.txt': `\uFEFF${ARTICLE.replace(/\n/g, '\r\n')}`, 'bai-f': ARTICLE,
    });
    const { articles, unread } = collectionFiles(dir);
    expect(articles).toEqual([]);
    expect(unread).toEqual([
      { file: '2024/bai-a/index.MDX', message: 'tệp "2024/bai-a/index.MDX" không được đọc: đuôi tệp phải viết thường; đổi tên thành "index.mdx"' },
      { file: 'bai-b.Md', message: 'tệp "bai-b.Md" không được đọc: đuôi tệp phải viết thường; đổi tên thành "bai-b.md"' },
      { file: 'bai-c.markdown', message: 'tệp "bai-c.markdown" không được đọc: bài viết có đuôi .md hoặc .mdx; đổi tên thành "bai-c.md"' },
      { file: 'bai-d.md.txt', message: 'tệp "bai-d.md.txt" có phần đầu của bài viết nhưng không được đọc: bài viết có đuôi .md hoặc .mdx; đổi tên thành "bai-d.md"' },
      { file: 'bai-e.txt', message: 'tệp "bai-e.txt" có phần đầu của bài viết nhưng không được đọc: bài viết có đuôi .md hoặc .mdx; đổi tên thành "bai-e.mdx"' },
      { file: 'bai-f', message: 'tệp "bai-f" có phần đầu của bài viết nhưng không được đọc: bài viết có đuôi .md hoặc .mdx; đổi tên thành "bai-f.mdx"' },
    ]);
  });

  it('lists nothing for a folder that is not there', () => {
    expect(collectionFiles(path.join(dir, 'khong-co'))).toEqual({ articles: [], unread: [] });
  });
});

describe('strayContent', () => {
  const stray = () => strayContent(dir, ['news', 'reports', 'events'], ['units', 'categories']);

  it('leaves the collections, the portal’s file, its logo, notes and photos alone', () => {
    write({
      'site.yaml': '# Thông tin cổng\nname: Bản tin\n', 'bieu-trung.png': 'ảnh', 'README.md': '# Ghi chú của ban biên tập\n', '.gitkeep': '',
      'news/2024/bai/index.mdx': ARTICLE, 'news/bai.MD': ARTICLE, 'units/doan-khoi.yaml': 'name: Đoàn Khối\n', 'units/_mau.yaml': 'name: Mẫu\n',
      'categories/tin-tuc.yml': 'name: Tin tức\n', 'units/ghi-chu.txt': 'Các đơn vị mới: ...\n', 'anh-goc/DSC_0001.jpg': 'ảnh', 'anh-goc/mo-ta.txt': 'Ảnh lễ ra quân\n',
    });
    // An article folder's own files are collectionFiles' to check.
    expect(stray()).toEqual([]);
  });

  it('names articles outside the folders of articles, and units’ and categories’ files the build would not read', () => {
    write({
      'tin-tuc/2024/bai-x/index.mdx': ARTICLE, 'bai-goc.md': ARTICLE, 'doan-xa.yaml': '# Đơn vị mới\nname: Đoàn xã\n',
      'units/doan-xa-b.YAML': 'name: Đoàn xã B\n', 'units/doan-xa-c.yaml.txt': '\uFEFFname: Đoàn xã C\n', 'categories/the-thao.txt': 'name: Thể thao\n',
    });
    expect(stray()).toEqual([
      { file: 'bai-goc.md', message: 'tệp "bai-goc.md" có phần đầu của bài viết nhưng nằm ngoài các thư mục bài viết: đặt bài trong content/news/, content/reports/ hoặc content/events/' },
      { file: 'categories/the-thao.txt', message: 'tệp "the-thao.txt" không được đọc: tệp của chuyên mục có đuôi .yaml; đổi tên thành "the-thao.yaml"' },
      { file: 'doan-xa.yaml', message: 'tệp "doan-xa.yaml" không được đọc: tệp đơn vị đặt trong content/units/, tệp chuyên mục trong content/categories/' },
      { file: 'tin-tuc/2024/bai-x/index.mdx', message: 'tệp "tin-tuc/2024/bai-x/index.mdx" có phần đầu của bài viết nhưng nằm ngoài các thư mục bài viết: đặt bài trong content/news/, content/reports/ hoặc content/events/' },
      { file: 'units/doan-xa-b.YAML', message: 'tệp "doan-xa-b.YAML" không được đọc: đuôi tệp phải viết thường; đổi tên thành "doan-xa-b.yaml"' },
      { file: 'units/doan-xa-c.yaml.txt', message: 'tệp "doan-xa-c.yaml.txt" không được đọc: tệp của đơn vị có đuôi .yaml; đổi tên thành "doan-xa-c.yaml"' },
    ]);
  });
});
