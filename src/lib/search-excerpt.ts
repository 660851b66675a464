/**
 * A search result's title and excerpt, the query's matches in `<mark>`. Pagefind's own excerpt is the window of the
 * page's text where the matches weigh most, which for most results is the title (a heading's words weigh most), and
 * a result shows its title above the excerpt already. So the excerpt is taken from the text after the title: around
 * its matches, or from the start of that text (the lead) when only the title matches; the title's matches are marked
 * in the title.
 */
import { foldVietnamese } from './slug';
import { foldedWord, positionRuns, tonePlacements } from './search-query';

/** What pagefind gives of a result's page (`result.data()`), as far as the result needs it. */
export interface ResultSource {
  /** The page's indexed text: the words that `location` counts. */
  content: string;
  /** The same, `<` and `>` escaped; words split by zero-width spaces keep them here. */
  raw_content: string;
  /** The query's matches: each word's position among the text's words, and its weight. */
  weighted_locations: readonly { location: number; balanced_score: number }[];
  meta: { title?: string };
}

/** How pagefind splits its text into words for locations and excerpts. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/g;

/** The start of the `length` words whose scores add up to most. */
function densestStart(scores: readonly number[], length: number): number {
  if (scores.length <= length) return 0;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += scores[i];
  let best = sum;
  let bestStarts = [0];
  for (let start = 1; start + length <= scores.length; start++) {
    sum += scores[start + length - 1] - scores[start - 1];
    if (sum > best) {
      best = sum;
      bestStarts = [start];
    } else if (sum === best && bestStarts.at(-1) === start - 1) {
      bestStarts.push(start);
    }
  }
  // The text's own start or end reads best when it holds as much; in between, the matches go in the middle.
  if (bestStarts[0] === 0) return 0;
  if (bestStarts.at(-1) === scores.length - length) return scores.length - length;
  return bestStarts[Math.floor(bestStarts.length / 2)];
}

