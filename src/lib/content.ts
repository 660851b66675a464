/**
 * The published portal, queried once: every page takes its items from here, already filtered
 * (no drafts, scheduled or expired items) and sorted newest first.
 */
import path from 'node:path';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Attachment } from './attachments';
import { buildTime, monthOf, yearOf } from './dates';
import { changedEntries, isDevServer, reportBuildFacts } from './build-facts';
import { SITE_ID, siteFile } from './content-root';
import { attachmentProblems, ContentFileError, describeProblem, fileBesideArticle, readAttachment } from './file-checks';
import type { Photo } from './photo-file';
import { oldAddressProblems, oldAddressTable, tableFiles } from './old-addresses';
import { COVER_USES, GALLERY_USES, LOGO_USES, photoCopies, reportPhotoCopies } from './photos';
import { compareUnits } from './report';
import { searchFeed } from './search-feed';
import {
  eventOverAt, groupBy, isPublished, neighbours, newestFirst, nextChange, registrationClosesAt, relatedItems, splitEvents, whyUnpublished, type StreamItem,
} from './stream';
import { slugify } from './slug';
import { urls, type ItemKind } from './urls';

export type NewsEntry = CollectionEntry<'news'>;
export type ReportEntry = CollectionEntry<'reports'>;
export type EventEntry = CollectionEntry<'events'>;
export type Category = CollectionEntry<'categories'>;
export type Unit = CollectionEntry<'units'>;
/** The portal's own details (`content/site.yaml`). */
export type SiteEntry = CollectionEntry<'site'>;

interface ItemBase extends StreamItem {
  url: string;
  description: string;
  /** False when the editor gave only a day. */
  hasTime: boolean;
  year: number;
  cover?: Photo;
  coverAlt?: string;
  featured: boolean;
  /** Files published beside the item's page. */
  attachments: ItemAttachment[];
}

/** An attachment with its address beside its item's page. */
export type ItemAttachment = Attachment & { url: string };
export type NewsItem = ItemBase & { kind: 'news'; entry: NewsEntry };
export type ReportItem = ItemBase & { kind: 'report'; entry: ReportEntry };
export type EventItem = ItemBase & {
  kind: 'event'; entry: EventEntry; start: Date; end?: Date; overAt: Date;
  /** When its sign-up closes: its deadline, else when it is over (`registrationClosesAt`). */
  registrationClosesAt: Date;
};
export type Item = NewsItem | ReportItem | EventItem;

export interface Tag {
  slug: string;
  /** The spelling editors used first. */
  name: string;
  items: Item[];
}

export interface Portal {
  /** The portal's name, publisher, contacts and links. */
  site: SiteEntry['data'];
  /** Changes whenever its file does (page keys). */
  siteDigest: string;
  /** Every published item, newest first. */
  items: Item[];
  /**
   * The items in the order their pages are built: those whose files changed since the last build first, so that the
   * search shards they belong to, which wait for them (`search-index.ts`), are complete early.
   */
  pageOrder: Item[];
  news: NewsItem[];
  reports: ReportItem[];
  events: EventItem[];
  upcomingEvents: EventItem[];
  pastEvents: EventItem[];
  categories: Category[];
  units: Unit[];
  byCategory: Map<string, Item[]>;
  byUnit: Map<string, Item[]>;
  byYear: Map<string, Item[]>;
  tags: Tag[];
  byTag: Map<string, Item[]>;
  /** When this build considers "now": scheduled items after it are left out. */
  now: Date;
  /**
   * In `astro dev` only, the items not published (drafts, scheduled, expired): each has its page, marked as a
   * preview and listed nowhere, so that an editor sees an article before publishing it. Empty in a build.
   */
  previews: Item[];
  /** The files of the table of published items' addresses on the portal the publication left (`old-addresses.ts`). */
  oldAddressFiles: Record<string, string>[];
}

/**
 * An item's attachments as they are on the disk now. The loader checked them when it last read the item's file; one
 * deleted or grown since then stops the build here, with the same message.
 */
