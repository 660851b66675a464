/**
 * Vietnamese readers often type without tones and write đ as d ("doan vien" for "đoàn viên").
 * Pagefind folds tones but keeps đ distinct, so a query is searched in each of its d/đ spellings that the index
 * holds, and the results merged. In Vietnamese đ only starts a syllable, so each word has at most two spellings.
 * Likewise for the two places of the tone in oa, oe, uy (`tonePlacements`). The index lists the words it holds of
 * both kinds (`ShardsFile.spellingWords`), so that a spelling it does not hold costs no search.
 */
import { portalText } from './text-form.ts';
import { plainPunctuation } from './typography.ts';

/**
 * The index's form of text (`portalText`), single spaces, the plain punctuation of the index: NFD input (Word, some
 * keyboards) or a look-alike Ð must not change results, and a phrase pasted in typographic quotes is a phrase.
 */
export function normaliseQuery(query: string): string {
  return plainPunctuation(portalText(query)).replace(/\s+/g, ' ').trim();
}

/** At most this many searches per query: three words searched in both spellings. */
const MAX_SPELLINGS = 8;

/** A word as the index's list of d-words holds it (`ShardsFile.spellingWords`): lower case, without tones; đ stays đ. */
export function foldedWord(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase();
}

/**
 * The words the list holds, folded: Vietnamese syllables, d or đ, one to three vowels and a final consonant if any.
 * Readers type syllables; the words pagefind makes by joining text across tags ("đoànkết") are none. A query word
 * of another shape ("D01", "download") is searched in both spellings.
 */
export const LISTED_D_WORD = /^[dđ][aeiouy]{1,3}(?:c|ch|m|n|ng|nh|p|t)?$/;

/**
 * The spellings of a word typed with d worth searching. With the index's d-words, only those it holds: "doan" is
 * searched as "đoan" alone where the index has "đoàn" and no "doan", which saves loading the index around "doan"
 * and keeps out its prefix matches ("doanh"). Both when the index holds neither (a word being typed, or one the list
 * leaves out), or when there is no list.
 */
function dSpellings(word: string, spellingWords: ReadonlySet<string> | undefined): string[] {
  const withD = (word[0] === 'D' ? 'Đ' : 'đ') + word.slice(1);
  if (!spellingWords) return [word, withD];
  // Without its punctuation, as pagefind indexes a word ("doan," is "doan"; "D-Day" is "dday").
  const typed = foldedWord(word).replace(/[^\p{L}\p{N}]/gu, '');
  if (!LISTED_D_WORD.test(typed)) return [word, withD];
  const asTyped = spellingWords.has(typed);
  if (asTyped === spellingWords.has(`đ${typed.slice(1)}`)) return [word, withD];
  return [asTyped ? word : withD];
}

/** Tone marks, decomposed: grave, acute, tilde, hook above, dot below. */
const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';
/** A syllable ending in oa, oe or uy with its tone on either vowel (not "quy": the u is the consonant's). */
const TONED_PAIR = new RegExp(`^(.*?)([oO]${TONE}?[aAeE]|(?<![qQ])[uU]${TONE}?[yY])(${TONE}?)(\\P{L}*)$`, 'u');

/**
 * The two ways Vietnamese writes the tone of a syllable ending in oa, oe or uy: on the first vowel (hòa, khỏe, thủy)
 * or on the second (hoà, khoẻ, thuỷ), both common; [word] for any other word. Pagefind folds tones, so either finds
 * both, but ranks only the one typed as the exact word: "hoà bình" put "hòa bình" level with "hoa" and "bình".
 * With the index's list (`ShardsFile.spellingWords`), only the placements it holds: a portal that writes "hóa" only
 * is searched for "hóa" when the reader types "hoá", in one search instead of two.
 */
