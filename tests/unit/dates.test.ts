import { describe, expect, it } from 'vitest';
import { dayOfIso, formatDay, formatLongDate, parsePortalDate, TIME_ZONE, monthOf, todayInVietnam, toIsoVietnam, yearOf, zonedParts } from '../../src/lib/dates';

describe('parsePortalDate', () => {
  it('reads a bare day as midnight in Viet Nam', () => {
    const parsed = parsePortalDate('2024-04-14');
    expect(parsed?.hasTime).toBe(false);
    expect(parsed?.date.toISOString()).toBe('2024-04-13T17:00:00.000Z');
  });

  it('keeps an explicit offset and reads a date-time without offset as Viet Nam time', () => {
    expect(parsePortalDate('2024-04-14T08:30:00+07:00')?.date.toISOString()).toBe('2024-04-14T01:30:00.000Z');
    expect(parsePortalDate('2024-04-14T08:30:00Z')?.date.toISOString()).toBe('2024-04-14T08:30:00.000Z');
    expect(parsePortalDate('2024-04-14 08:30')?.date.toISOString()).toBe('2024-04-14T01:30:00.000Z');
    expect(parsePortalDate('2024-04-14T08:30')?.hasTime).toBe(true);
  });

  it.each(['31/02/2021', '2021-02-31', '2021-13-01', '2021-02-29', '2024-04-14T25:00', '14-04-2024', 'hôm nay', ''])(
    'rejects %j',
    (text) => expect(parsePortalDate(text)).toBeUndefined(),
  );

  it('accepts 29 February of a leap year', () => {
    expect(parsePortalDate('2024-02-29')).toBeDefined();
  });
});

describe('formatting in Asia/Ho_Chi_Minh', () => {
  // 23:30 UTC on 13 April is already Sunday 14 April in Viet Nam.
  const lateUtc = new Date('2024-04-13T23:30:00Z');

  it('formats the day and weekday of Viet Nam, not of the machine', () => {
    expect(formatDay(lateUtc)).toBe('14/04/2024');
    expect(formatLongDate(lateUtc)).toBe('Chủ Nhật, 14/04/2024');
    expect(formatLongDate(new Date('2024-04-15T01:30:00Z'), true)).toBe('Thứ Hai, 15/04/2024, 08:30');
  });

  it('assigns New Year’s Eve late evening to the right year', () => {
    expect(yearOf(new Date('2023-12-31T18:00:00Z'))).toBe(2024);
    expect(yearOf(new Date('2023-12-31T16:59:00Z'))).toBe(2023);
    expect(monthOf(new Date('2023-12-31T18:00:00Z'))).toBe('2024-01');
    expect(monthOf(new Date('2024-06-30T16:59:00Z'))).toBe('2024-06');
    expect(monthOf(new Date('2024-06-30T17:00:00Z'))).toBe('2024-07');
  });

  it('gives ISO strings with the +07:00 offset and today in Viet Nam', () => {
    expect(toIsoVietnam(lateUtc)).toBe('2024-04-14T06:30:00+07:00');
    expect(todayInVietnam(lateUtc)).toBe('2024-04-14');
  });
});

describe('the fixed UTC+7 offset', () => {
  it('gives the calendar fields Intl gives for Asia/Ho_Chi_Minh, hour by hour over years', () => {
    const intl = new Intl.DateTimeFormat('en-US', {
      timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23', weekday: 'short',
    });
    const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    // Every 7 hours 13 minutes from 1990 to 2040: every hour of the day, every weekday, month ends and leap days.
    for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2040, 0, 1); t += (7 * 60 + 13) * 60_000) {
      const date = new Date(t);
      const parts = Object.fromEntries(intl.formatToParts(date).map((p) => [p.type, p.value]));
      const expected = {
        year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
        hour: Number(parts.hour), minute: Number(parts.minute), weekday: weekdays.indexOf(parts.weekday),
      };
      expect(zonedParts(date), date.toISOString()).toEqual(expected);
    }
  });

  it('reads the day of an ISO date-time written in Viet Nam time, as search results carry it', () => {
    expect(dayOfIso('2024-04-14T06:30:00+07:00')).toBe('14/04/2024');
    expect(dayOfIso(toIsoVietnam(new Date('2023-12-31T18:00:00Z')))).toBe('01/01/2024');
    expect(dayOfIso('không phải ngày')).toBe('');
  });
});
