/**
 * `/su-kien/lich.ics`: the events for a calendar app to subscribe to (it fetches the file again every hour): those to
 * come and those of the last year, so that the file stays small however many years the portal holds.
 */
import type { APIRoute } from 'astro';
import { t } from '../../i18n/ui';
import { getPortal } from '../../lib/content';
import { calendarResponse } from '../../lib/feed';
import { eventsEndingSince } from '../../lib/stream';

const KEPT_DAYS = 365;

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  return calendarResponse(site!, `${t('events.title')} – ${t('site.name')}`, portal, eventsEndingSince(portal.events, portal.now, KEPT_DAYS));
};
