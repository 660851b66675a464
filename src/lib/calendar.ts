/**
 * Events as iCalendar (RFC 5545) for readers' calendar apps: an event's own file, linked from its page ("Thêm vào
 * lịch"), and the events to come and of the last year in one calendar that an app can subscribe to. ical-generator
 * writes the format (escaping, lines folded at 75 bytes of UTF-8); times go out in UTC, and an event given by its
 * days only as those days in Viet Nam, whatever the build machine's time zone.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DAY_MS, zonedParts, type PortalDate } from './dates';
import { eventOverAt } from './stream';

export interface CalendarEvent {
  /** Unique and stable across builds: an app updates the event it already holds. */
  uid: string;
  url: string;
  title: string;
  /** Plain text; lines break at "\n". */
  description: string;
  location: string;
  start: PortalDate;
  end?: PortalDate;
  /** When this version of the event was published (DTSTAMP): a fixed date keeps the file the same between builds. */
  stamp: Date;
}

/** How often a subscribed app should fetch the calendar again: the portal is built every hour. */
const REFRESH_SECONDS = 60 * 60;

/** The Viet Nam day of `date`, `days` later, as midnight UTC: ical-generator writes a day without time from UTC. */
function calendarDay(date: Date, days = 0): Date {
  const { year, month, day } = zonedParts(date);
  return new Date(Date.UTC(year, month - 1, day + days));
}

/**
 * An event without a time lasts whole days, its last one included (iCalendar's end is the day after). A timed
 * event ends when the portal counts it over (`eventOverAt`: an end given as a day only ends with that day).
 */
function when(event: CalendarEvent): { allDay: boolean; start: Date; end?: Date } {
  const { start, end } = event;
  if (!start.hasTime) return { allDay: true, start: calendarDay(start.date), end: end && calendarDay(end.date, 1) };
  return { allDay: false, start: start.date, end: end && eventOverAt(start, end) };
}

/** An iCalendar file of `events`, named `name` in the reader's calendar app. */
export function eventsCalendar(name: string, events: readonly CalendarEvent[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'ban-tin', product: 'ban-tin', language: 'VI' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      stamp: event.stamp,
      summary: event.title,
      description: event.description,
      location: event.location,
      url: event.url,
      ...when(event),
    });
  }
  return calendar.toString();
}

/** `20261220T003000Z`, or `20261220` for a day. */
function googleDate(date: Date, allDay: boolean): string {
  const iso = date.toISOString().replace(/[-:]/g, '');
  return allDay ? iso.slice(0, 8) : `${iso.slice(0, 15)}Z`;
}

/**
 * The event in Google Calendar's "add event" form: most phones here are Android, whose Google Calendar app does not
 * open an .ics file. Google asks for an end: an event without one ends when it starts (a day: that day).
 */
export function googleCalendarUrl(event: CalendarEvent): string {
  const { allDay, start, end } = when(event);
  const until = end ?? (allDay ? new Date(start.getTime() + DAY_MS) : start);
  const url = new URL('https://calendar.google.com/calendar/render');
  url.search = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${googleDate(start, allDay)}/${googleDate(until, allDay)}`,
    details: event.description,
    location: event.location,
    ctz: 'Asia/Ho_Chi_Minh',
  }).toString();
  return url.href;
}

/** The `webcal:` address of a calendar, which Apple's and Microsoft's calendar apps subscribe to when it is opened. */
export function webcalUrl(calendarUrl: string): string {
  return calendarUrl.replace(/^https?:/, 'webcal:');
}

/** Google Calendar's prompt to subscribe to a calendar (undocumented by Google, and long in use). */
export function googleSubscribeUrl(calendarUrl: string): string {
  return `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcalUrl(calendarUrl))}`;
}
