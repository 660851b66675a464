/** Builds the fixture site once for all browser tests and serves it on loopback. */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { FIXTURE_CONTENT, ROOT, runAstro } from '../helpers/astro';
import { serveStatic } from '../helpers/server';

export default async function setup(project: TestProject) {
  const dist = path.join(ROOT, 'tests/fixtures/site/dist-e2e');
  // Small shards, so that search merges several indexes as on a large portal.
  const run = runAstro(['build', '--outDir', dist], FIXTURE_CONTENT, { BAN_TIN_SEARCH_SHARD_PAGES: '4' });
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
