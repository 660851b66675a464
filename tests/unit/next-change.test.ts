import { describe, expect, it } from 'vitest';
import { parsePortalDate } from '../../src/lib/dates';
import {
  deadlinePassesAt, eventOverAt, isPublished, nextChange, registrationClosesAt, registrationOpen, splitEvents, subscribedCalendarEvents,
} from '../../src/lib/stream';

const at = (iso: string) => new Date(iso);

describe('nextChange', () => {
  const now = at('2026-06-01T00:00:00Z');

  it('is the first scheduled publication, expiry or event end after now', () => {
    const states = [
      { draft: false, pubDate: at('2026-01-01T00:00:00Z') },
      { draft: false, pubDate: at('2026-08-01T00:00:00Z') },
      { draft: false, pubDate: at('2025-01-01T00:00:00Z'), expiryDate: at('2026-07-01T00:00:00Z') },
      { draft: false, eventOverAt: at('2026-09-01T00:00:00Z') },
    ];
    expect(nextChange(states, now)).toEqual(at('2026-07-01T00:00:00Z'));
    expect(nextChange(states.slice(0, 2), now)).toEqual(at('2026-08-01T00:00:00Z'));
  });

  it('closes an event’s sign-up at its deadline (a day: at its end in Viet Nam), at the latest when it is over', () => {
    const date = (text: string) => parsePortalDate(text)!;
    const overAt = eventOverAt(date('2026-06-10T08:00:00+07:00'), date('2026-06-10T11:00:00+07:00'));
    expect(registrationClosesAt(overAt)).toEqual(overAt);
    expect(registrationClosesAt(overAt, date('2026-06-05'))).toEqual(at('2026-06-05T17:00:00Z'));
    expect(registrationClosesAt(overAt, date('2026-06-05T17:00:00+07:00'))).toEqual(at('2026-06-05T10:00:00Z'));
    // A deadline on the event's day, given as a day, would pass after the event: the event's end closes the sign-up.
    expect(deadlinePassesAt(date('2026-06-10'))).toEqual(at('2026-06-10T17:00:00Z'));
    expect(registrationClosesAt(overAt, date('2026-06-10'))).toEqual(overAt);
    const event = { registrationClosesAt: at('2026-06-05T17:00:00Z') };
    expect(registrationOpen(event, at('2026-06-05T16:59:59Z'))).toBe(true);
    expect(registrationOpen(event, at('2026-06-05T17:00:00Z'))).toBe(false);
    // A build at the deadline takes the button off the page.
    expect(nextChange([{ draft: false, eventOverAt: overAt, registrationClosesAt: event.registrationClosesAt }], now)).toEqual(event.registrationClosesAt);
  });

  it('lets an event given by days, or without an end, run to the end of its day in Viet Nam', () => {
    const date = (text: string) => parsePortalDate(text)!;
    expect(eventOverAt(date('2026-06-05T08:00:00+07:00'), date('2026-06-05T11:30:00+07:00'))).toEqual(at('2026-06-05T04:30:00Z'));
    expect(eventOverAt(date('2026-06-05'))).toEqual(at('2026-06-05T17:00:00Z'));
    expect(eventOverAt(date('2026-06-05'), date('2026-06-07'))).toEqual(at('2026-06-07T17:00:00Z'));
    expect(eventOverAt(date('2026-06-05T08:00:00+07:00'), date('2026-06-06'))).toEqual(at('2026-06-06T17:00:00Z'));
    // A start late in the Viet Nam day is already the next day in UTC: still that Viet Nam day's end.
    expect(eventOverAt(date('2026-06-05T23:30:00+07:00'))).toEqual(at('2026-06-05T17:00:00Z'));
    expect(eventOverAt(date('2026-06-05T06:30:00+07:00'))).toEqual(at('2026-06-05T17:00:00Z'));
  });

  it('ignores drafts and the past, and is undefined when nothing will change', () => {
    expect(nextChange([{ draft: true, pubDate: at('2026-06-02T00:00:00Z') }], now)).toBeUndefined();
    // Over more than a year ago: out of the subscribed calendar too.
    expect(nextChange([{ draft: false, pubDate: at('2025-05-01T00:00:00Z'), eventOverAt: at('2025-05-02T00:00:00Z') }], now)).toBeUndefined();
    expect(nextChange([], now)).toBeUndefined();
  });

  it('is the moment the published portal actually changes', () => {
    const item = { draft: false, pubDate: at('2026-06-10T08:00:00Z') };
    const change = nextChange([item], now)!;
    expect(isPublished(item, new Date(change.getTime() - 1))).toBe(false);
    expect(isPublished(item, change)).toBe(true);
    // An event is past from the moment it is over.
    const start = parsePortalDate('2026-06-05T08:00:00+07:00')!;
    const event = { start: start.date, overAt: eventOverAt(start, parsePortalDate('2026-06-05T11:00:00+07:00')) };
    const over = nextChange([{ draft: false, eventOverAt: event.overAt }], now)!;
    expect(over).toEqual(at('2026-06-05T04:00:00Z'));
    expect(splitEvents([event], new Date(over.getTime() - 1)).upcoming).toEqual([event]);
    expect(splitEvents([event], over).past).toEqual([event]);
    // An event listed at its start (no publication date) joins its year's archive when it starts.
    expect(nextChange([{ draft: false, listedFrom: event.start, eventOverAt: event.overAt }], now)).toEqual(event.start);
    // A year after it is over, it leaves the calendar that apps subscribe to.
    const afterwards = new Date(over.getTime() + 1);
    const leaves = nextChange([{ draft: false, eventOverAt: event.overAt }], afterwards)!;
    expect(leaves).toEqual(at('2027-06-05T04:00:00Z'));
    expect(subscribedCalendarEvents([event], new Date(leaves.getTime() - 1))).toEqual([event]);
    expect(subscribedCalendarEvents([event], leaves)).toEqual([]);
  });
});
