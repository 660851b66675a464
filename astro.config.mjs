// @ts-check
// Node loads this file and the modules it imports itself, which starts a build about 0.2 s sooner than Astro's
// fallback through Vite: their relative imports name the .ts file (tests/build/config-load.test.ts).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { rehypePortalText } from './src/lib/rehype-portal-text.ts';
import { rehypeHeadingIds } from './src/lib/rehype-heading-ids.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { decapCms } from './src/integrations/decap-cms.ts';
import { buildCacheDir } from './src/lib/content-root.ts';
import { keepOutput } from './src/integrations/keep-output.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { photos } from './src/integrations/photos.ts';
import { previews } from './src/integrations/previews.ts';
import { attachments } from './src/integrations/attachments.ts';
import { PHOTO_DIR } from './src/lib/photos.ts';

// The search index and the photos keep their own folders up to date.
const output = keepOutput({ ownedByOthers: ['pagefind', PHOTO_DIR] });

export default defineConfig({
  // Set here so that the portal's own caches (rendered bodies, search shards) are found in it at render time.
  cacheDir: buildCacheDir(),
  site: process.env.SITE_URL ?? 'https://bantin.example.gov.vn',
  trailingSlash: 'always',
  // Two items with the same URL slug stop the build instead of one silently replacing the other.
  prerenderConflictBehavior: 'error',
  // Two pages at a time: one renders while the other's files are written (pagefind indexes on the other core). Four
  // were no faster at 10,000 articles.
  build: { concurrency: 2 },
  // Astro logs two lines a page: written in batches, not a system call each (src/integrations/build-log.ts).
  logger: { entrypoint: './src/integrations/build-log.ts' },
  // Pages whose cache key (src/lib/page-keys.ts) and templates are unchanged are copied from the last build.
  experimental: { incrementalBuild: true },
  markdown: {
    // Pages written in Markdown (the editors' guide) get the articles' ASCII heading ids.
    processor: unified({ rehypePlugins: [rehypePortalText, rehypeHeadingIds] }),
    // Code samples (the editors' guide) must keep the portal's contrast.
    shikiConfig: { theme: 'github-light-high-contrast' },
  },
  integrations: [
    // First: old pages leave the output before the search index reads it.
    output.first,
    mdx(),
    sitemap({ exclude: (sitePath) => sitePath === '/404/' || sitePath.startsWith('/admin/') }),
    // Tests make small shards, searched a few pages at a time, as on a large portal.
    searchIndex({
      shardPages: Number(process.env.BAN_TIN_SEARCH_SHARD_PAGES) || undefined,
      batchPages: Number(process.env.BAN_TIN_SEARCH_BATCH_PAGES) || undefined,
    }),
    photos(),
    decapCms(),
    previews(),
    attachments(),
    output.last,
  ],
});
