/**
 * A value as JSON for the content of an inline `<script>` (JSON-LD, the search page's data). JSON leaves `<` as it
 * is, so a title with "</script>" in it would end the element and let the rest run as HTML; `\u003c` reads back the
 * same.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}
