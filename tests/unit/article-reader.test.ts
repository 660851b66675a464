import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleReader, readArticle } from '../../src/lib/article-reader';
import { readPhoto } from '../../src/lib/photo-file';

const PHOTO = path.resolve('tests/fixtures/site/content/news/hien-mau-tinh-nguyen/anh-bia.jpg');

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Article files with plain-Markdown bodies, named in order. */
function articles(count: number): string[] {
  dir = mkdtempSync(path.join(tmpdir(), 'ban-tin-reader-'));
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `bai-${String(i).padStart(3, '0')}.md`);
    writeFileSync(file, `---\ntitle: "Bài ${i}"\ndate: 2026-03-0${(i % 9) + 1}\n---\n\n## Đoàn viên ${i}\n\nNội dung *thứ* ${i}.\n`);
    return file;
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('readArticle', () => {
  it('gives the frontmatter as written, the body and its HTML', () => {
    const [file] = articles(1);
    const read = readArticle(file);
    expect(read.split?.data).toEqual({ title: 'Bài 0', date: '2026-03-01' });
    expect(read.split?.bodyStartLine).toBe(5);
    expect(read.plainHtml).toBe('<h2 id="doan-vien-0">Đoàn viên 0</h2>\n<p>Nội dung <em>thứ</em> 0.</p>');
  });

  it('leaves a body with a component to the full pipeline', () => {
    articles(0);
    const mdx = path.join(dir, 'bai.mdx');
    writeFileSync(mdx, '---\ntitle: x\n---\n\n<Callout>Chú ý</Callout>\n');
    expect(readArticle(mdx).split?.body).toContain('<Callout>');
    expect(readArticle(mdx).plainHtml).toBeUndefined();
  });

  it('reads the photos the frontmatter names, and leaves those it cannot read to the schema', () => {
    const [file] = articles(1);
    copyFileSync(PHOTO, path.join(dir, 'anh-bia.jpg'));
    writeFileSync(path.join(dir, 'hong.jpg'), 'không phải ảnh');
    writeFileSync(file, '---\ntitle: x\ncover: ./anh-bia.jpg\ngallery:\n  - src: ./hong.jpg\n  - src: ./khong-co.jpg\n---\n\nThân bài.\n');
    const read = readArticle(file);
    expect(read.photos).toEqual([readPhoto(path.join(dir, 'anh-bia.jpg'))]);
    expect(read.photos?.[0].width).toBeGreaterThan(0);
  });

  it('says why frontmatter is not YAML, and keeps the text', () => {
    const [file] = articles(1);
    writeFileSync(file, '---\ntitle: "không đóng\n---\n\nThân bài.\n');
    const read = readArticle(file);
    expect(read.split).toBeUndefined();
    expect(read.yamlError).toMatch(/unexpected end|missed|quote/i);
    expect(read.source).toContain('Thân bài.');
  });
});

describe('articleReader', () => {
  it('reads every file once and gives each its own reading, from both threads', async () => {
    const files = articles(120);
    const reader = articleReader(files, { threadFrom: 1 });
    const reads = [];
    for (const [i, file] of files.entries()) {
      // A slow loader: the thread starts (in well under a second) and reads ahead.
      if (i < 5) await pause(20);
      if (i === 5) await pause(1000);
      reads.push(await reader.read(file));
    }
    const { byThread, threadError } = reader.close();
    expect(threadError).toBeUndefined();
    expect(byThread).toBeGreaterThan(0);
    expect(byThread).toBeLessThan(files.length);
    expect(reads).toEqual(files.map(readArticle));
  });

  it('reads on its own thread only below the threshold', async () => {
    const files = articles(3);
    const reader = articleReader(files, { threadFrom: 4 });
    for (const file of files) expect(await reader.read(file)).toEqual(readArticle(file));
    expect(reader.close()).toEqual({ byThread: 0 });
  });

  it('fails for a file that cannot be read, whichever thread reads it, and reads the others', async () => {
    const files = articles(60);
    rmSync(files[1]);
    rmSync(files[40]);
    const reader = articleReader(files, { threadFrom: 1 });
    for (const [i, file] of files.entries()) {
      // The first files are read here before the thread starts, the later ones by the thread.
      if (i === 2) await pause(1000);
      if (i === 1 || i === 40) await expect(reader.read(file)).rejects.toThrow(/ENOENT/);
      else expect((await reader.read(file)).split?.data.title).toBe(`Bài ${i}`);
    }
    reader.close();
  });

  it('says so when asked for a file it was not given', async () => {
    const files = articles(2);
    const reader = articleReader(files, { threadFrom: 1 });
    await expect(reader.read(path.join(dir, 'khac.md'))).rejects.toThrow(/khac\.md không có trong danh sách đọc/);
    reader.close();
  });
});
