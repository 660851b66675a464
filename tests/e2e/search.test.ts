/** Search as Vietnamese readers type, in headless Chromium on the built fixture site. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { openPage } from '../helpers/browser';

const site = inject('siteUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => ({ browser, page } = await openPage()));
afterAll(async () => browser?.close());

const status = () => page.locator('#search-status');

/** Opens the search page for a query (and filters) and returns the result URLs in order. */
async function search(query: string, params: Record<string, string> = {}): Promise<string[]> {
  const url = new URL(`${site}/tim-kiem/`);
  url.searchParams.set('q', query);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  await page.goto(url.href);
  // Speed is the benchmark's business: a cold first search on a busy machine may take a while.
  await expect.poll(() => status().textContent(), { timeout: 15_000 }).toMatch(/Tìm thấy|Không tìm thấy/);
  await showAllResults(page);
  return page.locator('.result h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Asks for more results ("Xem thêm kết quả") until there are none left. */
async function showAllResults(on: Page): Promise<void> {
  const more = on.getByRole('button', { name: 'Xem thêm kết quả' });
  // Results come one by one; the list is busy until a page of them is complete.
  const busy = on.locator('.results[aria-busy="true"]');
  await expect.poll(() => busy.count(), { timeout: 15_000 }).toBe(0);
  while (await more.isVisible()) {
    const before = await on.locator('.result').count();
    await more.click();
    await expect.poll(() => busy.count(), { timeout: 15_000 }).toBe(0);
    // More results, or none left in the older years (the button goes).
    expect((await on.locator('.result').count()) > before || !(await more.isVisible())).toBe(true);
  }
}

/** A page in a browser context of its own (nothing cached), which records the paths and queries it asks for under `/pagefind/`. */
async function freshReader(): Promise<{ reader: Page; requested: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const reader = await context.newPage();
  const requested: string[] = [];
  reader.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/pagefind/')) requested.push(url.pathname + url.search);
  });
  return { reader, requested, close: () => context.close() };
}

