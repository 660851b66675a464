/** Every collection editors write. The rules themselves are in `src/lib/schema.ts`. */
import { defineCollection } from 'astro:content';
import { articleLoader, dataLoader } from './lib/portal-loader';
import { dataSchemas, eventSchema, newsSchema, reportSchema } from './lib/schema';

const data = dataSchemas();

export const collections = {
  news: defineCollection({ loader: articleLoader('news'), schema: ({ image }) => newsSchema(image) }),
  reports: defineCollection({ loader: articleLoader('reports'), schema: ({ image }) => reportSchema(image) }),
  events: defineCollection({ loader: articleLoader('events'), schema: ({ image }) => eventSchema(image) }),
  units: defineCollection({ loader: dataLoader('units'), schema: data.units }),
  categories: defineCollection({ loader: dataLoader('categories'), schema: data.categories }),
};
