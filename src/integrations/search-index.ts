import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

/** Builds the pagefind index from the finished site, so `npm run build` always ships search. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'ban-tin-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        const site = fileURLToPath(dir);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        logger.info(`chỉ mục tìm kiếm: ${added.page_count} trang`);
        await pagefind.close();
      },
    },
  };
}
