/** Builds the fixture site once for all browser tests and serves it on loopback. */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { FIXTURE_CONTENT, ROOT, runAstro } from '../helpers/astro';
import { serveStatic } from '../helpers/server';

export default async function setup(project: TestProject) {
  const dist = path.join(ROOT, 'tests/fixtures/site/dist-e2e');
  // One shard per year, searched a few pages at a time, so that results come year by year as on a large portal.
  const run = runAstro(['build', '--outDir', dist], FIXTURE_CONTENT, { BAN_TIN_SEARCH_SHARD_PAGES: '1', BAN_TIN_SEARCH_BATCH_PAGES: '4' });
  if (run.status !== 0) throw new Error(run.output);
  const server = await serveStatic(dist);
  project.provide('siteUrl', server.url);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
