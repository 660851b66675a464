/**
 * `/su-kien/lich.ics`: the events for a calendar app to subscribe to (it fetches the file again every hour): those to
 * come and those of the last year (`subscribedCalendarEvents`), so that the file stays small however many years the
 * portal holds.
 */
import type { APIRoute } from 'astro';
import { t } from '../../i18n/ui';
import { getPortal } from '../../lib/content';
import { calendarResponse } from '../../lib/feed';
import { subscribedCalendarEvents } from '../../lib/stream';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  return calendarResponse(site!, portal, subscribedCalendarEvents(portal.events, portal.now), t('events.title'));
};
