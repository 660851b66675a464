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
    expect(findOldFont(source)).toEqual({ code: 'TCVN3', font: '.VnTime', line: 5, word: '§oµn' });
    expect(encodingProblem(source)).toMatch(/^dòng 5 có chữ gõ bằng bảng mã TCVN3 \(phông \.VnTime\), ví dụ "§oµn"/);
  });

  it('finds text typed in the old VNI fonts', () => {
    const source = 'Saùng nay,\nÑoaøn vieân thanh nieân tham gia hieán maùu vaø lao ñoäng.';
    expect(findOldFont(source)).toEqual({ code: 'VNI', font: 'VNI-Times', line: 2, word: 'Ñoaøn' });
    expect(encodingProblem(source)).toMatch(/^dòng 2 có chữ gõ bằng bảng mã VNI \(phông VNI-Times\), ví dụ "Ñoaøn": .*từ VNI sang Unicode/);
  });

  it('leaves alone the symbols and foreign letters Vietnamese text does use', () => {
    const foreign = ['Bản quyền © 2024 Đoàn Khối', 'Tin tức · Sự kiện · Thông báo', 'Microsoft® Word và Excel®, liều 5 µg', '§ 3 của Điều lệ'];
    const names = 'Đoàn viên gặp ông Jørgensen ở Köln và bà Muñoz tại thủ đô Santiago, nơi đoàn công tác của tỉnh trao đổi kinh nghiệm tổ chức hiến máu tình nguyện và chuyển đổi số trong khối cơ quan với các bạn trẻ địa phương.';
    for (const text of [...foreign, names, 'Chuyện rõ ràng: mù chữ, vẫn đọc được']) {
      expect(findOldFont(text), text).toBeUndefined();
    }
  });
});
