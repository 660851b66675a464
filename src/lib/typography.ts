/**
 * Pagefind 1.6 cuts words at spaces and at ASCII punctuation, but takes a word joined by other punctuation whole:
 * it indexes "2017–2019" as "2017–2019" and "20172019", so a search for "2019" does not find it, nor "Neil" in
 * "O’Neil"; and a phrase pasted in typographic quotes is read as words with quotes attached. The document pagefind
 * indexes therefore has the ASCII forms of typographic quotes, apostrophes, the ellipsis and joining dashes
 * (`plainPunctuation`), and so do queries (a phrase pasted in typographic quotes is a phrase); the search page shows
 * titles and excerpts with typographic quotes and ellipses again (`typographicPunctuation`; a joining dash stays a
 * hyphen there).
 */

const PLAIN: Record<string, string> = { '“': '"', '”': '"', '„': '"', '‟': '"', '«': '"', '»': '"', '‘': "'", '’': "'", '…': '...' };
const TYPOGRAPHIC = /[“”„‟«»‘’…]/g;
/** A dash between two characters ("2017–2019"), which pagefind keeps inside the word; a plain hyphen splits it. */
const JOINING_DASH = /(?<=\S)[–—](?=\S)/g;

/** Text with typographic quotes, the ellipsis and joining dashes in the ASCII forms pagefind splits words on. */
export function plainPunctuation(text: string): string {
  return text.replace(TYPOGRAPHIC, (mark) => PLAIN[mark]).replace(JOINING_DASH, '-');
}

/**
 * Text from the index with its quotes typographic again: a quote at the start or after a space or an opening mark
 * (or pagefind's `<mark>` of the word it starts) opens, any other closes; an apostrophe is ’; three dots are an
 * ellipsis. The `<mark>` tags have no attributes, so every quote is text.
 */
export function typographicPunctuation(text: string): string {
  return text
    .replace(/\.\.\./g, '…')
    .replace(/(^|[\s([{–—-]|<mark>)"/g, '$1“')
    .replace(/"/g, '”')
    .replace(/'/g, '’');
}
