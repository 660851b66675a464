import rss from '@astrojs/rss';
import { t } from '../i18n/ui';
import { publishedAt, type Item } from './content';

/** An RSS feed of the newest items. */
export function feedResponse(site: URL, title: string, items: Item[], limit = 50) {
  return rss({
    title,
    description: t('site.description'),
    site,
    customData: '<language>vi</language>',
    items: items.slice(0, limit).map((item) => ({
      title: item.title,
      description: item.description,
      link: item.url,
      // An event listed at its start has no publication date: a future one would put it above the news.
      pubDate: publishedAt(item),
      categories: [...item.tags],
    })),
  });
}
