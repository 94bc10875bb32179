/**
 * Turns every GFM task list of a runbook into checklist markup the browser code enhances:
 * - each item gets a stable id (src/lib/checklist-id.ts) in `data-item-id`, and its checkbox is
 *   named by the item's text through `aria-labelledby` (not a `<label>`: Pagefind leaves label text
 *   out of the search index, and responders search for checklist steps; the browser code makes a
 *   click on the text toggle the box, as a label would);
 * - each top-level task list is wrapped in a `<section data-checklist>` with a progress line and
 *   the "Reset checklist" / "Export checklist" buttons;
 * - the page gets one summary line at the top.
 * Checkboxes stay `disabled` in the HTML: the page reads and prints as a plain list without
 * JavaScript, and nobody can tick an item before the saved ticks are applied.
 */
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, RootContent, Text } from 'hast';
import type { HastPluginEntry, HastVisitorContext } from 'satteri';
import { checklistId, itemIds, shortHash, splitExplicitId } from '../lib/checklist-id.ts';
import { pageIdOfFile } from '../schemas/ids.ts';

const HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'];
const BLOCKS = new Set(['ul', 'ol', 'div', 'pre', 'p', 'table', 'blockquote', 'figure', 'section', 'details', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);
const EXTENSION = /\.(md|mdx)$/;

export interface ChecklistOptions {
  /** Absolute path of the runbooks folder (content/docs); files elsewhere are left alone. */
  docsDir: string;
}

interface ItemRef {
  input: Element;
  label: Element;
  text: string;
  explicitId?: string;
}

/**
 * A Sätteri hast plugin factory: Sätteri calls it once per document and runs the plugin it returns
 * (nothing for files outside the runbooks folder). Sätteri visits matching elements in document
 * order and applies the replacements after the pass, so the nodes read here are the parsed ones.
 * Each task list is replaced by a new `<section>` subtree; the nodes it keeps (inline content,
 * code blocks) are the original ones, which Sätteri splices in without copying.
 */
export function checklists({ docsDir }: ChecklistOptions): HastPluginEntry {
  const base = docsDir.replace(/[\\/]+$/, '').replace(/\\/g, '/') + '/';
  return ({ fileURL }) => {
    if (fileURL?.protocol !== 'file:') return undefined;
    const path = fileURLToPath(fileURL).replace(/\\/g, '/');
    // Only runbooks get checklists (not templates, not other Markdown).
    if (!path.startsWith(base) || !EXTENSION.test(path)) return undefined;
    const pageId = pageIdOfFile(path.slice(base.length));
    const titleOf = (ctx: HastVisitorContext) => String((ctx.data.astro as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter?.title ?? '');

    let heading: string | undefined;
    const perHeading = new Map<string, number>();
    let lists = 0;
    let items = 0;
    const usedDomIds = new Set<string>();

    return {
      name: 'handbook-checklists',
      element: {
        filter: ['ul', 'ol', ...HEADINGS],
        visit(node, ctx) {
          // Headings and lists inside a task list are its own (collectItems), and content inside
          // MDX components (<Steps>, <Tabs>) is left alone, as it always was.
          if (!reachableFromRoot(node, ctx)) return;
          if (node.tagName[0] === 'h') {
            heading = ctx.textContent(node).trim();
            return;
          }
          if (!isTaskList(node)) return;
          const key = heading ?? '';
          const ordinal = (perHeading.get(key) ?? 0) + 1;
          perHeading.set(key, ordinal);
          const listId = checklistId(pageId, heading, ordinal);
          const refs: ItemRef[] = [];
          const list = rebuildList(node, refs);
          if (refs.length === 0) return;
          const ids = itemIds(pageId, listId, refs);
          refs.forEach((ref, i) => {
            let domId = `check-${shortHash(ids[i])}`;
            while (usedDomIds.has(domId)) domId += 'x';
            usedDomIds.add(domId);
            ref.input.properties = { type: 'checkbox', id: domId, disabled: true, dataItemId: ids[i], className: ['checklist-box'], ariaLabelledby: `${domId}-text` };
            ref.label.properties = { ...ref.label.properties, id: `${domId}-text` };
          });
          lists += 1;
          items += refs.length;
          return wrapChecklist(list, listId, heading, refs.length, `${heading ?? titleOf(ctx)}${ordinal > 1 ? ` (${ordinal})` : ''}`);
        },
      },
      after(root, ctx) {
        if (lists > 0) ctx.prependChild(root, pageSummary(pageId, titleOf(ctx), items));
      },
    };
  };
}

/**
 * True when every ancestor is a plain element that is not a task list: the elements the unified
 * version of this plugin walked (it stopped at MDX component nodes and did not enter task lists).
 */
function reachableFromRoot(node: Element, ctx: HastVisitorContext): boolean {
  for (let parent = ctx.parent(node); parent && parent.type !== 'root'; parent = ctx.parent(parent)) {
    if (parent.type !== 'element' || isTaskList(parent)) return false;
  }
  return true;
}

function isTaskList(node: Element): boolean {
  return (node.tagName === 'ul' || node.tagName === 'ol') && classes(node).includes('contains-task-list');
}

/**
 * A new copy of a task list (and its nested task lists) whose items have a label each, collecting
 * the items in document order. Parsed nodes are never changed in place (Sätteri would not see it):
 * every changed node is a new object, every unchanged one is reused.
 */
function rebuildList(list: Element, refs: ItemRef[]): Element {
  const children = list.children.map((li) => {
    if (li.type !== 'element' || li.tagName !== 'li') return li;
    const itemAt = refs.length;
    // Loose lists put the checkbox inside a <p>; tight lists put it straight in the <li>.
    const host = findCheckboxHost(li);
    let liChildren = li.children;
    if (host) {
      const hostChildren = host.element.children;
      const at = hostChildren.findIndex(isCheckbox);
      const rest = hostChildren.slice(at + 1);
      // The label takes the item's own inline content: everything up to a nested list or any other
      // block (a code block in a tight list sits right after the text, and its copy button must
      // not end up inside the label).
      const firstBlock = rest.findIndex((child) => child.type === 'element' && BLOCKS.has(child.tagName));
      const inline = firstBlock === -1 ? rest : rest.slice(0, firstBlock);
      const blocks = firstBlock === -1 ? [] : rest.slice(firstBlock);
      const { text, id } = stripExplicitId(inline);
      trimLeadingSpace(inline);
      const input: Element = { type: 'element', tagName: 'input', properties: {}, children: [] };
      const label: Element = { type: 'element', tagName: 'span', properties: { className: ['checklist-text'] }, children: inline };
      const newHostChildren = [...hostChildren.slice(0, at), input, { type: 'text', value: ' ' } as Text, label, ...blocks];
      refs.push({ input, label, text: text.trim(), explicitId: id });
      liChildren = host.isItem ? newHostChildren : li.children.map((child) => (child === host.element ? { ...copyOf(host.element), children: newHostChildren } : child));
    }
    // Nested task lists are part of this checklist, after their parent item.
    let nested = false;
    liChildren = liChildren.map((child) => {
      if (child.type !== 'element' || !isTaskList(child)) return child;
      nested = true;
      return rebuildList(child, refs);
    });
    return refs.length === itemAt && !nested ? li : { ...copyOf(li), children: liChildren };
  });
  return { ...copyOf(list), children };
}

/** A new element with the same tag and properties (a spread of a parsed node would not be new). */
function copyOf(node: Element): Element {
  return { type: 'element', tagName: node.tagName, properties: { ...node.properties }, children: [] };
}

function findCheckboxHost(li: Element): { element: Element; isItem: boolean } | undefined {
  if (li.children.some(isCheckbox)) return { element: li, isItem: true };
  const first = li.children.find((node) => node.type === 'element') as Element | undefined;
  if (first && first.tagName === 'p' && first.children.some(isCheckbox)) return { element: first, isItem: false };
  return undefined;
}

function isCheckbox(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'input' && node.properties?.type === 'checkbox';
}

/**
 * Removes a trailing `[#id]` from the item's last text node and returns the item's plain text.
 * Changes `nodes` (a new array): the changed text node is replaced by a new one.
 */
function stripExplicitId(nodes: ElementContent[]): { text: string; id?: string } {
  let at = -1;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (node.type === 'text' && node.value.trim() !== '') {
      at = i;
      break;
    }
  }
  let id: string | undefined;
  if (at !== -1) {
    const split = splitExplicitId((nodes[at] as Text).value);
    if (split.id) {
      id = split.id;
      nodes[at] = text(split.text);
    }
  }
  return { text: nodes.map(textOf).join('').replace(/\s+/g, ' '), id };
}

function trimLeadingSpace(nodes: ElementContent[]) {
  const first = nodes[0];
  if (first?.type === 'text') nodes[0] = text(first.value.replace(/^\s+/, ''));
  // Before a nested list the item's text ends in a line break; the label should not.
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') nodes[nodes.length - 1] = text(last.value.replace(/\s+$/, ''));
}

/**
 * `name` labels the region: the heading (or the page title), numbered when a heading has several lists.
 * The items come first and the bar (progress, Reset, Export) after them, so a list's first item sits
 * right under its heading, on the first screen of a phone.
 */
function wrapChecklist(list: Element, listId: string, heading: string | undefined, count: number, name: string): Element {
  list.properties = { ...list.properties, className: [...classes(list), 'checklist-items'] };
  return h('section', { className: ['checklist'], dataChecklist: listId, dataChecklistHeading: heading ?? '', ariaLabel: `Checklist: ${name}` }, [
    list,
    h('div', { className: ['checklist-bar', 'not-content'], dataPagefindIgnore: true }, [
      h('p', { className: ['checklist-progress'], role: 'status' }, [
        h('span', { dataChecklistProgress: true }, [text(`${count} ${count === 1 ? 'item' : 'items'}`)]),
      ]),
      h('div', { className: ['checklist-actions'] }, [
        h('button', { type: 'button', className: ['checklist-button'], dataChecklistReset: true }, [text('Reset checklist')]),
        h('button', { type: 'button', className: ['checklist-button'], dataChecklistExport: true, ariaExpanded: 'false' }, [text('Export checklist')]),
      ]),
    ]),
  ]);
}

/**
 * The page's one-line strip above the content: progress, where ticks are saved, and the optional
 * name behind a disclosure, so it costs one line of the first screen. Words that only a screen
 * reader needs ("Checklists on this page: ...", "Ticks are ... in this browser") are in `sr-only`
 * spans, so each part reads as a full sentence (the browser code keeps that shape).
 */
function pageSummary(pageId: string, title: string, items: number): Element {
  const sr = (value: string) => h('span', { className: ['sr-only'] }, [text(value)]);
  return h('div', { className: ['checklist-page', 'not-content'], dataChecklistPage: pageId, dataPageTitle: title, dataPagefindIgnore: true }, [
    // The HTML already says what the browser code will say with nothing ticked and no incident
    // ("0 of 14 done · saved under Practice"), and the count keeps the width of "14 of 14", so
    // applying saved ticks changes digits, never the line's layout.
    h('p', { className: ['checklist-page-progress'], role: 'status' }, [
      h('span', { dataChecklistPageProgress: true, style: `min-inline-size: ${String(items).length * 2 + 11}ch` }, [
        sr('Checklists on this page: '), text(`0 of ${items} done`), sr('.'),
      ]),
    ]),
    h('p', { className: ['checklist-scope'], dataChecklistScope: true }, [
      sr('Ticks are '), text('saved'), sr(' in this browser'), text(' under '), text('Practice'), sr(' (no active incident)'), sr('.'),
    ]),
    h('details', { className: ['checklist-responder'] }, [
      // "Your name"; a phone shows "Name" (the whole phrase is still the control's name).
      h('summary', {}, [h('span', {}, [h('span', { className: ['checklist-responder-your'] }, [text('Your ')]), text('name')])]),
      h('p', {}, [
        h('label', { htmlFor: ['checklist-responder'] }, [text('Your name (optional, recorded with your ticks)')]),
        text(' '),
        h('input', { type: 'text', id: 'checklist-responder', autoComplete: ['name'], maxLength: 80, dataChecklistResponder: true, disabled: true }, []),
      ]),
    ]),
  ]);
}

function h(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): Text {
  return { type: 'text', value };
}

function classes(node: Element): string[] {
  const value = node.properties?.className;
  return Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : String(value).split(' ');
}

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
