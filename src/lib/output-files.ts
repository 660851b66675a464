/**
 * Which files of a kept output folder a build no longer produces. A build rewrites every asset it produces, but
 * leaves an unchanged page untouched, and copies a public file with that file's time; so a file is current when a
 * route of this build produced it (written or kept), when it was written during this build, or (told apart by the
 * caller, `keep-output.ts`) when it is a copy of a public file.
 */

/** File times may lag the clock a little; a build takes seconds to start, so the margin never spans two builds. */
export const CLOCK_MARGIN_MS = 1000;

export interface OutputFile {
  /** Path relative to the output folder. */
  file: string;
  /** Last modification, milliseconds since the epoch. */
  modified: number;
}

export function staleFiles(files: readonly OutputFile[], routeOutputs: ReadonlySet<string>, buildStart: number): string[] {
  return files
    .filter(({ file, modified }) => !routeOutputs.has(file) && modified < buildStart - CLOCK_MARGIN_MS)
    .map(({ file }) => file);
}
