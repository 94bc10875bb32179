/**
 * The incident's actions, loaded on the first click of any of them: update sent, export as Markdown
 * (copy or download), backup export and import (validated, previewed, merged only after the reader
 * confirms), the handoff link, closing. Shared by the incident bar and the incidents page.
 */
import { copyText, downloadText } from './share';
import { el, fill } from './dom';
import { openDialog } from './dialog';
import { incidentToMarkdown, exportFileName } from '../../lib/incident-export';
import { encodeHandoff, fitsInChat, handoffUrl, CHAT_LINK_LIMIT } from '../../lib/handoff-codec';
import { formatTime } from '../../lib/time-format';
import { handbookOf, type SiteData } from '../../lib/handbook-data';
import { applyImport, planImport } from '../../state/import';
import { handoffPayload, readImportFile } from '../../state/handoff';
import type { Incident, StateStore } from '../../state';
import type { ImportChoice, ImportChoices, ImportPlan } from '../../state/api';
import { loadSiteData } from './site-data';

/** What every action needs: the store, the incident it acts on, and a way to say what happened. */
export interface ActionContext {
  store: StateStore;
  incident: () => Incident | undefined;
  say: (text: string, kind?: 'info' | 'error') => void;
}

const today = () => new Date().toISOString().slice(0, 10);

export function markUpdateSent(context: ActionContext): void {
  const incident = context.incident();
  if (!incident) return;
  const entry = context.store.recordMessage(incident.id, { title: 'Status update' });
  if (entry) context.say(`Status update recorded at ${formatTime(entry.at).text}: the update clock starts again.`);
}

