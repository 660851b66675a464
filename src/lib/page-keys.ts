/**
 * Cache keys of pages, for Astro's incremental build: a page whose key and templates are unchanged since the last
 * build is copied from it instead of being rendered again. A key must change whenever anything the page shows
 * changes, so it covers, besides the page's own items, what every page shows (menu, footer, search filters).
 */
import { createHash } from 'node:crypto';
import type { Attachment } from './attachments';
import type { AttachedDocument, EventItem, Item, PhotoAlbum, Portal } from './content';
import type { Page } from './pagination';
import { defaultShareImage } from './share-image';
import { isOver, registrationOpen } from './stream';

/** What identifies an item's content: its file (digest) and its cover's bytes (hash). */
export function itemKey(item: Item): string {
  return `${item.kind}/${item.id}@${item.entry.digest ?? ''}#${item.cover?.hash ?? ''}`;
}

export function hashKey(parts: readonly (string | number | undefined)[]): string {
  return createHash('sha1').update(parts.map((part) => String(part ?? '')).join('\n')).digest('base64url');
}

const siteKeys = new WeakMap<Portal, string>();

/**
 * What every page shows: the portal's own details (name, footer), the categories and units (menu, footer, filters,
 * names on cards), which of them have items, the years that have items, and the size of the portal's picture for
 * previews (`share-image.ts`).
 */
export function siteKey(portal: Portal): string {
  let key = siteKeys.get(portal);
  if (key === undefined) {
    key = hashKey([
      `site@${portal.siteDigest}`,
      ...portal.categories.map((c) => `c/${c.id}@${c.digest ?? ''}:${portal.byCategory.has(c.id)}`),
      ...portal.units.map((u) => `u/${u.id}@${u.digest ?? ''}:${portal.byUnit.has(u.id)}`),
      `years:${[...portal.byYear.keys()].sort().join(',')}`,
      `share:${defaultShareImage()?.width ?? ''}x${defaultShareImage()?.height ?? ''}`,
    ]);
    siteKeys.set(portal, key);
  }
  return key;
}

/**
 * An article page: the item, the items it links to (related, newer, older), its gallery as built, its attachments'
 * files (the list shows their sizes), and for an event whether it is over and whether its sign-up is open (its page
 * says so).
 */
export function articleKey(portal: Portal, item: Item, linked: readonly (Item | undefined)[]): string {
  const gallery = 'gallery' in item.entry.data ? item.entry.data.gallery.map((photo) => photo.src.hash) : [];
  const attachments = item.attachments.map((attachment) => `${attachment.name}@${attachment.hash}`);
  const over = item.kind === 'event' && isOver(item, portal.now);
  const signUp = item.kind === 'event' && registrationOpen(item, portal.now);
  return hashKey([
    siteKey(portal), itemKey(item), ...linked.map((other) => (other ? itemKey(other) : '-')), ...gallery, ...attachments, over ? 'over' : '', signUp ? 'sign-up' : '',
  ]);
}

/** An attached file, published as it is. */
export function attachmentKey(attachment: Attachment): string {
  return hashKey(['attachment', attachment.file, attachment.hash]);
}

/** An item's old address (`MovedPage.astro`): where it leads, and the portal's name in its title. */
export function movedKey(portal: Portal, item: Item): string {
  return hashKey(['moved', item.url, portal.siteDigest]);
}

/** The key of each page of a listing: its place in the listing and the items on it; `extra` for what else it shows. */
export function listingKey(portal: Portal, extra: readonly string[] = []): (page: Page<Item>) => string {
  return (page) => hashKey([siteKey(portal), `${page.current}/${page.total}`, ...page.items.map(itemKey), ...extra]);
}

/** A page of the documents' listing: its place, and each file with the item it comes with. */
export function documentsKey(portal: Portal): (page: Page<AttachedDocument>) => string {
  return (page) =>
    hashKey([
      siteKey(portal), `${page.current}/${page.total}`,
      ...page.items.map(({ attachment, item }) => `${itemKey(item)}:${attachment.name}@${attachment.hash}`),
    ]);
}

/** A page of the photo albums: its place, and each album's item, first photo (its bytes) and number of photos. */
export function albumsKey(portal: Portal): (page: Page<PhotoAlbum>) => string {
  return (page) =>
    hashKey([siteKey(portal), `${page.current}/${page.total}`, ...page.items.map(({ item, photos }) => `${itemKey(item)}:${photos[0].src.hash}:${photos.length}`)]);
}

/** An iCalendar file of events: the events, whether readers can still sign up, and the units it names as organisers. */
export function calendarKey(portal: Portal, events: readonly EventItem[]): string {
  return hashKey([siteKey(portal), ...events.map((event) => eventKey(portal, event))]);
}

/** An event as listings and calendars show it: its content, and whether readers can still sign up. */
export function eventKey(portal: Portal, event: EventItem): string {
  return `${itemKey(event)}:${registrationOpen(event, portal.now)}`;
}