/** Punctuation that a word may start or end with (not `&` or `;`, which escapes use). */
const AROUND_WORD = /^([("'“‘«[]*)(.*?)([)"'”’».,:!?…\]]*)$/s;

/** A matched word in `<mark>`, without the punctuation around it: "<mark>máu</mark>." */
function mark(word: string): string {
  const [, before, inner, after] = AROUND_WORD.exec(word)!;
  return inner ? `${before}<mark>${inner}</mark>${after}` : `<mark>${word}</mark>`;
}

/** A word that ends a sentence. */
const SENTENCE_END = /[.!?…:]["'”’)»]*$/;
/** How far an excerpt moves to start with a sentence. */
const SENTENCE_SLACK = 8;

/**
 * The start of a window of `length` words at `start`, moved by a few words to where a sentence starts when one does
 * nearby, as long as the window keeps the matches it had.
 */
function sentenceStart(words: readonly string[], from: number, start: number, length: number, marked: ReadonlySet<number>): number {
  const inWindow = [...marked].filter((location) => location >= start && location < start + length);
  if (inWindow.length === 0) return start;
  const first = Math.min(...inWindow);
  const last = Math.max(...inWindow);
  const startsSentence = (i: number) => i === from || SENTENCE_END.test(words[i - 1]);
  const keepsMatches = (i: number) => i >= from && i <= first && i + length > last;
  for (let distance = 0; distance <= SENTENCE_SLACK; distance++) {
    for (const candidate of [start - distance, start + distance]) {
      if (keepsMatches(candidate) && startsSentence(candidate)) return candidate;
    }
  }
  return start;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The forms of a word that may match a query's word: each run of its letters and digits, and all of them joined. */
function forms(word: string): string[] {
  const parts = word.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return parts.length > 1 ? [...parts, parts.join('')] : parts;
}

/** A word without its marks, d for đ, in lower case: as a reader may type it. */
const plain = (word: string) => foldVietnamese(word).toLowerCase();

/** A query's word as `lookAlikes` compares it: its forms with and without its marks. */
interface QueryWord {
  form: string;
  plain: string;
  withoutMarks: boolean;
  placements: string[];
  last: boolean;
}

/**
 * Whether a word pagefind matched is one the reader did not ask for. Pagefind folds tones and takes any word that
 * starts with a query's word, so "nhân đạo" matches "nhận" and "Đào", and "Kho bạc" matches "không" and "Khối". A word
 * the reader typed with its marks asks for those marks (either place of the tone of oa, oe, uy); one typed without
 * takes every look-alike; only the last word, which may be being typed, asks for the words it starts. A word that
 * is like none of the query's (pagefind matched a part of it, or words it joined) is not judged here. The test of
 * a query, for many words (a page repeats its words: each is judged once).
 */
export function lookAlikes(query: string): (word: string) => boolean {
  const typed = query.split(/[\s"]+/).flatMap(forms);
  const queryWords: QueryWord[] = typed.map((form, at) => ({
    form,
    plain: plain(form),
    withoutMarks: foldedWord(form) === form,
    placements: tonePlacements(form),
    last: at === typed.length - 1,
  }));
  const asked = (form: string, formPlain: string) => (word: QueryWord) => {
    if (word.withoutMarks) return word.last ? formPlain.startsWith(word.plain) : formPlain === word.plain;
    return word.placements.some((placed) => (word.last ? form.startsWith(placed) : form === placed));
  };
  const judged = new Map<string, boolean>();
  return (word) => {
    let lookAlike = judged.get(word);
    if (lookAlike === undefined) {
      const page = forms(word).map((form) => ({ form, plain: plain(form) }));
      const like = queryWords.some((queryWord) => page.some((form) => form.plain.startsWith(queryWord.plain)));
      lookAlike = like && !page.some((form) => queryWords.some(asked(form.form, form.plain)));
      judged.set(word, lookAlike);
    }
    return lookAlike;
  };
}

/** `lookAlikes` for one word. */
export const isLookAlike = (word: string, query: string): boolean => lookAlikes(query)(word);

/**
 * The result's title and an excerpt of `length` words after it, as HTML: the matches in `<mark>` (but look-alikes of
 * the words of `query` typed with their marks, `lookAlikes`), "…" where the text
 * goes on before or after the excerpt. Undefined when the text does not start with the title, or holds nothing after
 * it: then pagefind's own excerpt is the one to show.
 */
export function highlightedResult(source: ResultSource, length: number, query = ''): { title: string; excerpt: string } | undefined {
  const title = source.meta.title?.trim();
  // Text split by zero-width spaces (languages written without spaces) counts its words otherwise.
  if (!title || source.raw_content.includes('\u200B')) return undefined;
  const words = source.content.split(WORD_SEPARATORS);
  if (words[0] === '') words.shift();
  if (words.at(-1) === '') words.pop();
  const titleWords = title.split(WORD_SEPARATORS);
  // The title ends where pagefind put a full stop after the heading.
  const startsWithTitle = titleWords.every((word, i) => (i < titleWords.length - 1 ? words[i] === word : words[i]?.startsWith(word)));
  const from = titleWords.length;
  if (!startsWithTitle || from >= words.length) return undefined;

  const isLookAlikeWord = lookAlikes(query);
  const matches = source.weighted_locations.filter(({ location }) => !isLookAlikeWord(words[location] ?? ''));
  const marked = new Set(matches.map(({ location }) => location));
  // A match counts as many times as the matches in a row it stands in: the query's words together ("chuyển đổi số")
  // make a better excerpt than more of them apart ("chuyên", "sở", "đội"), as they rank results (`mergeByScore`).
  const runLength = new Map<number, number>();
  for (const [first, length] of positionRuns([...marked])) {
    for (let at = first; at < first + length; at++) runLength.set(at, length);
  }
  const scores: number[] = new Array(words.length - from).fill(0);
  for (const { location, balanced_score } of matches) {
    if (location >= from && location < words.length) scores[location - from] += balanced_score * runLength.get(location)!;
  }
  const shown = (word: string, location: number) => (marked.has(location) ? mark(escapeHtml(word)) : escapeHtml(word));
  const start = sentenceStart(words, from, from + densestStart(scores, length), length, marked);
  const end = Math.min(words.length, start + length);
  const excerpt = words.slice(start, end).map((word, i) => shown(word, start + i));
  return {
    title: titleWords.map(shown).join(' '),
    excerpt: `${start > from ? '… ' : ''}${excerpt.join(' ').trim()}${end < words.length ? ' …' : ''}`,
  };
}
