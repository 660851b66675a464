import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (full paths), not descending into the folders `skip` names nor listing the files it names. */
export function filesUnder(dir: string, skip: (full: string, name: string) => boolean = () => false): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip(full, entry.name)) continue;
    if (entry.isDirectory()) found.push(...filesUnder(full, skip));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}
