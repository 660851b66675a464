/**
 * Tells the site's code whether it runs in `astro dev`, where unpublished items get preview pages
 * (`Portal.previews`): from Astro's own command, not from `import.meta.env.DEV`, which is true in a build too when
 * `NODE_ENV` is anything but "production" (a test runner's "test", a shell's "development").
 */
import type { AstroIntegration } from 'astro';
import { reportDevServer } from '../lib/build-facts.ts';

export function previews(): AstroIntegration {
  return {
    name: 'ban-tin-previews',
    hooks: {
      'astro:config:setup': ({ command }) => reportDevServer(command === 'dev'),
    },
  };
}