export function tonePlacements(word: string, spellingWords?: ReadonlySet<string>): string[] {
  const match = TONED_PAIR.exec(word.normalize('NFD'));
  if (!match) return [word];
  const [, start, pair, last, end] = match;
  const tone = [...(pair.match(new RegExp(TONE, 'g')) ?? []), ...(last ? [last] : [])];
  if (tone.length !== 1) return [word];
  const [first, second] = [pair[0], pair.at(-1)!];
  const onFirst = `${start}${first}${tone[0]}${second}${end}`.normalize('NFC');
  const onSecond = `${start}${first}${second}${tone[0]}${end}`.normalize('NFC');
  const typed = word.normalize('NFC');
  const other = typed === onFirst ? onSecond : onFirst;
  if (!spellingWords) return [typed, other];
  const held = (form: string) => spellingWords.has(listedTonedWord(form));
  if (held(typed) === held(other)) return held(typed) ? [typed, other] : [typed];
  return [held(typed) ? typed : other];
}

/**
 * A word ending in a toned oa, oe or uy as the index's list holds it: lower case, its letters and digits only, as
 * pagefind indexes it ("Hoá," is "hoá"). Tones stay, so the list's d-words (`foldedWord`, toneless) are never one.
 */
export function listedTonedWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Every spelling of a query with word-initial d read as d or đ, and with the tone of oa, oe, uy on either vowel
 * (`tonePlacements`), the reader's own spelling first; given the index's list of such words, only those it holds.
 * Quotes and other words are kept as typed.
 */
