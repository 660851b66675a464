/**
 * The sections of an article body, for its table of contents ("Nội dung chính"): each `<h2>` of the rendered HTML
 * (`render-body.ts`, `plain-markdown.ts`), with its id and text. Read from the HTML kept for the page, without parsing
 * it: both renderers write a heading's id first and escape its text with entities alone.
 */

export interface Section {
  id: string;
  text: string;
}

/** A body shorter than this many sections has no table of contents: it would repeat what the reader sees. */
export const OUTLINE_MIN_SECTIONS = 3;

const H2 = /<h2 id="([^"]+)"[^>]*>([\s\S]*?)<\/h2>/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text of HTML: tags dropped, entities read. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#x([\da-f]+)|#(\d+)|([a-z]+));/gi, (entity, hex: string, decimal: string, name: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : decimal ? String.fromCodePoint(Number(decimal)) : (NAMED[name.toLowerCase()] ?? entity),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** The body's sections when there are `OUTLINE_MIN_SECTIONS` or more, else none. */
export function bodyOutline(html: string): Section[] {
  const sections = [...html.matchAll(H2)].map(([, id, inner]) => ({ id: plainText(id), text: plainText(inner) })).filter((section) => section.text);
  return sections.length >= OUTLINE_MIN_SECTIONS ? sections : [];
}

/** "I. Kết quả", "2. Phương hướng", "a) Chi tiết": a heading numbered by its writer. */
const OWN_NUMBER = /^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s/i;

/**
 * Whether every section carries its own number, as Vietnamese reports write them: the list then shows no numbers of
 * its own, which would read "1. I. Kết quả".
 */
export function numberedByWriter(sections: readonly Section[]): boolean {
  return sections.length > 0 && sections.every((section) => OWN_NUMBER.test(section.text));
}
