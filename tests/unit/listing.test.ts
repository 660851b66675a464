import { describe, expect, it } from 'vitest';
import { pageNumbers, pagedPaths, paginate } from '../../src/lib/pagination';
import { prng } from '../../scripts/bench/corpus';
import { eventOverAt, groupBy, isPublished, neighbours, newestFirst, relatedItems, relatedScore, splitEvents, subscribedCalendarEvents, type StreamItem } from '../../src/lib/stream';
import { builtPageUrl, pageUrl, urls } from '../../src/lib/urls';

const day = (d: string) => new Date(`${d}T00:00:00+07:00`);
/** An event given by days, as an editor writes them. */
const event = (id: string, start: string, end?: string) => ({
  id,
  start: day(start),
  overAt: eventOverAt({ date: day(start), hasTime: false }, end ? { date: day(end), hasTime: false } : undefined),
});
const item = (id: string, date: string, extra: Partial<StreamItem> = {}): StreamItem => ({
  kind: 'news', id, title: id, date: day(date), category: 'tin-tuc-su-kien', tags: [], ...extra,
});

describe('pagination', () => {
  it('splits into pages of 20 and keeps one empty page', () => {
    const pages = paginate(Array.from({ length: 45 }, (_, i) => i));
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
    expect(pages[2]).toMatchObject({ current: 3, total: 3 });
    expect(paginate([])).toEqual([{ items: [], current: 1, total: 1 }]);
  });

  it('numbers pages with gaps around the current one', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageNumbers(10, 20)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 20]);
    expect(pageNumbers(4, 20)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 20]);
  });

  it('maps pages to URLs and route parameters that agree', () => {
    const paths = pagedPaths({ category: 'x' }, Array.from({ length: 21 }, (_, i) => i), {});
    expect(paths.map((p) => p.params)).toEqual([{ category: 'x', page: undefined }, { category: 'x', page: 'trang/2' }]);
    expect(pageUrl(urls.category('x'), 2)).toBe('/chuyen-muc/x/trang/2/');
    expect(pageUrl(urls.category('x'), 1)).toBe('/chuyen-muc/x/');
    expect(urls.tag('Hiến máu')).toBe('/the/hien-mau/');
  });
});

describe('publishing', () => {
  const now = new Date('2026-11-23T03:00:00Z');
  it('hides drafts, scheduled and expired items', () => {
    expect(isPublished({ draft: false, pubDate: day('2026-11-23') }, now)).toBe(true);
    expect(isPublished({ draft: true, pubDate: day('2020-01-01') }, now)).toBe(false);
    expect(isPublished({ draft: false, pubDate: day('2026-11-24') }, now)).toBe(false);
    expect(isPublished({ draft: false, pubDate: day('2020-01-01'), expiryDate: day('2026-11-23') }, now)).toBe(false);
    expect(isPublished({ draft: false }, now)).toBe(true);
  });
});

