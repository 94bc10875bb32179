/**
 * Brings the checklists of a runbook page to life. The HTML (labels, ids, progress line, buttons)
 * comes from the build (src/plugins/checklists.ts); this code only applies saved ticks,
 * saves changes and drives the buttons. Everything persisted goes through src/state.
 */
import { getStore, PRACTICE_ID, type Incident, type ItemRef, type Tick } from '../../state';
import type { ExportContext } from './checklist-export-panel';

// The export panel (Markdown export, copy, download) loads on the first "Export checklist" click:
// every runbook page carries this file, few readers export.
let exportPanel: Promise<typeof import('./checklist-export-panel')> | undefined;
const loadExportPanel = () => (exportPanel ??= import('./checklist-export-panel'));

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
    checklistSize: list.inputs.length,
  });

  const exportContext: ExportContext = {
    pageTitle,
    pageItemIds,
    labelOf,
    scope: () => scopeLabel(store.$active.get()),
    ticks: () => store.$active.get().ticks,
  };

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
      if (list.panel && !list.panel.hidden) void loadExportPanel().then((module) => module.fillExportPanel(list, exportContext));
    }
    const total = pageItemIds.length;
    // One short line on screen ("3 of 14 done · saved under Practice"), full sentences for screen
    // readers: "Checklists on this page: 3 of 14 done." "Ticks are saved in this browser under ...".
    fillStrip(page.querySelector('[data-checklist-page-progress]')!, [{ sr: 'Checklists on this page: ' }, `${pageDone} of ${total} done`, { sr: '.' }]);
    fillStrip(page.querySelector('[data-checklist-scope]')!, [
      { sr: 'Ticks are ' }, 'saved', { sr: ' in this browser' }, ' under ',
      ...(incident.id === PRACTICE_ID ? ['Practice', { sr: ' (no active incident)' }] : [{ sr: 'incident ' }, scopeLabel(incident)]),
      { sr: '.' },
    ]);
    page.dataset.scope = incident.id === PRACTICE_ID ? 'practice' : 'incident';
  };

  for (const list of checklists) {
    // A click or tap anywhere on an item's row (its text or the row's padding) toggles its box, as
    // a <label> would: the whole row is the tap target on a phone. Links, buttons and fields in
    // the text, code blocks and nested items keep their own behaviour; selecting text does not toggle.
    // A drag that selects text ends in a click too: it ticks nothing. (A click on text that was
    // already selected before the press still ticks.)
    let selectedAtPress = '';
    list.section.addEventListener('pointerdown', () => {
      selectedAtPress = getSelection()?.toString() ?? '';
    });
    list.section.addEventListener('click', (event) => {
      const box = rowBox(event.target as Element, list.inputs);
      if (!box || box.disabled) return;
      const selected = getSelection()?.toString() ?? '';
      if (selected && selected !== selectedAtPress) return;
      box.click();
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
    list.exportButton.addEventListener('click', () => void loadExportPanel().then((module) => module.toggleExportPanel(list, exportContext)));
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

/**
 * The checkbox of the item row a click landed on, or none when it landed on something with a
 * behaviour of its own (the box itself, a link, a button, a code block, a nested list's own space).
 */
function rowBox(target: Element, inputs: HTMLInputElement[]): HTMLInputElement | undefined {
  if (target.closest('a, button, input, textarea, select, summary, label, pre, figure, table, .expressive-code')) return undefined;
  const row = target.closest('li, ul, ol');
  if (!row || row.tagName !== 'LI') return undefined;
  return inputs.find((input) => input.closest('li') === row);
}

/** Replaces an element's content with text, `{ sr }` parts in visually hidden spans (as text, never HTML). */
function fillStrip(element: Element, parts: (string | { sr: string })[]) {
  element.replaceChildren(...parts.map((part) => {
    if (typeof part === 'string') return document.createTextNode(part);
    const span = document.createElement('span');
    span.className = 'sr-only';
    span.textContent = part.sr;
    return span;
  }));
}

/** The item's text: the element that names the checkbox (aria-labelledby). */
function textOf(input: HTMLInputElement): HTMLElement | null {
  const id = input.getAttribute('aria-labelledby');
  return id ? document.getElementById(id) : null;
}

function labelOf(input: HTMLInputElement): string {
  return (textOf(input)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
