/**
 * A UI string with its `{name}` placeholders filled in: on the server (`t`) and in the browser's scripts, which get
 * the strings from the page. A placeholder without a value stays as written.
 */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (values[name] === undefined ? placeholder : String(values[name])));
}