describe('listings', () => {
  const a = item('a', '2024-01-01', { tags: ['hiến máu'], unit: 'u1' });
  const b = item('b', '2024-03-01', { tags: ['Hiến máu', 'tình nguyện'] });
  const c = item('c', '2024-02-01', { unit: 'u1', category: 'khac' });
  const d = item('d', '2020-02-01', { category: 'khac' });

  it('sorts newest first', () => {
    expect(newestFirst([a, b, c]).map((i) => i.id)).toEqual(['b', 'c', 'a']);
  });

  it('groups by keys, once per group', () => {
    const groups = groupBy([a, b, c], (i) => [i.unit]);
    expect(groups.get('u1')?.map((i) => i.id)).toEqual(['a', 'c']);
    expect(groups.has('undefined')).toBe(false);
  });

  it('ranks related items by shared tags, then unit, then category, and never the item itself', () => {
    expect(relatedItems(a, [[a, b, c, d]]).map((i) => i.id)).toEqual(['b', 'c']);
    expect(relatedItems(d, [[b, c, a, d]]).map((i) => i.id)).toEqual(['c']);
    expect(relatedItems(a, [[b, a], [c, a]]).map((i) => i.id)).toEqual(['b', 'c']);
  });

  it('scores only the items nearest in date in each group', () => {
    const group = newestFirst(Array.from({ length: 100 }, (_, i) => item(`n${i}`, `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, { tags: ['x'] })));
    const middle = group[50];
    const related = relatedItems(middle, [group], 100, 3);
    expect(related).toHaveLength(6);
    expect(related.every((other) => Math.abs(group.indexOf(other) - 50) <= 3)).toBe(true);
  });

  it('picks what scoring every candidate and sorting them picks, on random portals', () => {
    // The plain definition: candidates from each group's window, scored, sorted by score then distance (stable).
    const reference = (it: StreamItem, groups: StreamItem[][], limit = 5, window = 30) => {
      const candidates = new Set<StreamItem>();
      for (const group of groups) {
        const at = group.indexOf(it);
        const end = Math.min(group.length, at < 0 ? window : at + window + 1);
        for (let i = Math.max(0, at - window); i < end; i++) if (group[i] !== it) candidates.add(group[i]);
      }
      return [...candidates]
        .map((other) => ({ other, score: relatedScore(it, other), distance: Math.abs(other.date.getTime() - it.date.getTime()) }))
        .filter(({ score }) => score > 0)
        .sort((x, y) => y.score - x.score || x.distance - y.distance)
        .slice(0, limit)
        .map(({ other }) => other);
    };
    const random = prng(7);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    for (let round = 0; round < 20; round++) {
      const items = newestFirst(
        Array.from({ length: 120 }, (_, i) =>
          item(`r${round}-${i}`, `202${Math.floor(random() * 4)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`, {
            tags: Array.from({ length: Math.floor(random() * 3) }, () => pick(['hiến máu', 'tình nguyện', 'chuyển đổi số', 'Tết'])),
            unit: pick(['u1', 'u2', undefined]),
            category: pick(['c1', 'c2', 'c3']),
          }),
        ),
      );
      const groups = [...groupBy(items, (i) => [...i.tags, i.unit, i.category]).values()];
      for (const it of items) {
        const mine = groups.filter((group) => group.includes(it));
        expect(relatedItems(it, mine, 5, 8)).toEqual(reference(it, mine, 5, 8));
      }
    }
  });

  it('finds the newer and older neighbours', () => {
    const list = newestFirst([a, b, c]);
    expect(neighbours(c, list)).toEqual({ newer: b, older: a });
    expect(neighbours(b, list).newer).toBeUndefined();
  });

  it('splits events into upcoming (soonest first) and past (latest first)', () => {
    const now = new Date('2026-11-23T10:00:00+07:00');
    const events = [
      event('old', '2025-01-01'),
      event('soon', '2026-12-01'),
      event('later', '2027-03-26'),
      event('running', '2026-11-20', '2026-11-30'),
      // Today's and yesterday's: the day's event stays upcoming until the day is over.
      event('today', '2026-11-23'),
      event('yesterday', '2026-11-22'),
      event('ended-yesterday', '2026-11-20', '2026-11-22'),
    ];
    const { upcoming, past } = splitEvents(events, now);
    expect(upcoming.map((e) => e.id)).toEqual(['running', 'today', 'soon', 'later']);
    expect(past.map((e) => e.id)).toEqual(['yesterday', 'ended-yesterday', 'old']);
  });

  it('keeps in the subscribed calendar the events not over or over within a year', () => {
    const now = day('2026-11-23');
    const events = [
      event('long-ago', '2025-11-21'),
      event('a-year-ago', '2025-11-23'),
      event('ended-within', '2025-10-01', '2025-12-01'),
      event('soon', '2026-12-01'),
    ];
    expect(subscribedCalendarEvents(events, now).map((e) => e.id)).toEqual(['a-year-ago', 'ended-within', 'soon']);
  });
});

describe('site paths of built pages', () => {
  it('starts and ends every path with a slash, as the portal\'s URLs do', () => {
    expect(builtPageUrl('')).toBe('/');
    expect(builtPageUrl('tin-tuc/hien-mau/')).toBe('/tin-tuc/hien-mau/');
    expect(builtPageUrl('/tin-tuc/trang/2/')).toBe('/tin-tuc/trang/2/');
    expect(builtPageUrl('404')).toBe('/404/');
  });
});
