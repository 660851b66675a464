import { describe, expect, it } from 'vitest';
import { foldedWord, longestRun, positionRuns, mergeByDate, mergeByScore, newestFirstByYear, normaliseQuery, queryWordCount, querySpellings, tonePlacements, typedWords } from '../../src/lib/search-query';

describe('query spellings', () => {
  it('reads each word-initial d as d or đ, the typed spelling first', () => {
    expect(querySpellings('doan vien')).toEqual(['doan vien', 'đoan vien']);
    expect(querySpellings('Dinh Tien Hoang')).toEqual(['Dinh Tien Hoang', 'Đinh Tien Hoang']);
    expect(querySpellings('chi doan so thong tin')).toEqual(['chi doan so thong tin', 'chi đoan so thong tin']);
  });

  it('expands every d-word, up to three of them', () => {
    expect(querySpellings('dai doi duong')).toHaveLength(8);
    expect(querySpellings('da de di do du')).toHaveLength(8);
  });

  it('leaves queries without d, or already with đ, alone', () => {
    expect(querySpellings('hiến máu')).toEqual(['hiến máu']);
    expect(querySpellings('đoàn viên')).toEqual(['đoàn viên']);
  });

  it('writes the tone of oa, oe and uy on either vowel, as Vietnamese does, the typed way first', () => {
    expect(tonePlacements('hoà')).toEqual(['hoà', 'hòa']);
    expect(tonePlacements('hóa')).toEqual(['hóa', 'hoá']);
    expect(tonePlacements('khoẻ')).toEqual(['khoẻ', 'khỏe']);
    expect(tonePlacements('Thủy')).toEqual(['Thủy', 'Thuỷ']);
    expect(tonePlacements('HOÁ,')).toEqual(['HOÁ,', 'HÓA,']);
    expect(tonePlacements('hoá'.normalize('NFD'))).toEqual(['hoá', 'hóa']);
    // One way only: a final consonant (hoàng, toán), "qu" (quý), no tone, three vowels (khuya), another pair.
    for (const word of ['hoàng', 'toán', 'quý', 'Quỳnh', 'hoa', 'khuya', 'mùa', 'hiến']) expect(tonePlacements(word), word).toEqual([word]);
    expect(querySpellings('văn hoá')).toEqual(['văn hoá', 'văn hóa']);
    expect(querySpellings('"văn hoá" khoẻ')).toEqual(['"văn hoá" khoẻ', '"văn hoá" khỏe', '"văn hóa" khoẻ', '"văn hóa" khỏe']);
    // With the index's list: each spelling of the d-word, in each tone placement the index holds.
    expect(querySpellings('doan vien hoà', new Set(['đoan', 'hòa', 'hoà']))).toEqual(['đoan vien hoà', 'đoan vien hòa']);
  });

  it('searches only the tone placements the index holds, given its list', () => {
    // A portal that writes "hóa" and "khỏe" only, and both "thủy" and "thuỷ".
    const spellingWords = new Set(['hóa', 'khỏe', 'thủy', 'thuỷ']);
    expect(tonePlacements('hoá', spellingWords)).toEqual(['hóa']);
    expect(tonePlacements('hóa', spellingWords)).toEqual(['hóa']);
    expect(tonePlacements('HOÁ,', spellingWords)).toEqual(['HÓA,']);
    expect(tonePlacements('khoẻ', spellingWords)).toEqual(['khỏe']);
    expect(tonePlacements('Thuỷ', spellingWords)).toEqual(['Thuỷ', 'Thủy']);
    // Neither held (the index lacks the word, or it is being typed): as typed, one search (tones fold anyway).
    expect(tonePlacements('xoè', spellingWords)).toEqual(['xoè']);
    expect(querySpellings('văn hoá sức khoẻ', spellingWords)).toEqual(['văn hóa sức khỏe']);
    expect(querySpellings('"văn hoá" thuỷ', spellingWords)).toEqual(['"văn hóa" thuỷ', '"văn hóa" thủy']);
  });

  it('keeps quoted phrases quoted', () => {
    expect(querySpellings('"doan vien" tre')).toEqual(['"doan vien" tre', '"đoan vien" tre']);
  });

  it('searches only the spellings the index holds, given its d-words', () => {
    // An index with "đoàn", "doanh", "dân", "Đinh" and "dinh dưỡng", and no "doan" or "đân".
    const spellingWords = new Set(['đoan', 'doanh', 'dan', 'đinh', 'dinh']);
    expect(querySpellings('doan vien', spellingWords)).toEqual(['đoan vien']);
    expect(querySpellings('Doàn Viên', spellingWords)).toEqual(['Đoàn Viên']);
    expect(querySpellings('dân vận', spellingWords)).toEqual(['dân vận']);
    expect(querySpellings('Dinh Tien Hoang', spellingWords)).toEqual(['Dinh Tien Hoang', 'Đinh Tien Hoang']);
    expect(querySpellings('"doan vien" dan', spellingWords)).toEqual(['"đoan vien" dan']);
    expect(querySpellings('doan, dan.', spellingWords)).toEqual(['đoan, dan.']);
    // A word the list cannot hold (digits, more than a syllable) is searched in both spellings, even where the list
    // holds its letters ("d", "đ").
    const withLetters = new Set([...spellingWords, 'đ', 'd']);
    expect(querySpellings('khoi D01', withLetters)).toEqual(['khoi D01', 'khoi Đ01']);
    expect(querySpellings('d1', withLetters)).toEqual(['d1', 'đ1']);
    expect(querySpellings('D-Day', withLetters)).toEqual(['D-Day', 'Đ-Day']);
    // Neither spelling listed (a word being typed, a long word, a name the index lacks): both, as without a list.
    expect(querySpellings('doa', spellingWords)).toEqual(['doa', 'đoa']);
    expect(querySpellings('download', spellingWords)).toEqual(['download', 'đownload']);
    expect(querySpellings('doan vien', new Set())).toEqual(['doan vien', 'đoan vien']);
    // Past three words in both spellings, a word the index holds in one spelling still gets it.
    expect(querySpellings('dinh dinh dinh doan', spellingWords)).toEqual(expect.arrayContaining(['dinh dinh dinh đoan']));
    expect(querySpellings('dinh dinh dinh doan', spellingWords)).toHaveLength(8);
    expect(querySpellings('dinh dinh dinh dinh', spellingWords).every((spelling) => spelling.endsWith(' dinh'))).toBe(true);
    // Words typed with đ are never expanded.
    expect(querySpellings('đoàn viên', spellingWords)).toEqual(['đoàn viên']);
  });

  it('folds a word as the list of d-words holds it', () => {
    expect(foldedWord('Đường')).toBe('đuong');
    expect(foldedWord('DƯƠNG')).toBe('duong');
    expect(foldedWord('Đức'.normalize('NFD'))).toBe('đuc');
    expect(foldedWord('dân')).toBe('dan');
  });

  it('composes decomposed input and trims spaces', () => {
    expect(normaliseQuery('  hiến   máu '.normalize('NFD'))).toBe('hiến máu');
    expect(normaliseQuery('hiến máu'.normalize('NFD'))).toBe('hiến máu'.normalize('NFC'));
    // Đ's look-alike Ð (Latin Eth): pagefind would look up "ðoàn", another letter.
    expect(normaliseQuery('\u00d0oàn viên')).toBe('Đoàn viên');
    expect(querySpellings('\u00d0oàn viên')).toEqual(['Đoàn viên']);
  });

  it('reads a phrase pasted in typographic quotes as a quoted phrase', () => {
    expect(normaliseQuery('“búp sen xanh”')).toBe('"búp sen xanh"');
    expect(querySpellings('“doan vien”')).toEqual(['"doan vien"', '"đoan vien"']);
  });
});