describe('search', () => {
  it('finds a phrase typed with tones and ranks the exact words first', async () => {
    const results = await search('hiến máu');
    expect(results.slice(0, 3)).toContain('/tin-tuc/hien-mau-tinh-nguyen/');
    expect(results).toContain('/bao-cao/bao-cao-nhiem-ky-2017-2019/');
    const lookAlike = results.indexOf('/tin-tuc/hien-nay-mau-sac/');
    if (lookAlike >= 0) expect(lookAlike).toBeGreaterThan(results.indexOf('/tin-tuc/hien-mau-tinh-nguyen/'));
    // Typed with tones, the look-alikes "Hiện", "mẫu", "màu" are not marked as the words asked for; typed without, they are.
    const marksOf = async (query: string) => {
      await search(query);
      const result = page.locator('.result', { has: page.locator('a[href="/tin-tuc/hien-nay-mau-sac/"]') });
      return (await result.count()) ? result.locator('mark').allTextContents() : undefined;
    };
    expect(await marksOf('hiến máu')).toEqual([]);
    expect(await marksOf('hien mau')).toEqual(expect.arrayContaining(['Hiện', 'màu']));
    await search('hiến máu');
    expect(await status().textContent()).toMatch(/^Tìm thấy \d+ kết quả cho "hiến máu"$/);
    expect(await page.locator('.result mark').count()).toBeGreaterThan(0);
    // The excerpt is the article's words: its category and date show on the result's own line, not in the excerpt.
    const result = page.locator('.result', { has: page.locator('a[href="/tin-tuc/hien-mau-tinh-nguyen/"]') });
    expect(await result.locator('.facts').textContent()).toBe('14/04/2024 · Hoạt động Đoàn · Chi đoàn Sở Thông tin và Truyền thông');
    const excerpt = await result.locator('.excerpt').textContent();
    expect(excerpt).toMatch(/hiến máu/i);
    // Nor its unit, which the line shows too.
    expect(excerpt).not.toMatch(/14\/04\/2024|Chủ Nhật|Hoạt động Đoàn|Đơn vị:/);
    // Nor its title, which the result shows above it (pagefind's own excerpt is the title, where matches weigh most).
    expect(excerpt).not.toContain('Truyền thông tham gia hiến máu tình nguyện');
    expect(await result.locator('.excerpt mark').count()).toBeGreaterThan(0);
    // The title's matches are marked in the title, which reads as written.
    const title = result.locator('h2 a');
    expect(await title.textContent()).toBe('Đoàn viên Sở Thông tin và Truyền thông tham gia hiến máu tình nguyện');
    expect(await title.locator('mark').allTextContents()).toEqual(['hiến', 'máu']);
  });

  it('shows the lead as the excerpt of an item found by its title alone', async () => {
    expect(await search('"hướng về đồng bào"')).toEqual(['/tin-tuc/phia-bac-mua-lu/']);
    const excerpt = await page.locator('.result .excerpt').textContent();
    expect(excerpt).toMatch(/^Đoàn Khối quyên góp ủng hộ đồng bào các tỉnh phía Bắc bị thiệt hại do mưa lũ\. Trong đợt mưa lũ/);
    expect(excerpt).not.toContain('Tuổi trẻ hướng về');
  });

  it('finds an item by its unit, and shows an event\'s facts in its excerpt as the page does', async () => {
    // "các cơ quan tỉnh" is in these articles' unit only, which the index holds as the result's details.
    expect(await search('các cơ quan tỉnh')).toContain('/tin-tuc/tin-so-18/');
    expect(await search('"Nhà văn hóa tỉnh"')).toEqual(['/su-kien/ngay-hoi-hien-mau-2030/']);
    const excerpt = await page.locator('.result .excerpt').first().textContent();
    expect(excerpt).toContain('Địa điểm Nhà văn hóa tỉnh');
    expect(excerpt).not.toMatch(/\p{Ll}\p{Lu}/u);
  });

  it('finds the same items without tones, in upper case, and from decomposed input', async () => {
    const accented = await search('hiến máu');
    for (const query of ['hien mau', 'HIẾN MÁU', 'HIEN MAU', 'hiến máu'.normalize('NFD')]) {
      expect(new Set(await search(query)), query).toEqual(new Set(accented));
    }
  });

  it('reads d as đ: "doan vien", "Dinh Tien Hoang", quoted phrases', async () => {
    const accented = await search('đoàn viên');
    expect(accented.length).toBeGreaterThan(1);
    expect(new Set(await search('doan vien'))).toEqual(new Set(accented));
    // The best result is one with "đoàn viên", highlighted as written.
    const marks = await page.locator('.result').first().locator('mark').allTextContents();
    expect(marks.some((mark) => /^đoàn/i.test(mark)), marks.join(' ')).toBe(true);
    expect(await search('Dinh Tien Hoang')).toContain('/tin-tuc/guong-doan-vien-tre/');
    expect(await search('"Dinh Tien Hoang"')).toContain('/tin-tuc/guong-doan-vien-tre/');
    expect(await search('"doan vien"')).toContain('/tin-tuc/hien-mau-tinh-nguyen/');
  });

  it('searches a d-word only in the spellings the index holds: "doan" is "đoàn", not the start of "doanh"', async () => {
    // The index has "đoàn" and "doanh" but no "doan": an article with "doanh nghiệp" and "nhân viên" is no answer.
    const list = JSON.parse((await (await fetch(`${site}/pagefind/shards.json`)).text())) as { spellingWords: string[] };
    expect(list.spellingWords).toContain('đoan');
    expect(list.spellingWords).toContain('doanh');
    expect(list.spellingWords).not.toContain('doan');
    expect(await search('doanh nghiep')).toContain('/tin-tuc/ho-tro-doanh-nghiep-sau-bao/');
    expect(await search('doan vien')).not.toContain('/tin-tuc/ho-tro-doanh-nghiep-sau-bao/');
    expect(await search('DOAN VIEN')).not.toContain('/tin-tuc/ho-tro-doanh-nghiep-sau-bao/');
    // A word that is in neither spelling is searched in both, as pagefind takes a word's start: "doa" finds both.
    const started = await search('doa');
    expect(started).toContain('/tin-tuc/ho-tro-doanh-nghiep-sau-bao/');
    expect(started).toContain('/tin-tuc/hien-mau-tinh-nguyen/');
  });

  it('finds words joined by typographic punctuation, takes a phrase pasted in typographic quotes, and shows them as written', async () => {
    // The article has: Huy hiệu “Búp sen xanh” của nhiệm kỳ 2022–2027.
    for (const query of ['2027', 'nhiệm kỳ 2022', '"búp sen xanh"', '“Búp sen xanh”']) {
      expect(await search(query), query).toContain('/tin-tuc/guong-doan-vien-tre/');
    }
    expect(await status().textContent()).toMatch(/^Tìm thấy \d+ kết quả cho "“Búp sen xanh”"$/);
    // A phrase, not three words anywhere.
    expect(await search('“xanh búp sen”')).not.toContain('/tin-tuc/guong-doan-vien-tre/');
    await search('búp sen xanh');
    const excerpt = page.locator('.result', { has: page.locator('a[href$="/tin-tuc/guong-doan-vien-tre/"]') }).locator('.excerpt');
    expect(await excerpt.textContent()).toContain('Huy hiệu “Búp sen xanh” của nhiệm kỳ 2022-2027.');
  });

  it('finds text stored decomposed (NFD) with a composed query', async () => {
    expect(await search('Trần Minh Đức')).toContain('/tin-tuc/guong-doan-vien-tre/');
  });

  it('gives the same results in the same order whichever vowel of oa, oe, uy carries the tone', async () => {
    // The fixture writes "số hóa", "Nhà văn hóa", "sức khỏe"; readers' keyboards often write "hoá", "khoẻ".
    for (const [typed, written] of [['số hoá', 'số hóa'], ['văn hoá', 'văn hóa'], ['khoẻ', 'khỏe']]) {
      const results = await search(typed);
      expect(results.length, typed).toBeGreaterThan(0);
      expect(results, typed).toEqual(await search(written));
    }
    expect((await search('số hoá'))[0]).toBe('/tin-tuc/kho-bac-so-hoa/');
    // The index lists the placements it holds, so "hoá" is searched as "hóa" alone (`tonePlacements`).
    const list = JSON.parse((await (await fetch(`${site}/pagefind/shards.json`)).text())) as { spellingWords: string[] };
    expect(list.spellingWords).toEqual(expect.arrayContaining(['hóa', 'khỏe']));
    expect(list.spellingWords).not.toContain('hoá');
    expect(list.spellingWords).not.toContain('khoẻ');
  });

  it('ranks the exact form first: "Kho bạc" above "phía Bắc"', async () => {
    const results = await search('Kho bạc');
    expect(results[0]).toBe('/tin-tuc/kho-bac-so-hoa/');
  });

  it('filters by kind, category, unit and year, combined', async () => {
    expect(await search('hiến máu', { kind: 'Báo cáo' })).toEqual(['/bao-cao/bao-cao-nhiem-ky-2017-2019/']);
    expect(await search('hiến máu', { kind: 'Sự kiện' })).toEqual(['/su-kien/ngay-hoi-hien-mau-2030/']);
    const in2024 = await search('đoàn viên', { year: '2024', category: 'Hoạt động Đoàn' });
    expect(in2024.length).toBeGreaterThan(0);
    expect(in2024).not.toContain('/tin-tuc/guong-doan-vien-tre/');
    expect(await search('hiến máu', { unit: 'Đoàn Khối' })).toEqual(['/su-kien/ngay-hoi-hien-mau-2030/']);
    expect(await page.locator('select[name="kind"]').inputValue()).toBe('');
    // A year split in two shards: both halves, each item once, by relevance and newest first.
    const numbered = Array.from({ length: 23 }, (_, at) => `/tin-tuc/tin-so-${String(at + 1).padStart(2, '0')}/`);
    for (const sort of ['', 'newest']) {
      const in2023 = await search('tin hoạt động', { year: '2023', ...(sort && { sort }) });
      expect([...in2023].sort(), sort).toEqual(numbered);
      expect(await status().textContent(), sort).toBe('Tìm thấy 23 kết quả cho "tin hoạt động"');
    }
  });

  it('sorts by newest first across years and shards, with the same results as by relevance', async () => {
    for (const query of ['đoàn viên', 'doan vien']) {
      const results = await search(query, { sort: 'newest' });
      const dates = await page.locator('.result .facts').allTextContents();
      const isoDates = dates.map((text) => text.slice(0, 10).split('/').reverse().join('-'));
      expect(isoDates, query).toEqual([...isoDates].sort().reverse());
      expect(new Set(isoDates.map((date) => date.slice(0, 4))).size, query).toBeGreaterThan(1);
      expect([...results].sort(), query).toEqual([...(await search(query))].sort());
    }
  });

  it('searches the newest years first and older ones only when asked for more', async () => {
    // Shards are searched four pages at a time here: 2024 to 2030 first, then each half of 2023, then 2019 to 2022.
    const requested: string[] = [];
    const listen = (request: { url: () => string }) => requested.push(new URL(request.url()).pathname);
    page.on('request', listen);
    try {
      const url = new URL(`${site}/tim-kiem/`);
      url.searchParams.set('q', 'tin hoạt động');
      await page.goto(url.href);
      // Nothing in 2024 to 2030: the search goes on to the second half of 2023, where it finds a first page of
      // results, and stops.
      await expect.poll(() => status().textContent(), { timeout: 15_000 }).toMatch(/^Tìm thấy \d+ kết quả cho "tin hoạt động" trong các bài từ tháng 7\/2023; bấm "Xem thêm kết quả" để tìm cả các bài trước đó$/);
      expect(await page.locator('.result').count()).toBe(10);
      expect(requested.some((path) => path.startsWith('/pagefind/2023-07/'))).toBe(true);
      expect(requested.filter((path) => path.startsWith('/pagefind/2023-01/') || path.startsWith('/pagefind/2019-2022/'))).toEqual([]);
      // Results of the newest batch come first, each batch ranked on its own.
      const months = (await page.locator('.result .facts').allTextContents()).map((text) => text.slice(6, 10) + text.slice(2, 5));
      const batch = months.map((month) => (month >= '2024' ? 0 : month >= '2023/07' ? 1 : 2));
      expect(batch).toEqual([...batch].sort());
      expect(batch).toContain(1);
    } finally {
      page.off('request', listen);
    }
    // Asking for more reaches the older years, and the count becomes the whole portal's.
    const all = await search('tin hoạt động');
    expect(all.length).toBeGreaterThan(10);
    expect(await status().textContent()).toMatch(/^Tìm thấy \d+ kết quả cho "tin hoạt động"$/);
    const total = await status().textContent();

    // Ranked across every year at once: the whole count from the first answer, the same results.
    const url = new URL(`${site}/tim-kiem/`);
    url.searchParams.set('q', 'tin hoạt động');
    url.searchParams.set('sort', 'all');
    await page.goto(url.href);
    await expect.poll(() => status().textContent(), { timeout: 15_000 }).toBe(total);
    expect(await page.getByRole('combobox', { name: 'Sắp xếp' }).inputValue()).toBe('all');
    expect(new Set(await search('tin hoạt động', { sort: 'all' }))).toEqual(new Set(all));
  });

  it('says clearly when nothing matches, and never shows unpublished items', async () => {
    expect(await search('xylophone')).toEqual([]);
    expect(await status().textContent()).toBe('Không tìm thấy kết quả cho "xylophone".');
    expect(await page.getByText('Gợi ý:').count()).toBe(1);
    for (const query of ['"Bài nháp chưa xuất bản"', '"Bài hẹn giờ đăng năm 2030"', '"Thông báo đã hết hạn"']) expect(await search(query), query).toEqual([]);
    // Nor the words the portal puts on every article page of a kind: the gallery's heading, its viewer's buttons, the
    // share buttons.
    for (const query of ['"Một số hình ảnh"', '"Ảnh trước"', '"Ảnh sau"', '"Sao chép liên kết"']) expect(await search(query), query).toEqual([]);
  });

  it('keeps the query in the URL: submit, filter, back and forward', async () => {
    await page.goto(`${site}/`);
    await page.getByRole('search', { name: 'Tìm kiếm trên cổng thông tin' }).getByRole('searchbox').fill('hien mau');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/tim-kiem/?q=hien+mau');
    await expect.poll(() => status().textContent()).toMatch(/^Tìm thấy/);
    await page.getByRole('combobox', { name: 'Loại tin' }).selectOption('Báo cáo');
    await page.waitForURL(/kind=/);
    await expect.poll(() => page.locator('.result').count()).toBe(1);
    await page.goBack();
    await expect.poll(() => page.locator('select[name="kind"]').inputValue()).toBe('');
    await expect.poll(() => page.locator('.result').count()).toBeGreaterThan(1);
    expect(await page.locator('#search-q').inputValue()).toBe('hien mau');
  });

  it('shows results in order as their excerpts arrive, and announces the page once it is complete', async () => {
    const { reader, close } = await freshReader();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let fragments = 0;
    // The third result's excerpt is late; the fourth and later arrive before it.
    await reader.route('**/fragment/**', async (route) => {
      if (++fragments === 3) await held;
      await route.continue();
    });
    await reader.goto(`${site}/tim-kiem/?q=${encodeURIComponent('tin hoạt động')}`);
    const results = reader.locator('.result');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(2);
    expect(fragments).toBeGreaterThan(3);
    expect(await reader.locator('.results').getAttribute('aria-busy')).toBe('true');
    expect(await reader.locator('#search-status').textContent()).toBe('Đang tìm…');
    expect(await reader.getByRole('button', { name: 'Xem thêm kết quả' }).isVisible()).toBe(false);
    release();
    await expect.poll(() => reader.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/^Tìm thấy \d+ kết quả/);
    expect(await results.count()).toBe(10);
    expect(await reader.locator('.results').getAttribute('aria-busy')).toBe('false');
    await close();
  });

  it('is usable from the keyboard and announces results', async () => {
    await page.goto(`${site}/tim-kiem/`);
    await page.getByRole('search', { name: 'Tìm kiếm tin bài' }).getByRole('searchbox').focus();
    await page.keyboard.type('hien mau');
    await page.keyboard.press('Enter');
    await expect.poll(() => status().textContent()).toMatch(/^Tìm thấy/);
    expect(await status().getAttribute('role')).toBe('status');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tìm');
    // Results are links in document order after the filters: reachable by Tab alone.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.closest('.result') !== null)); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.closest('.result') !== null)).toBe(true);
  });

  it('explains when the search index is missing', async () => {
    const bare = await browser.newPage();
    await bare.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await bare.goto(`${site}/tim-kiem/?q=hien+mau`);
    await expect.poll(() => bare.locator('#search-status').textContent()).toContain('Chưa có chỉ mục tìm kiếm');
    // A page without the list of shards (as in `astro dev`) asks for it, and says the same when it is missing.
    await bare.route('**/tim-kiem/**', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/(<script type="application\/json" id="search-shards">)[^<]*/, '$1');
      await route.fulfill({ response, body });
    });
    const requested: string[] = [];
    bare.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await bare.goto(`${site}/tim-kiem/?q=doan+vien`);
    await expect.poll(() => bare.locator('#search-status').textContent()).toContain('Chưa có chỉ mục tìm kiếm');
    expect(requested).toContain('/pagefind/shards.json');
    await bare.close();
  });

  it('loads the index of the words while the reader types, so that the search has only excerpts to fetch', async () => {
    const chunks: string[] = [];
    const listen = (request: { url: () => string }) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.pf_index')) chunks.push(path);
    };
    page.on('request', listen);
    try {
      // No query yet, nothing of the index loaded; one year, so one batch of shards: what loads while typing is all
      // the search needs.
      await page.goto(`${site}/tim-kiem/?year=2024`);
      const field = page.locator('#search-q');
      await field.pressSequentially('tình nguyện viên', { delay: 20 });
      await expect.poll(() => chunks.length).toBeGreaterThan(0);
      // Until the loads stop.
      let before = -1;
      while (before !== chunks.length) {
        before = chunks.length;
        await page.waitForTimeout(400);
      }
      await field.press('Enter');
      await expect.poll(() => status().textContent(), { timeout: 15_000 }).toMatch(/^(Tìm thấy|Không tìm thấy).*"tình nguyện viên"/);
      expect(chunks).toHaveLength(before);
    } finally {
      page.off('request', listen);
    }
  });

  it('searches the same when the host sends the index files with Content-Encoding: gzip', async () => {
    const firstPage = async (reader: Page) => {
      const url = new URL(`${site}/tim-kiem/`);
      url.searchParams.set('q', 'đoàn viên');
      url.searchParams.set('sort', 'all');
      await reader.goto(url.href);
      await expect.poll(() => reader.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/^Tìm thấy/);
      return reader.locator('.result h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    };
    const expected = await firstPage(page);
    expect(expected.length).toBeGreaterThan(1);
    const decoded = await browser.newPage();
    // The browser hands on a body it decoded itself: pagefind's files arrive inflated.
    await decoded.route(/\/pagefind\/.+\.(pf_\w+|pagefind)$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: gunzipSync(await response.body()) });
    });
    expect(await firstPage(decoded)).toEqual(expected);
    await decoded.close();
  });

  it('loads the newest shard while the page loads, each file once, without asking for the list of shards', async () => {
    const { reader, requested, close } = await freshReader();
    // One year, so one batch of shards: the newest, where the fixture has a "hiến máu" article.
    await reader.goto(`${site}/tim-kiem/?q=hien+mau&year=2024`);
    await expect.poll(() => reader.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/^Tìm thấy/);
    const list = JSON.parse((await reader.locator('#search-shards').textContent())!) as { shards: { name: string; tag: string }[]; preload: string[] };
    expect(requested).not.toContain('/pagefind/shards.json');
    const entry = `/pagefind/${list.shards[0].name}/pagefind-entry.json?ts=${list.shards[0].tag}`;
    expect(list.preload).toContain(entry);
    for (const href of list.preload) expect(requested.filter((path) => path === href), href).toHaveLength(1);
    expect(requested.filter((path) => path.includes('pagefind-entry.json') && !/\?ts=[0-9a-f]{16}$/.test(path))).toEqual([]);
    await close();
  });

  it('loads each index file once and one wasm, however many batches of years a search goes through', async () => {
    const { reader, requested, close } = await freshReader();
    await reader.goto(`${site}/tim-kiem/?q=${encodeURIComponent('tin hoạt động')}`);
    await expect.poll(() => reader.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/^Tìm thấy/);
    await showAllResults(reader);
    await expect.poll(() => reader.locator('#search-status').textContent()).toMatch(/^Tìm thấy \d+ kết quả cho "tin hoạt động"$/);
    // Three batches of shards, each a pagefind instance of its own.
    const shards = new Set(requested.map((path) => path.split('/')[2]).filter((name) => /^\d{4}/.test(name)));
    expect(shards.size).toBeGreaterThanOrEqual(4);
    const twice = requested.filter((path, at) => requested.indexOf(path) !== at);
    expect(twice).toEqual([]);
    expect(requested.filter((path) => /\/wasm\.[\w-]+\.pagefind$/.test(path))).toHaveLength(1);
    await close();
  });

  it('loads no script on reading pages except the share buttons', async () => {
    const scripts: string[] = [];
    const reader = await browser.newPage();
    reader.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await reader.goto(`${site}/chuyen-muc/hoat-dong-doan/`);
    await reader.goto(`${site}/`);
    expect(scripts).toEqual([]);
    await reader.close();
  });
});
