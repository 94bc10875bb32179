/**
 * The incidents page (src/pages/incidents.astro): every incident in this browser with its duration
 * and state, and what can be done with it. Redrawn from the store on every change (another tab
 * included). A handoff link (#handoff=...) is decoded here and previewed before anything changes.
 */
import { getStore, PRACTICE_ID, type Incident } from '../../state';
import { formatDurationMs, formatTime } from '../../lib/time-format';
import { decodeHandoff, readHandoffFragment } from '../../lib/handoff-codec';
import { levelName, type SiteData, handbookOf } from '../../lib/handbook-data';
import { el, fill } from './dom';
import { loadSiteData } from './site-data';
import type { ActionContext } from './incident-actions';
import type { DeletedIncident } from '../../state/api';

export function showIncidentsPage(root: HTMLElement): void {
  const store = getStore();
  const list = root.querySelector<HTMLElement>('[data-incidents-list]')!;
  const status = root.querySelector<HTMLElement>('[data-incidents-status]')!;
  const actions = root.querySelector<HTMLElement>('[data-incidents-actions]')!;
  let data: SiteData | undefined;
  let undo: DeletedIncident | undefined;
  const say = (text: string) => fill(status, text);
  const context = (incident?: Incident): ActionContext => ({ store, incident: () => incident, say });
  const withActions = (run: (module: typeof import('./incident-actions')) => unknown) => () => void import('./incident-actions').then(run);

  fill(actions,
    el('button', { type: 'button', class: 'incident-button', onclick: withActions((a) => a.exportBackup(context())) }, 'Export backup'),
    el('button', { type: 'button', class: 'incident-button', onclick: (event: Event) => void import('./incident-actions').then((a) => a.importBackup(context(), event.currentTarget as HTMLElement)) }, 'Import backup'),
  );

  const render = () => {
    const state = store.$state.get();
    const incidents = Object.values(state.incidents)
      .filter((incident) => incident.id !== PRACTICE_ID)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    const now = Date.now();
    const rows = incidents.map((incident) => {
      const active = state.activeIncident === incident.id;
      const handbook = data ? handbookOf(data, incident.handbook) : undefined;
      const end = incident.closedAt ? Date.parse(incident.closedAt) : now;
      const button = (label: string, run: () => void, extra: Record<string, string> = {}) =>
        el('button', { type: 'button', class: 'incident-button', 'aria-label': `${label} ${incident.id}`, onclick: run, ...extra }, label);
      return el('tr', { 'data-active': active, 'data-incident-id': incident.id },
        el('th', { scope: 'row' }, el('strong', {}, incident.id), incident.title !== incident.id ? el('br') : false, incident.title !== incident.id ? incident.title : ''),
        el('td', {}, handbook?.name ?? incident.handbook ?? '—'),
        el('td', {}, incident.severity ? levelName(handbook, incident.severity) : 'Not set'),
        el('td', {}, formatTime(incident.startedAt, { withDate: true }).text),
        el('td', {}, formatDurationMs(end - Date.parse(incident.startedAt)), incident.closedAt ? '' : ' so far'),
        el('td', {}, incident.closedAt ? `Closed ${formatTime(incident.closedAt, { withDate: true }).text}` : active ? 'Active' : 'Open'),
        el('td', {},
          !incident.closedAt && !active ? button('Switch to', () => { store.switchIncident(incident.id); say(`${incident.id} is now the active incident.`); }) : false,
          incident.closedAt
            ? button('Reopen', () => { store.reopenIncident(incident.id); say(`${incident.id} reopened and active.`); })
            : button('Close', () => { store.closeIncident(incident.id); say(`${incident.id} closed.`); }),
          button('Export as Markdown', () => void import('./incident-actions').then((a) => a.exportMarkdown(context(incident), incident.id))),
          button('Delete', () => {
            undo = store.deleteIncident(incident.id);
            if (!undo) return;
            const deleted = undo;
            fill(status, `${incident.id} deleted. `, el('button', {
              type: 'button', class: 'incident-button',
              onclick: () => { say(store.restoreIncident(deleted) ? `${deleted.incident.id} restored.` : `${deleted.incident.id} could not be restored: its id is in use.`); undo = undefined; },
            }, 'Undo delete'));
          }),
        ),
      );
    });
    fill(list, incidents.length
      ? el('table', { class: 'incidents-table' },
        el('caption', { class: 'incident-sr' }, 'Incidents kept in this browser, newest first'),
        el('thead', {}, el('tr', {}, ...['Incident', 'Handbook', 'Severity', 'Started', 'Duration', 'State', 'Actions'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...rows))
      : el('p', {}, 'No incident yet. Start one with "Start incident" at the top of the page.'));
  };

  store.$state.subscribe(render);
  loadSiteData().then((loaded) => { data = loaded; render(); }).catch(() => undefined);
  void receiveHandoff(root, store, say);
}

/** A handoff link: decode the fragment, validate it like a backup, preview; import only on "Import". */
async function receiveHandoff(root: HTMLElement, store: ReturnType<typeof getStore>, say: (text: string) => void): Promise<void> {
  const encoded = readHandoffFragment(location.hash);
  if (!encoded) return;
  const box = root.querySelector<HTMLElement>('[data-incidents-handoff]')!;
  box.hidden = false;
  const [{ readHandoff, planHandoff }, actions] = await Promise.all([import('../../state/handoff'), import('./incident-actions')]);
  let payload: unknown;
  try {
    payload = await decodeHandoff(encoded);
  } catch (error) {
    return fill(box, `This handoff link cannot be read: ${(error as Error).message}. Nothing was changed. Ask for the link again, or for the handoff file.`);
  }
  const read = readHandoff(payload);
  if (!read.ok) return fill(box, `This handoff link cannot be imported: ${read.reason}. Nothing was changed.`);
  const incident = read.incident;
  fill(box,
    el('strong', {}, `Handoff: ${incident.id}`), ` ${incident.title !== incident.id ? incident.title : ''}`,
    `, started ${formatTime(incident.startedAt, { withDate: true }).text}, ${incident.timeline.length} timeline entries. `,
    el('button', {
      type: 'button', class: 'incident-button incident-button--primary',
      // The plan's dialog speaks only once it has imported: the offer has then done its job.
      onclick: (event: Event) => actions.showPlan({ store, incident: () => incident, say: (...args: Parameters<typeof say>) => { say(...args); box.hidden = true; } }, planHandoff(store, read), 'the handoff link', event.currentTarget as HTMLElement),
    }, 'Review and import'),
  );
  // The fragment has done its job: keep it out of the address so a reload does not offer it again.
  history.replaceState(history.state, '', location.pathname + location.search);
}