function itemAttachments(entry: NewsEntry | ReportEntry | EventEntry, kind: ItemKind): ItemAttachment[] {
  if (entry.data.attachments.length === 0) return [];
  // The entry's path is relative to the project's root, where Astro runs.
  const file = path.resolve(entry.filePath ?? '');
  const problems = attachmentProblems(file, entry.data);
  if (problems.length > 0) throw new ContentFileError(entry.filePath ?? entry.id, problems.map(describeProblem));
  return entry.data.attachments.map((written) => {
    const attachment = readAttachment(fileBesideArticle(file, written.file), written.title);
    return { ...attachment, url: urls.attachment(kind, entry.id, attachment.name) };
  });
}

/** What news and reports share: a report is a news item with a period and figures. */
function articleFields(entry: NewsEntry | ReportEntry, kind: 'news' | 'report'): Omit<ItemBase, 'kind'> {
  const d = entry.data;
  return {
    id: entry.id, url: urls.item(kind, entry.id),
    title: d.title, description: d.description, date: d.pubDate.date, hasTime: d.pubDate.hasTime,
    year: yearOf(d.pubDate.date), category: d.category, tags: d.tags, unit: d.unit,
    cover: d.cover, coverAlt: d.coverAlt, featured: d.featured, attachments: itemAttachments(entry, kind),
  };
}

function newsItem(entry: NewsEntry): NewsItem {
  return { ...articleFields(entry, 'news'), kind: 'news', entry };
}

function reportItem(entry: ReportEntry): ReportItem {
  return { ...articleFields(entry, 'report'), kind: 'report', entry };
}

/** When an event is over (`eventOverAt`) and when its sign-up closes (`registrationClosesAt`). */
function eventMoments(d: EventEntry['data']): { overAt: Date; registrationClosesAt: Date } {
  const overAt = eventOverAt(d.start, d.end);
  return { overAt, registrationClosesAt: registrationClosesAt(overAt, d.registrationDeadline) };
}

function eventItem(entry: EventEntry): EventItem {
  const d = entry.data;
  const listed = d.pubDate ?? d.start;
  return {
    kind: 'event', entry, id: entry.id, url: urls.item('event', entry.id),
    title: d.title, description: d.description, date: listed.date, hasTime: listed.hasTime,
    year: yearOf(listed.date), category: d.category, tags: d.tags, unit: d.unit,
    cover: d.cover, coverAlt: d.coverAlt, featured: d.featured, attachments: itemAttachments(entry, 'event'),
    start: d.start.date, end: d.end?.date, ...eventMoments(d),
  };
}

type Publishable = { data: { draft: boolean; pubDate?: { date: Date }; expiryDate?: { date: Date } } };
const publishState = (entry: Publishable) => ({ draft: entry.data.draft, pubDate: entry.data.pubDate?.date, expiryDate: entry.data.expiryDate?.date });

