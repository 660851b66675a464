/**
 * `astro dev` shows an editor the page of an item not yet published (a draft, a scheduled or an expired item), marked
 * as a preview and listed nowhere; a build never has it (`site.test.ts`, whose build runs with vitest's
 * `NODE_ENV=test`: a build that took `import.meta.env.DEV` for `astro dev` published the drafts there).
 */
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

  it('lists the unpublished items nowhere', async () => {
    for (const url of ['/', '/tin-tuc/', '/chuyen-muc/tin-tuc-su-kien/', '/rss.xml']) {
      const { status, html } = await page(url);
      expect(status, url).toBe(200);
      for (const slug of ['ban-nhap', 'bai-hen-gio', 'bai-het-han']) expect(html.includes(`/tin-tuc/${slug}/`), `${url} ${slug}`).toBe(false);
    }
  });
});
