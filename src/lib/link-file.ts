import { copyFileSync, linkSync } from 'node:fs';

/** `target` as a hard link to `source`, or a copy where a link cannot be made (another device). */
export function linkFile(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}
