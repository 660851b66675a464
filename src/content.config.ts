/** Every collection editors write. The rules themselves are in `src/lib/schema.ts`. */
import { defineCollection } from 'astro:content';
import { knownSlugs } from './lib/content-root';
import { photoField } from './lib/photo-field';
import { articleLoader, dataLoader, siteLoader } from './lib/portal-loader';
import { dataSchemas, eventSchema, newsSchema, reportSchema, siteSchema } from './lib/schema';

const known = knownSlugs();
const data = dataSchemas(known);

export const collections = {
  news: defineCollection({ loader: articleLoader('news'), schema: newsSchema(photoField, known) }),
  reports: defineCollection({ loader: articleLoader('reports'), schema: reportSchema(photoField, known) }),
  events: defineCollection({ loader: articleLoader('events'), schema: eventSchema(photoField, known) }),
  units: defineCollection({ loader: dataLoader('units'), schema: data.units }),
  categories: defineCollection({ loader: dataLoader('categories'), schema: data.categories }),
  site: defineCollection({ loader: siteLoader(), schema: siteSchema(photoField) }),
};
