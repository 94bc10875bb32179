/**
 * A table wider than the page scrolls sideways inside its `.table-scroll` wrapper (built by
 * src/plugins/table-scroll.ts and the content components). A mouse or a finger can scroll it;
 * a keyboard can only if the wrapper takes focus. So while a wrapper overflows it becomes a named,
 * focusable region ("Table: Escalation path, scrolls sideways"), and stops being one when the page
 * is wide enough again: no extra tab stops on a desktop screen.
 */

/** The name of a scrolling table: its caption, else the nearest heading before it (or the page title), else its first header cell. */
export function tableName(wrapper: HTMLElement, heading: string | undefined): string {
  const table = wrapper.querySelector('table');
  const caption = table?.querySelector('caption')?.textContent;
  const firstHeader = table?.querySelector('th')?.textContent;
  const name = (caption || heading || firstHeader || '').replace(/\s+/g, ' ').trim();
  return `Table${name ? `: ${name}` : ''}, scrolls sideways`;
}

export function watchScrollRegions(root: ParentNode = document) {
  const names = new Map<Element, string>();
  // A table above the first content heading is named after the page.
  let heading = document.querySelector('main h1')?.textContent ?? undefined;
  // Document order: each wrapper takes the last content heading seen before it (not the sidebars'
  // own headings, such as "On this page").
  for (const node of root.querySelectorAll<HTMLElement>('.sl-markdown-content :is(h2, h3, h4, h5, h6), .table-scroll')) {
    if (node.classList.contains('table-scroll')) names.set(node, tableName(node, heading));
    else heading = node.textContent ?? undefined;
  }
  if (names.size === 0) return;

  const update = (wrapper: Element) => {
    const overflows = wrapper.scrollWidth > wrapper.clientWidth + 1;
    if (overflows) {
      wrapper.setAttribute('tabindex', '0');
      wrapper.setAttribute('role', 'region');
      wrapper.setAttribute('aria-label', names.get(wrapper)!);
    } else if (wrapper.hasAttribute('tabindex') && document.activeElement !== wrapper) {
      wrapper.removeAttribute('tabindex');
      wrapper.removeAttribute('role');
      wrapper.removeAttribute('aria-label');
    }
  };
  // Checked at once (no flash of an unreachable table), then whenever a wrapper changes size.
  names.forEach((_, wrapper) => update(wrapper));
  if ('ResizeObserver' in window) {
    const observer = new ResizeObserver((entries) => entries.forEach((entry) => update(entry.target)));
    names.forEach((_, wrapper) => observer.observe(wrapper));
  }
}
