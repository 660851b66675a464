// @ts-check
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { rehypeNfc } from './src/lib/rehype-nfc.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { decapCms } from './src/integrations/decap-cms.ts';

// Another content folder (fixtures, benchmarks) keeps its own build cache beside it, so the cached entries
// of one site never meet the files of another.
const contentRoot = process.env.BAN_TIN_CONTENT;

export default defineConfig({
  ...(contentRoot && { cacheDir: path.resolve(contentRoot, '../.astro-cache') }),
  site: process.env.SITE_URL ?? 'https://bantin.example.gov.vn',
  trailingSlash: 'always',
  // Two items with the same URL slug stop the build instead of one silently replacing the other.
  prerenderConflictBehavior: 'error',
  // Pages whose cache key (src/lib/page-keys.ts) and templates are unchanged are copied from the last build.
  experimental: { incrementalBuild: true },
  markdown: {
    processor: unified({ rehypePlugins: [rehypeNfc] }),
    // Code samples (the editors' guide) must keep the portal's contrast.
    shikiConfig: { theme: 'github-light-high-contrast' },
  },
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !page.includes('/404') && !new URL(page).pathname.startsWith('/admin/') }),
    // Tests set a small shard size to exercise several shards on a small site.
    searchIndex({ minShardPages: Number(process.env.BAN_TIN_SEARCH_SHARD_PAGES) || undefined }),
    decapCms(),
  ],
});
