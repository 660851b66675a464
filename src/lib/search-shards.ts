/**
 * The search index is split into shards of a few hundred pages each: consecutive years (`/pagefind/2024/`,
 * `/pagefind/2019-2022/`), or part of a year that holds more (`/pagefind/2026-07/`, July to December), listed
 * newest first in `/pagefind/shards.json`. The browser searches the newest shards first and older ones only when
 * the reader asks for more results, so a query on a portal of many years loads a small part of the index; a build
 * indexes again only the shards whose pages changed. What pagefind reads of a page is the element marked
 * `data-pagefind-body` (its region), so a page is indexed from that element alone, and links around it (related
 * items, newer/older) can change without indexing its shard again.
 */
import { createHash } from 'node:crypto';
import { foldedWord, LISTED_D_WORD, listedTonedWord, tonePlacements } from './search-query.ts';
import { groupBy } from './stream.ts';
import { plainPunctuation } from './typography.ts';
import { builtPageUrl } from './urls.ts';

/**
 * About how many pages a shard holds (`groupMonths`). A first search loads the index of the newest shard for its
 * words, which grows with the shard's pages: at 10,000 articles (about 590 a year), shards of a whole year made a
 * first search of a common word starting with d load 161 kB, half-years 138 kB (docs/performance.md). A build
 * indexes a changed shard again in a second or two.
 */
export const SHARD_PAGES = 400;

export interface IndexedPage {
  /** Site path of the page: `/tin-tuc/x/`. */
  url: string;
  /** `2026-07`: the month of the page's date in Viet Nam, as its sort key has it. */
  month: string;
  /** Of the page's region. */
  hash: string;
}

