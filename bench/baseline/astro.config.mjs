// @ts-check
// The benchmark's baseline: the smallest plain Astro + MDX site that publishes the same content folder
// (`BAN_TIN_CONTENT`), for comparison with the portal. `npm run bench` builds it with `astro build --root bench/baseline`
// and indexes it with the pagefind CLI. It uses the repository's node_modules.
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

const content = process.env.BAN_TIN_CONTENT;
if (!content) throw new Error('bench/baseline: set BAN_TIN_CONTENT to a content folder');

export default defineConfig({
  // Beside the content folder, as the portal keeps its own cache, so the two never share one.
  cacheDir: path.resolve(content, '../.astro-cache-baseline'),
  site: 'https://baseline.example',
  trailingSlash: 'always',
  integrations: [mdx()],
});
