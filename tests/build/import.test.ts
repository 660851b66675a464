/** `npm run import`: articles of the portal a publication leaves, from the web or saved pages, into content/. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentWith, FIXED_NOW, ROOT, runAstro } from '../helpers/astro';
import { serveStatic } from '../helpers/server';

const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const OLD_PORTAL = path.join(ROOT, 'tests/fixtures/import');
const SAVED_PAGE = path.join(OLD_PORTAL, 'cong-thong-tin.html');
const SLUG = 'chi-doan-so-tai-chinh-tong-ket-cong-tac-doan-nam-2024';

/** Runs the script without blocking: the old portal is served by this process. */
function importPages(args: string[], contentDir: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, path.join(ROOT, 'scripts/import.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, BAN_TIN_CONTENT: contentDir, BAN_TIN_NOW: FIXED_NOW },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const newsFolders = (contentDir: string, year: string) => readdirSync(path.join(contentDir, 'news', year)).sort();
/** Every file and folder under a folder: what a refused import must leave as it was. */
const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

let oldPortal: Awaited<ReturnType<typeof serveStatic>>;
beforeAll(async () => {
  oldPortal = await serveStatic(OLD_PORTAL);
});
afterAll(() => oldPortal.close());

describe('npm run import', () => {
  it('brings a page with its photos and documents, notes what it could not fetch, and the build publishes it', async () => {
    const content = contentWith({});
    try {
      const pageUrl = `${oldPortal.url}/cong-thong-tin.html`;
      const list = path.join(path.dirname(content.dir), 'danh-sach.txt');
      writeFileSync(list, `# Tin năm 2024\r\n${oldPortal.url}/khong-co.html\r\n\r\n`);
      const run = await importPages([pageUrl, '--list', list, '--category', 'hoat-dong-doan', '--publish'], content.dir);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain(`${oldPortal.url}/khong-co.html: không tải được trang (HTTP 404)`);
      expect(run.stderr).toContain('Xong: 1 trang nhập mới, 0 đã có, 1 lỗi.');
      const file = path.resolve(ROOT, run.stdout.trim());
      expect(file).toBe(path.join(content.dir, 'news/2024', SLUG, 'index.mdx'));
      expect(readdirSync(path.dirname(file)).sort()).toEqual(['anh-1.jpg', 'anh-2.png', 'index.mdx', 'ke-hoach-05.pdf']);
      expect(readFileSync(path.join(path.dirname(file), 'ke-hoach-05.pdf'))).toEqual(readFileSync(path.join(OLD_PORTAL, 'Documents/ke-hoach-05.pdf')));
      const source = readFileSync(file, 'utf8');
      expect(source).toMatch(new RegExp(`^---\\n# Nhập từ ${pageUrl.replaceAll('.', '\\.')} \\(\\d{4}-\\d{2}-\\d{2}\\)\\n`));
      expect(source).toContain(`pubDate: 2024-12-20T15:45:00+07:00\ncategory: hoat-dong-doan\nauthor: "Minh Anh - Chi đoàn Sở Tài chính"\npreviousUrls:\n  - "${pageUrl}"\n`);
      expect(source).toContain('cover: ./anh-1.jpg\ncoverAlt: "Đoàn viên tham gia ngày hội hiến máu"\n');
      expect(source).toContain('gallery:\n  - src: ./anh-2.png\n    alt: "Trao quà cho thiếu nhi xã Thanh Hải"\n');
      expect(source).toContain('attachments:\n  - file: ./ke-hoach-05.pdf\n    title: "Kế hoạch số 05-KH/CĐ"\n');
      // The photo the old portal lost is named in the file, for the editor to find.
      expect(source).toContain(`# Không tải được từ trang cũ, cần thêm tay:\n#   ảnh ${oldPortal.url}/cong-thong-tin_files/khong-co.jpg (HTTP 404): Ảnh bị mất\n`);
      expect(run.stderr).toContain(`${SLUG}: không tải được ảnh ${oldPortal.url}/cong-thong-tin_files/khong-co.jpg (HTTP 404)`);
      expect(source).toContain('draft: false\n---\n\n## 1. Công tác tuyên truyền, giáo dục\n');

      // A second run finds it imported, whatever else it is given.
      const again = await importPages([pageUrl, '--category', 'hoat-dong-doan'], content.dir);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stderr).toContain(`${pageUrl}: đã nhập trước đây`);
      expect(newsFolders(content.dir, '2024')).toEqual([SLUG]);

      const dist = path.join(path.dirname(content.dir), 'dist');
      const build = runAstro(['build', '--outDir', dist], content.dir);
      expect(build.status, build.output).toBe(0);
      const html = readFileSync(path.join(dist, 'tin-tuc', SLUG, 'index.html'), 'utf8');
      expect(html).toContain('<h1');
      expect(html).toContain('Chi đoàn Sở Tài chính tổng kết công tác Đoàn năm 2024</h1>');
      expect(html).toContain('Năm 2024, Chi đoàn Sở Tài chính có 18 đoàn viên sinh hoạt;');
      expect(html).toContain('<h2 id="1-cong-tac-tuyen-truyen-giao-duc">1. Công tác tuyên truyền, giáo dục</h2>');
      expect(html).toContain('Nội dung chính');
      expect(html).toContain('<th>Nội dung</th>');
      // Characters MDX would read as code, as the old portal showed them.
      expect(source).toContain('Đoàn viên dưới 30 tuổi (\\<30) khai phiếu theo mẫu \\{Họ và tên, năm sinh}.');
      expect(html).toMatch(/Đoàn viên dưới 30 tuổi \((?:&lt;|&#x3C;)30\) khai phiếu theo mẫu \{Họ và tên, năm sinh\}\./);
      expect(html).toContain('Trao quà cho thiếu nhi xã Thanh Hải');
      expect(html).toContain(`href="/tin-tuc/${SLUG}/ke-hoach-05.pdf"`);
      expect(html).toContain('Minh Anh - Chi đoàn Sở Tài chính');
      expect(existsSync(path.join(dist, 'tin-tuc', SLUG, 'ke-hoach-05.pdf'))).toBe(true);
      // Its address on the old portal leads to it from the not-found page.
      expect(JSON.parse(readFileSync(path.join(dist, 'dia-chi-cu/0.json'), 'utf8'))['/cong-thong-tin.html']).toBe(`/tin-tuc/${SLUG}/`);
    } finally {
      content.cleanup();
    }
  });

  it('imports a page saved with its files as a draft, and a report with its period', async () => {
    const content = contentWith({});
    try {
      const saved = await importPages([path.relative(ROOT, SAVED_PAGE), '--category', 'hoat-dong-doan'], content.dir);
      expect(saved.status, saved.stderr).toBe(0);
      const source = readFileSync(path.resolve(ROOT, saved.stdout.trim()), 'utf8');
      expect(source).toContain('# Nhập từ tests/fixtures/import/cong-thong-tin.html (');
      expect(source).toContain('cover: ./anh-1.jpg\n');
      expect(source).toContain('draft: true\n');
      expect(saved.stderr).toContain('bỏ liên kết "Kế hoạch số 05-KH/CĐ" (/Documents/ke-hoach-05.pdf): không có địa chỉ đầy đủ');

      const report = await importPages([`${oldPortal.url}/cong-thong-tin.html`, '--kind', 'report', '--unit', 'chi-doan-so-tttt'], content.dir);
      expect(report.status, report.stderr).toBe(0);
      const reportFile = path.resolve(ROOT, report.stdout.trim());
      expect(reportFile).toBe(path.join(content.dir, 'reports/2024', SLUG, 'index.mdx'));
      expect(readFileSync(reportFile, 'utf8')).toContain(
        `unit: chi-doan-so-tttt\nauthor: "Minh Anh - Chi đoàn Sở Tài chính"\npreviousUrls:\n  - "${oldPortal.url}/cong-thong-tin.html"\nperiod: { from: 2024, to: 2024 }\n`,
      );
      const sync = runAstro(['sync'], content.dir);
      expect(sync.status, sync.output).toBe(0);
    } finally {
      content.cleanup();
    }
  });

  it("shrinks a camera's photo to what the portal takes, turned as it is shown", async () => {
    const content = contentWith({});
    const folder = path.join(path.dirname(content.dir), 'trang-luu');
    try {
      mkdirSync(folder);
      // 3,000 × 2,000 of noise, turned a quarter by its EXIF orientation, as phones write them: several MB.
      const camera = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 128, g: 128, b: 128 }, noise: { type: 'gaussian', mean: 128, sigma: 20 } } })
        .jpeg({ quality: 95 })
        .withMetadata({ orientation: 6 })
        .toBuffer();
      expect(camera.length).toBeGreaterThan(2 * 1024 * 1024);
      writeFileSync(path.join(folder, 'IMG_0042.JPG'), camera);
      const text = 'Đoàn viên Chi đoàn Sở Tài chính ra quân dọn vệ sinh môi trường và trồng cây xanh tại trụ sở cơ quan.';
      writeFileSync(
        path.join(folder, 'trang.html'),
        `<html><head><title>Ra quân trồng cây</title><meta property="og:title" content="Ra quân trồng cây xanh tại trụ sở"><meta property="article:published_time" content="2024-03-10"></head>` +
          `<body><article><p>${text}</p><p>${text}</p><p><img src="IMG_0042.JPG" alt="Đoàn viên trồng cây"></p></article></body></html>`,
      );
      const run = await importPages([path.join(folder, 'trang.html'), '--category', 'hoat-dong-doan'], content.dir);
      expect(run.status, run.stderr).toBe(0);
      const item = path.dirname(path.resolve(ROOT, run.stdout.trim()));
      const photo = readFileSync(path.join(item, 'anh-1.jpg'));
      expect(photo.length).toBeLessThan(1024 * 1024);
      const { width, height, orientation } = await sharp(photo).metadata();
      expect([width, height]).toEqual([1600, 2400]);
      expect(orientation ?? 1).toBe(1);
      expect(run.stderr).toMatch(/ảnh file:.*IMG_0042\.JPG nặng [\d,]+ MB: lưu bản thu nhỏ \d+ KB/);
      expect(readFileSync(path.join(item, 'index.mdx'), 'utf8')).toContain('cover: ./anh-1.jpg\ncoverAlt: "Đoàn viên trồng cây"\n');
    } finally {
      content.cleanup();
    }
  });

  it('writes nothing for what it cannot make a valid item of, and says why', async () => {
    const content = contentWith({});
    const page = (name: string, html: string) => {
      const file = path.join(path.dirname(content.dir), name);
      writeFileSync(file, html);
      return file;
    };
    const article = (title: string, text: string, date = '<p>Ngày đăng: 05/03/2023</p>') =>
      `<html><head><title>${title}</title></head><body><nav><a href="/">Trang chủ</a></nav><article><h1>${title}</h1>${date}<p>${text}</p><p>${text}</p></article></body></html>`;
    const text = 'Đoàn viên thanh niên tham gia ra quân tình nguyện dọn vệ sinh môi trường tại các khu dân cư trên địa bàn tỉnh.';
    try {
      const undated = page('khong-ngay.html', article('Ra quân tình nguyện làm sạch môi trường', text, ''));
      const oldFont = page('tcvn3.html', article('Héi nghÞ §oµn viªn', '§oµn viªn tham gia ho¹t ®éng t×nh nguyÖn cña §oµn khèi c¸c c¬ quan tØnh, n¨m 2023.'));
      const empty = page('trong.html', '<html><head><title>Trang chủ</title></head><body><nav><a href="/">Trang chủ</a></nav></body></html>');
      const noPeriod = page('bao-cao.html', article('Báo cáo công tác Đoàn', text));
      const before = filesUnder(content.dir);
      const run = await importPages([undated, oldFont, empty, '--category', 'hoat-dong-doan'], content.dir);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${undated}: không thấy ngày đăng trong trang; ghi ngày bằng --date YYYY-MM-DD`);
      expect(run.stderr).toMatch(/tcvn3\.html: bài nhập được chưa hợp lệ, không ghi:\n(?:.*\n)*.*có chữ gõ bằng bảng mã TCVN3/);
      expect(run.stderr).toContain(`${empty}: không tìm thấy nội dung bài viết trong trang`);
      expect(run.stderr).toContain('Xong: 0 trang nhập mới, 0 đã có, 3 lỗi.');
      expect(filesUnder(content.dir)).toEqual(before);

      const report = await importPages([noPeriod, '--kind', 'report', '--unit', 'doan-khoi'], content.dir);
      expect(filesUnder(content.dir)).toEqual(before);
      expect(report.stderr).toContain('không đọc được kỳ báo cáo từ tiêu đề "Báo cáo công tác Đoàn" (ví dụ "nhiệm kỳ 2017 - 2019", "năm 2021")');
      for (const [args, message] of [
        [[undated, '--category', 'the-thao'], 'chuyên mục "the-thao" không có'],
        [[undated], 'thiếu chuyên mục (--category)'],
        [[undated, '--kind', 'event', '--category', 'su-kien'], 'loại bài "event" không nhập được'],
        [[undated, '--category', 'hoat-dong-doan', '--date', '31/02/2023'], '--date "31/02/2023" không phải ngày hợp lệ'],
        [['--category', 'hoat-dong-doan'], 'chưa có trang nào để nhập'],
        [['--category', 'hoat-dong-doan', '--list', 'khong-co.txt'], 'không đọc được tệp danh sách "khong-co.txt"'],
      ] as const) {
        const refused = await importPages([...args], content.dir);
        expect(refused.status).toBe(1);
        expect(refused.stderr).toContain(message);
      }
      expect(filesUnder(content.dir)).toEqual(before);

      // A page saved from the old portal whose own address an item has already.
      const kept = page('kho-bac.html', article('Chi đoàn Kho bạc số hóa chứng từ', text).replace('</head>', '<link rel="canonical" href="https://congthongtin.example.gov.vn/Pages/Kho-Bac-So-Hoa.aspx?ItemID=41"></head>'));
      const again = await importPages([kept, '--category', 'hoat-dong-doan'], content.dir);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/kho-bac\.html: đã nhập trước đây \(.*news\/kho-bac-so-hoa\.md\), bỏ qua/);
      expect(filesUnder(content.dir)).toEqual(before);

      // A report naming no unit needs one.
      const unnamed = page('bao-cao-2023.html', article('Báo cáo công tác Đoàn năm 2023', text));
      const withoutUnit = await importPages([unnamed, '--kind', 'report'], content.dir);
      expect(withoutUnit.status).toBe(1);
      expect(withoutUnit.stderr).toContain('báo cáo cần đơn vị: trang không nêu tên đơn vị nào trong content/units/; ghi --unit <đơn-vị>');
      expect(filesUnder(content.dir)).toEqual(before);
      // One whose byline names a unit is that unit's.
      const signed = page('ky-ten.html', article('Báo cáo công tác Đoàn năm 2023', text).replace('</article>', '<p><strong>Thu Hà – Đoàn Khối</strong></p></article>'));
      const named = await importPages([signed, '--kind', 'report'], content.dir);
      expect(named.status, named.stderr).toBe(0);
      expect(readFileSync(path.resolve(ROOT, named.stdout.trim()), 'utf8')).toContain('unit: doan-khoi\nauthor: "Thu Hà – Đoàn Khối"\nperiod: { from: 2023, to: 2023 }\n');
      expect(named.stderr).toContain('đơn vị doan-khoi: nhận ra từ dòng tác giả, nguồn hoặc tiêu đề');

      // A page that fails for another reason (its year's folder is a file here) does not stop the next, which, given
      // the date, comes in.
      writeFileSync(path.join(content.dir, 'news/2022'), 'không phải thư mục');
      const blocked = page('nam-2022.html', article('Hội nghị tổng kết công tác Đoàn năm 2022', text, '<p>Ngày đăng: 20/12/2022</p>'));
      const batch = await importPages([blocked, undated, '--category', 'hoat-dong-doan', '--date', '2023-03-26'], content.dir);
      expect(batch.status).toBe(1);
      expect(batch.stderr).toMatch(/nam-2022\.html: không nhập được \(.*\)/);
      expect(batch.stderr).toContain('Xong: 1 trang nhập mới, 0 đã có, 1 lỗi.');
      expect(batch.stdout.trim()).toMatch(/news\/2023\/ra-quan-tinh-nguyen-lam-sach-moi-truong\/index\.mdx$/);
      expect(readFileSync(path.resolve(ROOT, batch.stdout.trim()), 'utf8')).toContain('pubDate: 2023-03-26\n');
    } finally {
      content.cleanup();
    }
  });
});
