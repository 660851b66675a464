/** The portal's URL scheme, in one place. Every URL ends with a slash. */
import { slugify } from './slug.ts';

export type ItemKind = 'news' | 'report' | 'event';

export const KIND_PATHS: Record<ItemKind, string> = { news: 'tin-tuc', report: 'bao-cao', event: 'su-kien' };

export const urls = {
  home: '/',
  item: (kind: ItemKind, id: string) => `/${KIND_PATHS[kind]}/${id}/`,
  /** A file attached to an item, beside its page. */
  attachment: (kind: ItemKind, id: string, name: string) => `/${KIND_PATHS[kind]}/${id}/${name}`,
  /** The whole news stream: "Tin tức - Sự kiện". */
  stream: '/tin-tuc/',
  category: (slug: string) => `/chuyen-muc/${slug}/`,
  tag: (tag: string) => `/the/${slugify(tag)}/`,
  /** Every tag, with how many items have it. */
  tags: '/the/',
  unit: (slug: string) => `/don-vi/${slug}/`,
  units: '/don-vi/',
  year: (year: number | string) => `/nam/${year}/`,
  events: '/su-kien/',
  /** An event in iCalendar, beside its page. */
  eventCalendar: (id: string) => `/${KIND_PATHS.event}/${id}/lich.ics`,
  /** The events to come and of the last year in iCalendar, for calendar apps to subscribe to. */
  eventsCalendar: '/su-kien/lich.ics',
  reports: '/bao-cao/',
  /** Every published item's attachments. */
  documents: '/van-ban/',
  /** Every published item's gallery. */
  albums: '/thu-vien-anh/',
  search: '/tim-kiem/',
  /** The search described for browsers, which can then search the portal from their address bar. */
  openSearch: '/opensearch.xml',
  feed: '/rss.xml',
  categoryFeed: (slug: string) => `/chuyen-muc/${slug}/rss.xml`,
  unitFeed: (slug: string) => `/don-vi/${slug}/rss.xml`,
  guide: '/huong-dan-bien-tap/',
  /** A file of the items' addresses on the portal the publication left, for the not-found page (`old-addresses.ts`). */
  oldAddresses: (file: number) => `/dia-chi-cu/${file}.json`,
};

/** Page `n` of a listing whose first page is `base`: `/chuyen-muc/x/` → `/chuyen-muc/x/trang/2/`. */
export function pageUrl(base: string, page: number): string {
  return page <= 1 ? base : `${base}trang/${page}/`;
}

/** The site path of a page Astro built, from its `pathname` (`tin-tuc/x/`, `404`, or empty for the home page). */
export function builtPageUrl(pathname: string): string {
  return `/${pathname.replace(/^\/+/, '')}`.replace(/([^/])$/, '$1/');
}
