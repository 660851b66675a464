import { describe, expect, it } from 'vitest';
import { encodingProblem, findOldFont } from '../../src/lib/encoding';

describe('encodingProblem', () => {
  it('takes UTF-8, with or without its mark, and any line ending', () => {
    expect(encodingProblem('---\ntitle: Đoàn viên hiến máu\n---\n')).toBeUndefined();
    expect(encodingProblem('\uFEFF---\r\ntitle: Đoàn viên\r\n---\r\n')).toBeUndefined();
  });

  it('names a file read from UTF-16, and the line where an old code page’s letters are unreadable', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: Đoàn\n', 'utf16le')]).toString('utf8');
    expect(encodingProblem(utf16)).toMatch(/^tệp được lưu dạng UTF-16/);
    const windows1258 = Buffer.from('---\ntitle: \u00d0o\u00e0n vi\u00ean\n---\n', 'latin1').toString('utf8');
    expect(encodingProblem(windows1258)).toMatch(/^dòng 2 có ký tự không đọc được: tệp không được lưu dạng UTF-8/);
  });

  it('finds text typed in the old TCVN3 fonts, with its line and first word', () => {
    const source = '---\ntitle: Tin\n---\n\nSáng nay, §oµn viªn thanh niªn tham gia hiÕn m¸u.\n';
    expect(findOldFont(source)).toEqual({ line: 5, word: '§oµn' });
    expect(encodingProblem(source)).toMatch(/^dòng 5 có chữ gõ bằng bảng mã TCVN3 \(phông \.VnTime\), ví dụ "§oµn"/);
  });

  it('leaves alone the symbols Vietnamese text does use', () => {
    for (const text of ['Bản quyền © 2024 Đoàn Khối', 'Tin tức · Sự kiện · Thông báo', 'Microsoft® Word và Excel®, liều 5 µg', '§ 3 của Điều lệ']) {
      expect(findOldFont(text), text).toBeUndefined();
    }
  });
});