/** `tin-tuc/x/index.html` → `/tin-tuc/x/`; `404.html` → `/404.html`. */
export function pageUrl(file: string): string {
  const path = `/${file.replaceAll('\\', '/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * The element marked `data-pagefind-body`, which holds everything pagefind takes from a page (text, title, meta,
 * filters, sort key); undefined when the page has none (it is not indexed). The rest of the page when the
 * element's end cannot be found.
 */
export function indexedRegion(html: string): string | undefined {
  const marker = html.indexOf('data-pagefind-body');
  if (marker < 0) return undefined;
  const start = html.lastIndexOf('<', marker);
  const tag = /^<([a-z][a-z0-9]*)/i.exec(html.slice(start))?.[1];
  if (!tag) return html;
  const tags = new RegExp(`<(/?)${tag}\\b`, 'gi');
  tags.lastIndex = start + 1;
  let depth = 1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, html.indexOf('>', match.index) + 1);
  }
  return html.slice(start);
}

/** A tag (its quoted attribute values may hold ">"), or a run of text. */
const TAG_OR_TEXT = /<(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+/g;

/**
 * The list must hold every word starting with d or đ that pagefind indexes and a reader may type (more does no
 * harm: a spelling searched for nothing), so it takes every run of letters from a d or đ, wherever it starts
 * ("xĐoàn", "2024Đoàn": pagefind splits them off), and reads through the invisible characters of pasted text (a
 * soft hyphen, a zero-width space) both as pagefind may: as a break and as nothing. The forms pagefind adds of a
 * word with punctuation inside ("Đ/c" as "đc") are left out: a query word the list holds in neither spelling is
 * searched in both.
 */
const D_LETTERS = /[dđ][\p{L}\p{M}]*/giu;
/**
 * A toned oa, oe or uy that ends a word (text is composed, `portalText`); `tonePlacements` tells whether its word is
 * one ("quý" is not). The list takes those pagefind indexes as words; one it misses costs ranking only, never a
 * result (pagefind folds tones). Without the word before it: a text has few, and finding a word's start from each
 * of them is cheaper than trying every word.
 */
const TONED_PAIR_END = /(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[òóỏõọÒÓỎÕỌ][aeAE]|[uU][ỳýỷỹỵỲÝỶỸỴ]|[ùúủũụÙÚỦŨỤ][yY])(?![\p{L}\p{M}])/gu;
const LETTER = /[\p{L}\p{M}]/u;
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/;
/** Attributes whose values pagefind may index as words: an image's alt text, a page's meta values. */
const WORDS_IN_ATTRIBUTES = /\s(?:alt|data-pagefind-meta)="([^"]*)"/g;
/** The listed form of each run met, or undefined: a page's words are mostly the same few. */
const listedForms = new Map<string, string | undefined>();

function listedForm(run: string, form: (run: string) => string | undefined): string | undefined {
  let listed = listedForms.get(run);
  if (listed === undefined && !listedForms.has(run)) listedForms.set(run, (listed = form(run)));
  return listed;
}

const listedDWord = (run: string) => {
  const folded = foldedWord(run);
  return LISTED_D_WORD.test(folded) ? folded : undefined;
};
const listedToned = (run: string) => (tonePlacements(run).length > 1 ? listedTonedWord(run) : undefined);

/**
 * Adds to `into` the words of `text` whose spelling a reader may vary (`ShardsFile.spellingWords`): those that start
 * with d or đ (`LISTED_D_WORD`, folded) and those that end in a toned oa, oe or uy (`listedTonedWord`).
 */
function addSpellingWords(text: string, into: Set<string>): void {
  for (const [run] of text.matchAll(D_LETTERS)) {
    const listed = listedForm(run, listedDWord);
    if (listed) into.add(listed);
  }
  for (const { index } of text.matchAll(TONED_PAIR_END)) {
    let start = index;
    while (start > 0 && LETTER.test(text[start - 1])) start--;
    const run = text.slice(start, index + 2);
    // A run from a d is in the cache as a d-word: toned words get a key of their own.
    const listed = listedForm(`~${run}`, () => listedToned(run));
    if (listed) into.add(listed);
  }
  if (INVISIBLE.test(text)) addSpellingWords(text.replace(new RegExp(INVISIBLE.source, 'g'), ''), into);
}

/**
 * Elements whose text pagefind runs together with the text next to them, where a reader sees separate blocks: an
 * event's facts ("Bắt đầuThứ Bảy"), a photo's caption and the table after it ("máy tínhĐoàn viên"). A space around
 * their tags keeps the words apart, in the index and in the excerpts. (Pagefind separates paragraphs, list items,
 * headings, table cells after a header cell, and `div`s itself.)
 */
const RUN_TOGETHER = /^<\/?(?:address|aside|blockquote|caption|dd|dt|figcaption|figure|header|legend|main|pre|summary|th)[\s/>]/i;

/** Where the last white space of `text` is, or -1. */
function lastSpace(text: string): number {
  for (let at = text.length - 1; at >= 0; at--) if (/\s/.test(text[at])) return at;
  return -1;
}

/**
 * The document pagefind indexes for a region: the same index as the whole page gives, but for the typographic
 * punctuation of its text, in the plain forms pagefind splits words on (`typography.ts`; attributes keep theirs),
 * and for the words of separate blocks that pagefind would run together (`RUN_TOGETHER`).
 * With `spellingWords`, adds to it the words of the region whose spelling a reader may vary (`addSpellingWords`),
 * taken in the same pass: its text and the attribute values pagefind may index, a few more words than the index
 * holds, never fewer.
 */
export function indexedDocument(region: string, spellingWords?: Set<string>): string {
  // The end of the text so far after its last space: pagefind joins a word across tags ("<b>D</b>ân").
  let unfinished = '';
  const text = region.replace(TAG_OR_TEXT, (part) => {
    if (part.startsWith('<')) {
      if (spellingWords && (part.includes(' alt=') || part.includes(' data-pagefind-meta='))) {
        for (const [, value] of part.matchAll(WORDS_IN_ATTRIBUTES)) addSpellingWords(value, spellingWords);
      }
      if (!RUN_TOGETHER.test(part)) return part;
      unfinished = '';
      return ` ${part} `;
    }
    const plain = plainPunctuation(part);
    if (spellingWords) {
      addSpellingWords(plain, spellingWords);
      const firstSpace = plain.search(/\s/);
      const start = firstSpace < 0 ? plain : plain.slice(0, firstSpace);
      if (unfinished && start) addSpellingWords(unfinished + start, spellingWords);
      unfinished = firstSpace < 0 ? unfinished + plain : plain.slice(lastSpace(plain) + 1);
    }
    return plain;
  });
  return `<!doctype html><html lang="vi"><body>${text}</body></html>`;
}

/** The month of an indexed page (`2026-07`), from its date sort key; an error when the page has none. */
export function indexedMonth(region: string, url: string): string {
  const month = /data-pagefind-sort="date:(\d{4}-\d{2})-/.exec(region)?.[1];
  if (!month) throw new Error(`chỉ mục tìm kiếm: trang ${url} có data-pagefind-body nhưng không có ngày để sắp xếp (data-pagefind-sort="date:…")`);
  return month;
}

/** What the index needs to know of a built page, with its region; undefined when the page is not indexed. */
export function describePage(url: string, html: string): (IndexedPage & { region: string }) | undefined {
  const region = indexedRegion(html);
  if (region === undefined) return undefined;
  return { url, region, month: indexedMonth(region, url), hash: createHash('sha256').update(region).digest('hex') };
}

export interface ShardPlan {
  /** `2026-07` for part of a year, from its first month; `2024` for a year; `2019-2022` for years joined. */
  name: string;
  /** Newest first. */
  years: string[];
  /** The months it holds pages of, newest first. */
  months: string[];
  /** Its first month (`2026-07`, `2019-01`): a reader is told how far back a search has gone. */
  from: string;
}

/** How many equal parts a year may be split into: whole months each. */
const YEAR_PARTS = [1, 2, 3, 4, 6, 12];

/**
 * Shards from the number of pages of each month (`2026-07`), newest first. A year of more than `shardPages` pages is
 * split into as few equal parts of whole months as hold about that many each (halves, thirds, quarters…); smaller
 * years are joined from the oldest until a shard holds at least `shardPages` (the newest may hold fewer, and so may
 * years joined before a split year). How a year is split depends on its own pages only, and years are joined from
 * the oldest: a new article moves no boundary of an older shard, unless its year is split anew.
 */
export function groupMonths(pagesPerMonth: ReadonlyMap<string, number>, shardPages: number): ShardPlan[] {
  const monthsOfYear = new Map<string, string[]>();
  for (const month of [...pagesPerMonth.keys()].sort()) {
    const year = month.slice(0, 4);
    monthsOfYear.set(year, [...(monthsOfYear.get(year) ?? []), month]);
  }
  const shards: ShardPlan[] = [];
  let joined: string[] = [];
  let joinedPages = 0;
  const closeJoined = () => {
    if (joined.length === 0) return;
    const name = joined.length === 1 ? joined[0] : `${joined[0]}-${joined.at(-1)}`;
    const months = joined.flatMap((year) => monthsOfYear.get(year)!);
    shards.push({ name, years: [...joined].reverse(), months: months.reverse(), from: `${joined[0]}-01` });
    joined = [];
    joinedPages = 0;
  };
  for (const [year, months] of monthsOfYear) {
    const pages = months.reduce((sum, month) => sum + pagesPerMonth.get(month)!, 0);
    if (pages <= shardPages) {
      joined.push(year);
      joinedPages += pages;
      if (joinedPages >= shardPages) closeJoined();
      continue;
    }
    closeJoined();
    const parts = YEAR_PARTS.find((count) => pages / count <= shardPages) ?? 12;
    const length = 12 / parts;
    for (let first = 1; first <= 12; first += length) {
      const from = `${year}-${String(first).padStart(2, '0')}`;
      const inPart = months.filter((month) => Number(month.slice(5)) >= first && Number(month.slice(5)) < first + length);
      if (inPart.length > 0) shards.push({ name: from, years: [year], months: inPart.reverse(), from });
    }
  }
  closeJoined();
  return shards.reverse();
}

/** Pages grouped by month, and the shards of those months (`groupMonths`). */
export function planShards<T extends { month: string }>(pages: readonly T[], shardPages: number): { byMonth: Map<string, T[]>; shards: ShardPlan[] } {
  const byMonth = groupBy(pages, (page) => [page.month]);
  return { byMonth, shards: groupMonths(new Map([...byMonth].map(([month, list]) => [month, list.length])), shardPages) };
}

/** Changes when any page of the shard, or the way it is indexed (`settings`), changes. */
export function shardKey(pages: readonly IndexedPage[], settings: string): string {
  const hash = createHash('sha256').update(settings);
  for (const page of [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) hash.update(`\n${page.url}\n${page.hash}`);
  return hash.digest('hex');
}

/**
 * Hands values on in a fixed order of keys, whatever order they arrive in: each waits for those before it. Pagefind's
 * files depend on the order it gets a shard's pages in, and pages render several at a time.
 */
export class InOrder<T> {
  private next = 0;
  private readonly waiting = new Map<string, T>();

  private readonly order: readonly string[];
  private readonly send: (key: string, value: T) => void;

  constructor(order: readonly string[], send: (key: string, value: T) => void) {
    this.order = order;
    this.send = send;
  }

  offer(key: string, value: T): void {
    this.waiting.set(key, value);
    while (this.next < this.order.length && this.waiting.has(this.order[this.next])) {
      const first = this.order[this.next++];
      const firstValue = this.waiting.get(first)!;
      this.waiting.delete(first);
      this.send(first, firstValue);
    }
  }

  /** Every key has been handed on. */
  get done(): boolean {
    return this.next === this.order.length;
  }
}

/**
 * The paths a build renders, the indexed pages first (each group in the order given). Astro renders routes with
 * fixed segments (the listings) before `[section]/[id]`; pagefind, which indexes the pages on the other core, would
 * wait meanwhile and finish long after the last page.
 */
export function indexedPagesFirst<P extends { pathname: string }>(paths: readonly P[], isIndexed: (url: string) => boolean): P[] {
  const indexed: P[] = [];
  const rest: P[] = [];
  for (const path of paths) (isIndexed(builtPageUrl(path.pathname)) ? indexed : rest).push(path);
  return [...indexed, ...rest];
}
