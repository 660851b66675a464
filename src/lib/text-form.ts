/**
 * The one form the portal keeps Vietnamese text in, whatever the editor's tool wrote. Pages, slugs and the search
 * index compare text by its characters, so text that looks the same must be the same characters:
 * - composed Unicode (NFC): text pasted from Word or typed with some keyboards is decomposed (NFD);
 * - Đ (U+0110), not its look-alike Ð (Latin Eth, U+00D0), which text converted from the old Vietnamese fonts and some
 *   keyboards write: with it, "ÐOÀN VIÊN" is not found by "đoàn viên" or "doan vien", and its slug loses the letter;
 * - no invisible characters inside words (a zero-width space or word joiner, a stray byte-order mark, Word's optional
 *   hyphen), which text pasted from web pages and documents carries: the search index took "hiến​máu" with one as
 *   another word than "hiến" or "máu", while the reader sees the text as it is without them.
 */
export function portalText(text: string): string {
  return text.normalize('NFC').replaceAll('\u00d0', '\u0110').replace(INVISIBLE, '');
}

/** Zero-width space, word joiner, byte-order mark (zero-width no-break space), soft hyphen. */
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g;
