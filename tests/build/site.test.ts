/** A full build of the fixture site: pages, listings, pagination, feeds, and what must never be published. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ShardsFile } from '../../src/lib/search-batches';
import { FIXTURE_CONTENT, ROOT, runAstro, SMALL_SHARDS } from '../helpers/astro';

const DIST = path.join(ROOT, 'tests/fixtures/site/dist');
const page = (url: string) => readFileSync(path.join(DIST, url, url.endsWith('.xml') ? '' : 'index.html'), 'utf8');
const exists = (url: string) => existsSync(path.join(DIST, url, url.endsWith('.xml') ? '' : 'index.html'));
const allFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|xml|txt|ics)$/.test(f)).map((f) => path.join(dir, f));
const countItems = (html: string) => (html.match(/<article class="card/g) ?? []).length;

beforeAll(() => {
  // Small search shards, as on a large portal; a time zone far from Viet Nam's, which no date may depend on.
  const run = runAstro(['build', '--outDir', DIST], FIXTURE_CONTENT, { ...SMALL_SHARDS, TZ: 'America/Los_Angeles' });
  if (run.status !== 0) throw new Error(run.output);
});

describe('fixture site build', () => {
  it('builds an article page with breadcrumb, Vietnamese date, lead, gallery, byline, tags and share links', () => {
    const html = page('/tin-tuc/hien-mau-tinh-nguyen/');
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain('Bỏ qua để đến nội dung chính');
    expect(html).toMatch(/<nav class="breadcrumb[^>]*aria-label="Đường dẫn"/);
    expect(html).toContain('>Chủ Nhật, 14/04/2024, 08:30</time>');
    expect(html).toContain('Cập nhật lúc Thứ Hai, 15/04/2024, 10:00');
    expect(html).toContain('Nội dung cập nhật: Bổ sung số đơn vị máu thu được.');
    expect(html).toContain('Một số hình ảnh');
    expect(html).toContain('<figcaption data-astro-cid');
    expect(html).toContain('Kiểm tra sức khỏe trước khi hiến máu');
    expect(html).toContain('Nguyễn Văn An – Chi đoàn Sở TT&amp;TT');
    expect(html).toContain('href="/the/hien-mau/"');
    expect(html).toContain('facebook.com/sharer');
    expect(html).toContain('zalo.me');
    // E-mail: the title as subject, title and address as body.
    expect(html).toContain(
      '<a href="mailto:?subject=%C4%90o%C3%A0n%20vi%C3%AAn%20S%E1%BB%9F%20Th%C3%B4ng%20tin%20v%C3%A0%20Truy%E1%BB%81n%20th%C3%B4ng%20tham%20gia%20hi%E1%BA%BFn%20m%C3%A1u%20t%C3%ACnh%20nguy%E1%BB%87n&amp;body=%C4%90o%C3%A0n%20vi%C3%AAn%20S%E1%BB%9F%20Th%C3%B4ng%20tin%20v%C3%A0%20Truy%E1%BB%81n%20th%C3%B4ng%20tham%20gia%20hi%E1%BA%BFn%20m%C3%A1u%20t%C3%ACnh%20nguy%E1%BB%87n%0Ahttps%3A%2F%2Fbantin.example.gov.vn%2Ftin-tuc%2Fhien-mau-tinh-nguyen%2F" aria-label="Gửi liên kết qua Email"',
    );
    expect(html).toContain('<aside class="callout note"');
    expect(html).toContain('"@type":"NewsArticle"');
    expect(html).toContain('<link rel="canonical" href="https://bantin.example.gov.vn/tin-tuc/hien-mau-tinh-nguyen/">');
    // A JPEG, which every network and messaging app shows.
    const social = /<meta property="og:image" content="https:\/\/bantin\.example\.gov\.vn(\/_images\/anh-bia\.[\w-]+_\d+\.jpg)">/.exec(html);
    expect(social, 'og:image').not.toBeNull();
    expect(readFileSync(path.join(DIST, social![1])).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(html).toContain(`"image":["https://bantin.example.gov.vn${social![1]}"]`);
    // The preview's size and text, so a network can show it on a first share; the article's dates, section, tags.
    expect(html).toMatch(/<meta property="og:image:width" content="\d+"><meta property="og:image:height" content="\d+">/);
    expect(html).toContain('<meta property="og:image:alt" content="Đoàn viên xếp hàng đăng ký hiến máu">');
    expect(html).toContain('<meta property="article:published_time" content="2024-04-14T08:30:00+07:00">');
    expect(html).toContain('<meta property="article:modified_time" content="2024-04-15T10:00:00+07:00">');
    expect(html).toContain('<meta property="article:section" content="Hoạt động Đoàn">');
    expect(html).toContain('<meta property="article:tag" content="hiến máu"><meta property="article:tag" content="tình nguyện">');
    expect(html).toMatch(/srcset="[^"]+\.webp 480w/);
    // A page without a photo is shared with the portal's own picture, its size read from the file.
    const plain = page('/tin-tuc/tin-so-12/');
    expect(plain).toContain(
      '<meta property="og:image" content="https://bantin.example.gov.vn/anh-chia-se.png"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630"><meta property="og:image:alt" content="Bản tin Đoàn Khối">',
    );
    expect(plain).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(readFileSync(path.join(DIST, 'anh-chia-se.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('writes valid HTML on every page', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // The code blocks of the editors' guide, coloured by Astro's highlighter.
        'no-inline-style': 'off',
        // Vietnamese news titles are long; the page title is the article's.
        'long-title': 'off',
        // HTML allows ids that start with a digit: headings "1. …" of the editors' guide.
        'valid-id': ['error', { relaxed: true }],
      },
    });
    const pages = allFiles(DIST).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(readFileSync(file, 'utf8'), path.relative(DIST, file));
      for (const result of report.results) for (const m of result.messages) problems.push(`${result.filePath}:${m.line} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('writes every copy of a photo that a page names, and only those', () => {
    const named = new Set<string>();
    for (const file of allFiles(DIST).filter((f) => f.endsWith('.html'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\/_images\/([\w.-]+\.(?:webp|jpg))/g)) named.add(match[1]);
    }
    // Cover (4 widths at most) and gallery copies of the fixture's photos, linked from cards, articles and search.
    expect(named.size).toBeGreaterThan(4);
    const written = new Set(readdirSync(path.join(DIST, '_images')));
    for (const name of named) expect(written.has(name), name).toBe(true);
    // The gallery's largest copies are linked, not shown, and every copy is named somewhere.
    for (const name of written) expect(named.has(name), name).toBe(true);
  });

  it('shows related items and the neighbours in the category', () => {
    const html = page('/tin-tuc/hien-mau-tinh-nguyen/');
    expect(html).toContain('Tin liên quan');
    expect(html).toContain('/bao-cao/bao-cao-nhiem-ky-2017-2019/');
  });

  it('builds a report page with its period and Vietnamese figures', () => {
    const html = page('/bao-cao/bao-cao-nhiem-ky-2017-2019/');
    expect(html).toContain('Nhiệm kỳ 2017 - 2019');
    expect(html).toContain('15.000.000 đồng');
    expect(html).toContain('15 lượt');
    expect(html).toContain('Đoàn viên mới');
  });

  it('opens a body of three sections or more with their list, each linking its heading by an ASCII id', () => {
    const report = page('/bao-cao/bao-cao-nhiem-ky-2017-2019/');
    const outline = /<nav class="outline[^"]*"[^>]*aria-labelledby="outline-title"[^>]*>(.*?)<\/nav>/s.exec(report)?.[1] ?? '';
    expect(outline).toMatch(/<h2 id="outline-title"[^>]*>Nội dung chính<\/h2>/);
    const links = [...outline.matchAll(/<a href="#([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['cong-tac-tuyen-truyen', 'Công tác tuyên truyền'], ['xay-dung-to-chuc', 'Xây dựng tổ chức'], ['phuong-huong-nhiem-ky-toi', 'Phương hướng nhiệm kỳ tới'],
    ]);
    for (const [id] of links) expect(report).toContain(`<h2 id="${id}">`);
    // Not indexed for search (the headings are, in the body); an article of one section has no list.
    expect(report).toMatch(/<nav class="outline[^"]*"[^>]*data-pagefind-ignore="all"/);
    expect(page('/tin-tuc/hien-mau-tinh-nguyen/')).not.toContain('outline-title');
    // Sections without numbers of their own are numbered by the list; the guide's, numbered by their writer, are not.
    expect(outline).not.toContain('own-numbers');
    const guide = /<nav class="outline[^"]*"[^>]*aria-labelledby="outline-title"[^>]*>(.*?)<\/nav>/s.exec(page('/huong-dan-bien-tap/'))?.[1] ?? '';
    expect(guide).toMatch(/<ol class="own-numbers[^"]*"/);
    expect(guide).toContain('>1. Các loại nội dung</a>');
  });

  it('lists reports in the news stream of their category, each with its period', () => {
    expect(page('/chuyen-muc/tin-tuc-su-kien/trang/2/')).toContain('/bao-cao/bao-cao-nhiem-ky-2017-2019/');
    expect(page('/bao-cao/')).toMatch(/<span class="kind"[^>]*>Báo cáo · Nhiệm kỳ 2017 - 2019<\/span>/);
    // One unit reports here: no list of units above the reports.
    expect(page('/bao-cao/')).not.toContain('reports-by-unit');
  });

  it('builds event pages and splits upcoming from past events', () => {
    const html = page('/su-kien/ngay-hoi-hien-mau-2030/');
    expect(html).toContain('Nhà văn hóa tỉnh, số 1 đường Đinh Tiên Hoàng');
    expect(html).toContain('"@type":"Event"');
    expect(html).toContain('Đoàn Khối các cơ quan tỉnh');
    // The place's map link beside it, and in the structured data; an event without one has none.
    const map = 'https://www.openstreetmap.org/?mlat=21.0285&amp;mlon=105.8542#map=18/21.0285/105.8542';
    expect(html).toMatch(new RegExp(`<dd[^>]*>Nhà văn hóa tỉnh, số 1 đường Đinh Tiên Hoàng · <a href="${map.replace(/[?.]/g, '\\$&')}" rel="noopener external" target="_blank"[^>]*>Xem bản đồ</a></dd>`));
    expect(html).toContain('"hasMap":"https://www.openstreetmap.org/?mlat=21.0285&mlon=105.8542#map=18/21.0285/105.8542"');
    expect(page('/su-kien/hoi-thi-2022/')).not.toContain('Xem bản đồ');
    const events = page('/su-kien/');
    const [upcoming, past] = events.split('Đã diễn ra');
    expect(upcoming).toContain('Ngày hội hiến máu Giọt hồng tri ân');
    expect(past).toContain('Hội thi tin học trẻ năm 2022');
    expect(page('/chuyen-muc/su-kien/')).toContain('/su-kien/hoi-thi-2022/');
    // A past event's page says so, without inviting readers to add it to their calendar; an upcoming one does.
    expect(page('/su-kien/hoi-thi-2022/')).toMatch(/<p class="over"[^>]*>Sự kiện đã diễn ra<\/p>/);
    expect(page('/su-kien/hoi-thi-2022/')).not.toContain('Thêm vào lịch');
    expect(html).not.toContain('Sự kiện đã diễn ra');
    expect(html).toContain('Thêm vào lịch');
    // Where to sign up, while the event is to come.
    expect(html).toMatch(/<p class="register no-print" data-pagefind-ignore="all"[^>]*><a href="https:\/\/forms\.example\.gov\.vn\/hien-mau-2030" rel="noopener external" target="_blank"[^>]*>Đăng ký tham gia<\/a><\/p>/);
    expect(page('/su-kien/hoi-thi-2022/')).not.toContain('Đăng ký tham gia');
    // Its deadline, a day: to its end.
    expect(html).toMatch(/<dt[^>]*>Hạn đăng ký<\/dt>\s*<dd[^>]*><time datetime="2030-12-15T00:00:00\+07:00">Chủ Nhật, 15\/12\/2030<\/time><\/dd>/);
    expect(html).not.toContain('Đã hết hạn đăng ký');
    // The lists of upcoming events give it too, while readers can sign up.
    for (const list of [upcoming, page('/')]) expect(list).toMatch(/<p class="deadline"[^>]*>Hạn đăng ký: <time datetime="2030-12-15T00:00:00\+07:00">Chủ Nhật, 15\/12\/2030<\/time><\/p>/);
  });

  it('gives each event an iCalendar file, and the events of the last year and to come one calendar to subscribe to', () => {
    // As a calendar app reads the file: folded lines joined again.
    const calendar = (file: string) => readFileSync(path.join(DIST, file), 'utf8').replace(/\r\n /g, '');
    // Links for readers, neither printed nor searched: Google Calendar's form, and the file for other apps.
    const links = /<p class="calendar no-print" data-pagefind-ignore="all"[^>]*>(.*?)<\/p>/s.exec(page('/su-kien/ngay-hoi-hien-mau-2030/'))?.[1] ?? '';
    expect(links).toMatch(/^Thêm vào lịch: <a href="https:\/\/calendar\.google\.com[^>]*>Google Lịch<\/a> · <a /);
    expect(links).toMatch(/<a href="\/su-kien\/ngay-hoi-hien-mau-2030\/lich\.ics"[^>]*>tệp \.ics/);
    const google = new URL(/href="(https:\/\/calendar\.google\.com[^"]*)"/.exec(links)![1].replaceAll('&amp;', '&'));
    expect(google.searchParams.get('dates')).toBe('20301220T003000Z/20301220T043000Z');
    expect(google.searchParams.get('text')).toBe('Ngày hội hiến máu Giọt hồng tri ân');
    const timed = calendar('su-kien/ngay-hoi-hien-mau-2030/lich.ics');
    expect(timed).toContain('UID:ngay-hoi-hien-mau-2030@bantin.example.gov.vn');
    expect(timed).toContain('SUMMARY:Ngày hội hiến máu Giọt hồng tri ân');
    expect(timed).toContain('DTSTART:20301220T003000Z');
    expect(timed).toContain('DTEND:20301220T043000Z');
    expect(timed).toContain('LOCATION:Nhà văn hóa tỉnh\\, số 1 đường Đinh Tiên Hoàng');
    expect(timed).toContain(
      '\\nĐơn vị tổ chức: Đoàn Khối các cơ quan tỉnh\\nXem bản đồ: https://www.openstreetmap.org/?mlat=21.0285&mlon=105.8542#map=18/21.0285/105.8542\\nĐăng ký tham gia: https://forms.example.gov.vn/hien-mau-2030\\nHạn đăng ký: Chủ Nhật\\, 15/12/2030\\nhttps://bantin.example.gov.vn/su-kien/ngay-hoi-hien-mau-2030/',
    );
    // A day without a time is that day in Viet Nam: this build runs in another time zone (beforeAll).
    const renamed = calendar('su-kien/hoi-thi-2022/lich.ics');
    expect(renamed).toContain('DTSTART;VALUE=DATE:20220510');
    // A renamed event: known to calendars by its first address, its file at the old address too.
    expect(renamed).toContain('UID:hoi-thi-tin-hoc-2022@bantin.example.gov.vn');
    expect(renamed).toContain('\\nhttps://bantin.example.gov.vn/su-kien/hoi-thi-2022/');
    expect(calendar('su-kien/hoi-thi-tin-hoc-2022/lich.ics')).toBe(renamed);
    const subscribe = page('/su-kien/');
    expect(subscribe).toContain('href="/su-kien/lich.ics"');
    expect(subscribe).toContain('href="webcal://bantin.example.gov.vn/su-kien/lich.ics"');
    expect(subscribe).toContain('href="https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fbantin.example.gov.vn%2Fsu-kien%2Flich.ics"');
    const all = calendar('su-kien/lich.ics');
    // Events to come and those of the last year: not the 2022 one, which keeps its own file.
    expect(all.match(/^UID:.*$/gm)).toEqual(['UID:ngay-hoi-hien-mau-2030@bantin.example.gov.vn']);
    expect(all).toContain('X-WR-CALNAME:Sự kiện – Bản tin Đoàn Khối');
  });

  it('gives a unit’s secretary and contact details on its page', () => {
    const rows = /<dl[^>]*>(.*?)<\/dl>/s.exec(page('/don-vi/doan-khoi/'))?.[1].replace(/ data-astro-cid-\w+/g, '');
    expect(rows).toContain('<dt>Bí thư</dt><dd>Nguyễn Thị Hà</dd>');
    expect(rows).toContain('<dt>Địa chỉ</dt><dd>Số 1 đường Đinh Tiên Hoàng</dd>');
    expect(rows).toContain('<dt>Điện thoại</dt><dd><a href="tel:02263812345">0226\u00a03\u00a0812\u00a0345</a></dd>');
    expect(rows).toContain('<dt>Thư điện tử</dt><dd><a href="mailto:doankhoi@example.gov.vn">doankhoi@example.gov.vn</a></dd>');
    // A unit without them has none of these rows.
    expect(page('/don-vi/chi-doan-so-tttt/')).not.toContain('<dt>Bí thư</dt>');
  });

  it('lists every tag with how many items have it, linked from the footer and each tag page', () => {
    const tags = page('/the/');
    const tagged = countItems(page('/the/hien-mau/'));
    expect(tagged).toBeGreaterThan(1);
    expect(tags).toMatch(new RegExp(`<a href="/the/hien-mau/"[^>]*>hiến máu</a> <span class="muted"[^>]*>\\(${tagged} bài\\)</span>`));
    // Vietnamese alphabetical order: "hiến máu" before "tình nguyện".
    expect(tags.indexOf('>hiến máu<')).toBeLessThan(tags.indexOf('>tình nguyện<'));
    const crumbs = (html: string) => /<nav class="breadcrumb[^>]*>(.*?)<\/nav>/s.exec(html)?.[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    expect(crumbs(page('/the/hien-mau/'))).toBe('Trang chủ Từ khóa Từ khóa: hiến máu');
    expect(page('/the/hien-mau/')).toMatch(/<li[^>]*><a href="\/the\/"[^>]*>Từ khóa<\/a><\/li>/);
    expect(crumbs(page('/don-vi/doan-khoi/'))).toBe('Trang chủ Các đơn vị Đoàn Khối các cơ quan tỉnh');
    expect(page('/')).toMatch(/<footer[\s\S]*<a href="\/the\/"[^>]*>Từ khóa<\/a>/);
  });

  it('paginates listings by 20, newest first, with numbered links', () => {
    const first = page('/chuyen-muc/tin-tuc-su-kien/');
    expect(countItems(first)).toBe(20);
    expect(first).toContain('href="/chuyen-muc/tin-tuc-su-kien/trang/2/"');
    const second = page('/chuyen-muc/tin-tuc-su-kien/trang/2/');
    expect(countItems(second)).toBe(7);
    expect(second).toContain('Trang 2/2');
    const dates = [...first.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(exists('/tin-tuc/trang/2/')).toBe(true);
  });

  it('builds tag, unit, year and home pages', () => {
    expect(page('/the/hien-mau/')).toContain('Từ khóa: hiến máu');
    const unit = page('/don-vi/doan-khoi/');
    expect(unit).toContain('Đơn vị trực thuộc');
    expect(unit).toContain('/don-vi/chi-doan-so-tttt/');
    expect(page('/don-vi/chi-doan-so-tttt/')).toContain('/bao-cao/bao-cao-nhiem-ky-2017-2019/');
    expect(page('/nam/2019/')).toContain('Lưu trữ năm 2019');
    const home = page('/');
    for (const heading of ['Tin nổi bật', 'Tin mới nhất', 'Sự kiện sắp diễn ra', 'Báo cáo mới']) expect(home).toContain(heading);
    expect(exists('/tim-kiem/')).toBe(true);
    // A search box in the header of every page but the search page, which has its own form (one box, not two).
    const searchForms = (html: string) => (html.match(/<form [^>]*role="search"/g) ?? []).length;
    for (const url of ['/', '/tin-tuc/', '/the/hien-mau/', '/don-vi/doan-khoi/', '/tin-tuc/hien-mau-tinh-nguyen/']) {
      expect(page(url), url).toMatch(/<form class="search" role="search"[^>]* action="\/tim-kiem\/"/);
    }
    expect(page('/tim-kiem/')).not.toContain('id="header-search"');
    expect(searchForms(page('/tim-kiem/'))).toBe(1);
    expect(existsSync(path.join(DIST, '404.html'))).toBe(true);
    // The not-found page, served at any unknown address, has none of its own for search engines.
    const notFound = readFileSync(path.join(DIST, '404.html'), 'utf8');
    expect(notFound).toContain('<meta name="robots" content="noindex">');
    expect(notFound).not.toContain('rel="canonical"');
    expect(notFound).not.toContain('og:url');
    expect(home).toContain('<link rel="canonical" href="https://bantin.example.gov.vn/">');
    // The first featured photo is the largest thing on the home page: it loads at once, first; the rest when near.
    const images = home.match(/<img [^>]*>/g) ?? [];
    expect(images[0]).toMatch(/loading="eager"[^>]*fetchpriority="high"/);
    for (const image of images.slice(1)) expect(image).toContain('loading="lazy"');
  });

  it('draws its emblem and uses public/favicon.svg when the portal has no logo', () => {
    const home = page('/');
    expect(home).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    expect(home).not.toContain('class="emblem"');
    expect(home).toMatch(/<a class="brand"[^>]*>\s*<svg aria-hidden="true"/);
  });

  it('copies the public folder, however old its files are', () => {
    // Astro gives a copy its public file's time, which is older than the build: not a file left by an old build.
    for (const file of ['favicon.svg', 'admin/config.yml']) {
      expect(readFileSync(path.join(DIST, file), 'utf8'), file).toBe(readFileSync(path.join(ROOT, 'public', file), 'utf8'));
    }
  });

  it('publishes an item’s attachments beside its page, listed with their type and size', () => {
    const html = page('/tin-tuc/hien-mau-tinh-nguyen/');
    expect(html).toMatch(/<h2 id="attachments-title"[^>]*>Tệp đính kèm<\/h2>/);
    // The editor's file name, in ASCII; the size as the file has it (603 bytes, 12 KiB).
    expect(html).toMatch(
      /<a href="\/tin-tuc\/hien-mau-tinh-nguyen\/phieu-dang-ky-tham-gia\.pdf" type="application\/pdf"[^>]*>Phiếu đăng ký tham gia hiến máu<\/a> <span class="file-facts"[^>]*>\(PDF, 1 KB\)<\/span>/,
    );
    expect(html).toMatch(/href="\/tin-tuc\/hien-mau-tinh-nguyen\/danh-sach\.docx" type="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document"[^>]*>Danh sách người hiến máu<\/a> <span class="file-facts"[^>]*>\(DOCX, 12 KB\)/);
    const source = path.join(ROOT, 'tests/fixtures/site/content/news/hien-mau-tinh-nguyen');
    expect(readFileSync(path.join(DIST, 'tin-tuc/hien-mau-tinh-nguyen/phieu-dang-ky-tham-gia.pdf')).equals(readFileSync(path.join(source, 'Phiếu đăng ký tham gia.pdf')))).toBe(true);
    expect(readFileSync(path.join(DIST, 'tin-tuc/hien-mau-tinh-nguyen/danh-sach.docx')).equals(readFileSync(path.join(source, 'danh-sach.docx')))).toBe(true);
    // A report's and an event's too, beside their pages.
    expect(page('/bao-cao/bao-cao-nhiem-ky-2017-2019/')).toContain('href="/bao-cao/bao-cao-nhiem-ky-2017-2019/bao-cao-day-du.pdf"');
    expect(page('/su-kien/ngay-hoi-hien-mau-2030/')).toContain('href="/su-kien/ngay-hoi-hien-mau-2030/the-le-ngay-hoi-2030.pdf"');
    expect(readFileSync(path.join(DIST, 'su-kien/ngay-hoi-hien-mau-2030/the-le-ngay-hoi-2030.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // Pages without attachments have no such list; files are not pages of the sitemap; a draft's file is nowhere.
    expect(page('/tin-tuc/tin-so-12/')).not.toContain('Tệp đính kèm');
    expect(readFileSync(path.join(DIST, 'sitemap-0.xml'), 'utf8')).not.toMatch(/\.(pdf|docx)</);
    const published = readdirSync(DIST, { recursive: true, encoding: 'utf8' });
    expect(published.filter((file) => /\.(pdf|docx)$/.test(file)).sort()).toEqual([
      'bao-cao/bao-cao-nhiem-ky-2017-2019/bao-cao-day-du.pdf',
      'su-kien/ngay-hoi-hien-mau-2030/the-le-ngay-hoi-2030.pdf',
      // At the renamed article's old address too.
      'tin-tuc/hien-mau-chu-nhat-do-2024/danh-sach.docx',
      'tin-tuc/hien-mau-chu-nhat-do-2024/phieu-dang-ky-tham-gia.pdf',
      'tin-tuc/hien-mau-tinh-nguyen/danh-sach.docx',
      'tin-tuc/hien-mau-tinh-nguyen/phieu-dang-ky-tham-gia.pdf',
    ]);
  });

  it('lists every published item’s attachments on the documents’ page, and the newest on the home page', () => {
    const documents = page('/van-ban/');
    expect(documents).toContain('<h1>Văn bản, tài liệu</h1>');
    // Newest item first (the 2030 event is listed at its start), each item's files in its order; never a draft's.
    const links = [...documents.matchAll(/<li class="attachment[^"]*"[^>]*><a href="([^"]+)"/g)].map((match) => match[1]);
    expect(links).toEqual([
      '/su-kien/ngay-hoi-hien-mau-2030/the-le-ngay-hoi-2030.pdf',
      '/tin-tuc/hien-mau-tinh-nguyen/phieu-dang-ky-tham-gia.pdf',
      '/tin-tuc/hien-mau-tinh-nguyen/danh-sach.docx',
      '/bao-cao/bao-cao-nhiem-ky-2017-2019/bao-cao-day-du.pdf',
    ]);
    // Each with its item, date and unit.
    expect(documents).toMatch(
      /<time datetime="2024-04-14T08:30:00\+07:00">14\/04\/2024<\/time> · Chi đoàn Sở TT&amp;TT · Kèm theo: <a href="\/tin-tuc\/hien-mau-tinh-nguyen\/"[^>]*>Đoàn viên Sở Thông tin và Truyền thông tham gia hiến máu tình nguyện<\/a>/,
    );
    expect(documents).not.toContain('ban-nhap');
    const home = page('/');
    expect(home).toContain('>Văn bản mới</h2>');
    expect(home).toContain('href="/tin-tuc/hien-mau-tinh-nguyen/danh-sach.docx"');
    expect(home).toContain('<a href="/van-ban/"');
  });

  it('lists every published article’s gallery on the photo albums’ page, each opening the article’s gallery', () => {
    const albums = page('/thu-vien-anh/');
    expect(albums).toContain('<h1>Thư viện ảnh</h1>');
    const cards = [...albums.matchAll(/<article[^>]*>([\s\S]*?)<\/article>/g)].map((match) => match[1]);
    expect(cards).toHaveLength(1);
    const [card] = cards;
    // An empty alt (the title names the photo), which Astro writes as a bare attribute.
    expect(card).toMatch(/<img src="\/_images\/[^"]+\.webp"[^>]* alt[ >]/);
    expect(card).toMatch(/<a href="\/tin-tuc\/hien-mau-tinh-nguyen\/#gallery-title"[^>]*>Đoàn viên Sở Thông tin và Truyền thông tham gia hiến máu tình nguyện<\/a>/);
    expect(card).toMatch(/14\/04\/2024<\/time> · 2 ảnh/);
    expect(page('/tin-tuc/hien-mau-tinh-nguyen/')).toContain('id="gallery-title"');
    // The home page shows the newest albums, their titles under its section's heading.
    const home = page('/');
    expect(home).toContain('<h2 id="albums" class="section-title"');
    expect(home).toMatch(/<h3 class="title"[^>]*><a href="\/tin-tuc\/hien-mau-tinh-nguyen\/#gallery-title"/);
    expect(albums).toMatch(/<h2 class="title"[^>]*><a href="\/tin-tuc\/hien-mau-tinh-nguyen\/#gallery-title"/);
  });

  it('keeps an item’s old address (previousSlugs) leading to it, outside the sitemap and the search index', () => {
    const moved = page('/tin-tuc/hien-mau-chu-nhat-do-2024/');
    expect(moved).toContain('<html lang="vi">');
    expect(moved).toContain('<meta http-equiv="refresh" content="0;url=/tin-tuc/hien-mau-tinh-nguyen/">');
    expect(moved).toContain('<meta name="robots" content="noindex">');
    expect(moved).toContain('<link rel="canonical" href="https://bantin.example.gov.vn/tin-tuc/hien-mau-tinh-nguyen/">');
    expect(moved).toContain('<a href="/tin-tuc/hien-mau-tinh-nguyen/">https://bantin.example.gov.vn/tin-tuc/hien-mau-tinh-nguyen/</a>');
    expect(moved).not.toContain('data-pagefind-body');
    const sitemap = readFileSync(path.join(DIST, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/tin-tuc/hien-mau-tinh-nguyen/');
    expect(sitemap).not.toContain('hien-mau-chu-nhat-do-2024');
  });

  it('gives the not-found page the table of addresses items had on the portal this one replaced (previousUrls)', () => {
    const table = JSON.parse(readFileSync(path.join(DIST, 'dia-chi-cu/0.json'), 'utf8'));
    expect(table).toEqual({ '/pages/kho-bac-so-hoa.aspx?itemid=41': '/tin-tuc/kho-bac-so-hoa/', '/tin-tuc/2024/6/kho-bac.html': '/tin-tuc/kho-bac-so-hoa/' });
    expect(readdirSync(path.join(DIST, 'dia-chi-cu'))).toEqual(['0.json']);
    const notFound = readFileSync(path.join(DIST, '404.html'), 'utf8');
    expect(notFound).toContain('<span hidden data-old-address-files="1"></span>');
    expect(notFound).toMatch(/<script type="module" src="\/_astro\/OldAddressLookup[^"]*\.js"><\/script>/);
    expect(readFileSync(path.join(DIST, 'sitemap-0.xml'), 'utf8')).not.toContain('dia-chi-cu');
  });

  it('writes feeds, a sitemap and a search index', () => {
    const feed = page('/rss.xml');
    expect(feed).toContain('<language>vi</language>');
    expect(feed).toContain('https://bantin.example.gov.vn/tin-tuc/hien-mau-tinh-nguyen/');
    // An item's publication date; an event announced without one (listed at its start, in 2030) has none.
    const itemOf = (url: string) => feed.split('<item>').find((item) => item.includes(`<link>https://bantin.example.gov.vn${url}</link>`))!;
    expect(itemOf('/tin-tuc/hien-mau-tinh-nguyen/')).toContain('<pubDate>Sun, 14 Apr 2024 01:30:00 GMT</pubDate>');
    expect(itemOf('/su-kien/ngay-hoi-hien-mau-2030/')).not.toContain('<pubDate>');
    // Its cover (the JPEG made for sharing, which the build wrote) and its author, for readers and units' websites.
    const media = /<media:content url="https:\/\/bantin\.example\.gov\.vn(\/_images\/[^"]+\.jpg)" medium="image" type="image\/jpeg" width="(\d+)" height="(\d+)"><media:description>Đoàn viên xếp hàng đăng ký hiến máu<\/media:description><\/media:content>/.exec(
      itemOf('/tin-tuc/hien-mau-tinh-nguyen/'),
    );
    expect(media).not.toBeNull();
    expect(existsSync(path.join(DIST, media![1]))).toBe(true);
    expect(itemOf('/tin-tuc/hien-mau-tinh-nguyen/')).toContain('<dc:creator>Nguyễn Văn An – Chi đoàn Sở TT&amp;TT</dc:creator>');
    expect(itemOf('/su-kien/ngay-hoi-hien-mau-2030/')).not.toContain('<dc:creator>');
    expect(feed).toMatch(/<rss version="2\.0" xmlns:media="http:\/\/search\.yahoo\.com\/mrss\/" xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/">/);
    const categoryFeed = page('/chuyen-muc/hoat-dong-doan/rss.xml');
    expect(categoryFeed).toContain('hien-mau-tinh-nguyen');
    expect(categoryFeed).not.toContain('tin-so-01');
    // Browsers find the portal's search (OpenSearch) and can search it from the address bar.
    const openSearch = readFileSync(path.join(DIST, 'opensearch.xml'), 'utf8');
    const shortName = /<ShortName>([^<]*)<\/ShortName>/.exec(openSearch)?.[1] ?? '';
    expect(shortName).toBe('Tin Đoàn Khối');
    expect([...shortName].length).toBeLessThanOrEqual(16);
    expect(openSearch).toContain('<Url type="text/html" method="get" template="https://bantin.example.gov.vn/tim-kiem/?q={searchTerms}"/>');
    expect(page('/')).toContain('<link rel="search" type="application/opensearchdescription+xml" title="Bản tin Đoàn Khối" href="/opensearch.xml">');
    // A unit's feed holds what its page lists, and the page links to it.
    const unitFeed = page('/don-vi/chi-doan-so-tttt/rss.xml');
    expect(unitFeed).toContain('<title>Chi đoàn Sở Thông tin và Truyền thông – Bản tin Đoàn Khối</title>');
    for (const url of ['/bao-cao/bao-cao-nhiem-ky-2017-2019/', '/tin-tuc/hien-mau-tinh-nguyen/', '/su-kien/hoi-thi-2022/']) expect(unitFeed).toContain(url);
    expect(unitFeed).not.toContain('tin-so-12');
    const unitPage = page('/don-vi/chi-doan-so-tttt/');
    expect(unitPage).toContain('<link rel="alternate" type="application/rss+xml" title="Chi đoàn Sở Thông tin và Truyền thông" href="/don-vi/chi-doan-so-tttt/rss.xml">');
    expect(unitPage).toContain('<a href="/don-vi/chi-doan-so-tttt/rss.xml">Nhận tin RSS</a>');
    // An article's last change: its update, else its publication; none for an event without a publication date, nor
    // for listings.
    const sitemap = readFileSync(path.join(DIST, 'sitemap-0.xml'), 'utf8');
    const urlOf = (url: string) => sitemap.match(new RegExp(`<url><loc>https://bantin.example.gov.vn${url}</loc>.*?</url>`))?.[0];
    expect(urlOf('/tin-tuc/hien-mau-tinh-nguyen/')).toContain('<lastmod>2024-04-15T10:00:00+07:00</lastmod>');
    expect(urlOf('/tin-tuc/tin-so-12/')).toContain('<lastmod>2023-01-13T00:00:00+07:00</lastmod>');
    expect(urlOf('/su-kien/ngay-hoi-hien-mau-2030/')).not.toContain('<lastmod>');
    expect(urlOf('/chuyen-muc/hoat-dong-doan/')).not.toContain('<lastmod>');
    // Shards newest first, each with pagefind's scripts, its years, first month and page count; every article is in
    // one. The 23 articles of 2023 are split in halves of the year; the smaller years are joined.
    const { shards, batchPages } = JSON.parse(readFileSync(path.join(DIST, 'pagefind/shards.json'), 'utf8')) as ShardsFile;
    expect(shards.map((shard) => [shard.name, shard.years, shard.from, shard.pages])).toEqual([
      ['2024-2030', ['2030', '2024'], '2024-01', 6],
      ['2023-07', ['2023'], '2023-07', 12],
      ['2023-01', ['2023'], '2023-01', 11],
      ['2019-2022', ['2022', '2019'], '2019-01', 3],
    ]);
    expect(batchPages).toBe(4);
    const articles = allFiles(DIST).filter((file) => readFileSync(file, 'utf8').includes('data-pagefind-body'));
    expect(shards.reduce((sum, shard) => sum + shard.pages, 0)).toBe(articles.length);
    for (const { name } of shards) expect(existsSync(path.join(DIST, `pagefind/${name}/pagefind.js`)), name).toBe(true);
  });

  it('writes the list of search shards into the search page, with the files a first search loads', () => {
    const list = JSON.parse(readFileSync(path.join(DIST, 'pagefind/shards.json'), 'utf8')) as ShardsFile;
    const inline = /<script type="application\/json" id="search-shards">([^<]*)<\/script>/.exec(page('/tim-kiem/'))?.[1];
    expect(inline, 'the search page has the list').toBeTruthy();
    expect(JSON.parse(inline!)).toEqual(list);
    for (const shard of list.shards) expect(shard.tag, shard.name).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(list.shards.map((shard) => shard.tag)).size).toBe(list.shards.length);
    const newest = list.shards[0];
    expect(list.preload).toContain(`/pagefind/${newest.name}/pagefind-entry.json?ts=${newest.tag}`);
    expect(list.preload).toContain(`/pagefind/${newest.name}/pagefind.js`);
    for (const href of list.preload) expect(existsSync(path.join(DIST, href.replace(/\?.*$/, ''))), href).toBe(true);
  });

  it('lists for the web editor the published pages an article may link to, and their titles', () => {
    const published = JSON.parse(readFileSync(path.join(DIST, 'admin/bai-da-dang.json'), 'utf8')) as { addresses: string[]; titles: Record<string, string> };
    const { addresses, titles } = published;
    for (const address of ['/tin-tuc/hien-mau-tinh-nguyen/', '/tin-tuc/hien-mau-chu-nhat-do-2024/', '/bao-cao/bao-cao-nhiem-ky-2017-2019/', '/su-kien/ngay-hoi-hien-mau-2030/', '/chuyen-muc/hoat-dong-doan/', '/don-vi/chi-doan-so-tttt/']) {
      expect(addresses, address).toContain(address);
    }
    expect(addresses).toEqual([...new Set(addresses)].sort());
    // Titles in lower case, each with its item's address.
    expect(titles['đoàn viên sở thông tin và truyền thông tham gia hiến máu tình nguyện']).toBe('/tin-tuc/hien-mau-tinh-nguyen/');
    // Drafts, scheduled and expired items are not there (nor anywhere: the next test).
    expect(JSON.stringify(published)).not.toMatch(/ban-nhap|bai-hen-gio|bai-het-han|bài nháp|bài hẹn giờ/);
  });

  it('publishes drafts, scheduled and expired items nowhere', () => {
    for (const slug of ['ban-nhap', 'bai-hen-gio', 'bai-het-han']) expect(exists(`/tin-tuc/${slug}/`)).toBe(false);
    for (const file of allFiles(DIST)) {
      const text = readFileSync(file, 'utf8');
      for (const hidden of ['ban-nhap', 'bai-hen-gio', 'bai-het-han', 'Bài nháp chưa xuất bản', 'Bài hẹn giờ đăng', 'Thông báo đã hết hạn']) {
        expect(text.includes(hidden), `${hidden} in ${file}`).toBe(false);
      }
    }
    // The 2030 event is announced (its page, the upcoming events), but a year's archive holds what has happened.
    expect(exists('/su-kien/ngay-hoi-hien-mau-2030/')).toBe(true);
    expect(page('/su-kien/')).toContain('/su-kien/ngay-hoi-hien-mau-2030/');
    expect(exists('/nam/2030/')).toBe(false);
    expect(page('/')).not.toContain('/nam/2030/');
    expect(page('/')).toContain('/nam/2024/');
  });

  it('takes an event’s sign-up off its page once the deadline has passed, before the event', () => {
    // The day after the fixture's deadline (15 December), three days before the event.
    const dist = `${DIST}-deadline`;
    const later = runAstro(['build', '--outDir', dist], FIXTURE_CONTENT, { BAN_TIN_NOW: '2030-12-16T08:00:00+07:00' });
    expect(later.status, later.output).toBe(0);
    const event = readFileSync(path.join(dist, 'su-kien/ngay-hoi-hien-mau-2030/index.html'), 'utf8');
    expect(event).not.toContain('forms.example.gov.vn');
    expect(event).toMatch(/<p class="register-closed" data-pagefind-ignore[^>]*>Đã hết hạn đăng ký<\/p>/);
    expect(event).toContain('Hạn đăng ký');
    // Still to come: readers may add it to their calendar, which no longer invites them to sign up.
    expect(event).not.toContain('Sự kiện đã diễn ra');
    expect(event).toContain('Thêm vào lịch');
    const calendar = readFileSync(path.join(dist, 'su-kien/lich.ics'), 'utf8').replace(/\r\n /g, '');
    expect(calendar).toContain('SUMMARY:Ngày hội hiến máu Giọt hồng tri ân');
    expect(calendar).not.toContain('forms.example.gov.vn');
    expect(readFileSync(path.join(dist, 'su-kien/index.html'), 'utf8')).not.toContain('class="deadline"');
  });

  it('publishes a scheduled item once its time has come, and says when an event is over', () => {
    // Noon on the day of the fixture's 2030 event, which ended at 11:30.
    const later = runAstro(['build', '--outDir', `${DIST}-2030`], FIXTURE_CONTENT, { BAN_TIN_NOW: '2030-12-20T12:00:00+07:00' });
    expect(later.status, later.output).toBe(0);
    const laterPage = (url: string) => readFileSync(path.join(`${DIST}-2030`, url, 'index.html'), 'utf8');
    expect(existsSync(path.join(`${DIST}-2030`, 'tin-tuc/bai-hen-gio/index.html'))).toBe(true);
    expect(existsSync(path.join(`${DIST}-2030`, 'tin-tuc/ban-nhap/index.html'))).toBe(false);
    const event = laterPage('su-kien/ngay-hoi-hien-mau-2030');
    expect(event).toContain('>Sự kiện đã diễn ra</p>');
    expect(event).not.toContain('Thêm vào lịch');
    expect(laterPage('su-kien').split('Đã diễn ra')[1]).toContain('Ngày hội hiến máu Giọt hồng tri ân');
  });
});