describe('words looked up while a query is typed', () => {
  it('takes finished words, and the word being typed once it has three letters', () => {
    expect(typedWords('t')).toBe('');
    expect(typedWords('th')).toBe('');
    expect(typedWords('tha')).toBe('tha');
    expect(typedWords('thanh n')).toBe('thanh');
    expect(typedWords('thanh ni')).toBe('thanh');
    expect(typedWords('thanh niê')).toBe('thanh niê');
    // A short word counts once the reader has gone past it.
    expect(typedWords('chữ ký ')).toBe('chữ ký');
    expect(typedWords('chữ ký s')).toBe('chữ ký');
    expect(typedWords('  ')).toBe('');
  });

  it('counts letters, not code units, and leaves quotes out of the count', () => {
    // "hiến" typed in decomposed form is four letters once composed.
    expect(typedWords('hie\u0302\u0301n')).toBe('hiến');
    expect(typedWords('"ng')).toBe('');
    expect(typedWords('"ngà')).toBe('"ngà');
  });
});

describe('merging results of several spellings', () => {
  it('keeps each page once, ranks pages found by several spellings higher, and keeps the best result', () => {
    const merged = mergeByScore([
      [{ id: 'a', score: 1.2 }, { id: 'b', score: 0.5 }],
      [{ id: 'b', score: 1 }, { id: 'c', score: 0.1 }],
    ]);
    expect(merged.map((r) => [r.id, r.score])).toEqual([['b', 1], ['a', 1.2], ['c', 0.1]]);
  });

  it("weighs a page by how many of the query's words stand in a row, up to three times for all of them", () => {
    // "a" has two words of three in a row (×2), "b" all three (×3), "c" none in a row (×1).
    const results = [
      { id: 'a', score: 1.4, words: [3, 4, 9, 20] },
      { id: 'b', score: 1, words: [40, 41, 42] },
      { id: 'c', score: 2.9, words: [1, 5, 9] },
    ];
    expect(mergeByScore([results], 3).map((r) => r.id)).toEqual(['b', 'c', 'a']);
    // A run longer than the query counts as the whole query; one word: pagefind's order.
    expect(mergeByScore([[{ id: 'a', score: 1, words: [1, 2, 3, 4, 5] }, { id: 'b', score: 1.1, words: [7, 8] }]], 2).map((r) => r.id)).toEqual(['b', 'a']);
    expect(mergeByScore([results], 1).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    // Words found by different spellings are put together: "đinh" at 7 by one, "tiên hoàng" at 8, 9 by the other.
    const spellings = [[{ id: 'x', score: 1, words: [8, 9] }, { id: 'y', score: 1.5, words: [2, 3] }], [{ id: 'x', score: 0.3, words: [7] }]];
    expect(mergeByScore(spellings, 3).map((r) => r.id)).toEqual(['x', 'y']);
  });

  it("finds the longest run of positions, and counts a query's words", () => {
    expect(longestRun([4, 5, 6, 9])).toBe(3);
    expect(longestRun([9, 5, 4, 6, 5])).toBe(3);
    expect(longestRun([1, 3, 5])).toBe(1);
    expect(longestRun([])).toBe(0);
    expect(positionRuns([9, 5, 4, 6, 5])).toEqual([[4, 3], [9, 1]]);
    expect(positionRuns([])).toEqual([]);
    expect(queryWordCount(' hiến  máu "nhân đạo" ')).toBe(4);
    expect(queryWordCount('""')).toBe(0);
  });

  it('merges date-sorted lists lazily', async () => {
    const dates: Record<string, string> = { a: '2024-05-01', b: '2024-03-01', c: '2024-04-01', d: '2023-01-01' };
    const asked: string[] = [];
    const merged = await mergeByDate(
      [[{ id: 'a' }, { id: 'b' }, { id: 'd' }], [{ id: 'c' }, { id: 'b' }]],
      async (r) => {
        asked.push(r.id);
        return dates[r.id];
      },
      3,
    );
    expect(merged.map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(asked).not.toContain('d');
  });

  it('takes the years newest first, reading dates only to interleave the spellings of one year', async () => {
    const dates: Record<string, string> = { x1: '2026-05', x2: '2026-03', y1: '2026-04', z1: '2025-12', z2: '2025-01', w1: '2024-06' };
    const asked: string[] = [];
    const dateOf = async (r: { id: string }) => {
      asked.push(r.id);
      return dates[r.id];
    };
    const perYear = [
      [[{ id: 'x1' }, { id: 'x2' }], [{ id: 'y1' }]],
      [[{ id: 'z1' }, { id: 'z2' }], []],
      [[], [{ id: 'w1' }]],
    ];
    expect((await newestFirstByYear(perYear, dateOf, 10)).map((r) => r.id)).toEqual(['x1', 'y1', 'x2', 'z1', 'z2', 'w1']);
    expect(asked).not.toContain('z1');
    expect(asked).not.toContain('w1');
    asked.length = 0;
    expect((await newestFirstByYear(perYear, dateOf, 2)).map((r) => r.id)).toEqual(['x1', 'y1']);
    expect((await newestFirstByYear(perYear, dateOf, 4)).map((r) => r.id)).toEqual(['x1', 'y1', 'x2', 'z1']);
    expect(await newestFirstByYear([], dateOf, 5)).toEqual([]);
  });
});
