/** `/su-kien/lich.ics`: every event, for a calendar app to subscribe to (it fetches the file again every hour). */
import type { APIRoute } from 'astro';
import { t } from '../../i18n/ui';
import { getPortal } from '../../lib/content';
import { calendarResponse } from '../../lib/feed';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  return calendarResponse(site!, `${t('events.title')} – ${t('site.name')}`, portal, portal.events);
};
