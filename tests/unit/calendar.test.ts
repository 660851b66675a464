import { describe, expect, it } from 'vitest';
import { eventsCalendar, googleCalendarUrl, googleSubscribeUrl, webcalUrl, type CalendarEvent } from '../../src/lib/calendar';
import { parsePortalDate } from '../../src/lib/dates';

const at = (text: string) => parsePortalDate(text)!;

const event = (fields: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'ngay-hoi-hien-mau@bantin.example.gov.vn',
  url: 'https://bantin.example.gov.vn/su-kien/ngay-hoi-hien-mau/',
  title: 'Ngày hội hiến máu “Giọt hồng tri ân”',
  description: 'Chỉ tiêu 400 đơn vị máu.\n\nĐơn vị tổ chức: Đoàn cơ sở Sở Y tế',
  location: 'Hội trường Bệnh viện Đa khoa tỉnh, số 15 đường Đinh Tiên Hoàng; tầng 2',
  start: at('2026-12-20T07:30'),
  end: at('2026-12-20T11:30'),
  stamp: new Date('2026-11-15T17:00:00Z'),
  ...fields,
});

/** The calendar's lines as an app reads them: folded lines joined again. */
const lines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
const line = (ics: string, name: string) => lines(ics).filter((l) => l.startsWith(name));

describe('eventsCalendar', () => {
  it('writes a timed event in UTC, from the Viet Nam time the editor gave', () => {
    const ics = eventsCalendar('Sự kiện', [event()]);
    expect(line(ics, 'DTSTART')).toEqual(['DTSTART:20261220T003000Z']);
    expect(line(ics, 'DTEND')).toEqual(['DTEND:20261220T043000Z']);
    expect(line(ics, 'UID')).toEqual(['UID:ngay-hoi-hien-mau@bantin.example.gov.vn']);
    expect(line(ics, 'DTSTAMP')).toEqual(['DTSTAMP:20261115T170000Z']);
    expect(line(ics, 'URL')).toEqual(['URL;VALUE=URI:https://bantin.example.gov.vn/su-kien/ngay-hoi-hien-mau/']);
  });

  it('writes an event given by its days as whole days in Viet Nam, the last one included', () => {
    // Midnight in Viet Nam is the evening before in UTC: the days must not move back by one.
    const oneDay = eventsCalendar('Sự kiện', [event({ start: at('2026-12-20'), end: undefined })]);
    expect(line(oneDay, 'DTSTART')).toEqual(['DTSTART;VALUE=DATE:20261220']);
    expect(line(oneDay, 'DTEND')).toEqual([]);
    const threeDays = eventsCalendar('Sự kiện', [event({ start: at('2026-12-30'), end: at('2027-01-01') })]);
    expect(line(threeDays, 'DTSTART')).toEqual(['DTSTART;VALUE=DATE:20261230']);
    expect(line(threeDays, 'DTEND')).toEqual(['DTEND;VALUE=DATE:20270102']);
  });

  it('ends a timed event whose end is a day only with that day', () => {
    const ics = eventsCalendar('Sự kiện', [event({ end: at('2026-12-21') })]);
    expect(line(ics, 'DTSTART')).toEqual(['DTSTART:20261220T003000Z']);
    expect(line(ics, 'DTEND')).toEqual(['DTEND:20261221T170000Z']);
  });

  it('writes an event without an end with its start only', () => {
    expect(line(eventsCalendar('Sự kiện', [event({ end: undefined })]), 'DTEND')).toEqual([]);
  });

  it('escapes commas, semicolons and line breaks, and folds long lines at 75 bytes of UTF-8', () => {
    const ics = eventsCalendar('Sự kiện', [event()]);
    expect(line(ics, 'LOCATION')).toEqual(['LOCATION:Hội trường Bệnh viện Đa khoa tỉnh\\, số 15 đường Đinh Tiên Hoàng\\; tầng 2']);
    expect(line(ics, 'DESCRIPTION')).toEqual(['DESCRIPTION:Chỉ tiêu 400 đơn vị máu.\\n\\nĐơn vị tổ chức: Đoàn cơ sở Sở Y tế']);
    expect(line(ics, 'SUMMARY')).toEqual(['SUMMARY:Ngày hội hiến máu “Giọt hồng tri ân”']);
    const raw = ics.split('\r\n');
    expect(raw.length).toBeGreaterThan(lines(ics).length);
    for (const folded of raw) expect(Buffer.byteLength(folded), folded).toBeLessThanOrEqual(75);
  });

  it('names the calendar, asks apps to fetch it again every hour, and holds every event given', () => {
    const ics = eventsCalendar('Sự kiện – Bản tin', [event(), event({ uid: 'hoi-thi@bantin.example.gov.vn', title: 'Hội thi' })]);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(line(ics, 'X-WR-CALNAME')).toEqual(['X-WR-CALNAME:Sự kiện – Bản tin']);
    expect(line(ics, 'REFRESH-INTERVAL')).toEqual(['REFRESH-INTERVAL;VALUE=DURATION:PT1H']);
    expect(line(ics, 'UID')).toEqual(['UID:ngay-hoi-hien-mau@bantin.example.gov.vn', 'UID:hoi-thi@bantin.example.gov.vn']);
    expect(line(ics, 'BEGIN:VEVENT')).toHaveLength(2);
  });
});

describe('googleCalendarUrl', () => {
  const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

  it('fills Google Calendar\'s form with the event, its times in UTC', () => {
    const url = googleCalendarUrl(event());
    expect(url.startsWith('https://calendar.google.com/calendar/render?')).toBe(true);
    expect(params(url)).toEqual({
      action: 'TEMPLATE',
      text: 'Ngày hội hiến máu “Giọt hồng tri ân”',
      dates: '20261220T003000Z/20261220T043000Z',
      details: 'Chỉ tiêu 400 đơn vị máu.\n\nĐơn vị tổ chức: Đoàn cơ sở Sở Y tế',
      location: 'Hội trường Bệnh viện Đa khoa tỉnh, số 15 đường Đinh Tiên Hoàng; tầng 2',
      ctz: 'Asia/Ho_Chi_Minh',
    });
  });

  it('gives days as days in Viet Nam, the end after the last one, and an end to an event without one', () => {
    expect(params(googleCalendarUrl(event({ start: at('2026-12-30'), end: at('2027-01-01') }))).dates).toBe('20261230/20270102');
    expect(params(googleCalendarUrl(event({ start: at('2026-12-20'), end: undefined }))).dates).toBe('20261220/20261221');
    expect(params(googleCalendarUrl(event({ end: undefined }))).dates).toBe('20261220T003000Z/20261220T003000Z');
  });
});

describe('links to subscribe to a calendar', () => {
  const calendar = 'https://bantin.example.gov.vn/su-kien/lich.ics';

  it('gives the calendar\'s address as webcal: for Apple\'s and Microsoft\'s apps', () => {
    expect(webcalUrl(calendar)).toBe('webcal://bantin.example.gov.vn/su-kien/lich.ics');
    expect(webcalUrl('http://127.0.0.1:4321/su-kien/lich.ics')).toBe('webcal://127.0.0.1:4321/su-kien/lich.ics');
  });

  it('asks Google Calendar to subscribe to that address', () => {
    const url = new URL(googleSubscribeUrl(calendar));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('cid')).toBe('webcal://bantin.example.gov.vn/su-kien/lich.ics');
  });
});
