import rss from '@astrojs/rss';
import { t } from '../i18n/ui';
import { eventsCalendar, type CalendarEvent } from './calendar';
import { formatLongDate } from './dates';
import { imgAttributes } from './photos';
import { registrationOpen } from './stream';
import { escapeXml } from './xml';
import { findUnit, publishedAt, type EventItem, type Item, type Portal } from './content';

/**
 * What a feed reader, or a unit's own website showing the feed, shows beside an item's title: its cover (the JPEG
 * copy made for social networks, which every reader can show) and its author.
 */
function itemExtras(site: URL, item: Item): string {
  const cover = item.cover && imgAttributes(item.cover, 'social');
  const author = 'author' in item.entry.data ? item.entry.data.author : undefined;
  return [
    cover
      ? `<media:content url="${escapeXml(new URL(cover.src, site).href)}" medium="image" type="image/jpeg" width="${cover.width}" height="${cover.height}">${
          item.coverAlt ? `<media:description>${escapeXml(item.coverAlt)}</media:description>` : ''
        }</media:content>`
      : '',
    author ? `<dc:creator>${escapeXml(author)}</dc:creator>` : '',
  ].join('');
}

/** The portal's name, after what a feed or calendar holds when it is part of the portal: "Sự kiện – Bản tin…". */
function portalTitle(portal: Portal, subject?: string): string {
  return subject ? `${subject} – ${portal.site.name}` : portal.site.name;
}

/** An RSS feed of the newest items: the whole portal's, or a part's (`subject`: a category's or unit's name). */
export function feedResponse(site: URL, portal: Portal, items: Item[], subject?: string, limit = 50) {
  return rss({
    title: portalTitle(portal, subject),
    description: portal.site.description,
    site,
    xmlns: { media: 'http://search.yahoo.com/mrss/', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: '<language>vi</language>',
    items: items.slice(0, limit).map((item) => ({
      title: item.title,
      description: item.description,
      link: item.url,
      // An event listed at its start has no publication date: a future one would put it above the news.
      pubDate: publishedAt(item),
      categories: [...item.tags],
      customData: itemExtras(site, item) || undefined,
    })),
  });
}

/**
 * An event as calendars have it (`calendar.ts`). Its description ends with its organiser, its place's map, where to
 * sign up and by when (while readers can) and its page, which not every app shows from the URL field.
 */
export function calendarEntry(site: URL, portal: Portal, event: EventItem): CalendarEvent {
  const data = event.entry.data;
  const url = new URL(event.url, site).href;
  const organiser = findUnit(portal, event.unit);
  const signUp = registrationOpen(event, portal.now);
  return {
    // Its first address, which a renamed event lists first in `previousSlugs`: calendars that have the event keep it
    // as one event instead of adding the renamed one beside it.
    uid: `${event.entry.data.previousSlugs[0] ?? event.id}@${site.host}`,
    url,
    title: event.title,
    description: [
      event.description,
      '',
      ...(organiser ? [`${t('event.organiser')}: ${organiser.data.name}`] : []),
      ...(data.mapUrl ? [`${t('event.map')}: ${data.mapUrl}`] : []),
      // Where to sign up, while readers can (the calendar to subscribe to is read again every hour).
      ...(data.registrationUrl && signUp ? [`${t('event.register')}: ${data.registrationUrl}`] : []),
      ...(data.registrationDeadline && signUp
        ? [`${t('event.registrationDeadline')}: ${formatLongDate(data.registrationDeadline.date, data.registrationDeadline.hasTime)}`]
        : []),
      url,
    ].join('\n'),
    location: data.location,
    start: data.start,
    end: data.end,
    // Fixed for a given event, so that the file is the same from one build to the next.
    stamp: publishedAt(event) ?? data.start.date,
  };
}

/** An iCalendar file of events: an event's own, or the one that calendar apps subscribe to. */
export function calendarResponse(site: URL, portal: Portal, events: readonly EventItem[], subject?: string): Response {
  const entries = events.map((event) => calendarEntry(site, portal, event));
  return new Response(eventsCalendar(portalTitle(portal, subject), entries), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
