/**
 * Article bodies are written by many contributors: an MDX file must not run code on the build machine, nor a body
 * run a script in a reader's browser. Only the portal's components, plain HTML and literal values are allowed; every
 * `import`/`export`, every expression that is not a plain literal, and every link a reader should not follow
 * (`safe-url.ts`) is rejected.
 */
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Processor } from 'unified';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { bodyComponents } from './body-components.ts';
import { bodySyntax, gfmPartsFor, type BodySyntax, type GfmPart } from './body-syntax.ts';
import { isSafeUrl, unsafeUrlMessage, URL_ATTRIBUTES } from './safe-url.ts';

/** Components editors may use in a body without importing them. */
export const PORTAL_COMPONENTS = Object.keys(bodyComponents);

/**
 * HTML elements that load or run code, or change the page around the article. SVG and MathML too: their animation
 * elements can set a link's target after any check (`<animate attributeName="href" values="javascript:…">`), and
 * a body has no need of them (photos go in the gallery).
 */
const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'frame', 'frameset', 'svg', 'math']);

/** Photos of an article go through the gallery, where they get captions, alt text and responsive sizes. */
const bodyImageMessage = (url: string) =>
  `ảnh "${url}" trong thân bài không được hỗ trợ; đưa ảnh vào gallery (ảnh cuối bài) hoặc cover`;

export interface MdxProblem {
  line: number;
  message: string;
}

interface EstreeNode {
  type: string;
  [key: string]: unknown;
}

/** True when an expression is built only of literals: "x", 3, true, [1, 2], { a: "b" }, -1. */
function isLiteralExpression(node: EstreeNode | null | undefined): boolean {
  if (!node) return true;
  switch (node.type) {
    case 'Literal':
      return !(node as { regex?: unknown }).regex;
    case 'TemplateLiteral':
      return (node.expressions as unknown[]).length === 0;
    case 'UnaryExpression':
      return ['-', '+'].includes(node.operator as string) && isLiteralExpression(node.argument as EstreeNode);
    case 'ArrayExpression':
      return (node.elements as (EstreeNode | null)[]).every((el) => el !== null && isLiteralExpression(el));
    case 'ObjectExpression':
      return (node.properties as EstreeNode[]).every(
        (prop) =>
          prop.type === 'Property' &&
          !prop.computed &&
          prop.kind === 'init' &&
          !prop.method &&
          isLiteralExpression(prop.value as EstreeNode),
      );
    default:
      return false;
  }
}

/** The value of a literal-only expression (see `isLiteralExpression`). */
function valueOf(node: EstreeNode): unknown {
  switch (node.type) {
    case 'Literal':
      return node.value;
    case 'TemplateLiteral':
      return (node.quasis as { value: { cooked: string } }[])[0]?.value.cooked ?? '';
    case 'UnaryExpression': {
      const value = Number(valueOf(node.argument as EstreeNode));
      return node.operator === '-' ? -value : value;
    }
    case 'ArrayExpression':
      return (node.elements as EstreeNode[]).map(valueOf);
    case 'ObjectExpression':
      return Object.fromEntries(
        (node.properties as EstreeNode[]).map((prop) => {
          const key = prop.key as EstreeNode;
          return [key.type === 'Identifier' ? key.name : String(key.value), valueOf(prop.value as EstreeNode)];
        }),
      );
    default:
      throw new Error(`biểu thức không phải giá trị cố định (${node.type})`);
  }
}

/** The value of a `{…}` block already checked by `findUnsafeMdx`; undefined for a comment. */
export function literalValue(estree: unknown): unknown {
  const expression = expressionOf(estree);
  if (!expression) return undefined;
  if (!isLiteralExpression(expression)) throw new Error('biểu thức không phải giá trị cố định');
  return valueOf(expression);
}

