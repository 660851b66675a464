/**
 * Node loads the portal's configuration and the integrations' modules itself, without Astro's fallback through a
 * Vite server, which starts every build about 0.2 s later: relative imports in that graph name their `.ts` file,
 * and the TypeScript there is the kind Node strips (no parameter properties, enums or namespaces).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT, ROOT } from '../helpers/astro';

describe('the configuration', () => {
  it('loads in plain Node', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', "const config = (await import('./astro.config.mjs')).default; console.log(String(config.integrations.length));"], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BAN_TIN_CONTENT: FIXTURE_CONTENT },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(Number(run.stdout.trim())).toBeGreaterThan(3);
  });

  // Astro falls back to its own logger, without a word, when the portal's cannot be loaded.
  it("names a logger that loads in plain Node and writes Astro's messages", () => {
    const script = `
      const config = (await import('./astro.config.mjs')).default;
      const { default: logger } = await import(new URL(config.logger.entrypoint, import.meta.url).href);
      logger({}).write({ label: 'content', level: 'info', message: 'Syncing content', newLine: true });`;
    const { FORCE_COLOR: _, ...environment } = process.env;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...environment, BAN_TIN_CONTENT: FIXTURE_CONTENT, NO_COLOR: '1' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d\d:\d\d:\d\d \[content\] Syncing content\n$/);
  });
});
