/**
 * Wraps every Markdown table in `<div class="table-scroll">`, the element that scrolls sideways when
 * a table is wider than the page (a phone, a five-column severity table). Starlight instead makes the
 * `<table>` itself the scroller; then the only way to let a keyboard user scroll it is to give the
 * table `role="region"`, which hides its table semantics from screen readers. The wrapper takes the
 * focus and the region role instead (src/components/browser/scroll-regions.ts), only while it overflows.
 * A Sätteri hast plugin: Sätteri hands it each `<table>` and puts the returned wrapper in its place.
 */
import type { Element } from 'hast';
import type { HastPluginDefinition, HastVisitorContext } from 'satteri';

export const TABLE_SCROLL_CLASS = 'table-scroll';

export function tableScroll(): HastPluginDefinition {
  return {
    name: 'handbook-table-scroll',
    element: {
      filter: ['table'],
      visit(table, ctx) {
        const parent = ctx.parent(table);
        if (isWrapper(parent) || insideComponent(table, ctx)) return;
        return { type: 'element', tagName: 'div', properties: { className: [TABLE_SCROLL_CLASS] }, children: [table] };
      },
    },
  };
}

function isWrapper(node: { type: string; properties?: Element['properties'] }): boolean {
  if (node.type !== 'element') return false;
  const className = node.properties?.className;
  return Array.isArray(className) && className.includes(TABLE_SCROLL_CLASS);
}

/**
 * Tables inside MDX components (<Tabs>, <Steps>) are left as they are, as the unified version of
 * this plugin left them (it walked elements only).
 */
function insideComponent(node: Element, ctx: HastVisitorContext): boolean {
  for (let parent = ctx.parent(node); parent && parent.type !== 'root'; parent = ctx.parent(parent)) {
    if (parent.type !== 'element') return true;
  }
  return false;
}