/** The expression of a `{…}` block, or undefined when it holds only a comment. */
function expressionOf(estree: unknown): EstreeNode | undefined {
  const program = estree as { body?: { type: string; expression?: EstreeNode }[] } | undefined;
  const statement = program?.body?.[0];
  return statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** The parser extensions of each GFM construct a body may get (`gfmPartsFor`). */
const GFM_EXTENSIONS = {
  autolink: { syntax: gfmAutolinkLiteral, tree: gfmAutolinkLiteralFromMarkdown },
  footnote: { syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown },
  strikethrough: { syntax: gfmStrikethrough, tree: gfmStrikethroughFromMarkdown },
  table: { syntax: gfmTable, tree: gfmTableFromMarkdown },
  task: { syntax: gfmTaskListItem, tree: gfmTaskListItemFromMarkdown },
} satisfies Record<GfmPart, unknown>;

const parsers = new Map<string, Processor<Root>>();

/** The parser for a syntax and a set of GFM constructs, made once. */
export function bodyParser(syntax: BodySyntax, gfmParts: readonly GfmPart[]): Processor<Root> {
  const key = `${syntax}:${gfmParts.join(',')}`;
  let parser = parsers.get(key);
  if (!parser) {
    const parts = gfmParts.map((part) => GFM_EXTENSIONS[part]);
    const base = syntax === 'mdx' ? unified().use(remarkParse).use(remarkMdx) : unified().use(remarkParse);
    parser = base.use(function gfmParts() {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(...parts.map((part) => part.syntax()));
      (data.fromMarkdownExtensions ??= []).push(...parts.map((part) => part.tree()));
    }) as unknown as Processor<Root>;
    parsers.set(key, parser);
  }
  return parser;
}
const FORBIDDEN_HTML = new RegExp(`<\\s*(${[...FORBIDDEN_TAGS].join('|')})\\b|\\son[a-z]+\\s*=`, 'i');

export interface ParsedBody {
  syntax: BodySyntax;
  /** Absent when the body does not parse. */
  tree?: Root;
  /** Raw HTML in a Markdown body, which the renderer must parse. */
  hasHtml?: boolean;
  problems: MdxProblem[];
}

/** Parses a body once and lists every rule it breaks; the tree then goes to the renderer. */
export function parseBody(body: string, syntax: BodySyntax): ParsedBody {
  try {
    const tree = bodyParser(syntax, gfmPartsFor(body)).parse(body);
    let hasHtml = false;
    if (syntax === 'markdown') visit(tree, 'html', () => void (hasHtml = true));
    return { syntax, tree, hasHtml, problems: syntax === 'mdx' ? mdxProblems(tree) : markdownProblems(tree) };
  } catch (error) {
    const err = error as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message: string };
    // Some micromark errors carry their place only in the text: "… (3:1-3:10)".
    const fromText = /\((\d+):\d+/.exec(err.reason ?? err.message)?.[1];
    const line = err.line ?? err.place?.line ?? err.place?.start?.line ?? (fromText ? Number(fromText) : 1);
    return { syntax, problems: [{ line, message: `lỗi cú pháp MDX: ${err.reason ?? err.message}` }] };
  }
}

/** A Markdown link's or reference's target (`[x](…)`, `[x]: …`) that is not safe to follow (`safe-url.ts`). */
function unsafeLinkTarget(node: { type: string; url?: string }): string | undefined {
  return (node.type === 'link' || node.type === 'definition') && !isSafeUrl(node.url ?? '') ? node.url : undefined;
}

/** URLs in raw HTML that are not safe to follow, read as the renderer's HTML parser reads them (entities decoded). */
function unsafeHtmlUrls(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (element) => {
    for (const [name, value] of Object.entries(element.properties)) {
      const attribute = name === 'xLinkHref' ? 'xlink:href' : name.toLowerCase();
      if (URL_ATTRIBUTES.has(attribute) && typeof value === 'string' && !isSafeUrl(value)) found.push(value);
    }
  });
  return found;
}

/** The rules for plain Markdown, whose risks are raw HTML and links. */
function markdownProblems(tree: Root): MdxProblem[] {
  const problems: MdxProblem[] = [];
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    const unsafeTarget = unsafeLinkTarget(node);
    if (unsafeTarget !== undefined) problems.push({ line, message: unsafeUrlMessage(unsafeTarget) });
    if (node.type === 'html') {
      const value = (node as { value: string }).value;
      const match = FORBIDDEN_HTML.exec(value);
      if (match) problems.push({ line, message: `mã HTML "${shorten(match[0])}" không được phép trong bài viết` });
      else for (const url of unsafeHtmlUrls(value)) problems.push({ line, message: unsafeUrlMessage(url) });
    } else if (node.type === 'image') {
      const url = (node as { url?: string }).url ?? '';
      if (!/^https?:\/\//.test(url)) problems.push({ line, message: bodyImageMessage(url) });
    }
  });
  return problems;
}

