/** Every collection editors write. The rules themselves are in `src/lib/schema.ts`. */
import { defineCollection } from 'astro:content';
import { articleLoader, dataLoader } from './lib/portal-loader';
import { articleSchemas, dataSchemas } from './lib/schema';

const data = dataSchemas();

export const collections = {
  news: defineCollection({ loader: articleLoader('news'), schema: ({ image }) => articleSchemas(image).news }),
  reports: defineCollection({ loader: articleLoader('reports'), schema: ({ image }) => articleSchemas(image).reports }),
  events: defineCollection({ loader: articleLoader('events'), schema: ({ image }) => articleSchemas(image).events }),
  units: defineCollection({ loader: dataLoader('units'), schema: data.units }),
  categories: defineCollection({ loader: dataLoader('categories'), schema: data.categories }),
};
