/** schema.org JSON-LD for articles and events, from plain data. */
import { toIsoVietnam } from './dates';

export interface ArticleData {
  url: string;
  title: string;
  description: string;
  published: Date;
  modified?: Date;
  author?: string;
  image?: string;
  publisher: string;
  /** The publisher's logo, an absolute URL: search engines show it beside the article. */
  publisherLogo?: string;
  section?: string;
  keywords?: readonly string[];
}

export function newsArticleJsonLd(a: ArticleData): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: a.description,
    url: a.url,
    mainEntityOfPage: a.url,
    datePublished: toIsoVietnam(a.published),
    dateModified: toIsoVietnam(a.modified ?? a.published),
    inLanguage: 'vi',
    ...(a.image && { image: [a.image] }),
    ...(a.author && { author: { '@type': 'Person', name: a.author } }),
    publisher: { '@type': 'Organization', name: a.publisher, ...(a.publisherLogo && { logo: { '@type': 'ImageObject', url: a.publisherLogo } }) },
    ...(a.section && { articleSection: a.section }),
    ...(a.keywords?.length && { keywords: a.keywords.join(', ') }),
  };
}

export interface EventData {
  url: string;
  title: string;
  description: string;
  start: Date;
  end?: Date;
  location: string;
  /** A link to the place on a map. */
  map?: string;
  organiser?: string;
  image?: string;
}

export function eventJsonLd(e: EventData): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    description: e.description,
    url: e.url,
    startDate: toIsoVietnam(e.start),
    ...(e.end && { endDate: toIsoVietnam(e.end) }),
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: 'https://schema.org/EventScheduled',
    location: { '@type': 'Place', name: e.location, address: e.location, ...(e.map && { hasMap: e.map }) },
    ...(e.organiser && { organizer: { '@type': 'Organization', name: e.organiser } }),
    ...(e.image && { image: [e.image] }),
    inLanguage: 'vi',
  };
}
