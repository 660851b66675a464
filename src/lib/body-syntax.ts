/**
 * What a body's text says of how it must be parsed, from its characters alone: light enough for the thread that
 * reads articles ahead of the loader (`article-reader.ts`), which must not load the parsers.
 */

export type BodySyntax = 'mdx' | 'markdown';

/**
 * `.md` files, and MDX bodies without any tag, expression, import or export (most articles), are plain Markdown:
 * the same tree, parsed several times faster.
 */
export function bodySyntax(body: string, filePath: string): BodySyntax {
  return filePath.endsWith('.md') || !/[<{]|^(?:import|export)\b/m.test(body) ? 'markdown' : 'mdx';
}

/**
 * GitHub-flavoured Markdown, each construct with the characters it cannot appear without. The constructs
 * cost most of the parsing time (autolink literals alone double it), so a body gets only those whose
 * characters it contains: the tree is the same as with all of them, parsed several times faster.
 */
export const GFM_NEEDS = {
  autolink: /www\.|:\/\/|@/i,
  footnote: /\[\^/,
  strikethrough: /~/,
  table: /\|/,
  task: /\[[\sxX]\]/,
} as const;

export type GfmPart = keyof typeof GFM_NEEDS;

/** The GFM constructs `body` may contain; `all` gives every one of them. */
export function gfmPartsFor(body: string | 'all'): GfmPart[] {
  return (Object.keys(GFM_NEEDS) as GfmPart[]).filter((part) => body === 'all' || GFM_NEEDS[part].test(body));
}
