/**
 * Renders an article body to HTML once, when content is loaded, instead of compiling every MDX file into a
 * JavaScript module: the result is cached by the file's digest, so a rebuild renders only changed files, and
 * no code an editor writes is ever run. Bodies are checked by `safe-mdx.ts` first.
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { Handler, State } from 'mdast-util-to-hast';
import rehypeRaw from 'rehype-raw';
import { toHtml } from 'hast-util-to-html';
import remarkRehype from 'remark-rehype';
import type { Root as Hast } from 'hast';
import type { Root as Mdast } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { bodyComponents } from './body-components';
import { rehypePortalText } from './rehype-portal-text';
import { literalValue, type ParsedBody } from './safe-mdx';
import { rehypeHeadingIds } from './rehype-heading-ids';

export interface RenderedBody {
  html: string;
}

interface JsxAttribute {
  type: string;
  name: string;
  value?: string | { type: string; data?: { estree?: unknown } } | null;
}
interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: unknown[];
}

function attributeValues(node: JsxNode): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const attribute of node.attributes) {
    const value = attribute.value;
    if (value === null || value === undefined) props[attribute.name] = true;
    else if (typeof value === 'string') props[attribute.name] = value;
    else props[attribute.name] = literalValue(value.data?.estree);
  }
  return props;
}

/** Portal components become their HTML; plain HTML elements stay elements; fragments keep their children. */
const jsxElement: Handler = (state: State, node) => {
  const jsx = node as unknown as JsxNode;
  const children = state.all(node as never) as ElementContent[];
  if (!jsx.name) return children;
  const component = bodyComponents[jsx.name];
  if (component) return component(attributeValues(jsx), children);
  const element: Element = { type: 'element', tagName: jsx.name, properties: attributeValues(jsx) as Properties, children };
  return element;
};

/** `{"text"}` renders its literal text; comments render nothing. */
const jsxExpression: Handler = (_state, node) => {
  const value = literalValue((node as { data?: { estree?: unknown } }).data?.estree);
  return value === undefined || value === null ? undefined : { type: 'text', value: String(value) };
};

interface MdastParent {
  type: string;
  children?: MdastParent[];
  value?: string;
}

/**
 * A component alone on its line (`<Callout>…</Callout>`) parses as a paragraph holding it; like MDX's own
 * compiler, unwrap such paragraphs so the component is not nested in a <p>.
 */
function remarkUnravel() {
  const unravel = (node: MdastParent) => {
    if (!node.children) return;
    node.children = node.children.flatMap((child) => {
      const inline = child.children ?? [];
      const onlyJsx =
        child.type === 'paragraph' &&
        inline.some((c) => c.type === 'mdxJsxTextElement') &&
        inline.every((c) => c.type === 'mdxJsxTextElement' || c.type === 'mdxTextExpression' || (c.type === 'text' && !c.value?.trim()));
      if (!onlyJsx) return [child];
      return inline
        .filter((c) => c.type !== 'text')
        .map((c) => ({ ...c, type: c.type === 'mdxJsxTextElement' ? 'mdxJsxFlowElement' : 'mdxFlowExpression' }));
    });
    node.children.forEach(unravel);
  };
  return (tree: MdastParent) => unravel(tree);
}

const mdxToHast = unified()
  .use(remarkUnravel)
  .use(remarkRehype, {
    handlers: { mdxJsxFlowElement: jsxElement, mdxJsxTextElement: jsxElement, mdxFlowExpression: jsxExpression, mdxTextExpression: jsxExpression, mdxjsEsm: () => undefined },
  })
  .use(rehypePortalText)
  .use(rehypeHeadingIds);

const markdownToHast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypePortalText).use(rehypeHeadingIds);
// Re-parsing the tree for raw HTML is costly; most bodies have none.
const plainToHast = unified().use(remarkRehype).use(rehypePortalText).use(rehypeHeadingIds);

/** HTML of a body parsed (and checked) by `parseBody`. */
export async function renderBody(parsed: ParsedBody, filePath: string): Promise<RenderedBody> {
  if (!parsed.tree) throw new Error('thân bài không đọc được');
  const file = new VFile({ path: filePath });
  const processor = parsed.syntax === 'mdx' ? mdxToHast : parsed.hasHtml ? markdownToHast : plainToHast;
  const hast = (await processor.run(parsed.tree as Mdast, file)) as Hast;
  return { html: toHtml(hast) };
}
