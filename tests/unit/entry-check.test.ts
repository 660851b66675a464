import { describe, expect, it } from 'vitest';
import { editorialNotes, entryProblems, internalLinks, linkableAddresses, linkIssues } from '../../src/lib/entry-check';

const known = { categories: new Set(['hoat-dong-doan', 'su-kien']), units: new Set(['doan-khoi']) };
const now = new Date('2026-12-07T08:00:00+07:00');
const news = {
  title: 'Đoàn viên tham gia hiến máu tình nguyện',
  description: 'Sáng 14/4, 120 đoàn viên các cơ quan tỉnh đã tham gia ngày hội hiến máu.',
  pubDate: '2024-04-14T08:30:00+07:00',
  category: 'hoat-dong-doan',
};
const event = { title: 'Ngày hội hiến máu', description: 'Ngày hội hiến máu của đoàn viên.', start: '2027-01-09T07:30:00+07:00', location: 'Nhà văn hóa tỉnh' };
const messages = (problems: { field?: string; line?: number; message: string; severity: string }[]) =>
  problems.map((p) => `${p.severity} ${p.field ?? `line ${p.line}`}: ${p.message}`);

describe('entryProblems (the web editor’s check before saving)', () => {
  it('finds nothing in a correct article', () => {
    expect(entryProblems('news', news, 'Ngày hội diễn ra tại **hội trường** tỉnh.', known, now)).toEqual([]);
    expect(entryProblems('events', { ...event, pubDate: '2026-12-01' }, '', known, now)).toEqual([]);
  });

  it('gives the build’s messages for fields the editor’s form cannot check', () => {
    expect(messages(entryProblems('news', { ...news, cover: './anh-bia.jpg' }, '', known, now))).toEqual([
      'error coverAlt: có ảnh bìa (cover) thì phải có mô tả ảnh (coverAlt)',
    ]);
    const late = entryProblems('events', { ...event, pubDate: '2026-12-01', end: '2027-01-09T07:00:00+07:00', registrationDeadline: '2027-01-10' }, '', known, now);
    expect(messages(late)).toEqual([
      'error end: thời gian kết thúc (end) phải sau thời gian bắt đầu (start)',
      expect.stringMatching(/^error registrationDeadline: hạn đăng ký \(registrationDeadline\) phải trước khi sự kiện kết thúc/),
    ]);
    const [unknown] = entryProblems('news', { ...news, category: 'khong-co' }, '', known, now);
    expect(unknown).toMatchObject({ severity: 'error', field: 'category', hint: expect.stringContaining('content/categories/') });
    expect(unknown.message).toContain('chuyên mục "khong-co" không tồn tại; có: hoat-dong-doan, su-kien');
    expect(messages(entryProblems('news', { ...news, attachments: [{ file: './cai-dat.exe', title: 'Cài đặt' }] }, '', known, now))).toEqual([
      expect.stringMatching(/^error attachments\[0\]\.file: tệp "\.\/cai-dat\.exe" không đính kèm được/),
    ]);
  });

  it('refuses an expiry or an update before the item is published', () => {
    const published = { ...news, pubDate: '2024-04-14T08:30:00+07:00' };
    expect(messages(entryProblems('news', { ...published, expiryDate: '2024-04-14T08:30:00+07:00', updatedDate: '2024-04-13' }, '', known, now))).toEqual([
      'error expiryDate: ngày hết hạn (expiryDate) phải sau ngày đăng (pubDate, Chủ Nhật, 14/04/2024, 08:30): bài hết hạn trước khi đăng không bao giờ hiện trên cổng',
      'error updatedDate: ngày cập nhật (updatedDate) phải từ ngày đăng (pubDate, Chủ Nhật, 14/04/2024, 08:30) trở đi',
    ]);
    // An update on the day of publishing, without its time, and an expiry after it are right.
    expect(entryProblems('news', { ...published, updatedDate: '2024-04-14', expiryDate: '2024-04-14T08:31:00+07:00' }, '', known, now)).toEqual([]);
    const report = { ...published, unit: 'doan-khoi', period: { from: 2024, to: 2024 } };
    expect(messages(entryProblems('reports', { ...report, expiryDate: '2024-01-01' }, '', known, now))).toEqual([expect.stringMatching(/^error expiryDate: ngày hết hạn/)]);
    expect(messages(entryProblems('events', { ...event, pubDate: '2026-12-01', expiryDate: '2026-11-30' }, '', known, now))).toEqual([expect.stringMatching(/^error expiryDate: ngày hết hạn/)]);
    // An event announced at once (no pubDate) has nothing to contradict.
    expect(entryProblems('events', { ...event, pubDate: undefined, expiryDate: '2026-11-30' }, '', known, now).filter((p) => p.field === 'expiryDate')).toEqual([]);
  });

  it('finds what the build refuses in a body, with its line', () => {
    const body = 'Dòng đầu.\n\nKết quả: {1 + 1} đơn vị máu.\n\n<script>alert(1)</script>\n';
    const problems = entryProblems('news', news, body, known, now);
    expect(problems.map((p) => [p.severity, p.line])).toEqual([
      ['error', 3],
      ['error', 5],
    ]);
    expect(problems[0].message).toContain('biểu thức {1 + 1} không được phép');
    expect(problems[1].message).toContain('<script>');
    expect(messages(entryProblems('news', news, 'Một { chưa đóng', known, now))).toEqual([expect.stringMatching(/^error line 1: lỗi cú pháp MDX/)]);
  });

  it('finds text pasted from a document in the old TCVN3 fonts, in a field or the body', () => {
    const problems = entryProblems('news', { ...news, title: '§oµn viªn tham gia hiÕn m¸u' }, 'Dòng đầu.\n\nS¸ng nay §oµn viªn thanh niªn.', known, now);
    expect(problems.map((p) => [p.severity, p.field ?? p.line, /^có chữ gõ bằng bảng mã TCVN3 .*ví dụ "([^"]+)"/.exec(p.message)?.[1]])).toEqual([
      ['error', 'title', '§oµn'],
      ['error', 3, 'S¸ng'],
    ]);
  });

  it('adds the editorial notes as warnings, after the errors', () => {
    const long = { ...news, title: 'Tuổi trẻ '.repeat(20).trim(), cover: './anh.jpg' };
    expect(messages(entryProblems('news', long, '', known, now))).toEqual([
      'error coverAlt: có ảnh bìa (cover) thì phải có mô tả ảnh (coverAlt)',
      `warning title: tiêu đề dài ${long.title.length} ký tự (nên dưới 150)`,
    ]);
  });
});

