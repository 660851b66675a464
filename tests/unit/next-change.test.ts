import { describe, expect, it } from 'vitest';
import { isPublished, nextChange, splitEvents } from '../../src/lib/stream';

const at = (iso: string) => new Date(iso);

describe('nextChange', () => {
  const now = at('2026-06-01T00:00:00Z');

  it('is the first scheduled publication, expiry or event end after now', () => {
    const states = [
      { draft: false, pubDate: at('2026-01-01T00:00:00Z') },
      { draft: false, pubDate: at('2026-08-01T00:00:00Z') },
      { draft: false, pubDate: at('2025-01-01T00:00:00Z'), expiryDate: at('2026-07-01T00:00:00Z') },
      { draft: false, eventEnd: at('2026-09-01T00:00:00Z') },
    ];
    expect(nextChange(states, now)).toEqual(at('2026-07-01T00:00:00Z'));
    expect(nextChange(states.slice(0, 2), now)).toEqual(at('2026-08-01T00:00:00Z'));
  });

  it('ignores drafts and the past, and is undefined when nothing will change', () => {
    expect(nextChange([{ draft: true, pubDate: at('2026-06-02T00:00:00Z') }], now)).toBeUndefined();
    expect(nextChange([{ draft: false, pubDate: at('2026-05-01T00:00:00Z'), eventEnd: at('2026-05-02T00:00:00Z') }], now)).toBeUndefined();
    expect(nextChange([], now)).toBeUndefined();
  });

  it('is the moment the published portal actually changes', () => {
    const item = { draft: false, pubDate: at('2026-06-10T08:00:00Z') };
    const change = nextChange([item], now)!;
    expect(isPublished(item, new Date(change.getTime() - 1))).toBe(false);
    expect(isPublished(item, change)).toBe(true);
    // An event is past only once its end is behind now.
    const event = { start: at('2026-06-05T01:00:00Z'), end: at('2026-06-05T04:00:00Z') };
    const over = nextChange([{ draft: false, eventEnd: event.end }], now)!;
    expect(splitEvents([event], new Date(over.getTime() - 1)).upcoming).toEqual([event]);
    expect(splitEvents([event], over).past).toEqual([event]);
    // An event listed at its start (no publication date) joins its year's archive when it starts.
    expect(nextChange([{ draft: false, listedFrom: event.start, eventEnd: event.end }], now)).toEqual(event.start);
  });
});
