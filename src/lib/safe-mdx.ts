/**
 * Article bodies are written by many contributors: an MDX file must not run code on the build machine.
 * Only the portal's components, plain HTML and literal values are allowed; every `import`/`export`
 * and every expression that is not a plain literal is rejected.
 */
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** Components editors may use in a body without importing them. */
export const PORTAL_COMPONENTS = ['Callout', 'Video', 'Attachment', 'Figures'] as const;
export type PortalComponent = (typeof PORTAL_COMPONENTS)[number];

/** HTML elements that load or run code, or change the page around the article. */
const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'frame', 'frameset']);

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

const parser = unified().use(remarkParse).use(remarkMdx);
const markdownParser = unified().use(remarkParse);
const FORBIDDEN_HTML = new RegExp(`<\\s*(${[...FORBIDDEN_TAGS].join('|')})\\b|\\son[a-z]+\\s*=|javascript:`, 'i');

/** The same rules for plain Markdown (`.md`), whose risk is raw HTML. */
export function findUnsafeMarkdown(body: string): MdxProblem[] {
  const problems: MdxProblem[] = [];
  visit(markdownParser.parse(body), 'html', (node) => {
    const match = FORBIDDEN_HTML.exec(node.value);
    if (match) {
      problems.push({ line: node.position?.start.line ?? 1, message: `mã HTML "${shorten(match[0])}" không được phép trong bài viết` });
    }
  });
  return problems;
}

/** Checks a body by its file type. */
export function findUnsafeBody(body: string, filePath: string): MdxProblem[] {
  return filePath.endsWith('.md') ? findUnsafeMarkdown(body) : findUnsafeMdx(body);
}

/** Every rule an MDX body breaks; an empty list when it is safe to build. Parse errors are reported too. */
export function findUnsafeMdx(body: string): MdxProblem[] {
  let tree;
  try {
    tree = parser.parse(body);
  } catch (error) {
    const err = error as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message: string };
    // Some micromark errors carry their place only in the text: "… (3:1-3:10)".
    const fromText = /\((\d+):\d+/.exec(err.reason ?? err.message)?.[1];
    const line = err.line ?? err.place?.line ?? err.place?.start?.line ?? (fromText ? Number(fromText) : 1);
    return [{ line, message: `lỗi cú pháp MDX: ${err.reason ?? err.message}` }];
  }
  const problems: MdxProblem[] = [];
  const allowed = new Set<string>(PORTAL_COMPONENTS);
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    const value = (node as { value?: string }).value ?? '';
    switch (node.type) {
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
          const attrValue = attribute.value as { type?: string; value?: string; data?: { estree?: unknown } } | null | undefined;
          if (attrValue && typeof attrValue === 'object' && attrValue.type === 'mdxJsxAttributeValueExpression') {
            if (!isLiteralExpression(expressionOf(attrValue.data?.estree))) {
              problems.push({ line, message: `giá trị {${shorten(attrValue.value ?? '')}} của thuộc tính "${attribute.name}" không được phép: chỉ dùng giá trị cố định` });
            }
          }
        }
        break;
      }
    }
  });
  return problems;
}
