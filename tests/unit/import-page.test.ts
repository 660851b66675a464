import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bodySyntax } from '../../src/lib/body-syntax';
import { dateInText, decodeHtml, ImportError, markdownOf, periodOfTitle, readPage, unitMentioned } from '../../src/lib/import-page';
import { parseBody } from '../../src/lib/safe-mdx';

const SAVED_PAGE = path.resolve(import.meta.dirname, '../fixtures/import/cong-thong-tin.html');
const savedHtml = readFileSync(SAVED_PAGE, 'utf8');

describe('readPage on a provincial e-portal article saved with its files', () => {
  const page = readPage(savedHtml, pathToFileURL(SAVED_PAGE));

  it('takes the title, date and lead printed above the text, not the portal around it', () => {
    expect(page.title).toBe('Chi đoàn Sở Tài chính tổng kết công tác Đoàn năm 2024');
    expect(page.pubDate).toBe('2024-12-20T15:45:00+07:00');
    expect(page.description).toMatch(/^Năm 2024, Chi đoàn Sở Tài chính có 18 đoàn viên sinh hoạt;.*nhiệm vụ chuyên môn của cơ quan\.$/);
    for (const chrome of ['Skip Ribbon', 'Trang chủ', 'Tin liên quan', 'Liên kết website', 'Cơ quan chủ quản', 'Ngày đăng', 'Năm 2024, Chi đoàn', 'In bài', 'SHARE']) {
      expect(page.body).not.toContain(chrome);
    }
  });

  it('makes bold lines section titles, a bold first row the table header, and keeps links to other sites', () => {
    expect(page.body).toMatch(/^## 1\. Công tác tuyên truyền, giáo dục\n\nChi đoàn tổ chức 12 buổi/);
    expect(page.body).toContain('\n## 2. Phong trào tình nguyện\n');
    expect(page.body).toContain('\n## 3. Xây dựng tổ chức Đoàn\n');
    expect(page.body).toContain('| Nội dung      | Kết quả |\n| ------------- | ------- |\n| Lượt hiến máu | 9       |');
    expect(page.body).toContain('do [Tỉnh đoàn](https://tinhdoan.example.gov.vn/cuoc-thi) phát động');
    expect(page.body).toContain('*xếp loại Chi đoàn vững mạnh*');
  });

  it('takes the photos with their captions out of the body, and the photo section title with them', () => {
    expect(page.photos).toEqual([
      {
        url: pathToFileURL(path.join(path.dirname(SAVED_PAGE), 'cong-thong-tin_files/hien-mau.jpg')).href,
        alt: 'Đoàn viên tham gia ngày hội hiến máu',
        caption: 'Đoàn viên tham gia ngày hội hiến máu',
      },
      { url: expect.stringMatching(/cong-thong-tin_files\/trao-qua\.png$/), alt: 'Trao quà cho thiếu nhi xã Thanh Hải' },
      { url: expect.stringMatching(/cong-thong-tin_files\/khong-co\.jpg$/), alt: 'Ảnh bị mất' },
    ]);
    expect(page.body).not.toContain('hình ảnh');
    expect(page.body).not.toContain('img');
  });

  it('takes the signature as the author', () => {
    expect(page.author).toBe('Minh Anh - Chi đoàn Sở Tài chính');
    expect(page.body).not.toContain('Minh Anh');
    expect(page.body.trimEnd().endsWith('*xếp loại Chi đoàn vững mạnh*.')).toBe(true);
  });

  it("drops a link it cannot make a full address of, saying so, and takes documents as attachments when it can", () => {
    expect(page.files).toEqual([]);
    expect(page.notes).toEqual(['bỏ liên kết "Kế hoạch số 05-KH/CĐ" (/Documents/ke-hoach-05.pdf): không có địa chỉ đầy đủ']);
    expect(page.body).toContain('theo Kế hoạch số 05-KH/CĐ của Chi đoàn');
    const withCanonical = savedHtml.replace('</head>', '<link rel="canonical" href="https://congthongtin.example.gov.vn/Pages/tong-ket-2024.aspx"></head>');
    const online = readPage(withCanonical.replace('cong-thong-tin_files/khong-co.jpg', '/PublishingImages/khong-co.jpg'), pathToFileURL(SAVED_PAGE));
    expect(online.files).toEqual([{ url: 'https://congthongtin.example.gov.vn/Documents/ke-hoach-05.pdf', title: 'Kế hoạch số 05-KH/CĐ' }]);
    expect(online.notes).toEqual([]);
    expect(online.canonical).toBe('https://congthongtin.example.gov.vn/Pages/tong-ket-2024.aspx');
    expect(page.canonical).toBeUndefined();
    expect(online.body).toContain('theo Kế hoạch số 05-KH/CĐ của Chi đoàn');
    // Photos are the saved files beside the page, and those it did not save on the old portal.
    expect(online.photos.map((photo) => photo.url)).toEqual([
      pathToFileURL(path.join(path.dirname(SAVED_PAGE), 'cong-thong-tin_files/hien-mau.jpg')).href,
      pathToFileURL(path.join(path.dirname(SAVED_PAGE), 'cong-thong-tin_files/trao-qua.png')).href,
      'https://congthongtin.example.gov.vn/PublishingImages/khong-co.jpg',
    ]);
  });
});

describe('readPage keeps every paragraph of the article', () => {
  it('written as lines in divs, as rich text editors write them', () => {
    // Readability alone drops the short paragraph with a link from this version of the page.
    const divs = savedHtml.replaceAll('<p', '<div').replaceAll('</p>', '</div>');
    const page = readPage(divs, pathToFileURL(SAVED_PAGE));
    const asParagraphs = readPage(savedHtml, pathToFileURL(SAVED_PAGE));
    expect(page.body).toContain('theo Kế hoạch số 05-KH/CĐ của Chi đoàn');
    expect(page).toEqual(asParagraphs);
  });

  it('from its own first line, when the menus above have the same words', () => {
    // The article opens with its section's name, which the menu has too.
    const labelled = savedHtml.replace('<div class="news-title">', '<div class="news-section">Tin tức - Sự kiện</div>\n<div class="news-title">');
    expect(labelled).not.toBe(savedHtml);
    const page = readPage(labelled, pathToFileURL(SAVED_PAGE));
    expect(page.body).toBe(readPage(savedHtml, pathToFileURL(SAVED_PAGE)).body);
    expect(page.title).toBe('Chi đoàn Sở Tài chính tổng kết công tác Đoàn năm 2024');
  });

  it('with its photos last, after the text, and no signature under them', () => {
    const unsigned = savedHtml.replace('<p style="text-align:right"><strong>Minh Anh - Chi đoàn Sở Tài chính</strong></p>', '');
    expect(unsigned).not.toBe(savedHtml);
    const page = readPage(unsigned, pathToFileURL(SAVED_PAGE));
    const signed = readPage(savedHtml, pathToFileURL(SAVED_PAGE));
    expect(page.photos).toEqual(signed.photos);
    expect(page.author).toBeUndefined();
    expect(page.body).toBe(signed.body);
  });

  it('split by blank lines of line breaks', () => {
    const text = 'Chi đoàn tổ chức hội nghị tổng kết công tác năm với sự tham dự của đông đủ đoàn viên.';
    const html = `<html><head><title>Tổng kết công tác Đoàn năm 2024 của Chi đoàn</title></head><body><nav><a href="/">Trang chủ</a></nav>
      <div class="noi-dung"><h1>Tổng kết công tác Đoàn năm 2024 của Chi đoàn</h1><div>Ngày 20/12/2024</div>
      <div>${text}<br><br>Đoạn thứ hai, dòng một<br>dòng hai.<br> <br><br>Đoạn thứ ba. ${text}<br></div></div></body></html>`;
    const page = readPage(html, new URL('https://x.example/a'));
    expect(page.notes).toEqual([]);
    expect(page.description).toBe(text);
    expect(page.body).toBe(`Đoạn thứ hai, dòng một\\\ndòng hai.\n\nĐoạn thứ ba. ${text}`);
  });
});

const NEWS_SITE = `<!doctype html><html lang="vi"><head>
<title>Thanh niên tình nguyện dọn vệ sinh bãi biển | Báo Tuổi trẻ Tỉnh</title>
<meta property="og:title" content="Thanh niên tình nguyện dọn vệ sinh bãi biển">
<meta property="og:description" content="Hơn 200 đoàn viên, thanh niên ra quân làm sạch 3 km bờ biển xã Thanh Hải sáng Chủ nhật.">
<meta property="article:published_time" content="2023-04-14T01:30:00Z">
</head><body>
<header><nav><a href="/">Trang chủ</a> <a href="/xa-hoi">Xã hội</a></nav></header>
<main><article>
<h1>Thanh niên tình nguyện dọn vệ sinh bãi biển</h1>
<p class="meta">14/04/2023 08:30</p>
<p>Hơn 200 đoàn viên, thanh niên ra quân làm sạch 3 km bờ biển xã Thanh Hải sáng Chủ nhật.</p>
<figure><a href="/anh/bai-bien-lon.jpg"><img src="/anh/bai-bien.webp" alt="IMG_2041.JPG"></a><figcaption>Đoàn viên thu gom rác trên bãi biển</figcaption></figure>
<h3>Rác nhựa giảm rõ rệt</h3>
<p>Theo Ban tổ chức, lượng rác nhựa thu gom năm nay ít hơn năm trước nhờ các đợt tuyên truyền tại chợ cá và các hộ kinh doanh ven biển.</p>
<h4>Ý kiến người dân</h4>
<p>Nhiều hộ dân mang nước uống đến tiếp sức. Xem <a href="/xa-hoi/bai-truoc">bài trước</a> và <a href="javascript:void(0)">bình luận</a>.</p>
<p><a href="/xa-hoi/album.html"><img src="/anh/nguoi-dan.jpg" alt="Người dân tiếp nước"></a></p>
<p><img src="/anh/nguoi-dan.jpg" alt="Người dân tiếp nước"></p>
<p><iframe src="https://www.youtube.com/embed/abc123XYZ"></iframe></p>
<p>Nguồn: Báo Tuổi trẻ Tỉnh</p>
</article></main>
<aside><h2>Đọc nhiều</h2><ul><li><a href="/x">Tin khác</a></li></ul></aside>
<footer>© Báo Tuổi trẻ Tỉnh</footer>
</body></html>`;

describe('readPage on a news site with metadata', () => {
  const page = readPage(NEWS_SITE, new URL('https://baotuoitre.example.vn/xa-hoi/don-ve-sinh-bai-bien.html'));

  it('prefers the metadata, in Viet Nam time', () => {
    expect(page.title).toBe('Thanh niên tình nguyện dọn vệ sinh bãi biển');
    expect(page.pubDate).toBe('2023-04-14T08:30:00+07:00');
    expect(page.description).toBe('Hơn 200 đoàn viên, thanh niên ra quân làm sạch 3 km bờ biển xã Thanh Hải sáng Chủ nhật.');
    expect(page.body).not.toContain('Hơn 200 đoàn viên');
    expect(page.body).not.toContain('14/04/2023');
    expect(page.body).not.toContain('Đọc nhiều');
  });

  it("starts the page's own headings at ##, takes a figure's caption and the source line", () => {
    expect(page.body).toMatch(/^## Rác nhựa giảm rõ rệt\n/);
    expect(page.body).toContain('\n### Ý kiến người dân\n');
    // The large photo a thumbnail links to; a photo given twice, once.
    expect(page.photos).toEqual([
      { url: 'https://baotuoitre.example.vn/anh/bai-bien-lon.jpg', alt: 'Đoàn viên thu gom rác trên bãi biển', caption: 'Đoàn viên thu gom rác trên bãi biển' },
      { url: 'https://baotuoitre.example.vn/anh/nguoi-dan.jpg', alt: 'Người dân tiếp nước' },
    ]);
    expect(page.body).not.toContain('album');
    expect(page.body).not.toContain('[]');
    expect(page.source).toBe('Báo Tuổi trẻ Tỉnh');
    expect(page.author).toBeUndefined();
    expect(page.body).not.toContain('Nguồn');
  });

  it('makes links full addresses and drops scripts and embeds with a note', () => {
    expect(page.body).toContain('Xem [bài trước](https://baotuoitre.example.vn/xa-hoi/bai-truoc) và bình luận.');
    expect(page.body).not.toContain('javascript');
    expect(page.body).not.toContain('iframe');
    expect(page.notes).toContain('bỏ một khung nhúng (https://www.youtube.com/embed/abc123XYZ); video YouTube: thêm <Video youtube="…" /> vào bài .mdx');
  });
});

describe('readPage notes', () => {
  it('a title in capitals', () => {
    const page = readPage(NEWS_SITE.replace('content="Thanh niên tình nguyện dọn vệ sinh bãi biển"', 'content="THANH NIÊN TÌNH NGUYỆN DỌN VỆ SINH BÃI BIỂN NĂM 2023"'), new URL('https://x.example/a'));
    expect(page.title).toBe('THANH NIÊN TÌNH NGUYỆN DỌN VỆ SINH BÃI BIỂN NĂM 2023');
    expect(page.notes).toContain('tiêu đề viết hoa toàn bộ: nên viết lại dạng câu thường, như các bài khác, để dễ đọc trong danh sách');
  });


  it('a photo without a description, given the title for one until the editor writes it', () => {
    const page = readPage(NEWS_SITE.replace('<p><iframe', '<p><img src="/anh/DSC_0042.jpg" alt="DSC_0042.jpg"></p><p><iframe'), new URL('https://x.example/a'));
    expect(page.photos.at(-1)).toEqual({ url: 'https://x.example/anh/DSC_0042.jpg', alt: 'Thanh niên tình nguyện dọn vệ sinh bãi biển (ảnh 3)' });
    expect(page.notes).toContain('ảnh https://x.example/anh/DSC_0042.jpg không có mô tả: ghi tạm "Thanh niên tình nguyện dọn vệ sinh bãi biển", hãy mô tả lại ảnh');
  });
});

describe('readPage on a portal that sets photos in tables', () => {
  it('takes a photo and its caption from a small table, and leaves tables of figures alone', () => {
    const text = 'Sáng 12/5, Đoàn Khối tổ chức lễ ra quân Tháng Thanh niên với sự tham gia của hơn 300 đoàn viên các cơ sở Đoàn trực thuộc.';
    const html = `<html><head><title>Ra quân Tháng Thanh niên - Cổng TTĐT tỉnh</title><meta name="description" content="${text}"></head><body>
      <div class="menu"><a href="/">Trang chủ</a></div>
      <div class="news-detail"><h1 class="title">Ra quân Tháng Thanh niên năm 2025</h1><div class="date">12/05/2025 09:10</div>
      <div class="sapo">${text}</div>
      <div class="content"><p style="text-align: justify;">Tại buổi lễ, các đoàn viên đã ra quân dọn vệ sinh tại khu di tích và trồng 200 cây xanh trong khuôn viên trụ sở các cơ quan.</p>
      <table class="image center"><tbody><tr><td><img src="/Uploads/2025/5/ra-quan.jpg" alt=""></td></tr><tr><td class="image_desc">Các đại biểu bấm nút ra quân</td></tr></tbody></table>
      <table><tbody><tr><th>Nội dung</th><th>Số lượng</th></tr><tr><td>Cây xanh</td><td>200</td></tr></tbody></table>
      <p style="text-align: right;"><strong>Thu Trang</strong></p></div></div></body></html>`;
    const page = readPage(html, new URL('https://portal.example.gov.vn/tin-tuc/ra-quan.html'));
    expect(page.title).toBe('Ra quân Tháng Thanh niên năm 2025');
    expect(page.pubDate).toBe('2025-05-12T09:10:00+07:00');
    expect(page.description).toBe(text);
    expect(page.photos).toEqual([{ url: 'https://portal.example.gov.vn/Uploads/2025/5/ra-quan.jpg', alt: 'Các đại biểu bấm nút ra quân', caption: 'Các đại biểu bấm nút ra quân' }]);
    expect(page.author).toBe('Thu Trang');
    expect(page.body).toBe(
      'Tại buổi lễ, các đoàn viên đã ra quân dọn vệ sinh tại khu di tích và trồng 200 cây xanh trong khuôn viên trụ sở các cơ quan.\n\n' +
        '| Nội dung | Số lượng |\n| -------- | -------- |\n| Cây xanh | 200      |',
    );
  });
});

describe("readPage on an old editor's hardest formatting", () => {
  const body = `<p>Diện tích 120 m<sup>2</sup>, khí CO<sub>2</sub>, 10<sup>6</sup> đồng và chú thích<sup>a</sup>; ghi {Họ tên} &lt;b&gt;.</p>
    <table><tr><th>Nội dung</th><th>Kết quả</th></tr><tr><td><table><tr><td>lồng</td></tr></table></td><td><ul><li>một</li><li>hai</li></ul></td></tr>
    <tr><td>dòng 1<br>dòng 2</td><td>c</td></tr></table>
    <p>import fs from 'node:fs'</p><p>export const a = 1</p><p>Chữ <s>gạch</s> và <u>gạch chân</u>.</p>`;
  const html = `<html><head><meta property="og:title" content="Bài có định dạng khó của trình soạn thảo cũ"><meta property="article:published_time" content="2024-01-02"></head>
    <body><article><p>Đoạn mở đầu đủ dài để làm phần tóm tắt của bài viết thử nghiệm này, hơn bốn mươi ký tự.</p>${body}</article></body></html>`;
  const page = readPage(html, new URL('https://x.example/a'));

  it('writes a body the portal accepts, that reads as the page did', () => {
    expect(parseBody(page.body, bodySyntax(page.body, 'index.mdx')).problems).toEqual([]);
    expect(page.body).toBe(
      [
        'Diện tích 120 m², khí CO₂, 10⁶ đồng và chú thícha; ghi \\{Họ tên} \\<b>.',
        '| Nội dung       | Kết quả  |\n| -------------- | -------- |\n| lồng           | một; hai |\n| dòng 1; dòng 2 | c        |',
        // What MDX would take as code keeps its text: its first letter written as a character reference.
        "&#x69;mport fs from 'node:fs'",
        '&#x65;xport const a = 1',
        'Chữ ~~gạch~~ và *gạch chân*.',
      ].join('\n\n'),
    );
    expect(page.notes).toEqual(['2 ô bảng có nhiều dòng được gộp thành một dòng (ngăn cách bằng "; "): xem lại bảng']);
  });
});

describe('readPage refuses what is not an article', () => {
  it('a page without text', () => {
    expect(() => readPage('<html><head><title>Trang chủ</title></head><body><nav><a href="/">Trang chủ</a></nav></body></html>', new URL('https://x.example/'))).toThrow(
      ImportError,
    );
    expect(() => readPage('<html><body></body></html>', new URL('https://x.example/'))).toThrow(/không tìm thấy nội dung bài viết/);
  });

  it('finds no date where the page gives none', () => {
    const page = readPage(NEWS_SITE.replace(/<meta property="article:published_time"[^>]*>/, '').replace('<p class="meta">14/04/2023 08:30</p>', ''), new URL('https://x.example/a'));
    expect(page.pubDate).toBeUndefined();
  });
});

describe('dateInText', () => {
  it.each([
    ['Thứ Sáu, 20/12/2024 - 15:45', '2024-12-20T15:45:00+07:00'],
    ['Cập nhật 08:05 ngày 5/3/2019', '2019-03-05T08:05:00+07:00'],
    ['20-12-2024 15g45', '2024-12-20T15:45:00+07:00'],
    ['Ngày đăng: 05/03/2019', '2019-03-05'],
    ['20/12/2024 3:45 CH', '2024-12-20T15:45:00+07:00'],
    ['20/12/2024 9:05 SA', '2024-12-20T09:05:00+07:00'],
    ['20/12/2024 12:30 SA', '2024-12-20T00:30:00+07:00'],
    ['20/12/2024 12:30 CH', '2024-12-20T12:30:00+07:00'],
    ['Hòa Lâm, ngày 20 tháng 12 năm 2024', '2024-12-20'],
    ['ngày 31 tháng 2 năm 2024', undefined],
    ['Số 12/2019', undefined],
    ['31/02/2024', undefined],
    ['không có ngày', undefined],
  ])('%s → %s', (text, expected) => {
    expect(dateInText(text)).toBe(expected);
  });
});

describe('periodOfTitle', () => {
  it.each([
    ['Chi đoàn hoàn thành nhiệm vụ nhiệm kỳ 2017 - 2019', { from: 2017, to: 2019 }],
    ['Kết quả giai đoạn 2020–2022', { from: 2020, to: 2022 }],
    ['KẾT QUẢ XÂY DỰNG ĐOÀN CƠ SỞ NĂM 2021', { from: 2021, to: 2021 }],
    ['Tổng kết công tác Đoàn', undefined],
    ['Số liệu 2022 - 2020', undefined],
  ])('%s', (title, expected) => {
    expect(periodOfTitle(title)).toEqual(expected);
  });
});

describe('decodeHtml', () => {
  it("reads the encoding the server or the page names, UTF-8 otherwise", () => {
    expect(decodeHtml(Buffer.from('<p>Tiếng Việt</p>'))).toBe('<p>Tiếng Việt</p>');
    // windows-1258 writes tones as combining marks: "Việt" is V, i, ê, dot below, t.
    const legacy = Buffer.concat([Buffer.from('<meta charset="windows-1258"><p>Vi'), Buffer.from([0xea, 0xf2]), Buffer.from('t</p>')]);
    expect(decodeHtml(legacy).normalize('NFC')).toContain('<p>Việt</p>');
    expect(decodeHtml(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'text/html; charset=ISO-8859-1')).toBe('café');
    expect(decodeHtml(Buffer.from('Đoàn'), 'text/html; charset=khong-co')).toBe('Đoàn');
  });
});

describe('markdownOf', () => {
  it('escapes what MDX would read as code or components', () => {
    expect(markdownOf('<p>Đoàn viên tuổi <30, ghi {Họ và tên} vào mẫu</p><p>{x}</p>')).toBe('Đoàn viên tuổi \\<30, ghi \\{Họ và tên} vào mẫu\n\n\\{x}');
  });

  it('writes Markdown that reads back as the same text, in NFC', () => {
    expect(markdownOf('<p>Chi đoàn <strong>vững mạnh</strong> * 2 &lt;b&gt;</p><ul><li>Một</li><li>Hai</li></ul>'.normalize('NFD'))).toBe(
      'Chi đoàn **vững mạnh** \\* 2 \\<b>\n\n- Một\n- Hai',
    );
    // Old portals' text often has Đ's look-alike Ð (Latin Eth): the file gets Đ.
    expect(markdownOf('<p>\u00d0OÀN VIÊN \u00d0ẠT GIẢI</p>')).toBe('ĐOÀN VIÊN ĐẠT GIẢI');
  });
});

describe('unitMentioned', () => {
  const units = [
    { slug: 'doan-khoi', names: ['Đoàn Khối các cơ quan tỉnh', 'Đoàn Khối'] },
    { slug: 'chi-doan-so-tai-chinh', names: ['Chi đoàn Sở Tài chính'] },
    { slug: 'chi-doan-so-tttt', names: ['Chi đoàn Sở Thông tin và Truyền thông', 'Chi đoàn Sở TT&TT'] },
    { slug: 'ngan', names: ['Sở'] },
  ];

  it('finds the unit a byline, source or title names, the longest name first, whatever the case', () => {
    expect(unitMentioned(['Minh Anh - Chi đoàn Sở Tài chính'], units)).toBe('chi-doan-so-tai-chinh');
    expect(unitMentioned([undefined, 'Ban Tuyên giáo Đoàn Khối', 'Hội nghị'], units)).toBe('doan-khoi');
    expect(unitMentioned(['CHI ĐOÀN SỞ THÔNG TIN VÀ TRUYỀN THÔNG HOÀN THÀNH NHIỆM VỤ'], units)).toBe('chi-doan-so-tttt');
    // "Chi đoàn Sở Tài chính" within a longer text about the unit above it: the longer name wins.
    expect(unitMentioned(['Đoàn Khối các cơ quan tỉnh thăm Chi đoàn Sở Tài chính'], units)).toBe('doan-khoi');
  });

  it('takes whole words only, and names of four letters or more', () => {
    expect(unitMentioned(['Đoàn Khối phường'], [{ slug: 'x', names: ['Đoàn Khối p'] }])).toBeUndefined();
    expect(unitMentioned(['Sở Tài chính tỉnh'], units)).toBeUndefined();
    expect(unitMentioned([], units)).toBeUndefined();
  });
});
