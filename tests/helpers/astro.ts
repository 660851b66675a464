import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURE_CONTENT = path.join(ROOT, 'tests/fixtures/site/content');
/** The present the fixtures are written for: items after it are scheduled. */
export const FIXED_NOW = '2026-11-23T10:00:00+07:00';

export interface AstroRun {
  status: number | null;
  output: string;
}

const ASTRO_CLI = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** Runs the project's Astro CLI with the Node running the tests, on a content folder. */
export function runAstro(args: string[], contentDir: string, env: Record<string, string> = {}): AstroRun {
  const result = spawnSync(process.execPath, [ASTRO_CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BAN_TIN_CONTENT: contentDir, BAN_TIN_NOW: FIXED_NOW, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    timeout: 300_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A copy of the fixture content with files added or replaced, in a temporary folder. */
export function contentWith(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const base = mkdtempSync(path.join(tmpdir(), 'ban-tin-content-'));
  const dir = path.join(base, 'content');
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return { dir, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}
