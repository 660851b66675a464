/**
 * The one form the portal keeps Vietnamese text in, whatever the editor's tool wrote. Pages, slugs and the search
 * index compare text by its characters, so text that looks the same must be the same characters:
 * - composed Unicode (NFC): text pasted from Word or typed with some keyboards is decomposed (NFD);
 * - Đ (U+0110), not its look-alike Ð (Latin Eth, U+00D0), which text converted from the old Vietnamese fonts and some
 *   keyboards write: with it, "ÐOÀN VIÊN" is not found by "đoàn viên" or "doan vien", and its slug loses the letter.
 */
export function portalText(text: string): string {
  return text.normalize('NFC').replaceAll('\u00d0', '\u0110');
}
