/** `/su-kien/<slug>/lich.ics`: an event for the reader's calendar app, linked from its page (and at its old slugs). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal, type EventItem } from '../../../lib/content';
import { calendarResponse } from '../../../lib/feed';
import { calendarKey } from '../../../lib/page-keys';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  // At a renamed event's old addresses too, which readers may have been given.
  return portal.events.flatMap((event) =>
    [event.id, ...event.entry.data.previousSlugs].map((id) => ({ params: { id }, props: { event }, cacheKey: calendarKey(portal, [event]) })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) => {
  const { event } = props as { event: EventItem };
  return calendarResponse(site!, await getPortal(), [event]);
};
