/** A reader's path through the portal in headless Chromium, and an axe-core pass on every page template. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, openPage } from '../helpers/browser';

const site = inject('siteUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => ({ browser, page } = await openPage()));
afterAll(async () => browser?.close());

describe('reading the portal', () => {
  it('goes home → category → article → unit', async () => {
    await page.goto(`${site}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hoạt động Đoàn' }).click();
    await page.waitForURL('**/chuyen-muc/hoat-dong-doan/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hoạt động Đoàn');
    await page.getByRole('link', { name: 'Đoàn viên Sở Thông tin và Truyền thông tham gia hiến máu tình nguyện' }).first().click();
    await page.waitForURL('**/tin-tuc/hien-mau-tinh-nguyen/');
    // The menu marks the article's category, as the breadcrumb does, not the news stream its path is under.
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('[aria-current="page"]').allInnerTexts()).toEqual(['Hoạt động Đoàn']);
    const crumbs = await page.getByRole('navigation', { name: 'Đường dẫn' }).getByRole('listitem').allTextContents();
    expect(crumbs).toEqual(['Trang chủ', 'Hoạt động Đoàn', 'Đoàn viên Sở Thông tin và Truyền thông tham gia hiến máu tình nguyện']);
    expect(await page.locator('time').first().textContent()).toBe('Chủ Nhật, 14/04/2024, 08:30');
    await page.getByRole('main').getByRole('link', { name: 'Chi đoàn Sở Thông tin và Truyền thông', exact: true }).first().click();
    await page.waitForURL('**/don-vi/chi-doan-so-tttt/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Chi đoàn Sở Thông tin và Truyền thông');
  });

  it("goes by keyboard from a report's list of sections to one of them", async () => {
    await page.goto(`${site}/bao-cao/bao-cao-nhiem-ky-2017-2019/`);
    const outline = page.getByRole('navigation', { name: 'Nội dung chính' });
    const link = outline.getByRole('link', { name: 'Phương hướng nhiệm kỳ tới' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/bao-cao/bao-cao-nhiem-ky-2017-2019/#phuong-huong-nhiem-ky-toi');
    const heading = page.getByRole('heading', { level: 2, name: 'Phương hướng nhiệm kỳ tới' });
    await expect.poll(() => heading.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(100);
  });

  it('opens a unit from the units page and sees its sub-units and reports', async () => {
    await page.goto(`${site}/don-vi/`);
    await page.getByRole('link', { name: 'Đoàn Khối các cơ quan tỉnh', exact: true }).click();
    await page.waitForURL('**/don-vi/doan-khoi/');
    await page.getByRole('main').getByRole('link', { name: 'Chi đoàn Sở Thông tin và Truyền thông', exact: true }).click();
    await page.waitForURL('**/don-vi/chi-doan-so-tttt/');
    expect(await page.getByRole('link', { name: /hoàn thành nhiệm vụ nhiệm kỳ 2017 - 2019/ }).count()).toBeGreaterThan(0);
  });

  it('pages through a category with numbered links', async () => {
    await page.goto(`${site}/chuyen-muc/tin-tuc-su-kien/`);
    const pagination = page.getByRole('navigation', { name: 'Phân trang' });
    expect(await pagination.getByRole('link', { name: 'Trang 1' }).getAttribute('aria-current')).toBe('page');
    await pagination.getByRole('link', { name: 'Trang 2' }).click();
    await page.waitForURL('**/chuyen-muc/tin-tuc-su-kien/trang/2/');
    expect(await page.locator('article.card').count()).toBe(7);
    await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang trước' }).click();
    await page.waitForURL('**/chuyen-muc/tin-tuc-su-kien/');
  });

  it('shows the gallery with captions and opens a large photo', async () => {
    await page.goto(`${site}/tin-tuc/hien-mau-tinh-nguyen/`);
    const gallery = page.getByRole('region', { name: 'Một số hình ảnh' });
    expect(await gallery.getByRole('img').count()).toBe(2);
    expect(await gallery.locator('figcaption').first().textContent()).toBe('Kiểm tra sức khỏe trước khi hiến máu');
    const image = gallery.getByRole('img', { name: 'Bác sĩ kiểm tra sức khỏe người hiến máu' });
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // Without the viewer's script, a thumbnail is a link to the large copy.
    const links = gallery.getByRole('link');
    const large = await links.evaluateAll((all: HTMLAnchorElement[]) => all.map((a) => a.href));
    expect(large[0]).toMatch(/\/_images\/.+\.webp$/);
    const response = await page.request.get(large[0]);
    expect([response.status(), response.headers()['content-type']]).toEqual([200, 'image/webp']);
  });

  it('crops the thumbnails of listings, galleries and albums to one shape, whatever their photos’', async () => {
    const shapes = async (url: string, selector: string) => {
      await page.goto(`${site}${url}`);
      const images = page.locator(selector);
      expect(await images.count(), `${url} ${selector}`).toBeGreaterThan(0);
      return images.evaluateAll((all: HTMLImageElement[]) => all.map((img) => `${getComputedStyle(img).objectFit} ${getComputedStyle(img).aspectRatio}`));
    };
    for (const [url, selector] of [
      ['/', '.card .thumb img'],
      ['/tin-tuc/hien-mau-tinh-nguyen/', '.gallery li img'],
      ['/thu-vien-anh/', '.albums img'],
    ]) {
      for (const shape of await shapes(url, selector)) expect(shape, `${url} ${selector}`).toBe('cover 3 / 2');
    }
  });

  it('opens an article’s gallery from the photo albums’ page', async () => {
    await page.goto(`${site}/thu-vien-anh/`);
    await page.getByRole('link', { name: 'Đoàn viên Sở Thông tin và Truyền thông tham gia hiến máu tình nguyện' }).click();
    await page.waitForURL(`${site}/tin-tuc/hien-mau-tinh-nguyen/#gallery-title`);
    await expect.poll(() => page.getByRole('heading', { name: 'Một số hình ảnh' }).evaluate((heading) => heading.getBoundingClientRect().top)).toBeLessThan(100);
  });

  it('shows the gallery’s photos large in a viewer, from the mouse and from the keyboard', async () => {
    await page.goto(`${site}/tin-tuc/hien-mau-tinh-nguyen/`);
    const gallery = page.getByRole('region', { name: 'Một số hình ảnh' });
    const links = gallery.getByRole('link');
    const large = await links.evaluateAll((all: HTMLAnchorElement[]) => all.map((a) => a.href));
    const viewer = page.getByRole('dialog', { name: 'Xem ảnh' });
    const shown = () =>
      viewer.evaluate((dialog: HTMLDialogElement) => {
        const img = dialog.querySelector('img')!;
        return { src: img.src, alt: img.alt, text: dialog.querySelector('figcaption')!.textContent!.replace(/\s+/g, ' ').trim() };
      });
    expect(await viewer.isVisible()).toBe(false);

    await links.first().click();
    await viewer.waitFor();
    expect(page.url()).toBe(`${site}/tin-tuc/hien-mau-tinh-nguyen/`);
    expect(await shown()).toEqual({ src: large[0], alt: 'Bác sĩ kiểm tra sức khỏe người hiến máu', text: 'Ảnh 1/2 Kiểm tra sức khỏe trước khi hiến máu' });
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('dialog img');
      return img?.complete && img.naturalWidth > 0;
    });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Đóng ×');
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    await page.keyboard.press('ArrowRight');
    expect((await shown()).src).toBe(large[1]);
    expect((await shown()).text).toMatch(/^Ảnh 2\/2/);
    await page.keyboard.press('ArrowRight');
    expect((await shown()).text).toMatch(/^Ảnh 1\/2/);
    await page.keyboard.press('ArrowLeft');
    expect((await shown()).text).toMatch(/^Ảnh 2\/2/);
    await viewer.getByRole('button', { name: 'Ảnh sau' }).click();
    expect((await shown()).src).toBe(large[0]);
    await viewer.getByRole('button', { name: 'Ảnh trước' }).click();
    expect((await shown()).src).toBe(large[1]);
    // Escape closes it, and the focus is on the thumbnail of the photo last shown.
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'hidden' });
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('href'));
    // The dialog's close event, which moves the focus, comes in a task after the dialog has closed.
    await expect.poll(focused).toBe(new URL(large[1]).pathname);

    // From the keyboard: Enter on a thumbnail opens it; "Đóng" closes.
    await links.first().focus();
    await page.keyboard.press('Enter');
    await viewer.waitFor();
    expect((await shown()).src).toBe(large[0]);
    await page.keyboard.press('Enter');
    await viewer.waitFor({ state: 'hidden' });
    await expect.poll(focused).toBe(new URL(large[0]).pathname);

    // A click beside the photo closes it too.
    await links.nth(1).click();
    await viewer.waitFor();
    await page.mouse.click(5, 300);
    await viewer.waitFor({ state: 'hidden' });
  });

  it('loads the next photo of the viewer while the reader looks at one', async () => {
    // On a screen this narrow the thumbnails are smaller copies than the viewer's, which only the viewer loads.
    const narrow = await browser.newPage({ viewport: { width: 320, height: 640 } });
    try {
      await narrow.goto(`${site}/tin-tuc/hien-mau-tinh-nguyen/`);
      const links = narrow.getByRole('region', { name: 'Một số hình ảnh' }).getByRole('link');
      const large = await links.evaluateAll((all: HTMLAnchorElement[]) => all.map((a) => a.href));
      const loaded = (url: string) => narrow.evaluate((name) => performance.getEntriesByType('resource').some((entry) => entry.name === name), url);
      await links.first().scrollIntoViewIfNeeded();
      await narrow.waitForLoadState('networkidle');
      expect(await loaded(large[1])).toBe(false);
      await links.first().click();
      await expect.poll(() => loaded(large[1])).toBe(true);
    } finally {
      await narrow.close();
    }
  });

  it('loads the viewer’s script only on pages with a gallery', async () => {
    const scripts = async (url: string) => {
      await page.goto(`${site}${url}`);
      return page.locator('script[type="module"]').count();
    };
    expect(await scripts('/tin-tuc/hien-mau-tinh-nguyen/')).toBe((await scripts('/bao-cao/bao-cao-nhiem-ky-2017-2019/')) + 1);
  });

  it('follows an article’s old address to the article', async () => {
    const response = await page.goto(`${site}/tin-tuc/hien-mau-chu-nhat-do-2024/`);
    expect(response?.status()).toBe(200);
    await page.waitForURL(`${site}/tin-tuc/hien-mau-tinh-nguyen/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Đoàn viên Sở Thông tin và Truyền thông tham gia hiến máu tình nguyện');
  });

  it('follows an address of the portal this one replaced to the article, from the not-found page', async () => {
    const response = await page.goto(`${site}/Pages/kho-bac-so-hoa.aspx?itemid=41`);
    expect(response?.status()).toBe(404);
    await page.waitForURL(`${site}/tin-tuc/kho-bac-so-hoa/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Chi đoàn Kho bạc Nhà nước tỉnh đẩy mạnh số hóa chứng từ');
    // An address the table does not hold stays on the not-found page once the table has come.
    await page.goto(`${site}/Pages/khong-co.aspx?itemid=41`, { waitUntil: 'networkidle' });
    expect(page.url()).toBe(`${site}/Pages/khong-co.aspx?itemid=41`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Không tìm thấy trang');
    await page.goto(`${site}/tin-tuc/2024/6/kho-bac.html`);
    await page.waitForURL(`${site}/tin-tuc/kho-bac-so-hoa/`);
  });

  it('opens an attachment from the article’s list, named with its type and size', async () => {
    await page.goto(`${site}/tin-tuc/hien-mau-tinh-nguyen/`);
    const list = page.getByRole('region', { name: 'Tệp đính kèm' });
    expect((await list.getByRole('listitem').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      'Phiếu đăng ký tham gia hiến máu (PDF, 1 KB)',
      'Danh sách người hiến máu (DOCX, 12 KB)',
    ]);
    const href = await list.getByRole('link', { name: 'Phiếu đăng ký tham gia hiến máu' }).getAttribute('href');
    const response = await page.request.get(`${site}${href}`);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reaches the main content with the skip link from the keyboard', async () => {
    await page.goto(`${site}/tin-tuc/hien-mau-tinh-nguyen/`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Bỏ qua để đến nội dung chính' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');
  });

  it('prints the article without navigation, share buttons or related items', async () => {
    await page.goto(`${site}/tin-tuc/hien-mau-tinh-nguyen/`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['header.site-header', 'footer.site-footer', '.share', '.related', '.breadcrumb']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await page.locator('.byline').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('links the editors’ guide from the footer', async () => {
    await page.goto(`${site}/`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Hướng dẫn biên tập' }).click();
    await page.waitForURL('**/huong-dan-bien-tap/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hướng dẫn biên tập');
    expect(await page.getByRole('heading', { name: '9. Ý nghĩa các thông báo lỗi' }).getAttribute('id')).toBe('9-y-nghia-cac-thong-bao-loi');
    // Its title, then its nine sections, each a link to it.
    const sections = page.getByRole('navigation', { name: 'Nội dung chính' }).getByRole('link');
    expect(await sections.count()).toBe(9);
    expect(await sections.last().getAttribute('href')).toBe('#9-y-nghia-cac-thong-bao-loi');
  });

  it('shows the copy and print buttons once their script runs, and a 404 page for unknown URLs', async () => {
    await page.goto(`${site}/tin-tuc/hien-mau-tinh-nguyen/`);
    expect(await page.getByRole('button', { name: 'Sao chép liên kết' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'In bài viết' }).isVisible()).toBe(true);
    const response = await page.goto(`${site}/khong-co-trang-nay/`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Không tìm thấy trang');
    // The latest news instead, each a page that exists.
    const latest = page.getByRole('region', { name: 'Tin mới nhất' }).getByRole('link');
    expect(await latest.count()).toBe(5);
    for (const href of await latest.evaluateAll((links) => links.map((link) => link.getAttribute('href')!))) {
      expect((await page.request.get(`${site}${href}`)).status(), href).toBe(200);
    }
  });
});

const templates: Record<string, string> = {
  home: '/',
  stream: '/tin-tuc/',
  category: '/chuyen-muc/hoat-dong-doan/',
  'category page 2': '/chuyen-muc/tin-tuc-su-kien/trang/2/',
  tag: '/the/hien-mau/',
  tags: '/the/',
  documents: '/van-ban/',
  albums: '/thu-vien-anh/',
  year: '/nam/2024/',
  article: '/tin-tuc/hien-mau-tinh-nguyen/',
  report: '/bao-cao/bao-cao-nhiem-ky-2017-2019/',
  event: '/su-kien/ngay-hoi-hien-mau-2030/',
  'past event': '/su-kien/hoi-thi-2022/',
  events: '/su-kien/',
  reports: '/bao-cao/',
  units: '/don-vi/',
  unit: '/don-vi/doan-khoi/',
  search: '/tim-kiem/?q=hi%E1%BA%BFn%20m%C3%A1u',
  'not found': '/404.html',
  'editors guide': '/huong-dan-bien-tap/',
};

describe('accessibility', () => {
  it.each(Object.entries(templates))('%s has no axe-core violations', async (_, url) => {
    await page.goto(`${site}${url}`);
    if (url.startsWith('/tim-kiem/')) await page.locator('.result').first().waitFor();
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });

  it('works on a phone-sized screen without horizontal scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const url of ['/', '/tin-tuc/hien-mau-tinh-nguyen/', '/bao-cao/bao-cao-nhiem-ky-2017-2019/']) {
      await phone.goto(`${site}${url}`);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    await phone.close();
  });

  it('puts the related items beside the article on a wide screen and after it on a phone', async () => {
    const boxes = async (viewport: { width: number; height: number }) => {
      const reader = await browser.newPage({ viewport });
      await reader.goto(`${site}/tin-tuc/hien-mau-tinh-nguyen/`);
      const article = (await reader.locator('article.article').boundingBox())!;
      const related = (await reader.getByRole('region', { name: 'Tin liên quan' }).boundingBox())!;
      await reader.close();
      return { article, related };
    };
    const wide = await boxes({ width: 1280, height: 900 });
    expect(wide.related.x).toBeGreaterThan(wide.article.x + wide.article.width);
    expect(wide.related.y).toBeLessThan(wide.article.y + 100);
    const phone = await boxes({ width: 360, height: 740 });
    expect(phone.related.y).toBeGreaterThanOrEqual(phone.article.y + phone.article.height);
  });

  it('keeps the menu to one row on a phone, scrolled sideways, every item reachable from the keyboard', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await phone.goto(`${site}/`);
    const menu = phone.getByRole('navigation', { name: 'Điều hướng chính' });
    const links = menu.getByRole('link');
    const first = (await links.first().boundingBox())!;
    const row = (await menu.getByRole('list').boundingBox())!;
    // One row of links (a scroll bar may add a few pixels), wider than the screen.
    expect(row.height).toBeLessThan(first.height * 1.5);
    expect(await menu.getByRole('list').evaluate((list) => list.scrollWidth > list.clientWidth)).toBe(true);
    const last = links.last();
    await last.focus();
    const box = (await last.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const violations = await axeViolations(phone);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await phone.close();
  });
});
