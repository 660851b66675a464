import { getCollection, type CollectionEntry } from 'astro:content';

export type Article = CollectionEntry<'news'> | CollectionEntry<'reports'> | CollectionEntry<'events'>;

export interface Item {
  entry: Article;
  url: string;
  title: string;
  date: Date;
  category: string;
}

const DEFAULT_CATEGORY = { news: 'tin-tuc-su-kien', reports: 'tin-tuc-su-kien', events: 'su-kien' } as const;

/** Every article, newest first. */
export async function allItems(): Promise<Item[]> {
  const entries: Article[] = [...(await getCollection('news')), ...(await getCollection('reports')), ...(await getCollection('events'))];
  return entries
    .map((entry) => {
      const data = entry.data as Record<string, unknown>;
      return {
        entry,
        url: `/bai/${entry.collection}/${entry.id}/`,
        title: entry.data.title,
        date: new Date(String((data.pubDate ?? data.start) as string | Date)),
        category: String(data.category ?? DEFAULT_CATEGORY[entry.collection]),
      };
    })
    .sort((a, b) => b.date.getTime() - a.date.getTime());
}
