import { visit } from 'unist-util-visit';

/**
 * Text pasted from Word or typed with some keyboards is decomposed (NFD): the same word then looks equal
 * but is different bytes, and search ranks it wrongly. Every body is stored composed (NFC).
 */
export function rehypeNfc() {
  return (tree: Parameters<typeof visit>[0]) => {
    visit(tree, 'text', (node: { value: string }) => {
      node.value = node.value.normalize('NFC');
    });
  };
}
