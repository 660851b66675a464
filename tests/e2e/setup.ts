/** Builds the fixture site once for all browser tests and serves it on loopback. */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { FIXTURE_CONTENT, ROOT, runAstro, SMALL_SHARDS } from '../helpers/astro';
import { serveStatic } from '../helpers/server';

export default async function setup(project: TestProject) {
  const dist = path.join(ROOT, 'tests/fixtures/site/dist-e2e');
  // Small shards, so that results come a few months or years at a time as on a large portal.
  const run = runAstro(['build', '--outDir', dist], FIXTURE_CONTENT, SMALL_SHARDS);
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
