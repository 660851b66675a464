import { visit } from 'unist-util-visit';
import { portalText } from './text-form.ts';

/** Every body's text in the portal's one form (`portalText`): composed, Đ for its look-alike. */
export function rehypePortalText() {
  return (tree: Parameters<typeof visit>[0]) => {
    visit(tree, 'text', (node: { value: string }) => {
      node.value = portalText(node.value);
    });
  };
}
