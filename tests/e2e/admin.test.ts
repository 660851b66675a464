/**
 * The web editor at /admin/ in local mode: decap-server writes into a temporary copy of the fixture content, an
 * editor creates an article in headless Chromium, and the file it wrote passes the content check and builds; an
 * attachment of a type the build refuses is refused on publishing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIXTURE_CONTENT, ROOT, contentWith, runAstro } from '../helpers/astro';
import { launchChromium } from '../helpers/browser';

const require = createRequire(import.meta.url);
const site = inject('siteUrl');
const TITLE = 'Đoàn viên tham gia hiến máu tình nguyện';
const SLUG = 'doan-vien-tham-gia-hien-mau-tinh-nguyen';
const COVER = path.join(FIXTURE_CONTENT, 'news/hien-mau-tinh-nguyen/anh-bia.jpg');
const PLAN = path.join(FIXTURE_CONTENT, 'events/the-le-ngay-hoi-2030.pdf');

let content: { dir: string; cleanup: () => void };
let server: ChildProcess;
let serverLog = '';
let serverUrl: string;
let browser: Browser;
let page: Page;
/** What the editor's alerts and confirmations said, in order. */
const dialogs: string[] = [];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** decap-server in its file-system mode, on the repository root of the copy (the folder holding `content/`). */
async function startDecapServer(repo: string): Promise<void> {
  const port = await freePort();
  serverUrl = `http://127.0.0.1:${port}/api/v1`;
  // The server stops when its stdin closes, so it never outlives the test process, even one that crashes.
  const watchdog = `process.stdin.on('close', () => process.exit(0)).resume(); require(${JSON.stringify(require.resolve('decap-server/dist/index.js'))});`;
  server = spawn(process.execPath, ['-e', watchdog], {
    cwd: repo,
    env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: repo, MODE: 'fs' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (serverLog += chunk));
  server.stderr?.on('data', (chunk) => (serverLog += chunk));
  for (let tries = 0; tries < 100; tries++) {
    const info = await fetch(serverUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    }).catch(() => undefined);
    if (info?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`decap-server did not start:\n${serverLog}`);
}

beforeAll(async () => {
  content = contentWith({});
  await startDecapServer(path.dirname(content.dir));
  browser = await launchChromium();
  // The editor writes date-times with the browser's offset: an editor in Viet Nam.
  const context = await browser.newContext({ timezoneId: 'Asia/Ho_Chi_Minh', locale: 'vi-VN', viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    return dialog.accept();
  });
  // The shipped configuration, pointed at this test's decap-server instead of the default port 8081.
  const config = readFileSync(path.join(ROOT, 'public/admin/config.yml'), 'utf8');
  expect(config).toMatch(/^local_backend: true$/m);
  await page.route('**/admin/config.yml', (route) =>
    route.fulfill({
      contentType: 'text/yaml; charset=utf-8',
      body: config.replace(/^local_backend: true$/m, `local_backend:\n  url: ${serverUrl}`),
    }),
  );
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  content?.cleanup();
});

/** The article folder decap-server wrote: `content/news/<year it was created>/<slug>/`. */
function writtenFolder(slug = SLUG): string | undefined {
  const news = path.join(content.dir, 'news');
  for (const year of readdirSync(news)) {
    const folder = path.join(news, year, slug);
    if (existsSync(path.join(folder, 'index.mdx'))) return folder;
  }
  return undefined;
}

/** The frontmatter of an article file the editor wrote, as YAML reads it. */
function frontmatterOf(source: string): Record<string, unknown> {
  return load(source.split('\n---\n')[0].replace(/^---\n/, ''), { schema: CORE_SCHEMA }) as Record<string, unknown>;
}

/** Opens the editor's list of collections, signing in (local mode has a button for it) unless already signed in. */
async function openEditor(): Promise<void> {
  await page.goto(`${site}/admin/`);
  const signIn = page.getByRole('button', { name: 'Đăng nhập' });
  const collections = page.getByRole('link', { name: 'Tin tức' }).first();
  await signIn.or(collections).first().waitFor();
  if (await signIn.isVisible()) await signIn.click();
  await collections.waitFor();
}

/** A new news article with its required fields: title, lead and the category "Hoạt động Đoàn". */
async function newArticle(title: string, lead: string): Promise<void> {
  await page.getByText('＋ tin').click();
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByLabel('Tóm tắt (sapo)').fill(lead);
  await page.getByLabel('Chuyên mục').click();
  await page.getByRole('option', { name: 'Hoạt động Đoàn' }).click();
}

/** "Công bố" → "Công bố ngay". */
async function publish(): Promise<void> {
  await page.getByRole('button', { name: 'Công bố', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Công bố ngay' }).click();
}

describe('web editor (/admin/, local mode)', () => {
  it('is self-hosted and kept out of the sitemap', async () => {
    const html = await (await fetch(`${site}/admin/`)).text();
    expect(html).toContain('<script src="/admin/decap/decap-cms.js"></script>');
    expect(html).toContain('noindex');
    // The portal's own name, as its reader pages have it.
    expect(html).toContain('<title>Biên tập nội dung · Bản tin Đoàn Khối</title>');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[^"']+\.js/);
    expect((await fetch(`${site}/admin/decap/decap-cms.js`)).status).toBe(200);
    expect(await (await fetch(`${site}/sitemap-0.xml`)).text()).not.toContain('/admin/');
  });

  it('creates a news article with a cover photo that passes the content check and builds', async () => {
    await openEditor();
    await page.getByText('＋ tin').click();

    await page.getByLabel('Tiêu đề').fill(TITLE);
    await page.getByLabel('Tóm tắt (sapo)').fill('Sáng 14/4, 120 đoàn viên các cơ quan tỉnh đã tham gia ngày hội hiến máu.');
    await page.getByLabel('Ngày đăng').fill('2024-04-14T08:30');
    await page.getByLabel('Chuyên mục').click();
    await page.getByRole('option', { name: 'Hoạt động Đoàn' }).click();

    await page.getByRole('button', { name: 'Chọn một hình' }).click();
    await page.locator('input[type="file"]').setInputFiles(COVER);
    await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
    await page.getByLabel('Mô tả ảnh bìa').fill('Đoàn viên hiến máu tại hội trường');

    // An attached plan, uploaded beside the article as the cover is. The lists' buttons speak Vietnamese (Decap's own
    // Vietnamese says "Add tệp"), as do the body's toolbar buttons.
    await page.getByRole('button', { name: 'Thêm ảnh' }).waitFor();
    expect(await page.getByRole('button', { name: /^Add / }).count()).toBe(0);
    await page.getByRole('button', { name: 'Thêm tệp' }).click();
    await page.getByRole('button', { name: 'Chọn một tập tin' }).click();
    await page.locator('input[type="file"]').setInputFiles(PLAN);
    await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
    await page.getByLabel('Tên văn bản').fill('Kế hoạch tổ chức ngày hội hiến máu');

    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type('Ngày hội diễn ra tại hội trường Bệnh viện Đa khoa tỉnh.');
    expect(await page.locator('button[title="Đậm"]').count(), 'toolbar').toBeGreaterThan(0);
    expect(await page.locator('button[title="Bold"]').count(), 'toolbar').toBe(0);

    const preview = page.locator('iframe').first().contentFrame();
    await expect.poll(() => preview.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    await expect.poll(() => preview.getByText('Chủ Nhật, 14/04/2024, 08:30').count()).toBe(1);

    await publish();
    await page.getByText('Mục đã được lưu').waitFor();
    await expect.poll(() => writtenFolder(), { timeout: 10_000 }).toBeDefined();

    const folder = writtenFolder()!;
    expect(readFileSync(path.join(folder, 'anh-bia.jpg')).equals(readFileSync(COVER))).toBe(true);
    expect(readFileSync(path.join(folder, 'the-le-ngay-hoi-2030.pdf')).equals(readFileSync(PLAN))).toBe(true);
    const file = readFileSync(path.join(folder, 'index.mdx'), 'utf8');
    const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file) ?? [];
    expect(load(frontmatter, { schema: CORE_SCHEMA })).toEqual({
      title: TITLE,
      description: 'Sáng 14/4, 120 đoàn viên các cơ quan tỉnh đã tham gia ngày hội hiến máu.',
      pubDate: '2024-04-14T08:30:00+07:00',
      category: 'hoat-dong-doan',
      cover: './anh-bia.jpg',
      coverAlt: 'Đoàn viên hiến máu tại hội trường',
      attachments: [{ file: './the-le-ngay-hoi-2030.pdf', title: 'Kế hoạch tổ chức ngày hội hiến máu' }],
      featured: false,
      draft: false,
    });
    expect(body.trim()).toBe('Ngày hội diễn ra tại hội trường Bệnh viện Đa khoa tỉnh.');

    const check = runAstro(['sync'], content.dir);
    expect(check.status, check.output).toBe(0);
    const out = path.join(path.dirname(content.dir), 'dist');
    const build = runAstro(['build', '--outDir', out], content.dir);
    expect(build.status, build.output).toBe(0);
    const article = readFileSync(path.join(out, 'tin-tuc', SLUG, 'index.html'), 'utf8');
    expect(article).toContain(TITLE);
    expect(article).toContain('Chủ Nhật, 14/04/2024, 08:30');
    expect(article).toContain(`<a href="/tin-tuc/${SLUG}/the-le-ngay-hoi-2030.pdf" type="application/pdf"`);
    expect(readFileSync(path.join(out, 'tin-tuc', SLUG, 'the-le-ngay-hoi-2030.pdf')).equals(readFileSync(PLAN))).toBe(true);
  }, 120_000);

  it('refuses a photo or an attachment of another type on publishing and writes nothing', async () => {
    const before = readdirSync(content.dir, { recursive: true }).sort();
    const dir = mkdtempSync(path.join(tmpdir(), 'ban-tin-admin-'));
    const program = path.join(dir, 'bieu-mau.exe');
    writeFileSync(program, 'MZ');
    // A format Decap's photo field offers and the build makes no copies of.
    const bitmap = path.join(dir, 'anh-bia.bmp');
    writeFileSync(bitmap, 'BM');
    try {
      await openEditor();
      await newArticle('Biểu mẫu đăng ký hiến máu', 'Mẫu đăng ký cho đoàn viên tham gia ngày hội hiến máu.');
      await page.getByRole('button', { name: 'Chọn một hình' }).click();
      await page.locator('input[type="file"]').setInputFiles(bitmap);
      await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
      await page.getByLabel('Mô tả ảnh bìa').fill('Biểu mẫu');
      await page.getByRole('button', { name: 'Thêm tệp' }).click();
      await page.getByRole('button', { name: 'Chọn một tập tin' }).click();
      await page.locator('input[type="file"]').setInputFiles(program);
      await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
      await page.getByLabel('Tên văn bản').fill('Biểu mẫu đăng ký');

      await publish();
      await page.getByText('Chỉ nhận tệp PDF, Word, Excel, PowerPoint, OpenDocument hoặc ZIP').waitFor();
      await page.getByText('Chỉ nhận ảnh JPEG, PNG, WebP, AVIF, GIF hoặc TIFF').waitFor();
      expect(await page.getByText('Mục đã được lưu').count()).toBe(0);
      expect(writtenFolder('bieu-mau-dang-ky-hien-mau')).toBeUndefined();
      expect(readdirSync(content.dir, { recursive: true }).sort()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a photo over 5 MB and an attachment over 20 MB on upload, saying the limits', async () => {
    const before = readdirSync(content.dir, { recursive: true }).sort();
    const dir = mkdtempSync(path.join(tmpdir(), 'ban-tin-admin-'));
    const sized = (name: string, bytes: number) => {
      const file = path.join(dir, name);
      writeFileSync(file, '');
      truncateSync(file, bytes);
      return file;
    };
    const tooLarge = 'Tệp quá lớn, chưa được tải lên.';
    try {
      await openEditor();
      await page.getByText('＋ tin').click();
      dialogs.length = 0;
      await page.getByRole('button', { name: 'Chọn một hình' }).click();
      await page.locator('input[type="file"]').setInputFiles(sized('anh-dien-thoai.jpg', 5 * 1024 * 1024 + 1));
      await expect.poll(() => dialogs.length).toBe(1);
      expect(dialogs[0]).toContain(tooLarge);
      expect(dialogs[0]).toContain('Ảnh tối đa 5 MB');
      // A photo of the limit's size is taken.
      await page.locator('input[type="file"]').setInputFiles(sized('anh-vua.jpg', 5 * 1024 * 1024));
      await page.getByText('anh-vua.jpg').waitFor();
      expect(dialogs).toHaveLength(1);
      await page.getByRole('button', { name: 'Đóng' }).click();

      await page.getByRole('button', { name: 'Thêm tệp' }).click();
      await page.getByRole('button', { name: 'Chọn một tập tin' }).click();
      await page.locator('input[type="file"]').setInputFiles(sized('ban-scan.pdf', 20 * 1024 * 1024 + 1));
      await expect.poll(() => dialogs.length).toBe(2);
      expect(dialogs[1]).toContain(tooLarge);
      expect(await page.getByText('ban-scan.pdf').count()).toBe(0);
      // Nothing is written before the article is published.
      expect(readdirSync(content.dir, { recursive: true }).sort()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('shows in the preview what the build would refuse or warn of, and saves nothing until the errors are mended', async () => {
    const title = `Tuổi trẻ khối các cơ quan tỉnh ra quân hưởng ứng Tháng Thanh niên với nhiều hoạt động thiết thực, ý nghĩa tại các cơ quan, đơn vị và địa bàn dân cư năm 2030`;
    // Decap makes the slug from the whole title.
    const slug = 'tuoi-tre-khoi-cac-co-quan-tinh-ra-quan-huong-ung-thang-thanh-nien-voi-nhieu-hoat-dong-thiet-thuc-y-nghia-tai-cac-co-quan-don-vi-va-dia-ban-dan-cu-nam-2030';
    const before = readdirSync(content.dir, { recursive: true }).sort();
    await openEditor();
    await newArticle(title, 'Đoàn viên các cơ quan tỉnh ra quân trong Tháng Thanh niên.');
    await page.getByRole('button', { name: 'Chọn một hình' }).click();
    await page.locator('input[type="file"]').setInputFiles(COVER);
    await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
    // The body editor writes braces as typed: in MDX they are an expression, which the build refuses.
    const body = page.locator('[data-slate-editor="true"]');
    await body.click();
    await page.keyboard.type('Kết quả {1 + 1} lượt.');

    const preview = page.locator('iframe').first().contentFrame();
    const problems = preview.locator('[data-entry-problems]');
    await expect.poll(() => problems.textContent()).toContain('thân bài, dòng 1: biểu thức {1 + 1} không được phép');
    expect(await problems.textContent()).toContain('coverAlt: có ảnh bìa (cover) thì phải có mô tả ảnh (coverAlt)');
    expect(await problems.textContent()).toContain('Cần sửa trước khi đăng');
    expect(await problems.textContent()).toContain(`title: tiêu đề dài ${title.length} ký tự (nên dưới 150)`);

    await publish();
    await page.getByText('Chưa lưu được: Bài chưa được lưu. Cần sửa:').first().waitFor();
    expect(await page.getByText('Mục đã được lưu').count()).toBe(0);
    expect(readdirSync(content.dir, { recursive: true }).sort()).toEqual(before);

    // Mended, the article is saved; the long title is a warning, which does not stop it.
    await page.getByLabel('Mô tả ảnh bìa').fill('Đoàn viên ra quân tại quảng trường tỉnh');
    await body.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Kết quả hai lượt.');
    await expect.poll(() => problems.textContent()).not.toContain('Cần sửa');
    expect(await problems.textContent()).toContain('Lưu ý');
    await publish();
    await page.getByText('Mục đã được lưu').waitFor();
    await expect.poll(() => writtenFolder(slug), { timeout: 10_000 }).toBeDefined();
    const file = readFileSync(path.join(writtenFolder(slug)!, 'index.mdx'), 'utf8');
    expect(file).toContain('coverAlt: Đoàn viên ra quân tại quảng trường tỉnh');
    expect(file.trim().endsWith('Kết quả hai lượt.')).toBe(true);
  }, 60_000);

  it('warns in the preview of a published article’s title and of a link to a page not published, and saves the article', async () => {
    await openEditor();
    // First the title of a published article (in other case), then its own.
    await page.getByText('＋ tin').click();
    await page.getByLabel('Tiêu đề').fill('Đoàn viên Sở Thông tin và Truyền thông tham gia HIẾN MÁU tình nguyện');
    const problems = page.locator('iframe').first().contentFrame().locator('[data-entry-problems]');
    await expect.poll(() => problems.textContent()).toContain('title: cùng tiêu đề với bài đã đăng /tin-tuc/hien-mau-tinh-nguyen/: có thể một bài được đăng hai lần');
    await page.getByLabel('Tiêu đề').fill('Liên kết tới các bài cũ');
    await page.getByLabel('Tóm tắt (sapo)').fill('Các bài đã đăng về hiến máu.');
    await page.getByLabel('Chuyên mục').click();
    await page.getByRole('option', { name: 'Hoạt động Đoàn' }).click();
    // The body editor's switch to its Markdown mode (the label beside the switch).
    await page.getByText('Markdown', { exact: true }).click();
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type('Xem [bài cũ](/tin-tuc/khong-co/) và [bài hiến máu](/tin-tuc/hien-mau-tinh-nguyen/).');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Đơn vị: [Đoàn Khối](/don-vi/doan-khoi/).');
    await expect.poll(() => problems.textContent()).toContain('thân bài, dòng 1: liên kết /tin-tuc/khong-co/ trỏ tới trang không tồn tại trên cổng, hoặc chưa được đăng');
    const text = await problems.textContent();
    expect(text).toContain('Lưu ý');
    expect(text).not.toContain('/tin-tuc/hien-mau-tinh-nguyen/');
    expect(text).not.toContain('/don-vi/doan-khoi/');
    expect(text).not.toContain('cùng tiêu đề');
    // A warning does not stop the saving (nor does an empty photo field, whose pattern applies to a photo only).
    await publish();
    await page.getByText('Mục đã được lưu').waitFor();
    await expect.poll(() => writtenFolder('lien-ket-toi-cac-bai-cu'), { timeout: 10_000 }).toBeDefined();
  }, 60_000);

  it('does not take an article being edited for another with its title', async () => {
    const title = 'Đoàn viên Sở Thông tin và Truyền thông tham gia hiến máu tình nguyện';
    await openEditor();
    await page.getByText(title).first().click();
    const preview = page.locator('iframe').first().contentFrame();
    await expect.poll(() => preview.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    // A change renders the preview again, with the published pages loaded by now.
    const description = page.getByLabel('Tóm tắt (sapo)');
    await description.fill(`${await description.inputValue()} `);
    await page.waitForTimeout(500);
    const problems = preview.locator('[data-entry-problems]');
    expect((await problems.count()) === 0 ? '' : await problems.textContent()).not.toContain('cùng tiêu đề');
    // Another article's title is still one.
    await page.getByLabel('Tiêu đề').fill('Chi đoàn Kho bạc Nhà nước tỉnh đẩy mạnh số hóa chứng từ');
    await expect.poll(() => problems.textContent()).toContain('cùng tiêu đề với bài đã đăng /tin-tuc/kho-bac-so-hoa/');
  }, 60_000);

  it('opens an article brought from the old portal and saves it with its old address and its text', async () => {
    // The importer's item, from a page saved with its files whose address the page names.
    const saved = mkdtempSync(path.join(tmpdir(), 'ban-tin-cong-cu-'));
    try {
      cpSync(path.join(ROOT, 'tests/fixtures/import'), saved, { recursive: true });
      const oldAddress = 'https://congthongtin.example.gov.vn/Pages/tong-ket-2024.aspx?ItemID=7';
      const html = path.join(saved, 'cong-thong-tin.html');
      writeFileSync(html, readFileSync(html, 'utf8').replace('</head>', `<link rel="canonical" href="${oldAddress.replace('&', '&amp;')}"></head>`));
      const imported = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/import.ts'), html, '--category', 'hoat-dong-doan', '--publish'], {
        cwd: ROOT, encoding: 'utf8', env: { ...process.env, BAN_TIN_CONTENT: content.dir },
      });
      expect(imported.status, imported.stderr).toBe(0);
      const file = path.resolve(ROOT, imported.stdout.trim());
      expect(readFileSync(file, 'utf8')).toContain(`previousUrls:\n  - "${oldAddress}"\n`);

      await openEditor();
      await page.getByText('Chi đoàn Sở Tài chính tổng kết công tác Đoàn năm 2024').first().click();
      const addresses = page.getByLabel('Địa chỉ trên cổng cũ');
      await expect.poll(() => addresses.inputValue()).toBe(oldAddress);
      const description = page.getByLabel('Tóm tắt (sapo)');
      await description.fill(`${await description.inputValue()} Bài chuyển từ cổng cũ.`);
      await publish();
      await page.getByText('Mục đã được lưu').waitFor();
      await expect.poll(() => frontmatterOf(readFileSync(file, 'utf8')).description).toMatch(/Bài chuyển từ cổng cũ\.$/);
      const source = readFileSync(file, 'utf8');
      const data = frontmatterOf(source);
      expect(data.previousUrls).toEqual([oldAddress]);
      expect(data.gallery).toEqual([{ src: './anh-2.png', alt: 'Trao quà cho thiếu nhi xã Thanh Hải' }]);
      // The text MDX would read as code is still text after the editor wrote the body again.
      expect(source).toMatch(/Đoàn viên dưới 30 tuổi \(\\<30\) khai phiếu theo mẫu \\\{Họ và tên, năm sinh\}/);
      const check = runAstro(['sync'], content.dir);
      expect(check.status, check.output).toBe(0);
    } finally {
      rmSync(saved, { recursive: true, force: true });
    }
  }, 90_000);

  it('edits a report with figures, a component in its body and an attachment, keeping them', async () => {
    const file = path.join(content.dir, 'reports/bao-cao-nhiem-ky-2017-2019/index.mdx');
    const before = readFileSync(file, 'utf8');
    await openEditor();
    await page.getByRole('link', { name: 'Báo cáo' }).first().click();
    await page.getByText('Chi đoàn Sở Thông tin và Truyền thông hoàn thành nhiệm vụ nhiệm kỳ 2017 - 2019').first().click();
    const description = page.getByLabel('Tóm tắt (sapo)');
    await description.waitFor();
    await description.fill('Báo cáo tổng kết công tác Đoàn và phong trào thanh niên nhiệm kỳ 2017 - 2019.');
    await publish();
    await page.getByText('Mục đã được lưu').waitFor();
    await expect.poll(() => readFileSync(file, 'utf8')).not.toBe(before);
    const [was, now] = [frontmatterOf(before), frontmatterOf(readFileSync(file, 'utf8'))];
    expect(now.description).toBe('Báo cáo tổng kết công tác Đoàn và phong trào thanh niên nhiệm kỳ 2017 - 2019.');
    for (const field of ['title', 'unit', 'period', 'metrics', 'attachments', 'tags']) expect(now[field], field).toEqual(was[field]);
    expect(readFileSync(file, 'utf8')).toContain('<Figures items={[{ label: "Đoàn viên mới", value: 12, unit: "người" }]} />');
    const check = runAstro(['sync'], content.dir);
    expect(check.status, check.output).toBe(0);
  }, 60_000);

  it("edits the portal's own details with the build's rules, keeping its links", async () => {
    const file = path.join(content.dir, 'site.yaml');
    const before = readFileSync(file, 'utf8');
    await openEditor();
    await page.getByRole('link', { name: 'Thông tin cổng' }).first().click();
    // The collection's one file.
    await page.locator('a[href$="/collections/site/entries/site"]').click();
    const name = page.getByLabel('Tên cổng');
    await name.waitFor();
    expect(await name.inputValue()).toBe('Bản tin Đoàn Khối');
    // A name browsers cannot give the search, without a short one: refused, nothing written.
    await name.fill('Cổng thông tin điện tử Đoàn Khối các cơ quan tỉnh Hòa Lâm');
    await page.getByLabel('Tên ngắn').fill('');
    await publish();
    await page.getByText('Chưa lưu được: Bài chưa được lưu. Cần sửa:').first().waitFor();
    expect(await page.getByText(/shortName: tên cổng \(name\) dài 57 ký tự/).count()).toBeGreaterThan(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
    // With a short name it is saved, the links as they were, and passes the content check.
    await page.getByLabel('Tên ngắn').fill('Tin Hòa Lâm');
    // A new logo, uploaded beside the file.
    await page.getByRole('button', { name: 'Chọn một hình' }).click();
    await page.locator('input[type="file"]').setInputFiles({ name: 'bieu-trung-moi.jpg', mimeType: 'image/jpeg', buffer: readFileSync(COVER) });
    await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
    await publish();
    await page.getByText('Mục đã được lưu').waitFor();
    await expect.poll(() => readFileSync(file, 'utf8')).not.toBe(before);
    const saved = load(readFileSync(file, 'utf8'), { schema: CORE_SCHEMA }) as Record<string, unknown>;
    expect(saved).toMatchObject({
      name: 'Cổng thông tin điện tử Đoàn Khối các cơ quan tỉnh Hòa Lâm', shortName: 'Tin Hòa Lâm', owner: 'Ban Thường vụ Đoàn Khối các cơ quan tỉnh', logo: 'bieu-trung-moi.jpg',
    });
    expect(existsSync(path.join(content.dir, 'bieu-trung-moi.jpg'))).toBe(true);
    expect(saved.links).toEqual((load(before, { schema: CORE_SCHEMA }) as { links: unknown }).links);
    const check = runAstro(['sync'], content.dir);
    expect(check.status, check.output).toBe(0);
  }, 60_000);
});
