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
    checklistSize: list.inputs.length,
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
