import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, attachmentExtension, attachmentName, formatFileSize, isAttachmentPath } from '../../src/lib/attachments';
import { attachmentProblems, readAttachment } from '../../src/lib/file-checks';

const dir = mkdtempSync(path.join(tmpdir(), 'ban-tin-attachments-'));
const article = path.join(dir, 'index.mdx');
const file = (name: string, bytes: number) => {
  writeFileSync(path.join(dir, name), '');
  truncateSync(path.join(dir, name), bytes);
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attachments', () => {
  it('publishes a file under its name in ASCII, its extension in lower case', () => {
    expect(attachmentName('./Kế hoạch số 12 (bản cuối).PDF')).toBe('ke-hoach-so-12-ban-cuoi.pdf');
    expect(attachmentName('./Đơn đăng ký.docx')).toBe('don-dang-ky.docx');
    expect(attachmentName('./“”.pdf')).toBe('tep-dinh-kem.pdf');
  });

  it('takes office documents, PDF and ZIP, whatever the case of their extension, and nothing else', () => {
    for (const name of ['a.pdf', 'a.PDF', 'a.docx', 'a.xls', 'a.pptx', 'a.odt', 'a.zip']) expect(attachmentExtension(name), name).toBeDefined();
    for (const name of ['a.exe', 'a.html', 'a.svg', 'a.jpg', 'a', 'a.pdf.js', 'a.constructor', 'a.toString']) expect(attachmentExtension(name), name).toBeUndefined();
  });

  it('knows an attachment’s address from a page’s and other files’', () => {
    for (const url of ['/tin-tuc/a/ke-hoach.pdf', '/bao-cao/a/so-lieu.xlsx', '/su-kien/a/the-le.docx']) expect(isAttachmentPath(url), url).toBe(true);
    for (const url of ['/tin-tuc/a/', '/su-kien/a/lich.ics', '/tin-tuc/a/b/c.pdf', '/chuyen-muc/a/b.pdf', '/tin-tuc/a/anh.jpg', '/tin-tuc/a/b.PDF']) {
      expect(isAttachmentPath(url), url).toBe(false);
    }
  });

  it('writes sizes as Vietnamese portals do', () => {
    expect(formatFileSize(0)).toBe('1 KB');
    expect(formatFileSize(603)).toBe('1 KB');
    expect(formatFileSize(245 * 1024)).toBe('245 KB');
    expect(formatFileSize(1023 * 1024)).toBe('1.023 KB');
    expect(formatFileSize(1.25 * 1024 * 1024)).toBe('1,3 MB');
    expect(formatFileSize(20 * 1024 * 1024)).toBe('20 MB');
  });

  it('reads a file’s published name, type and size', () => {
    file('Kế hoạch.pdf', 2048);
    expect(readAttachment(path.join(dir, 'Kế hoạch.pdf'), 'Kế hoạch')).toMatchObject({
      title: 'Kế hoạch', file: path.join(dir, 'Kế hoạch.pdf'), name: 'ke-hoach.pdf', type: 'PDF', mime: 'application/pdf', bytes: 2048,
    });
  });

  it('finds files missing or too large, and two published under one name', () => {
    file('lon.pdf', ATTACHMENT_MAX_BYTES + 1);
    file('vua.pdf', ATTACHMENT_MAX_BYTES);
    file('ke-hoach.PDF', 10);
    const problems = attachmentProblems(article, {
      attachments: [
        { file: './khong-co.pdf', title: 'a' },
        { file: './lon.pdf', title: 'b' },
        { file: './vua.pdf', title: 'c' },
        { file: './Kế hoạch.pdf', title: 'd' },
        { file: './ke-hoach.PDF', title: 'e' },
        // The schema's to report: a wrong type, an address, not a path.
        { file: './chay.exe', title: 'f' },
        { file: 'https://example.gov.vn/a.pdf', title: 'g' },
        { file: 12, title: 'h' },
      ],
    });
    expect(problems).toEqual([
      { field: 'attachments[0].file', message: expect.stringContaining('không tìm thấy tệp "./khong-co.pdf"') },
      { field: 'attachments[1].file', message: expect.stringContaining('tệp "./lon.pdf" nặng 20 MB, quá giới hạn 20 MB') },
      { field: 'attachments[4].file', message: 'tệp "./ke-hoach.PDF" và "./Kế hoạch.pdf" cùng được đăng thành ke-hoach.pdf; đổi tên một tệp' },
    ]);
    expect(attachmentProblems(article, {})).toEqual([]);
    // A folder is not a file, whatever its name.
    mkdirSync(path.join(dir, 'thu-muc.pdf'));
    expect(attachmentProblems(article, { attachments: [{ file: './thu-muc.pdf', title: 'x' }] })).toEqual([
      { field: 'attachments[0].file', message: expect.stringContaining('không tìm thấy tệp "./thu-muc.pdf"') },
    ]);
  });
});
