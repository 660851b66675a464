/**
 * Most article bodies are plain Markdown: paragraphs, headings, lists, emphasis and links, with no HTML, component,
 * image or GFM construct. Those are rendered here with markdown-it, several times faster than the unified pipeline
 * of `render-body.ts`, into the same HTML: headings get the same ids, blocks the same line breaks, text the same
 * escaping (`tests/unit/plain-markdown.test.ts` compares both on every sample, fixture and benchmark body). Any other
 * body returns undefined and goes the full way, which also checks it (`safe-mdx.ts`): a body whose risks need `<`,
 * `{`, `![` or an `import`, and a plain body with a link a reader should not follow (`javascript:`…).
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { bodySyntax, gfmPartsFor } from './body-syntax.ts';
import { isSafeUrl } from './safe-url.ts';
import { headingIds } from './slug.ts';
import { portalText } from './text-form.ts';

/**
 * Characters that may start what this renderer leaves to the full pipeline: HTML and components (`<`), expressions
 * (`{`), images (`![`), entities and escapes (`&`, `\`), whose text the two pipelines write differently.
 */
const NOT_PLAIN = /[<{&\\]|!\[/;

const markdown = MarkdownIt('commonmark', { html: false, xhtmlOut: false });
// markdown-it would write a `javascript:` link as plain text; every link is kept here, and a body with an unsafe one
// goes to the full pipeline, whose checks stop the build with the line (`safe-mdx.ts`).
markdown.validateLink = () => true;

// Text as hast-util-to-html writes it: only `&` and `<` escaped (a plain body has neither; kept for safety).
const escapeText = (text: string) => text.replaceAll('&', '&#x26;').replaceAll('<', '&#x3C;');
const escapeAttribute = (value: string | number) => String(value).replaceAll('&', '&#x26;').replaceAll('"', '&#x22;');

const rules = markdown.renderer.rules;
rules.text = (tokens, i) => escapeText(tokens[i].content);
rules.code_inline = (tokens, i) => `<code>${escapeText(tokens[i].content)}</code>`;
rules.code_block = (tokens, i) => `<pre><code>${escapeText(tokens[i].content)}</code></pre>\n`;
rules.fence = (tokens, i) => {
  const language = tokens[i].info.trim().split(/\s+/)[0];
  return `<pre><code${language ? ` class="language-${escapeAttribute(language)}"` : ''}>${escapeText(tokens[i].content)}</code></pre>\n`;
};
markdown.renderer.renderAttrs = (token) => (token.attrs ?? []).map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');

/** Headings get the ids the full renderer gives them (`headingIds`): the slug of their text, unique in the body. */
function setHeadingIds(tokens: Token[]): void {
  const idFor = headingIds();
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const text = (tokens[i + 1].children ?? []).map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : '')).join('');
    token.attrSet('id', idFor(text));
  });
}

/** The HTML of a plain-Markdown body, or undefined when the body needs the full pipeline. */
export function renderPlainMarkdown(body: string, filePath: string): string | undefined {
  if (bodySyntax(body, filePath) !== 'markdown' || NOT_PLAIN.test(body) || gfmPartsFor(body).length > 0) return undefined;
  const env = {};
  const tokens = markdown.parse(portalText(body), env);
  const links = tokens.flatMap((token) => token.children ?? []).filter((token) => token.type === 'link_open');
  if (links.some((link) => !isSafeUrl(String(link.attrGet('href') ?? '')))) return undefined;
  setHeadingIds(tokens);
  // markdown-it ends every block with a line break; the unified pipeline puts one between blocks.
  return markdown.renderer.render(tokens, markdown.options, env).replace(/\n$/, '');
}
