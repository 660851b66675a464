/** Every collection editors write. The rules themselves are in `src/lib/schema.ts`. */
import { defineCollection } from 'astro:content';
import { photoField } from './lib/photo-field';
import { articleLoader, dataLoader } from './lib/portal-loader';
import { dataSchemas, eventSchema, newsSchema, reportSchema } from './lib/schema';

const data = dataSchemas();

export const collections = {
  news: defineCollection({ loader: articleLoader('news'), schema: newsSchema(photoField) }),
  reports: defineCollection({ loader: articleLoader('reports'), schema: reportSchema(photoField) }),
  events: defineCollection({ loader: articleLoader('events'), schema: eventSchema(photoField) }),
  units: defineCollection({ loader: dataLoader('units'), schema: data.units }),
  categories: defineCollection({ loader: dataLoader('categories'), schema: data.categories }),
};
