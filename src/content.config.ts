/** Every collection editors write. The rules themselves are in `src/lib/schema.ts`. */
import { defineCollection, type ImageFunction } from 'astro:content';
import { articleLoader, dataLoader } from './lib/portal-loader';
import { dataSchemas, eventSchema, newsSchema, reportSchema, schemaForEveryFile } from './lib/schema';

const data = dataSchemas();

export const collections = {
  news: defineCollection({ loader: articleLoader('news'), schema: schemaForEveryFile((image: ImageFunction) => newsSchema(image)) }),
  reports: defineCollection({ loader: articleLoader('reports'), schema: schemaForEveryFile((image: ImageFunction) => reportSchema(image)) }),
  events: defineCollection({ loader: articleLoader('events'), schema: schemaForEveryFile((image: ImageFunction) => eventSchema(image)) }),
  units: defineCollection({ loader: dataLoader('units'), schema: data.units }),
  categories: defineCollection({ loader: dataLoader('categories'), schema: data.categories }),
};
