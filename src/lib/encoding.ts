/**
 * Text that would be published as other letters than the editor typed: a file not saved as UTF-8, or text typed with
 * the old Vietnamese fonts. No imports: the content loader, the content check and the web editor all use it.
 */

const SAVE_AGAIN = 'mở tệp và lưu lại với mã hóa UTF-8 (trong Notepad: "Lưu thành", mục "Mã hóa")';

/**
 * A file not saved as UTF-8 reads as other characters: Notepad's "Unicode" (UTF-16) has a zero byte in every
 * character, and the old Vietnamese code pages (TCVN3, VNI, Windows-1258) bytes that UTF-8 cannot read, which would be
 * published as "�" in place of the letters with tones.
 */
export function encodingProblem(source: string): string | undefined {
  if (source.includes('\u0000')) return `tệp được lưu dạng UTF-16 ("Unicode"), không phải UTF-8: ${SAVE_AGAIN}`;
  const unreadable = source.indexOf('\uFFFD');
  if (unreadable >= 0) {
    return `dòng ${lineAt(source, unreadable)} có ký tự không đọc được: tệp không được lưu dạng UTF-8 (có thể là bảng mã TCVN3, VNI hoặc Windows-1258): ${SAVE_AGAIN}`;
  }
  const oldFont = findOldFont(source);
  return oldFont && `dòng ${oldFont.line} ${oldFontMessage(oldFont.word)}`;
}

/**
 * Text copied from a document in the old TCVN3 fonts (.VnTime) keeps their code: "§oµn viªn" for "Đoàn viên". Their
 * letters with tones are symbols of Latin-1 (§ ® µ ¸ ¶ · ¹ ¨ © ª « ¬ and the soft hyphen) that Vietnamese text
 * never has between two letters ("Word®" and "µg" have them beside one); three of them so are taken as such text.
 */
const TCVN3_IN_WORD = /(?<=[A-Za-z])[§®µ¸¶·¹¨©ª«¬\u00AD](?=[A-Za-z])/g;

/** Where text in the old fonts first shows: its line (from 1) and the word. */
export function findOldFont(text: string): { line: number; word: string } | undefined {
  const found = [...text.matchAll(TCVN3_IN_WORD)];
  if (found.length < 3) return undefined;
  const at = found[0].index;
  const start = text.slice(0, at).search(/\S*$/);
  return { line: lineAt(text, at), word: text.slice(start).split(/\s/, 1)[0] };
}

export function oldFontMessage(word: string): string {
  return `có chữ gõ bằng bảng mã TCVN3 (phông .VnTime), ví dụ "${word}": chuyển đoạn văn sang Unicode (Unikey: "Công cụ chuyển mã", từ TCVN3 sang Unicode) rồi dán lại`;
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}