/** The incident as Markdown, with the handbook's name and level names when the site data loads. */
export async function incidentMarkdown(incident: Incident): Promise<string> {
  let data: SiteData | undefined;
  try {
    data = await loadSiteData();
  } catch {
    data = undefined; // offline and not cached: export with ids only, never fail
  }
  const handbook = data ? handbookOf(data, incident.handbook) : undefined;
  return incidentToMarkdown({
    incident,
    ...(handbook ? { handbook: { id: handbook.id, name: handbook.name } } : incident.handbook ? { handbook: { id: incident.handbook, name: incident.handbook } } : {}),
    levelNames: Object.fromEntries((handbook?.levels ?? []).map((level) => [level.id, level.name])),
    pageUrl: (page) => new URL(page === 'index' ? '/' : `/${page}/`, location.origin).href,
    exportedAt: new Date(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
}

export async function exportMarkdown(context: ActionContext, incidentId?: string): Promise<void> {
  const incident = incidentId ? context.store.$state.get().incidents[incidentId] : context.incident();
  if (!incident) return;
  const markdown = await incidentMarkdown(incident);
  const name = exportFileName(incident, new Date());
  const status = el('p', { class: 'incident-dialog-help', role: 'status' });
  const text = el('textarea', { id: 'incident-export-text', readOnly: true, rows: 14, class: 'incident-field incident-export-text' });
  text.value = markdown;
  openDialog(`Export ${incident.id} as Markdown`, [
    el('p', { class: 'incident-dialog-field' }, el('label', { htmlFor: 'incident-export-text' }, 'The incident as Markdown, for a post-mortem or a ticket'), text),
    status,
  ], [
    { label: 'Copy', kind: 'primary', run: async () => { fill(status, (await copyText(markdown, text)) ? 'Copied to the clipboard.' : 'Could not copy: select the text and copy it by hand.'); return false; } },
    { label: `Download ${name}`, run: () => { downloadText(name, markdown, 'text/markdown'); fill(status, `Downloaded ${name}.`); return false; } },
    { label: 'Close' },
  ]);
}

export function exportBackup(context: ActionContext): void {
  const name = `incident-handbook-backup-${today()}.json`;
  downloadText(name, context.store.exportJSON(), 'application/json');
  context.say(`Backup downloaded: ${name}. It holds every incident, tick and draft kept in this browser.`);
}

/** Reads a backup or handoff file the reader picks, then previews what it would change. */
export function importBackup(context: ActionContext, opener?: HTMLElement | null): void {
  const input = el('input', { type: 'file', accept: '.json,application/json', class: 'incident-sr' });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.remove();
    if (!file) return;
    previewImport(context, await file.text(), file.name, opener);
  });
  document.body.append(input);
  input.click();
}

/** Validates a file's text and shows what importing it would change; nothing changes before "Import". */
export function previewImport(context: ActionContext, text: string, name: string, opener?: HTMLElement | null): void {
  const read = readImportFile(text);
  if (!read.ok) {
    openDialog('Nothing was imported', [el('p', {}, `${name} cannot be imported: ${read.reason}`), el('p', {}, 'Nothing in this browser was changed.')], [{ label: 'Close', kind: 'primary' }], opener);
    context.say(`Not imported: ${read.reason}`, 'error');
    return;
  }
  showPlan(context, planImport(context.store, read.backup), name, opener);
}

export function showPlan(context: ActionContext, plan: ImportPlan, name: string, opener?: HTMLElement | null): void {
  const choices: ImportChoices = { incidents: {}, drafts: {} };
  const summary = (i: { id: string; title: string; severity?: string; closedAt?: string; entries: number; ticks: number }) =>
    `${i.id} ${i.title === i.id ? '' : i.title}${i.severity ? `, ${i.severity}` : ''}${i.closedAt ? ', closed' : ''}: ${i.entries} timeline ${i.entries === 1 ? 'entry' : 'entries'}, ${i.ticks} ${i.ticks === 1 ? 'tick' : 'ticks'}`;
  const label: Record<ImportChoice, string> = { 'keep-mine': 'Keep this browser\'s', 'take-theirs': 'Take the file\'s', 'keep-both': 'Keep both (the file\'s as a copy)' };
  const body: (Node | string)[] = [el('p', {}, `What importing ${name} would change. Nothing changes until you press Import.`)];
  if (plan.added.length) {
    body.push(el('h3', {}, `Added (${plan.added.length})`), el('ul', {}, ...plan.added.map((i) => el('li', {}, summary(i), i.deletedHere ? ' (deleted in this browser: it comes back)' : ''))));
  }
  if (plan.unchanged.length) body.push(el('p', {}, `Already here, identical: ${plan.unchanged.join(', ')}.`));
  if (plan.conflicts.length) {
    body.push(el('h3', {}, `In both, different (${plan.conflicts.length}): choose for each`));
    for (const conflict of plan.conflicts) {
      choices.incidents![conflict.id] = 'keep-mine';
      body.push(el('fieldset', { class: 'incident-conflict' },
        el('legend', {}, conflict.id),
        el('ul', {}, ...conflict.differences.map((d) => el('li', {}, d))),
        ...conflict.choices.map((choice) => el('label', { class: 'incident-choice' },
          el('input', { type: 'radio', name: `conflict-${conflict.id}`, value: choice, checked: choice === 'keep-mine', onchange: () => { choices.incidents![conflict.id] = choice; } }),
          ` ${label[choice]}`)),
      ));
    }
  }
  if (plan.responder) {
    choices.responder = 'keep-mine';
    body.push(el('p', {}, `Your name here is "${plan.responder.mine ?? '(none)'}", the file's is "${plan.responder.theirs}": this browser's is kept.`));
  }
  if (plan.drafts.added.length || plan.drafts.conflicts.length) {
    body.push(el('p', {}, `Drafts: ${plan.drafts.added.length} added, ${plan.drafts.conflicts.length} different (this browser's are kept).`));
  }
  const nothing = !plan.added.length && !plan.conflicts.length && !plan.drafts.added.length;
  if (nothing) body.push(el('p', {}, 'Everything in the file is already here: there is nothing to import.'));
  openDialog(`Import ${plan.from === 'handoff' ? 'a handed-off incident' : 'a backup'}`, body, nothing ? [{ label: 'Close', kind: 'primary' }] : [
    {
      label: 'Import', kind: 'primary',
      run: () => {
        const result = applyImport(context.store, plan, choices);
        const parts = [
          result.added.length && `${result.added.length} added (${result.added.join(', ')})`,
          result.replaced.length && `${result.replaced.length} replaced`,
          result.copied.length && `${result.copied.length} kept as ${result.copied.map((c) => c.to).join(', ')}`,
          result.kept.length && `${result.kept.length} left as they were`,
        ].filter(Boolean);
        // A handed-off incident is the one the next on-call takes over: it becomes active, unless
        // they are already running another one (then "Switch to" in the list).
        const handedOff = plan.from === 'handoff' ? (result.added[0] ?? result.copied[0]?.to ?? result.replaced[0]) : undefined;
        const state = context.store.$state.get();
        if (handedOff && state.incidents[handedOff] && !state.incidents[handedOff].closedAt && !state.activeIncident) {
          context.store.switchIncident(handedOff);
          parts.push(`${handedOff} is now the active incident`);
        }
        context.say(`Imported: ${parts.join('; ') || 'nothing changed'}.`);
      },
    },
    { label: 'Cancel' },
  ], opener);
}

export async function shareIncident(context: ActionContext): Promise<void> {
  const incident = context.incident();
  if (!incident) return;
  const payload = handoffPayload(context.store, incident.id);
  if (!payload) return;
  const url = handoffUrl(location.origin, await encodeHandoff(payload));
  const fits = fitsInChat(url);
  const status = el('p', { class: 'incident-dialog-help', role: 'status' });
  const link = el('input', { type: 'text', id: 'incident-share-link', readOnly: true, class: 'incident-field', value: url });
  const fileName = `${incident.id}-handoff-${today()}.json`;
  openDialog(`Hand off ${incident.id}`, [
    el('p', {}, 'The link carries the whole incident (timeline, ticks, severity and why) after the #: it is never sent to this site\'s host. Whoever opens it sees a preview and imports it after confirming.'),
    el('p', { class: 'incident-dialog-field' }, el('label', { htmlFor: 'incident-share-link' }, 'Handoff link'), link),
    el('p', { class: 'incident-dialog-help' }, `${url.length.toLocaleString('en')} characters. `, fits ? 'Short enough to paste into chat.' : `Longer than ${CHAT_LINK_LIMIT.toLocaleString('en')} characters: chat tools may cut it. Send the file instead; it imports through "Import backup".`),
    status,
  ], [
    ...(fits ? [{ label: 'Copy link', kind: 'primary' as const, run: async () => { fill(status, (await copyText(url)) ? 'Link copied.' : 'Could not copy: select the link and copy it by hand.'); return false; } }] : []),
    { label: 'Download file', kind: fits ? undefined : 'primary', run: () => { downloadText(fileName, JSON.stringify(payload, null, 2), 'application/json'); fill(status, `Downloaded ${fileName}.`); return false; } },
    { label: 'Close' },
  ]);
}

export function closeIncident(context: ActionContext): void {
  const incident = context.incident();
  if (!incident) return;
  openDialog(`Close ${incident.id}?`, [
    el('p', {}, 'Its timeline, ticks and messages are kept: export them for the post-mortem. You can reopen it from the bar or the incidents page.'),
  ], [
    { label: 'Close incident', kind: 'danger', run: () => { context.store.closeIncident(incident.id); context.say(`${incident.id} closed.`); } },
    { label: 'Keep it open' },
  ]);
}
