import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const content = path.resolve(process.env.BAN_TIN_CONTENT ?? 'content');

/** Any frontmatter is accepted; only the cover is a checked, optimised image, as in the portal. */
function articles(folder: string) {
  return defineCollection({
    loader: glob({
      base: path.join(content, folder),
      pattern: '**/*.{md,mdx}',
      generateId: ({ entry }) => entry.replace(/(\/index)?\.mdx?$/, ''),
    }),
    schema: ({ image }) => z.looseObject({ title: z.string(), cover: image().optional() }),
  });
}

export const collections = {
  news: articles('news'),
  reports: articles('reports'),
  events: articles('events'),
  categories: defineCollection({
    loader: glob({ base: path.join(content, 'categories'), pattern: '*.{yaml,yml}' }),
    schema: z.looseObject({ name: z.string() }),
  }),
};
