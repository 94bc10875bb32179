/**
 * Brings the checklists of a runbook page to life. The HTML (labels, ids, progress line, buttons)
 * comes from the build (src/plugins/rehype-checklists.ts); this code only applies saved ticks,
 * saves changes and drives the buttons. Everything persisted goes through src/state.
 */
import { getStore, PRACTICE_ID, type Incident, type ItemRef, type Tick } from '../../state';
import { checklistToMarkdown } from '../../lib/checklist-export';
import { copyText, downloadText } from '../browser/share';

interface Checklist {
  section: HTMLElement;
  id: string;
  heading: string;
  inputs: HTMLInputElement[];
  progress: HTMLElement;
  exportButton: HTMLButtonElement;
  resetButton: HTMLButtonElement;
  panel?: HTMLElement;
  undo?: Record<string, Tick>;
}

export function scopeLabel(incident: Incident): string {
  return incident.id === PRACTICE_ID ? 'Practice (no active incident)' : `${incident.id} ${incident.title}`.trim();
}

export function enhanceChecklists(root: ParentNode = document) {
  const page = root.querySelector<HTMLElement>('[data-checklist-page]');
  const sections = [...root.querySelectorAll<HTMLElement>('section[data-checklist]')];
  if (!page || sections.length === 0) return;
  const store = getStore();
  const pageId = page.dataset.checklistPage!;
  const pageTitle = page.dataset.pageTitle || document.title;

  const checklists: Checklist[] = sections.map((section) => ({
    section,
    id: section.dataset.checklist!,
    heading: section.dataset.checklistHeading ?? '',
    inputs: [...section.querySelectorAll<HTMLInputElement>('input[data-item-id]')],
    progress: section.querySelector<HTMLElement>('[data-checklist-progress]')!,
    exportButton: section.querySelector<HTMLButtonElement>('[data-checklist-export]')!,
    resetButton: section.querySelector<HTMLButtonElement>('[data-checklist-reset]')!,
  }));
  const pageItemIds = checklists.flatMap((list) => list.inputs.map((input) => input.dataset.itemId!));

  const itemRef = (list: Checklist, input: HTMLInputElement): ItemRef => ({
    id: input.dataset.itemId!,
    label: labelOf(input),
    page: pageId,
    pageTitle,
    checklist: list.id,
    heading: list.heading,
  });

  const exportMarkdown = (list: Checklist) =>
    checklistToMarkdown({
      pageTitle,
      pageUrl: location.origin + location.pathname,
      heading: list.heading,
      checklistId: list.id,
      scope: scopeLabel(store.$active.get()),
      items: list.inputs.map((input) => ({ id: input.dataset.itemId!, label: labelOf(input), depth: depthOf(input, list.section) })),
      pageItemIds,
      ticks: store.$active.get().ticks,
      exportedAt: new Date(),
    });

  const render = (incident: Incident) => {
    let pageDone = 0;
    for (const list of checklists) {
      let done = 0;
      for (const input of list.inputs) {
        input.checked = Boolean(incident.ticks[input.dataset.itemId!]);
        input.disabled = false;
        if (input.checked) done += 1;
      }
      pageDone += done;
      if (!list.undo) list.progress.textContent = `${done} of ${list.inputs.length} done`;
      list.section.classList.toggle('checklist--complete', done === list.inputs.length);
      if (list.panel && !list.panel.hidden) fillPanel(list);
    }
    const total = pageItemIds.length;
    page.querySelector('[data-checklist-page-progress]')!.textContent =
      `Checklists on this page: ${pageDone} of ${total} done.`;
    page.querySelector('[data-checklist-scope]')!.textContent =
      incident.id === PRACTICE_ID
        ? 'Ticks are saved in this browser under Practice (no active incident).'
        : `Ticks are saved in this browser under incident ${scopeLabel(incident)}.`;
    page.dataset.scope = incident.id === PRACTICE_ID ? 'practice' : 'incident';
  };

  const fillPanel = (list: Checklist) => {
    const textarea = list.panel!.querySelector('textarea')!;
    textarea.value = exportMarkdown(list);
  };

  const openPanel = (list: Checklist) => {
    if (!list.panel) {
      list.panel = buildExportPanel(list, () => exportMarkdown(list));
      list.section.querySelector('.checklist-bar')!.after(list.panel);
    }
    const open = list.panel.hidden;
    list.panel.hidden = !open;
    list.exportButton.setAttribute('aria-expanded', String(open));
    if (open) {
      fillPanel(list);
      list.panel.querySelector<HTMLButtonElement>('button')!.focus();
    }
  };

  for (const list of checklists) {
    // A click on an item's text toggles its box, as a <label> would; links and buttons in the
    // text keep their own behaviour, and selecting text does not toggle.
    list.section.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      const text = target.closest<HTMLElement>('.checklist-text');
      if (!text || target.closest('a, button, input, textarea, select') || getSelection()?.toString()) return;
      const input = list.inputs.find((box) => box.getAttribute('aria-labelledby') === text.id);
      if (input && !input.disabled) input.click();
    });
    list.section.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      if (!input.matches('input[data-item-id]')) return;
      clearUndo(list);
      store.setTick(itemRef(list, input), input.checked);
    });
    list.resetButton.addEventListener('click', () => {
      const ticks = store.$active.get().ticks;
      const removed = Object.fromEntries(Object.entries(ticks).filter(([, tick]) => tick.checklist === list.id));
      if (Object.keys(removed).length === 0) return;
      store.resetChecklist(list.id);
      offerUndo(list, removed, () => store.restoreTicks(removed));
    });
    list.exportButton.addEventListener('click', () => openPanel(list));
  }

  const clearUndo = (list: Checklist) => {
    if (!list.undo) return;
    list.undo = undefined;
    render(store.$active.get());
  };

  const offerUndo = (list: Checklist, removed: Record<string, Tick>, restore: () => void) => {
    list.undo = removed;
    const count = Object.keys(removed).length;
    list.progress.textContent = `Checklist reset: ${count} ${count === 1 ? 'tick' : 'ticks'} cleared. `;
    const undo = document.createElement('button');
    undo.type = 'button';
    undo.className = 'checklist-link-button';
    undo.textContent = 'Undo reset';
    undo.addEventListener('click', () => {
      list.undo = undefined;
      restore();
      list.resetButton.focus();
    });
    list.progress.append(undo);
  };

  const responder = page.querySelector<HTMLInputElement>('[data-checklist-responder]');
  if (responder) {
    responder.value = store.$state.get().responder ?? '';
    responder.disabled = false;
    responder.addEventListener('change', () => store.setResponder(responder.value));
    store.$state.listen((state) => {
      if (document.activeElement !== responder) responder.value = state.responder ?? '';
    });
  }

  store.$active.subscribe(render);
}

/** The item's text: the element that names the checkbox (aria-labelledby). */
function textOf(input: HTMLInputElement): HTMLElement | null {
  const id = input.getAttribute('aria-labelledby');
  return id ? document.getElementById(id) : null;
}

function labelOf(input: HTMLInputElement): string {
  return (textOf(input)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function depthOf(input: HTMLInputElement, section: HTMLElement): number {
  let depth = -1;
  for (let node: HTMLElement | null = input.closest('li'); node && node !== section; node = node.parentElement) {
    if (node.tagName === 'LI') depth += 1;
  }
  return Math.max(depth, 0);
}

function buildExportPanel(list: Checklist, markdown: () => string): HTMLElement {
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