/** Every rule a body breaks, by its file type; an empty list when it is safe to build. */
export function findUnsafeBody(body: string, filePath: string): MdxProblem[] {
  return parseBody(body, bodySyntax(body, filePath)).problems;
}

export const findUnsafeMarkdown = (body: string) => parseBody(body, 'markdown').problems;
export const findUnsafeMdx = (body: string) => parseBody(body, 'mdx').problems;

/** The rules for MDX: no code, only the portal's components and literal values. */
function mdxProblems(tree: Root): MdxProblem[] {
  const problems: MdxProblem[] = [];
  const allowed = new Set<string>(PORTAL_COMPONENTS);
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    const value = (node as { value?: string }).value ?? '';
    const unsafeTarget = unsafeLinkTarget(node);
    if (unsafeTarget !== undefined) problems.push({ line, message: unsafeUrlMessage(unsafeTarget) });
    switch (node.type) {
      case 'image': {
        const url = (node as { url?: string }).url ?? '';
        if (!/^https?:\/\//.test(url)) {
          problems.push({ line, message: bodyImageMessage(url) });
        }
        break;
      }
      case 'mdxjsEsm':
        problems.push({
          line,
          message: `không được dùng "import"/"export" trong bài viết (${shorten(value)}); các thành phần ${PORTAL_COMPONENTS.join(', ')} có sẵn, không cần import`,
        });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const expression = expressionOf((node as { data?: { estree?: unknown } }).data?.estree);
        if (expression && !isLiteralExpression(expression)) {
          problems.push({ line, message: `biểu thức {${shorten(value)}} không được phép: bài viết chỉ được chứa văn bản và giá trị cố định` });
        }
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const element = node as unknown as {
          name: string | null;
          attributes: { type: string; name?: string; value?: unknown }[];
        };
        const name = element.name ?? '';
        if (name === '') break; // a fragment <>…</>
        if (/^[A-Z]/.test(name) || name.includes('.')) {
          if (!allowed.has(name)) {
            problems.push({ line, message: `thành phần <${name}> không có trong cổng; dùng một trong: ${PORTAL_COMPONENTS.join(', ')}` });
          }
        } else if (FORBIDDEN_TAGS.has(name.toLowerCase())) {
          problems.push({ line, message: `thẻ <${name}> không được phép trong bài viết (dùng <Video> để nhúng video)` });
        }
        for (const attribute of element.attributes) {
          if (attribute.type === 'mdxJsxExpressionAttribute') {
            problems.push({ line, message: `thuộc tính {…} trong <${name}> không được phép` });
            continue;
          }
          if (/^on/i.test(attribute.name ?? '')) {
            problems.push({ line, message: `thuộc tính sự kiện "${attribute.name}" trong <${name}> không được phép` });
          }
          const attrValue = attribute.value as string | { type?: string; value?: string; data?: { estree?: unknown } } | null | undefined;
          let literal: unknown = attrValue;
          if (attrValue && typeof attrValue === 'object' && attrValue.type === 'mdxJsxAttributeValueExpression') {
            const expression = expressionOf(attrValue.data?.estree);
            if (!isLiteralExpression(expression)) {
              problems.push({ line, message: `giá trị {${shorten(attrValue.value ?? '')}} của thuộc tính "${attribute.name}" không được phép: chỉ dùng giá trị cố định` });
              continue;
            }
            literal = expression ? valueOf(expression) : undefined;
          }
          if (URL_ATTRIBUTES.has((attribute.name ?? '').toLowerCase()) && typeof literal === 'string' && !isSafeUrl(literal)) {
            problems.push({ line, message: unsafeUrlMessage(literal) });
          }
        }
        break;
      }
    }
  });
  return problems;
}