describe('editorialNotes', () => {
  it('warns of an upcoming event without pubDate, which heads the listings until it starts', () => {
    expect(editorialNotes(event, 'event', now)).toEqual([
      expect.objectContaining({ field: 'start', message: expect.stringContaining('được xếp theo ngày bắt đầu (09/01/2027)') }),
    ]);
    expect(editorialNotes({ ...event, pubDate: '2026-12-01' }, 'event', now)).toEqual([]);
    expect(editorialNotes({ ...event, start: '2026-01-09' }, 'event', now)).toEqual([]);
    expect(editorialNotes(event, 'news', now)).toEqual([]);
  });

  it('warns of a long lead', () => {
    expect(editorialNotes({ ...news, description: 'Đoàn viên '.repeat(40) }, 'news', now).map((note) => note.field)).toEqual(['description']);
  });
});

describe('links in a body', () => {
  it('are checked against the items (at their old slugs too), categories and units, other pages left alone', () => {
    const known = linkableAddresses([{ kind: 'report', id: 'tong-ket-2023', previousSlugs: ['tong-ket'] }], ['hoat-dong-doan'], ['doan-khoi']);
    expect([...known].sort()).toEqual(['/bao-cao/tong-ket-2023/', '/bao-cao/tong-ket/', '/chuyen-muc/hoat-dong-doan/', '/don-vi/doan-khoi/']);
    const body = 'Xem [báo cáo](/bao-cao/tong-ket) và [tin](/tin-tuc/khong-co/).\n<a href="/don-vi/doan-khoi/">Đoàn Khối</a> · [tìm](/tim-kiem/?q=x)';
    expect(linkIssues(internalLinks(body, 5), known).map((issue) => [issue.line, issue.message])).toEqual([[5, 'liên kết /tin-tuc/khong-co/ trỏ tới trang không tồn tại']]);
  });
});
