/**
 * Links and sources in an article body or its fields may go only to web pages, e-mail and phone numbers, or to the
 * portal's own pages: a `javascript:` link would run a script in the reader's browser when clicked, a `data:` one
 * could show a page of its own. Read as a browser reads them, so that entities, tabs or case cannot hide the scheme.
 */

/** Schemes a reader may follow. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** HTML attributes that hold a URL a browser follows or loads. */
export const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'background', 'xlink:href']);

/**
 * The scheme of a URL as a browser finds it (WHATWG URL: leading and trailing spaces and control characters dropped,
 * tabs and line breaks removed anywhere), lower case; undefined for a relative URL (`/tin-tuc/`, `#muc-1`, `anh.jpg`).
 */
export function urlScheme(url: string): string | undefined {
  const cleaned = url.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z\d+.-]*):/i.exec(cleaned)?.[1].toLowerCase();
}

/** True for a relative URL or one with a scheme readers may follow (`SAFE_SCHEMES`). */
export function isSafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}

/** The message for an unsafe link: the editor sees which one and what is allowed. */
export function unsafeUrlMessage(url: string): string {
  const shown = url.length > 60 ? `${url.slice(0, 57)}…` : url;
  return `liên kết "${shown}" không được phép: chỉ dùng https://, http://, mailto:, tel: hoặc đường dẫn trong cổng (/…)`;
}
