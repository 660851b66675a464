import { describe, expect, it } from 'vitest';
import { formatDay, formatLongDate, parsePortalDate, todayInVietnam, toIsoVietnam, yearOf } from '../../src/lib/dates';

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
  });

  it('gives ISO strings with the +07:00 offset and today in Viet Nam', () => {
    expect(toIsoVietnam(lateUtc)).toBe('2024-04-14T06:30:00+07:00');
    expect(todayInVietnam(lateUtc)).toBe('2024-04-14');
  });
});