export function querySpellings(query: string, spellingWords?: ReadonlySet<string>): string[] {
  const normalised = normaliseQuery(query);
  const words = normalised.split(/(\s+|")/);
  let spellings = [words];
  for (const [index, word] of words.entries()) {
    // A word the index holds in one spelling only costs no search more, however many words came before it.
    const dForms = /^d/i.test(word) ? dSpellings(word, spellingWords) : [word];
    const forms = dForms.flatMap((form) => tonePlacements(form, spellingWords));
    if (forms.length === 1) {
      spellings = spellings.map((parts) => parts.map((part, i) => (i === index ? forms[0] : part)));
      continue;
    }
    if (spellings.length * forms.length > MAX_SPELLINGS) continue;
    spellings = spellings.flatMap((parts) => forms.map((form) => parts.map((part, i) => (i === index ? form : part))));
  }
  return spellings.map((parts) => parts.join(''));
}

/** A word being typed is looked up ahead once it has this many letters: shorter, it matches too many words. */
const TYPED_PREFIX = 3;

/**
 * What of a query being typed is worth looking up ahead: the words the reader has finished (a space follows) and
 * the one being typed once it has `TYPED_PREFIX` letters. Pagefind loads an index chunk for each prefix it is
 * asked about, and "t" or "th" would each cost a chunk the finished word does not need. Empty when nothing is.
 */
export function typedWords(text: string): string {
  const words = normaliseQuery(text).split(' ').filter(Boolean);
  const typing = /\S$/.test(text) ? words.at(-1) : undefined;
  if (typing !== undefined && [...typing.replaceAll('"', '')].length < TYPED_PREFIX) words.pop();
  return words.join(' ');
}

export interface Scored {
  id: string;
  score: number;
  /** Where the page's matching words are, by word position (pagefind's `words`). */
  words?: readonly number[];
}

/**
 * How much more a page weighs whose matching words stand side by side, as many as the query has, than one whose
 * words are apart (`mergeByScore`). Vietnamese words are made of syllables ("hiến máu", "nhân đạo") that pagefind
 * indexes one by one and scores apart: for "hiến máu nhân đạo" it ranked eighth the one page with those words,
 * below pages on "hiến máu" with "nhân dân" and "Đào tạo" elsewhere.
 */
const TOGETHER_WEIGHT = 2;

/**
 * The runs of positions in a row among `positions`, as [first, length] ([[4, 3], [9, 1]] for 4, 5, 6, 9); pagefind
 * gives them in order, mostly.
 */
export function positionRuns(positions: readonly number[]): [number, number][] {
  const inOrder = positions.every((position, at) => at === 0 || position >= positions[at - 1]);
  const runs: [number, number][] = [];
  for (const position of inOrder ? positions : [...positions].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    // A position twice (found by two spellings) neither breaks a run nor lengthens it.
    if (run && position === run[0] + run[1] - 1) continue;
    if (run && position === run[0] + run[1]) run[1]++;
    else runs.push([position, 1]);
  }
  return runs;
}

/** The most positions in a row among `positions` (3 for 4, 5, 6, 9). */
export function longestRun(positions: readonly number[]): number {
  return positionRuns(positions).reduce((longest, [, length]) => Math.max(longest, length), 0);
}

/** The words of a query, as `mergeByScore` counts them: quotes are no words. */
export function queryWordCount(query: string): number {
  return normaliseQuery(query).replaceAll('"', ' ').split(' ').filter(Boolean).length;
}

/**
 * Results of several spellings, each page once, best first. A page's score is the sum over the spellings
 * that found it: with both "dinh" and "đinh" in the index, a page with "Đinh Tiên Hoàng" is found by both
 * "dinh tien hoang" (through "tiên hoàng") and "đinh tien hoang", and so ranks above pages that only share
 * "tiên hoàng" or have "dinh" (dinh dưỡng). For a query of several words (`queryWords`), that sum is weighed by how
 * many of its matching words stand in a row (`TOGETHER_WEIGHT`): up to three times for the whole query together.
 * The result object kept is the one its best spelling returned, so its excerpt highlights the words that matched
 * best.
 */
export function mergeByScore<T extends Scored>(lists: readonly (readonly T[])[], queryWords = 1): T[] {
  const merged = new Map<string, { best: T; total: number; words: readonly number[] }>();
  for (const list of lists) {
    for (const result of list) {
      const seen = merged.get(result.id);
      if (!seen) merged.set(result.id, { best: result, total: result.score, words: result.words ?? [] });
      else {
        seen.total += result.score;
        seen.words = [...seen.words, ...(result.words ?? [])];
        if (result.score > seen.best.score) seen.best = result;
      }
    }
  }
  const together = (words: readonly number[]) =>
    queryWords < 2 ? 1 : 1 + (TOGETHER_WEIGHT * (Math.min(longestRun(words), queryWords) - 1)) / (queryWords - 1);
  return [...merged.values()]
    .map(({ best, total, words }) => ({ best, weighed: total * together(words) }))
    .sort((a, b) => b.weighed - a.weighed)
    .map(({ best }) => best);
}

/**
 * Merges lists that are each sorted newest first, reading dates lazily (a date costs a fragment download),
 * and returns the first `count` ids in date order without duplicates.
 */
export async function mergeByDate<T extends { id: string }>(
  lists: readonly (readonly T[])[],
  dateOf: (result: T) => Promise<string>,
  count: number,
): Promise<T[]> {
  const positions = lists.map(() => 0);
  const seen = new Set<string>();
  const merged: T[] = [];
  const heads = async () =>
    Promise.all(
      lists.map(async (list, i) => {
        while (positions[i] < list.length && seen.has(list[positions[i]].id)) positions[i]++;
        const head = list[positions[i]];
        return head ? { i, head, date: await dateOf(head) } : undefined;
      }),
    );
  while (merged.length < count) {
    const candidates = (await heads()).filter((c) => c !== undefined);
    if (candidates.length === 0) break;
    const newest = candidates.reduce((a, b) => (b.date > a.date ? b : a));
    merged.push(newest.head);
    seen.add(newest.head.id);
    positions[newest.i]++;
  }
  return merged;
}

/**
 * Results newest first across the yearly indexes: `perYear` holds, for each year from the newest, one list per
 * spelling, each newest first. Returns the first `count`; dates are read only where the spellings of one year
 * must be interleaved (a page belongs to one year only).
 */
export async function newestFirstByYear<T extends { id: string }>(
  perYear: readonly (readonly (readonly T[])[])[],
  dateOf: (result: T) => Promise<string>,
  count: number,
): Promise<T[]> {
  const merged: T[] = [];
  for (const lists of perYear) {
    const need = count - merged.length;
    if (need <= 0) break;
    const found = lists.filter((list) => list.length > 0);
    merged.push(...(found.length === 1 ? found[0].slice(0, need) : await mergeByDate(found, dateOf, need)));
  }
  return merged;
}
