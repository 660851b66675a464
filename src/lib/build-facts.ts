/**
 * What a build learns about the portal that the build's own tools need afterwards: when the published portal will
 * change with time alone (a scheduled item, an expiry, the end of an event), so that a later build with the same
 * files can be skipped until then (`scripts/build.ts`). Set by the built site's code (`content.ts`), read by an
 * integration: they meet on a global, as the two run in different module graphs.
 */
export interface BuildFacts {
  nextChange?: Date;
}

const KEY = Symbol.for('ban-tin.build-facts');
type WithFacts = typeof globalThis & { [KEY]?: BuildFacts };

export function reportBuildFacts(facts: BuildFacts): void {
  (globalThis as WithFacts)[KEY] = facts;
}

export function buildFacts(): BuildFacts | undefined {
  return (globalThis as WithFacts)[KEY];
}
