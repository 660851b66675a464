import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { contentDir } from './content-root';
import { entryIdFromPath } from './entry-id';
import { describeProblem, duplicateSlugs, fileProblems } from './file-checks';
import { splitFrontmatter } from './frontmatter';

/** A build error that names the file first, as editors look for it. */
export class ContentFileError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentFileError';
  }
}

/**
 * Astro's glob loader with the portal's rules: the URL slug is the file name, the file name must be ASCII,
 * dates are read as written, and an unsafe MDX body stops the build before anything is compiled.
 */
export function articleLoader(collection: string): Loader {
  const inner = glob({
    base: contentDir(collection),
    pattern: '**/[^_]*.{md,mdx}',
    generateId: ({ entry }) => entryIdFromPath(entry),
  });
  return {
    name: 'ban-tin-articles',
    load: (context: LoaderContext) => {
      const duplicates = duplicateSlugs(contentDir(collection));
      if (duplicates.length > 0) throw new ContentFileError(contentDir(collection), duplicates);
      return inner.load({
        ...context,
        parseData: async (props) => {
          const filePath = props.filePath ?? props.id;
          const relative = path.relative(process.cwd(), filePath);
          const source = readFileSync(filePath, 'utf8');
          const { data, body, bodyStartLine } = splitFrontmatter(source);
          const problems = fileProblems(props.id, filePath, data, body, bodyStartLine);
          if (problems.length > 0) throw new ContentFileError(relative, problems.map(describeProblem));
          return context.parseData({ ...props, data: data as typeof props.data });
        },
      });
    },
  };
}

/** Units and categories: one YAML file each, the file name is the slug. */
export function dataLoader(collection: string): Loader {
  return glob({
    base: contentDir(collection),
    pattern: '[^_]*.{yaml,yml}',
    generateId: ({ entry }) => entryIdFromPath(entry),
  });
}
