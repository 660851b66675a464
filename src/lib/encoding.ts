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
  return oldFont && `dòng ${oldFont.line} ${oldFontMessage(oldFont)}`;
}

/**
 * Text copied from a document in the old Vietnamese fonts keeps their code. TCVN3 (.VnTime) writes "Đoàn viên" as
 * "§oµn viªn": its letters with tones are Latin-1 symbols (§ ® µ ¸ ¶ · ¹ ¨ © ª « ¬, the soft hyphen). VNI (VNI-Times)
 * writes it "Ñoaøn vieân": a letter and then a Latin-1 letter for its marks, of which ø ï û ö ë and ñ/Ñ before a
 * letter are none of Vietnamese's own. Vietnamese text never has TCVN3's symbols between two letters ("Word®", "µg"
 * have them beside one): three of them so are taken as such text; VNI's, three and one in thirty letters (one in ten or so in such text).
 */
const OLD_FONTS = [
  { name: 'TCVN3', font: '.VnTime', inWord: /(?<=[A-Za-z])[§®µ¸¶·¹¨©ª«¬\u00AD](?=[A-Za-z])/g, perLetters: Infinity },
  // Foreign names have these letters too (Jørgensen, Muñoz): text in VNI has one in every few words.
  { name: 'VNI', font: 'VNI-Times', inWord: /(?<=[A-Za-z])[øïûöë]|[Ññ](?=[A-Za-z])/g, perLetters: 30 },
] as const;

/** Where text in an old font first shows: the font's code, its line (from 1) and the word. */
export function findOldFont(text: string): { code: string; font: string; line: number; word: string } | undefined {
  for (const { name, font, inWord, perLetters } of OLD_FONTS) {
    const found = [...text.matchAll(inWord)];
    if (found.length < 3 || found.length < (text.match(/\p{L}/gu)?.length ?? 0) / perLetters) continue;
    const at = found[0].index;
    const start = text.slice(0, at).search(/\S*$/);
    return { code: name, font, line: lineAt(text, at), word: text.slice(start).split(/\s/, 1)[0] };
  }
  return undefined;
}

export function oldFontMessage({ code, font, word }: { code: string; font: string; word: string }): string {
  return `có chữ gõ bằng bảng mã ${code} (phông ${font}), ví dụ "${word}": chuyển đoạn văn sang Unicode (Unikey: "Công cụ chuyển mã", từ ${code} sang Unicode) rồi dán lại`;
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}
