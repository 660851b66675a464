/**
 * Which files of a kept output folder a build no longer produces. A build rewrites every asset it produces, but
 * leaves an unchanged page untouched, and copies a public file with that file's time (Astro 7.4); so a file is
 * current when it is one of this build's own (`current`: a route's output, written or kept, or a copy of a public
 * file) or when it was written during this build.
 */

/** File times may lag the clock a little; a build takes seconds to start, so the margin never spans two builds. */
export const CLOCK_MARGIN_MS = 1000;

export interface OutputFile {
  /** Path relative to the output folder. */
  file: string;
  /** Last modification, milliseconds since the epoch. */
  modified: number;
}

export function staleFiles(files: readonly OutputFile[], current: ReadonlySet<string>, buildStart: number): string[] {
  return files
    .filter(({ file, modified }) => !current.has(file) && modified < buildStart - CLOCK_MARGIN_MS)
    .map(({ file }) => file);
}