async function load(): Promise<Portal> {
  const now = buildTime();
  const allNews = await getCollection('news');
  const allReports = await getCollection('reports');
  const allEvents = await getCollection('events');
  const published = (entry: Publishable) => isPublished(publishState(entry), now);
  // An old portal's address leads to one item, drafts' included: the not-found page's table could not choose.
  const claims = oldAddressProblems(
    [...allNews, ...allReports, ...allEvents].map((entry) => ({ file: entry.filePath ?? entry.id, previousUrls: entry.data.previousUrls })),
  );
  if (claims.length > 0) {
    const [{ file }] = claims;
    throw new ContentFileError(file, claims.filter((claim) => claim.file === file).map((claim) => `previousUrls: ${claim.message}`));
  }

  const unpublished = (entry: Publishable) => !published(entry);
  const previews = isDevServer()
    ? [...allNews.filter(unpublished).map(newsItem), ...allReports.filter(unpublished).map(reportItem), ...allEvents.filter(unpublished).map(eventItem)]
    : [];
  const news = newestFirst(allNews.filter(published).map(newsItem));
  const reports = newestFirst(allReports.filter(published).map(reportItem));
  const events = newestFirst(allEvents.filter(published).map(eventItem));
  const items = newestFirst<Item>([...news, ...reports, ...events]);
  reportBuildFacts({
    nextChange: nextChange(
      [...allNews, ...allReports].map(publishState).concat(
        allEvents.map((e) => {
          const moments = eventMoments(e.data);
          return {
            ...publishState(e), listedFrom: e.data.pubDate ? undefined : e.data.start.date,
            eventOverAt: moments.overAt, registrationClosesAt: moments.registrationClosesAt,
          };
        }),
      ),
      now,
    ),
    modified: new Map(
      items.flatMap((item) => {
        const modified = modifiedAt(item);
        return modified ? [[item.url, modified] as const] : [];
      }),
    ),
    moved: new Set(items.flatMap((item) => item.entry.data.previousSlugs.map((slug) => urls.item(item.kind, slug)))),
  });
  const categories = (await getCollection('categories')).sort(
    (a, b) => (a.data.menuOrder ?? 99) - (b.data.menuOrder ?? 99) || a.data.name.localeCompare(b.data.name, 'vi'),
  );
  const units = (await getCollection('units')).sort((a, b) => a.data.name.localeCompare(b.data.name, 'vi'));
  // The loader stops the build without the file; a store emptied otherwise would show pages without a name.
  const site = await getEntry('site', SITE_ID);
  if (!site) throw new ContentFileError(siteFile(), ['không đọc được tệp thông tin của cổng']);

  const byTag = groupBy(items, (item) => item.tags.map(slugify));
  const tags = [...byTag.entries()]
    .map(([slug, tagged]) => ({ slug, items: tagged, name: tagged[0].tags.find((t) => slugify(t) === slug) ?? slug }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  // During a build the search index is fed the pages as they render: every item has one article page, the only
  // pages indexed. It starts at once on the shards of the items whose files changed.
  const changed = changedEntries();
  const isChanged = (item: Item) => changed.has(`${item.entry.collection}/${item.entry.id}`);
  searchFeed()?.expect(
    items.map((item) => ({ url: item.url, month: monthOf(item.date) })),
    new Set(items.filter(isChanged).map((item) => item.url)),
  );

  // The copies of every published photo, made by the photos integration whether or not their pages render again.
  const logo = site.data.logo ? [{ photo: site.data.logo, uses: LOGO_USES, usedBy: `${site.filePath}, logo` }] : [];
  reportPhotoCopies(
    photoCopies([
      ...logo,
      ...items.flatMap((item) => [
        ...(item.cover ? [{ photo: item.cover, uses: COVER_USES, usedBy: `${item.entry.filePath}, cover` }] : []),
        ...('gallery' in item.entry.data
          ? item.entry.data.gallery.map((photo, at) => ({ photo: photo.src, uses: GALLERY_USES, usedBy: `${item.entry.filePath}, gallery[${at}]` }))
          : []),
      ]),
    ]),
  );

  const { upcoming, past } = splitEvents(events, now);
  return {
    site: site.data, siteDigest: String(site.digest ?? ''),
    items,
    pageOrder: [...items.filter(isChanged), ...items.filter((item) => !isChanged(item))],
    news, reports, events, upcomingEvents: upcoming, pastEvents: past, categories, units, tags, byTag, now, previews,
    oldAddressFiles: tableFiles(oldAddressTable(items.map((item) => ({ url: item.url, previousUrls: item.entry.data.previousUrls })))),
    byCategory: groupBy(items, (item) => [item.category]),
    byUnit: groupBy(items, (item) => [item.unit]),
    // An archive of what has happened: an upcoming event listed at its start joins its year when it starts.
    byYear: groupBy(items.filter((item) => item.date <= now), (item) => [item.year]),
  };
}

let cached: Promise<Portal> | undefined;

/** The published portal; loaded once per build. */
export function getPortal(): Promise<Portal> {
  cached ??= load();
  return cached;
}

/** Why an item is not published (`whyUnpublished`): only a preview in `astro dev` (`Portal.previews`) has a reason. */
export function unpublishedBecause(item: Item, now: Date): ReturnType<typeof whyUnpublished> {
  return whyUnpublished(publishState(item.entry), now);
}

/** When an item was published: an event listed at its start, without a publication date of its own, has none. */
export function publishedAt(item: Item): Date | undefined {
  return item.kind === 'event' ? item.entry.data.pubDate?.date : item.date;
}

/** When an item's page last changed, as its file says: its update, else its publication. */
export function modifiedAt(item: Item): Date | undefined {
  return (item.kind === 'event' ? undefined : item.entry.data.updatedDate?.date) ?? publishedAt(item);
}

export function categoryName(portal: Portal, slug: string): string {
  return portal.categories.find((c) => c.id === slug)?.data.name ?? slug;
}

/** The units that have published reports, with how many, in the units' order (by name). */
export function reportingUnits(portal: Portal): { unit: Unit; reports: number }[] {
  return portal.units
    .map((unit) => ({ unit, reports: (portal.byUnit.get(unit.id) ?? []).filter((item) => item.kind === 'report').length }))
    .filter(({ reports }) => reports > 0);
}

/** The units' figures side by side (`compareUnits`): all units', or those `among` some; the units in their order (by name). */
export function unitsFigures(portal: Portal, among?: ReadonlySet<string>) {
  const order = new Map(portal.units.map((unit, at) => [unit.id, at]));
  const reports = portal.reports
    .filter((report) => report.unit !== undefined && (!among || among.has(report.unit)))
    .sort((a, b) => order.get(a.unit!)! - order.get(b.unit!)!);
  return compareUnits(
    reports.map((report) => ({ report, unit: report.unit, owner: findUnit(portal, report.unit)!, period: report.entry.data.period, metrics: report.entry.data.metrics })),
  );
}

/** A unit as lists and tables name it: its short name, else its name. */
export function unitLabel(unit: Unit): string {
  return unit.data.shortName ?? unit.data.name;
}

export function findUnit(portal: Portal, slug: string | undefined): Unit | undefined {
  return slug ? portal.units.find((u) => u.id === slug) : undefined;
}

/** Units directly under `slug`. */
export function subUnits(portal: Portal, slug: string): Unit[] {
  return portal.units.filter((u) => u.data.parent === slug);
}

/** A published article's gallery, as the photo albums' page lists it. */
export interface PhotoAlbum {
  item: NewsItem | ReportItem;
  photos: NewsEntry['data']['gallery'];
}

/** Every published article with a gallery, newest first (events have no gallery). */
export function photoAlbums(portal: Portal): PhotoAlbum[] {
  return portal.items.flatMap((item) => (item.kind !== 'event' && item.entry.data.gallery.length > 0 ? [{ item, photos: item.entry.data.gallery }] : []));
}

/** A file attached to a published item, with that item. */
export interface AttachedDocument {
  attachment: ItemAttachment;
  item: Item;
}

/** Every published item's attachments: the newest item's first, each item's in the order it lists them. */
export function attachedDocuments(portal: Portal): AttachedDocument[] {
  // Events are listed under their announcement (or start): documents under the date their item is listed.
  return portal.items.flatMap((item) => item.attachments.map((attachment) => ({ attachment, item })));
}

export interface ArticleLinks {
  /** Next in its category, newer and older. */
  newer?: Item;
  older?: Item;
  related: Item[];
}

/** The items an article page links to besides its listings. */
export function articleLinks(portal: Portal, item: Item): ArticleLinks {
  return { ...neighbours(item, portal.byCategory.get(item.category) ?? []), related: relatedTo(portal, item) };
}

/** "Tin liên quan": items sharing tags, unit or category with `item`. */
export function relatedTo(portal: Portal, item: Item, limit = 5): Item[] {
  const groups = [
    ...item.tags.map((tag) => portal.byTag.get(slugify(tag)) ?? []),
    portal.byUnit.get(item.unit ?? '') ?? [],
    portal.byCategory.get(item.category) ?? [],
  ];
  return relatedItems(item, groups, limit);
}
