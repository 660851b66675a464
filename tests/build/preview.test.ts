/**
 * `astro dev` shows an editor the page of an item not yet published (a draft, a scheduled or an expired item), marked
 * as a preview and listed nowhere; a build never has it (`site.test.ts`, whose build runs with vitest's
 * `NODE_ENV=test`: a build that took `import.meta.env.DEV` for `astro dev` published the drafts there).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentWith, startAstroDev } from '../helpers/astro';

let content: ReturnType<typeof contentWith>;
let dev: Awaited<ReturnType<typeof startAstroDev>> | undefined;

beforeAll(async () => {
  content = contentWith({});
  dev = await startAstroDev(content.dir);
});
afterAll(async () => {
  await dev?.stop();
  content?.cleanup();
});

const page = async (url: string) => {
  const response = await fetch(`${dev!.url}${url}`);
  return { status: response.status, html: await response.text() };
};

describe('previews in astro dev', () => {
  it('shows each unpublished item’s page with what keeps it unpublished', async () => {
    const previews = {
      '/tin-tuc/ban-nhap/': 'Bản xem trước: bài nháp (draft: true), chưa đăng ở đâu cả.',
      '/tin-tuc/bai-hen-gio/': 'Bản xem trước: bài hẹn đăng lúc Thứ Ba, 01/01/2030; đến lúc đó chưa đăng ở đâu cả.',
      '/tin-tuc/bai-het-han/': 'Bản xem trước: bài đã hết hạn lúc Thứ Năm, 01/06/2023 (expiryDate), không còn trên cổng.',
    };
    for (const [url, note] of Object.entries(previews)) {
      const { status, html } = await page(url);
      expect(status, url).toBe(200);
      expect(html, url).toMatch(new RegExp(`<p class="preview-note" role="note"[^>]*>${note.replace(/[().]/g, '\\$&')}`));
    }
    const published = await page('/tin-tuc/hien-mau-tinh-nguyen/');
    expect(published.status).toBe(200);
    expect(published.html.includes('class="preview-note"')).toBe(false);
  });

  it('serves attachments, a draft’s too, as the files are', async () => {
    const files = {
      '/tin-tuc/hien-mau-tinh-nguyen/danh-sach.docx': 'news/hien-mau-tinh-nguyen/danh-sach.docx',
      '/tin-tuc/ban-nhap/ban-nhap-ke-hoach.pdf': 'news/ban-nhap-ke-hoach.pdf',
    };
    for (const [url, file] of Object.entries(files)) {
      const response = await fetch(`${dev!.url}${url}`);
      expect(response.status, url).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(path.join(content.dir, file))), url).toBe(true);
    }
    expect((await page('/tin-tuc/ban-nhap/')).html).toContain('href="/tin-tuc/ban-nhap/ban-nhap-ke-hoach.pdf"');
  });

  it('lists the unpublished items nowhere', async () => {
    for (const url of ['/', '/tin-tuc/', '/chuyen-muc/tin-tuc-su-kien/', '/rss.xml']) {
      const { status, html } = await page(url);
      expect(status, url).toBe(200);
      for (const slug of ['ban-nhap', 'bai-hen-gio', 'bai-het-han']) expect(html.includes(`/tin-tuc/${slug}/`), `${url} ${slug}`).toBe(false);
    }
  });
});
