import type { Root, RootContent } from 'hast';
import { headingIds } from './slug.ts';

/**
 * Headings get ASCII ids from their text (`headingIds`: "Kết quả" → "ket-qua"), as the plain-Markdown renderer gives
 * them, so that a link to a section reads as the page's address does; an id written in HTML stays. Astro's own
 * heading ids, which come after, keep these.
 */
export function rehypeHeadingIds() {
  const textOf = (node: RootContent): string => (node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '');
  return (tree: Root) => {
    const idFor = headingIds();
    const visit = (node: RootContent) => {
      if (node.type !== 'element') return;
      if (/^h[1-6]$/.test(node.tagName)) node.properties.id ??= idFor(textOf(node));
      else node.children.forEach(visit);
    };
    tree.children.forEach(visit);
  };
}
