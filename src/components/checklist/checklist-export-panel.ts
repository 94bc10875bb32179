/**
 * "Export checklist": the panel under a checklist with its Markdown, "Copy to clipboard" and
 * "Download .md". Loaded by checklists.ts on the first click, so runbook pages do not carry it.
 */
import type { Tick } from '../../state';
import { checklistToMarkdown } from '../../lib/checklist-export';
import { copyText, downloadText } from '../browser/share';

/** The parts of a checklist the panel reads (checklists.ts keeps the panel on it once built). */
export interface ExportedChecklist {
  section: HTMLElement;
  id: string;
  heading: string;
  inputs: HTMLInputElement[];
  exportButton: HTMLButtonElement;
  panel?: HTMLElement;
}

/** What the page knows: read at the moment of export, so the Markdown is never stale. */
export interface ExportContext {
  pageTitle: string;
  pageItemIds: string[];
  labelOf: (input: HTMLInputElement) => string;
  scope: () => string;
  ticks: () => Record<string, Tick>;
}

function exportMarkdown(list: ExportedChecklist, context: ExportContext): string {
  return checklistToMarkdown({
    pageTitle: context.pageTitle,
    pageUrl: location.origin + location.pathname,
    heading: list.heading,
    checklistId: list.id,
    scope: context.scope(),
    items: list.inputs.map((input) => ({ id: input.dataset.itemId!, label: context.labelOf(input), depth: depthOf(input, list.section) })),
    pageItemIds: context.pageItemIds,
    ticks: context.ticks(),
    exportedAt: new Date(),
  });
}

/** Writes the current Markdown into an open panel (after a tick, a reset, another tab's change). */
export function fillExportPanel(list: ExportedChecklist, context: ExportContext) {
  const textarea = list.panel?.querySelector('textarea');
  if (textarea) textarea.value = exportMarkdown(list, context);
}

/** Opens the panel (building it the first time) or closes it; "Export checklist" says which. */
export function toggleExportPanel(list: ExportedChecklist, context: ExportContext) {
  if (!list.panel) {
    list.panel = buildExportPanel(list, () => exportMarkdown(list, context));
    list.section.querySelector('.checklist-bar')!.after(list.panel);
  }
  const open = list.panel.hidden;
  list.panel.hidden = !open;
  list.exportButton.setAttribute('aria-expanded', String(open));
  if (open) {
    fillExportPanel(list, context);
    list.panel.querySelector<HTMLButtonElement>('button')!.focus();
  }
}

function depthOf(input: HTMLInputElement, section: HTMLElement): number {
  let depth = -1;
  for (let node: HTMLElement | null = input.closest('li'); node && node !== section; node = node.parentElement) {
    if (node.tagName === 'LI') depth += 1;
  }
  return Math.max(depth, 0);
}

function buildExportPanel(list: ExportedChecklist, markdown: () => string): HTMLElement {
  const panel = document.createElement('div');
  panel.className = 'checklist-export not-content';
  panel.hidden = true;
  panel.dataset.pagefindIgnore = '';
  const id = `${list.section.querySelector('input')?.id ?? 'checklist'}-export`;

  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = 'Checklist as Markdown';
  const textarea = document.createElement('textarea');
  textarea.id = id;
  textarea.readOnly = true;
  textarea.rows = Math.min(16, list.inputs.length + 8);
  const status = document.createElement('p');
  status.className = 'checklist-export-status';
  status.setAttribute('role', 'status');

  const copy = button('Copy to clipboard', async () => {
    const ok = await copyText(markdown(), textarea);
    status.textContent = ok ? 'Copied to the clipboard.' : 'Could not copy: select the text above and copy it by hand.';
  });
  const download = button('Download .md', () => {
    const name = (list.heading || 'checklist').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    downloadText(`${name || 'checklist'}.md`, markdown(), 'text/markdown');
    status.textContent = 'Downloaded.';
  });
  const actions = document.createElement('div');
  actions.className = 'checklist-actions';
  actions.append(copy, download);
  panel.append(label, textarea, actions, status);
  return panel;
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'checklist-button';
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}
