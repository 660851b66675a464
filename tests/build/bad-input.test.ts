/**
 * Every way an editor's file can be wrong stops the content sync (the first step of `astro build` and
 * `astro check`) with a message naming the file, the field and what was expected.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentWith, runAstro, type ContentFiles } from '../helpers/astro';

const news = (frontmatter: string, body = 'Nội dung bài viết.') => `---\n${frontmatter.trim()}\n---\n\n${body}\n`;
const VALID = `title: Bài hợp lệ\ndescription: Tóm tắt.\npubDate: 2024-04-14\ncategory: tin-tuc-su-kien`;

interface Case {
  name: string;
  files: ContentFiles;
  /** Every string must appear in the output. */
  expected: string[];
}

const cases: Case[] = [
  {
    name: 'a missing required field',
    files: { 'news/thieu-tieu-de.md': news('description: Tóm tắt.\npubDate: 2024-04-14\ncategory: tin-tuc-su-kien') },
    expected: ['thieu-tieu-de.md', 'title', 'thiếu tiêu đề'],
  },
  {
    name: 'a date in day/month/year form',
    files: { 'news/sai-ngay.md': news(VALID.replace('2024-04-14', '31/02/2021')) },
    expected: ['sai-ngay.md', 'pubDate', '"31/02/2021" không phải ngày hợp lệ', 'YYYY-MM-DD'],
  },
  {
    name: 'a day that does not exist',
    files: { 'news/ngay-khong-co.md': news(VALID.replace('2024-04-14', '2021-02-31')) },
    expected: ['ngay-khong-co.md', 'pubDate', '"2021-02-31" không phải ngày hợp lệ'],
  },
  {
    name: 'an unknown category',
    files: { 'news/sai-chuyen-muc.md': news(VALID.replace('tin-tuc-su-kien', 'the-thao')) },
    expected: ['sai-chuyen-muc.md', 'category', 'chuyên mục "the-thao" không tồn tại', 'tin-tuc-su-kien'],
  },
  {
    name: 'an unknown unit',
    files: { 'news/sai-don-vi.md': news(`${VALID}\nunit: doan-xa`) },
    expected: ['sai-don-vi.md', 'unit', 'đơn vị "doan-xa" không tồn tại', 'doan-khoi'],
  },
  {
    name: 'a cover without its description',
    files: { 'news/thieu-mo-ta-anh/index.md': news(`${VALID}\ncover: ../hien-mau-tinh-nguyen/anh-bia.jpg`) },
    expected: ['thieu-mo-ta-anh', 'coverAlt', 'có ảnh bìa (cover) thì phải có mô tả ảnh (coverAlt)'],
  },
  {
    name: 'an image that does not exist',
    files: { 'news/thieu-anh.md': news(`${VALID}\ngallery:\n  - src: ./khong-co.jpg\n    alt: Ảnh`) },
    expected: ['thieu-anh.md', 'gallery[0].src', 'không tìm thấy ảnh "./khong-co.jpg"'],
  },
  {
    name: 'a photo file that is not a photo',
    files: { 'news/anh-hong/index.md': news(`${VALID}\ncover: ./anh-bia.jpg\ncoverAlt: Ảnh bìa`), 'news/anh-hong/anh-bia.jpg': 'không phải ảnh' },
    expected: ['anh-hong', 'cover', 'không đọc được ảnh "./anh-bia.jpg"'],
  },
  {
    name: 'broken YAML in an article',
    files: { 'news/yaml-hong.md': news(`${VALID}\ntags: [hiến máu`) },
    expected: ['yaml-hong.md', 'unexpected end of the stream'],
  },
  {
    name: 'broken YAML in a unit',
    files: { 'units/don-vi-hong.yaml': 'name: "Đơn vị\nparent: doan-khoi\n' },
    expected: ['don-vi-hong.yaml'],
  },
  {
    name: 'broken MDX',
    files: { 'news/mdx-hong.mdx': news(VALID, 'Đoạn đầu.\n\n<Callout>\n\nchưa đóng thẻ') },
    expected: ['mdx-hong.mdx', 'lỗi cú pháp MDX', 'Callout'],
  },
  {
    name: 'two items with the same URL',
    files: { 'news/2025/tin-so-01.md': news(VALID.replace('Bài hợp lệ', 'Bài trùng tên')) },
    expected: ['trùng đường dẫn "tin-so-01"', '2025/tin-so-01.md', 'tin-so-01.md'],
  },
  {
    name: 'an old address written with tones',
    files: { 'news/dia-chi-cu-co-dau.md': news(`${VALID}\npreviousSlugs: [Hiến máu 2024]`) },
    expected: ['dia-chi-cu-co-dau.md', 'previousSlugs', 'địa chỉ cũ "Hiến máu 2024" không phải đường dẫn', '"hien-mau-2024"'],
  },
  {
    name: 'an old address that is another item’s address',
    files: { 'news/dia-chi-cu-trung.md': news(`${VALID}\npreviousSlugs: [tin-so-01]`) },
    expected: ['dia-chi-cu-trung.md', 'previousSlugs: "tin-so-01" là địa chỉ hiện tại của', 'tin-so-01.md'],
  },
  {
    name: 'an old address two items claim',
    files: { 'news/dia-chi-cu-trung-1.md': news(`${VALID}\npreviousSlugs: [ten-cu]`), 'news/dia-chi-cu-trung-2.md': news(`${VALID}\npreviousSlugs: [ten-cu]`) },
    expected: ['previousSlugs: "ten-cu" cũng là địa chỉ cũ của', 'dia-chi-cu-trung-1.md', 'dia-chi-cu-trung-2.md'],
  },
  {
    name: 'an address on the old portal that is not one',
    files: { 'news/cong-cu-sai.md': news(`${VALID}\npreviousUrls: [Pages/tong-ket.aspx]`) },
    expected: ['cong-cu-sai.md', 'previousUrls', 'địa chỉ trên cổng cũ "Pages/tong-ket.aspx" không dùng được', '/Pages/tong-ket.aspx?ItemID=12'],
  },
  {
    name: 'an import in MDX',
    files: { 'news/co-import.mdx': news(VALID, "import fs from 'node:fs'\n\nĐoạn văn.") },
    expected: ['co-import.mdx', 'dòng 8', 'không được dùng "import"/"export"'],
  },
  {
    name: 'an expression reading secrets',
    files: { 'news/doc-bien-moi-truong.mdx': news(VALID, 'Khóa: {process.env.SECRET}') },
    expected: ['doc-bien-moi-truong.mdx', 'biểu thức {process.env.SECRET} không được phép'],
  },
  {
    // A plain-Markdown body: its fast renderer would have printed the link as text, and the full one kept it.
    name: 'a link that runs a script',
    files: { 'news/lien-ket-script.md': news(VALID, 'Xem [tài liệu](javascript:alert(document.cookie)).') },
    expected: ['lien-ket-script.md', 'dòng 8', 'liên kết "javascript:alert(document.cookie)" không được phép'],
  },
  {
    name: 'a file name that is not an ASCII slug',
    files: { 'news/Hiến máu.md': news(VALID) },
    expected: ['Hiến máu.md', 'không dùng được làm đường dẫn', '"hien-mau"'],
  },
  {
    name: 'a report without its period and with a formatted number',
    files: {
      'reports/bao-cao-loi.md': news(`${VALID}\nunit: doan-khoi\nmetrics:\n  - { label: Kinh phí, value: "15.000.000" }`),
    },
    expected: ['bao-cao-loi.md', 'period', 'metrics', 'value phải là số'],
  },
  {
    // zod's z.url() alone takes javascript: links, which the unit page would show as a link.
    name: 'a unit website that is not a web page',
    files: { 'units/lien-ket-la.yaml': 'name: Đơn vị\nwebsite: "javascript:alert(1)"\n' },
    expected: ['lien-ket-la.yaml', 'website phải là địa chỉ trang web đầy đủ, bắt đầu bằng https://'],
  },
  {
    name: 'a unit’s e-mail and phone written wrong',
    files: { 'units/lien-he-sai.yaml': 'name: Đơn vị\nemail: doankhoi(at)example.gov.vn\nphone: gọi 0226\n' },
    expected: ['lien-he-sai.yaml', 'email phải là địa chỉ thư điện tử', 'phone phải là số điện thoại'],
  },
  {
    name: "no file of the portal's own details",
    files: { 'site.yaml': null },
    expected: ['site.yaml', 'không có tệp này', 'tên (name), mô tả (description) và cơ quan chủ quản (owner)'],
  },
  {
    name: "the portal's details without its publisher, with a link that is no web page",
    files: { 'site.yaml': 'name: Bản tin\ndescription: Tin tức.\nlinks:\n  - { title: Trang lạ, url: "javascript:alert(1)" }\n' },
    expected: ['site.yaml', 'owner: thiếu cơ quan chủ quản (owner)', 'links.0.url: url phải là địa chỉ trang web đầy đủ, bắt đầu bằng https://'],
  },
  {
    // Browsers name a site's search with 16 characters at most (OpenSearch's ShortName).
    name: "the portal's long name without a short one",
    files: { 'site.yaml': 'name: Cổng thông tin điện tử Đoàn Khối các cơ quan tỉnh\ndescription: Tin tức.\nowner: Ban Thường vụ\n' },
    expected: ['site.yaml', 'shortName: tên cổng (name) dài 49 ký tự: cần thêm tên ngắn (shortName) tối đa 16 ký tự'],
  },
  {
    name: "the portal's logo missing, or not a photo",
    files: { 'site.yaml': 'name: Bản tin\ndescription: Tin tức.\nowner: Ban Thường vụ\nlogo: ./khong-co.png\n' },
    expected: ['site.yaml', 'logo: không đọc được ảnh "./khong-co.png"'],
  },
  {
    name: "the portal's logo a file of another kind",
    files: { 'site.yaml': 'name: Bản tin\ndescription: Tin tức.\nowner: Ban Thường vụ\nlogo: ./bieu-trung.png\n', 'bieu-trung.png': 'không phải ảnh' },
    expected: ['site.yaml', 'logo: không đọc được ảnh "./bieu-trung.png"'],
  },
  {
    name: "the portal's logo an SVG drawing that does not give its size",
    files: {
      'site.yaml': 'name: Bản tin\ndescription: Tin tức.\nowner: Ban Thường vụ\nlogo: ./bieu-trung.svg\n',
      'bieu-trung.svg': '<svg xmlns="http://www.w3.org/2000/svg"><circle r="5"/></svg>',
    },
    expected: ['site.yaml', 'logo: không đọc được ảnh "./bieu-trung.svg": ảnh SVG không đọc được hoặc không cho biết kích thước: cần thuộc tính viewBox'],
  },
  {
    // A drawing is the portal's logo only: an article's photos are photos.
    name: 'a cover that is an SVG drawing',
    files: {
      'news/bia-svg/index.md': news(`${VALID}\ncover: ./anh-bia.svg\ncoverAlt: Ảnh bìa`),
      'news/bia-svg/anh-bia.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 20"/>',
    },
    expected: ['bia-svg', 'cover', 'định dạng svg không dùng được; dùng ảnh JPEG, PNG hoặc WebP (SVG chỉ dùng được cho biểu trưng của cổng)'],
  },
  {
    // zod drops fields it does not know: the article would have been published without its photos.
    name: 'a misspelt field (galery for gallery)',
    files: { 'news/sai-ten-truong/index.md': news(`${VALID}\ngalery:\n  - { src: ./anh-1.jpg, alt: Ảnh }`) },
    expected: ['sai-ten-truong', 'galery', 'không có trường "galery": có phải "gallery"?'],
  },
  {
    name: "a field the portal's details do not have",
    files: { 'site.yaml': 'name: Bản tin\ndescription: Tin tức.\nowner: Ban Thường vụ\nslogan: Tin mới\n' },
    expected: ['site.yaml', 'slogan', 'không có trường "slogan"; các trường: name, shortName, logo, tagline,'],
  },
  {
    // A Windows tool saved it in capitals, Notepad as .txt: the article would have been left out in silence.
    name: 'an article in a file the build does not read',
    files: { 'news/bai-hoa/index.MDX': news(VALID), 'news/bai-notepad.md.txt': news(VALID) },
    expected: [
      'content/news', 'tệp "bai-hoa/index.MDX" không được đọc: đuôi tệp phải viết thường; đổi tên thành "index.mdx"',
      'tệp "bai-notepad.md.txt" có phần đầu của bài viết nhưng không được đọc: bài viết có đuôi .md hoặc .mdx; đổi tên thành "bai-notepad.md"',
    ],
  },
  {
    // A folder named after the address (/tin-tuc/), and a unit's file saved in capitals: both left out in silence.
    name: 'an article outside the folders of articles, and a unit’s file the build does not read',
    files: { 'tin-tuc/bai-moi/index.mdx': news(VALID), 'units/doan-xa.YAML': 'name: Đoàn xã\n' },
    expected: [
      'tệp "tin-tuc/bai-moi/index.mdx" có phần đầu của bài viết nhưng nằm ngoài các thư mục bài viết: đặt bài trong content/news/, content/reports/ hoặc content/events/',
      'tệp "doan-xa.YAML" không được đọc: đuôi tệp phải viết thường; đổi tên thành "doan-xa.yaml"',
    ],
  },
  {
    // Expired before it is published, it would never be on the portal.
    name: 'an expiry before the item is published',
    files: { 'news/het-han-som.md': news(`${VALID}\nexpiryDate: 2024-04-01`) },
    expected: ['het-han-som.md', 'expiryDate: ngày hết hạn (expiryDate) phải sau ngày đăng (pubDate, Chủ Nhật, 14/04/2024)'],
  },
  {
    name: "an empty file of the portal's details",
    files: { 'site.yaml': '# Chưa ghi gì\n' },
    expected: ['site.yaml', 'name: thiếu tên cổng (name)', 'description: thiếu mô tả cổng (description)', 'owner: thiếu cơ quan chủ quản (owner)'],
  },
  {
    name: 'an event map link that is not a web page',
    files: {
      'events/ban-do-sai.md': news('title: Sự kiện\ndescription: Mô tả.\nstart: 2026-12-01T08:00:00+07:00\nlocation: Nhà văn hóa tỉnh\nmapUrl: Nhà văn hóa tỉnh'),
    },
    expected: ['ban-do-sai.md', 'mapUrl phải là địa chỉ trang web đầy đủ'],
  },
  {
    name: 'a registration link that is a script',
    files: {
      'events/dang-ky-sai.md': news('title: Sự kiện\ndescription: Mô tả.\nstart: 2026-12-01T08:00:00+07:00\nlocation: Nhà văn hóa tỉnh\nregistrationUrl: javascript:alert(1)'),
    },
    expected: ['dang-ky-sai.md', 'registrationUrl phải là địa chỉ trang web đầy đủ, bắt đầu bằng https://'],
  },
  {
    name: 'an attachment that does not exist',
    files: { 'news/thieu-tep.md': news(`${VALID}\nattachments:\n  - { file: ./khong-co.pdf, title: Kế hoạch }`) },
    expected: ['thieu-tep.md', 'attachments[0].file', 'không tìm thấy tệp "./khong-co.pdf"', 'nằm cạnh bài viết'],
  },
  {
    name: 'an attachment of a type readers cannot open safely',
    files: {
      'news/tep-sai-loai/index.md': news(`${VALID}\nattachments:\n  - { file: ./cai-dat.exe, title: Phần mềm }`),
      'news/tep-sai-loai/cai-dat.exe': 'MZ',
    },
    expected: ['tep-sai-loai', 'attachments', 'tệp "./cai-dat.exe" không đính kèm được', 'PDF, Word (doc, docx)'],
  },
  {
    name: 'an attachment given as a web address',
    files: { 'news/tep-la-lien-ket.md': news(`${VALID}\nattachments:\n  - { file: "https://example.gov.vn/ke-hoach.pdf", title: Kế hoạch }`) },
    expected: ['tep-la-lien-ket.md', '"https://example.gov.vn/ke-hoach.pdf" là địa chỉ trang web', '<Attachment>'],
  },
  {
    name: 'an attachment without its title',
    files: { 'news/tep-thieu-ten/index.md': news(`${VALID}\nattachments:\n  - file: ./ke-hoach.pdf`), 'news/tep-thieu-ten/ke-hoach.pdf': '%PDF-1.4' },
    expected: ['tep-thieu-ten', 'attachments', 'thiếu tên tệp đính kèm (title)'],
  },
  {
    name: 'an attachment too large for the repository',
    files: {
      'news/tep-qua-lon/index.md': news(`${VALID}\nattachments:\n  - { file: ./ban-scan.pdf, title: Bản scan }`),
      'news/tep-qua-lon/ban-scan.pdf': 'x'.repeat(21 * 1024 * 1024),
    },
    expected: ['tep-qua-lon', 'attachments[0].file', 'tệp "./ban-scan.pdf" nặng 21 MB, quá giới hạn 20 MB'],
  },
  {
    name: 'two attachments published under one name',
    files: {
      'news/tep-trung-ten/index.md': news(`${VALID}\nattachments:\n  - { file: ./Kế hoạch.pdf, title: Bản 1 }\n  - { file: ./ke-hoach.PDF, title: Bản 2 }`),
      'news/tep-trung-ten/Kế hoạch.pdf': '%PDF-1.4',
      'news/tep-trung-ten/ke-hoach.PDF': '%PDF-1.4',
    },
    expected: ['tep-trung-ten', 'attachments[1].file', 'tệp "./ke-hoach.PDF" và "./Kế hoạch.pdf" cùng được đăng thành ke-hoach.pdf'],
  },
  {
    name: 'a sign-up deadline after the event',
    files: {
      'events/han-sau-su-kien.md': news(
        'title: Sự kiện\ndescription: Mô tả.\nstart: 2026-12-01T08:00:00+07:00\nend: 2026-12-01T11:00:00+07:00\nlocation: Nhà văn hóa tỉnh\nregistrationDeadline: 2026-12-01',
      ),
    },
    expected: ['han-sau-su-kien.md', 'registrationDeadline', 'hạn đăng ký (registrationDeadline) phải trước khi sự kiện kết thúc'],
  },
  {
    name: 'a sign-up deadline that is not a date',
    files: { 'events/han-sai.md': news('title: Sự kiện\ndescription: Mô tả.\nstart: 2026-12-01\nlocation: Nhà văn hóa tỉnh\nregistrationDeadline: 30/11') },
    expected: ['han-sai.md', 'registrationDeadline', '"30/11" không phải ngày hợp lệ'],
  },
  {
    name: 'an article saved as UTF-16 (Notepad’s “Unicode”)',
    files: { 'news/luu-utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(news(VALID), 'utf16le')]) },
    expected: ['luu-utf16.md', 'tệp được lưu dạng UTF-16', 'lưu lại với mã hóa UTF-8'],
  },
  {
    // Windows-1258 and the old Vietnamese fonts' code pages write "à" as a byte UTF-8 cannot read.
    name: 'an article saved in an old Vietnamese code page',
    files: { 'news/bang-ma-cu.md': Buffer.from(news(VALID).replace('Bài hợp lệ', 'B\u00e0i h\u00f4p l\u00ea'), 'latin1') },
    expected: ['bang-ma-cu.md', 'dòng 2 có ký tự không đọc được', 'TCVN3, VNI hoặc Windows-1258'],
  },
  {
    name: 'an article typed in the old TCVN3 fonts',
    files: { 'news/phong-cu.md': news(VALID, 'S¸ng nay, §oµn viªn thanh niªn tham gia hiÕn m¸u.') },
    expected: ['phong-cu.md', 'dòng 8 có chữ gõ bằng bảng mã TCVN3', '"S¸ng"'],
  },
  {
    name: 'a unit’s file saved in an old Vietnamese code page',
    files: { 'units/doan-xa.yaml': Buffer.from('name: \u00d0o\u00e0n x\u00e3\n', 'latin1') },
    expected: ['doan-xa.yaml', 'dòng 1 có ký tự không đọc được'],
  },
  {
    name: 'an event without a place',
    files: { 'events/thieu-dia-diem.md': news('title: Sự kiện\ndescription: Mô tả.\nstart: 2026-12-01T08:00:00+07:00') },
    expected: ['thieu-dia-diem.md', 'location', 'thiếu địa điểm'],
  },
];

describe('bad content stops the build with a clear message', () => {
  it.each(cases)('$name', ({ files, expected }) => {
    const content = contentWith(files);
    try {
      const run = runAstro(['sync'], content.dir);
      expect(run.status, run.output).not.toBe(0);
      for (const text of expected) expect(run.output).toContain(text);
    } finally {
      content.cleanup();
    }
  });

  it('an address on the old portal two items claim, a news item and a report (known across collections when the pages are built)', () => {
    const content = contentWith({
      'reports/cong-cu-trung.md': news(
        'title: Báo cáo\ndescription: Tóm tắt.\npubDate: 2024-04-14\nunit: doan-khoi\nperiod: { from: 2024, to: 2024 }\npreviousUrls: ["/Pages/Kho-Bac-So-Hoa.aspx?ItemID=41"]',
      ),
    });
    try {
      const run = runAstro(['build', '--outDir', path.join(path.dirname(content.dir), 'dist')], content.dir);
      expect(run.status, run.output).not.toBe(0);
      expect(run.output).toMatch(/previousUrls: "[^"]+" cũng là địa chỉ cũ của [^\n]*(kho-bac-so-hoa|cong-cu-trung)\.md/);
      for (const file of ['kho-bac-so-hoa.md', 'cong-cu-trung.md']) expect(run.output).toContain(file);
    } finally {
      content.cleanup();
    }
  });

  it('the fixture content itself passes', () => {
    const content = contentWith({});
    try {
      const run = runAstro(['sync'], content.dir);
      expect(run.status, run.output).toBe(0);
    } finally {
      content.cleanup();
    }
  });
});
