/**
 * Wraps every Markdown table in `<div class="table-scroll">`, the element that scrolls sideways when
 * a table is wider than the page (a phone, a five-column severity table). Starlight instead makes the
 * `<table>` itself the scroller; then the only way to let a keyboard user scroll it is to give the
 * table `role="region"`, which hides its table semantics from screen readers. The wrapper takes the
 * focus and the region role instead (src/components/browser/scroll-regions.ts), only while it overflows.
 */
import type { Element, Root } from 'hast';

export const TABLE_SCROLL_CLASS = 'table-scroll';

export function rehypeTableScroll() {
  return (tree: Root) => {
    const visit = (parent: Root | Element) => {
      parent.children.forEach((child, index) => {
        if (child.type !== 'element') return;
        if (child.tagName === 'table') {
          if (!isWrapper(parent)) {
            parent.children[index] = { type: 'element', tagName: 'div', properties: { className: [TABLE_SCROLL_CLASS] }, children: [child] };
          }
          return;
        }
        visit(child);
      });
    };
    visit(tree);
  };
}

function isWrapper(node: Root | Element): boolean {
  if (node.type !== 'element') return false;
  const className = node.properties?.className;
  return Array.isArray(className) && className.includes(TABLE_SCROLL_CLASS);
}
