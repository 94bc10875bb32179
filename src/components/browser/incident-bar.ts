/**
 * The incident bar: on every page while an incident is active, a region named "Active incident" fixed
 * at the bottom, in space the page keeps free for it (src/state/boot.ts, src/styles/incident.css), so
 * it never covers content and nothing moves when it arrives.
 *
 * It shows the id, title, severity (id and name), elapsed time, when the next status update is due
 * and the next escalation, all counting live; a note field; and the incident's actions. Plain DOM,
 * not Preact: with the page's own script it must stay inside the 20 kB budget of a runbook page, so
 * the panel (timeline, follow-ups, settings) and the actions (export, backup, share) are separate
 * modules loaded when first used. Everything stored goes through src/state; times are stored in UTC
 * and shown in the reader's time zone with UTC beside.
 */
import { getStore, PRACTICE_ID, type Incident, type StateStore } from '../../state';
import { incidentClock, type EscalationStep, type IncidentClock } from '../../lib/incident-clock';
import { formatDurationMs, formatRelative, formatTime } from '../../lib/time-format';
import { handbookOf, levelOf, type HandbookData, type SiteData } from '../../lib/handbook-data';
import { loadSiteData } from './site-data';
import { el, fill } from './dom';

/** What the panel and the actions need from the bar. */
export interface BarContext {
  store: StateStore;
  incident: () => Incident | undefined;
  handbook: () => HandbookData | undefined;
  clock: () => IncidentClock | undefined;
  data: () => SiteData | undefined;
  /** A short message in the bar ("Note added.", "Exported."); errors say so. */
  say: (text: string, kind?: 'info' | 'error') => void;
  /** Focus returns here after a dialog closes. */
  focusNote: () => void;
}

let mounted = false;

export function mountIncidentBar(): void {
  if (mounted) return;
  mounted = true;
  const store = getStore();
  let data: SiteData | undefined;
  let dataFailed = false;
  let current: Incident | undefined;
  let clock: IncidentClock | undefined;
  let closedNotice: { id: string; title: string; elapsed: number } | undefined;
  const notified = new Set<string>();

  const ids = { note: 'incident-note', panel: 'incident-panel', live: 'incident-live' };
  const idText = el('strong', { class: 'incident-id' });
  const title = el('span', { class: 'incident-title' });
  const severity = el('span', { class: 'incident-severity' });
  const elapsed = el('span', { class: 'incident-elapsed' });
  const update = el('span', { class: 'incident-clock', 'data-clock': 'update' });
  const escalation = el('span', { class: 'incident-clock', 'data-clock': 'escalation' });
  const warning = el('span', { class: 'incident-clock', 'data-state': 'overdue', hidden: true });
  let storageNearlyFull = false;
  let remindersBlocked = false;
  // Spoken only when its text changes: a state change (due, overdue, done), never the seconds.
  const live = el('p', { class: 'incident-sr', id: ids.live, role: 'status' });
  // Shown above the bar for a few seconds ("Note added to the timeline.", "Type a note first."), read out as a status.
  const message = el('p', { class: 'incident-message incident-bar-message', role: 'status' });
  let messageTimer: ReturnType<typeof setTimeout> | undefined;

  const noteInput = el('input', { type: 'text', id: ids.note, name: 'note', maxLength: 2000, autocomplete: 'off', placeholder: 'Timeline note (TODO: for a follow-up)' });
  const noteForm = el(
    'form',
    { class: 'incident-bar-note', onsubmit: (event: Event) => { event.preventDefault(); addNote(); } },
    el('label', { htmlFor: ids.note, class: 'incident-sr' }, 'Timeline note'),
    noteInput,
    el('button', { type: 'submit', class: 'incident-button' }, 'Add note'),
  );

  const action = (label: string, run: (actions: typeof import('./incident-actions'), context: BarContext) => unknown, extra: Record<string, string> = {}) =>
    el('button', {
      type: 'button', class: `incident-button${extra.class ? ` ${extra.class}` : ''}`, 'data-action': extra.action ?? label,
      onclick: () => void import('./incident-actions').then((actions) => run(actions, context)),
    }, label);
  const actionButtons = () => [
    action('Update sent', (a, c) => a.markUpdateSent(c)),
    action('Export as Markdown', (a, c) => a.exportMarkdown(c)),
    action('Export backup', (a, c) => a.exportBackup(c)),
    action('Import backup', (a, c) => a.importBackup(c)),
    action('Share incident', (a, c) => a.shareIncident(c)),
    action('Close incident', (a, c) => a.closeIncident(c), { class: 'incident-button--danger' }),
  ];
  const actions = el('div', { class: 'incident-bar-actions' }, ...actionButtons());
  const toggle = el('button', {
    type: 'button', class: 'incident-button incident-bar-toggle', 'aria-expanded': 'false', 'aria-controls': ids.panel,
    onclick: () => void togglePanel(),
  }, 'More');
  const panel = el('div', { class: 'incident-panel', id: ids.panel, hidden: true, role: 'group', 'aria-label': 'Incident details' });

  const bar = el(
    'section',
    { class: 'incident-bar not-content', id: 'incident-bar', 'aria-label': 'Active incident', 'data-pagefind-ignore': true },
    el('div', { class: 'incident-bar-status' },
      el('p', { class: 'incident-bar-line' }, idText, title, severity, elapsed),
      el('p', { class: 'incident-bar-clocks' }, update, escalation, warning),
    ),
    el('div', { class: 'incident-bar-row' }, noteForm, actions, toggle),
    live,
    message,
    panel,
  );

  let panelModule: Promise<typeof import('./incident-panel')> | undefined;
  async function togglePanel(open = panel.hidden) {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Less' : 'More';
    if (open) {
      panelModule ??= import('./incident-panel');
      (await panelModule).renderPanel(panel, context, actionButtons);
    }
  }

  // Escape closes the details, from inside them or from the bar, and gives the focus back to "More".
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || panel.hidden || event.defaultPrevented) return;
    event.preventDefault();
    void togglePanel(false);
    toggle.focus();
  };
  panel.addEventListener('keydown', closeOnEscape);
  bar.addEventListener('keydown', closeOnEscape);

  const context: BarContext = {
    store,
    incident: () => current,
    handbook: () => (data && current ? handbookOf(data, current.handbook) : undefined),
    clock: () => clock,
    data: () => data,
    say(text, kind = 'info') {
      message.dataset.kind = kind;
      message.textContent = text;
      clearTimeout(messageTimer);
      messageTimer = setTimeout(() => (message.textContent = ''), kind === 'error' ? 10_000 : 5000);
    },
    focusNote: () => noteInput.focus(),
  };

  function addNote() {
    if (!current) return;
    const entry = store.addNote(current.id, noteInput.value);
    if (!entry) return context.say('Type a note first.', 'error');
    noteInput.value = '';
    context.say(/^\s*todo:/i.test(entry.text) ? 'Follow-up added to the timeline.' : 'Note added to the timeline.');
  }

  function render() {
    const now = new Date(store.$now.get() || Date.now());
    if (!current) return;
    const handbook = context.handbook();
    const level = levelOf(handbook, current.severity);
    fill(idText, current.id);
    fill(title, current.title);
    if (current.severity) {
      fill(severity, level
        ? el('a', { class: 'level-badge', href: level.href, 'data-level': level.id }, el('span', { class: 'level-badge-id' }, level.id), el('span', { class: 'level-badge-name' }, ` · ${level.name}`))
        : current.severity);
    } else {
      fill(severity, handbook ? el('a', { href: handbook.severityHref }, 'Severity not set') : 'Severity not set');
    }
    clock = data || dataFailed
      ? incidentClock({ incident: current, level, tiers: handbook?.policy ?? [], now })
      : undefined;
    fill(elapsed, el('span', { class: 'incident-sr' }, 'Elapsed: '), formatDurationMs(clock?.elapsedMs ?? now.getTime() - Date.parse(current.startedAt)));
    if (!clock) {
      fill(update, 'Loading the handbook\'s clocks…');
      fill(escalation);
      return;
    }
    if (dataFailed && !handbook) fill(update, 'Clocks unavailable: the handbook data did not load.');
    else showUpdate(clock, now);
    showEscalation(clock.escalation.due, clock.escalation.next, clock.escalation.source, now);
    bar.dataset.attention = clock.attention;
    if (live.textContent !== `${current.id}: ${clock.announcement}`) live.textContent = `${current.id}: ${clock.announcement}`;
    remind(clock);
  }

  function showUpdate(c: IncidentClock, now: Date) {
    const u = c.update;
    update.dataset.state = u.state;
    const due = u.dueAt ? formatTime(u.dueAt).text : '';
    switch (u.state) {
      // Without a severity there is no level to take a cadence from: say what to do, not that the handbook has none.
      case 'no-cadence': return fill(update, current?.severity ? 'No update cadence set by the handbook' : 'Update cadence: set the severity');
      case 'upcoming': return fill(update, `Next update ${formatRelative(u.msLeft ?? 0)}`, el('span', { class: 'incident-sr' }, `, at ${due}, ${u.cadenceText}`));
      case 'due': return fill(update, `Update due now (${u.cadenceText})`);
      case 'overdue': return fill(update, `Update overdue by ${formatDurationMs(now.getTime() - Date.parse(u.dueAt!))}`, el('span', { class: 'incident-sr' }, `, was due at ${due}`));
      default: return fill(update);
    }
  }

  function showEscalation(due: EscalationStep[], next: EscalationStep | undefined, source: string, now: Date) {
    // Without a severity the steps are the handbook policy's tiers, each for some level: name the tier
    // ("All team members [All hands (P0)]"), so nobody reads a P0 step as this incident's.
    const who = (step: EscalationStep) => (source === 'handbook' ? `${step.to} [${step.label}]` : step.to);
    if (due.length) {
      escalation.dataset.state = due.some((step) => step.state === 'overdue') ? 'overdue' : 'due';
      // The step that has just fallen due comes first: on a phone the line is cut short, and the
      // overdue ones have been on show since they fell due.
      const newestFirst = [...due].sort((a, b) => Date.parse(b.dueAt!) - Date.parse(a.dueAt!));
      return fill(escalation, `Escalate now: ${newestFirst.map((step) => `${who(step)}${step.state === 'overdue' ? ` (overdue by ${formatDurationMs(now.getTime() - Date.parse(step.dueAt!))})` : ' (due)'}`).join('; ')}`);
    }
    escalation.dataset.state = next ? 'upcoming' : 'none';
    if (next?.dueAt) return fill(escalation, `Next escalation: ${who(next)} ${formatRelative(next.msLeft ?? 0)}`);
    fill(escalation, source === 'none' ? 'No escalation clock in the handbook' : 'No timed escalation left');
  }

  /** The warnings share one line: storage first (data is at stake), then blocked reminders. */
  function showWarning() {
    const text = [storageNearlyFull && 'Browser storage nearly full: export a backup', remindersBlocked && 'Reminders blocked by the browser: watch this bar'].filter(Boolean).join(' · ');
    warning.hidden = !text;
    fill(warning, text);
  }

  /** Opt-in browser notifications: one per update or escalation as it falls due or overdue. */
  function remind(c: IncidentClock) {
    const on = !!store.$state.get().reminders && typeof Notification !== 'undefined';
    if (remindersBlocked !== (on && Notification.permission === 'denied')) {
      remindersBlocked = !remindersBlocked;
      showWarning();
    }
    if (!on || remindersBlocked || !current) return;
    if (Notification.permission !== 'granted') return;
    const items: [string, string][] = [];
    if (c.update.state === 'due' || c.update.state === 'overdue') items.push([`update-${c.update.dueAt}-${c.update.state}`, `Status update ${c.update.state} (${c.update.cadenceText})`]);
    for (const step of c.escalation.due) items.push([`escalation-${step.to}-${step.dueAt}-${step.state}`, `Escalation ${step.state}: ${step.to}${step.note ? ` (${step.note})` : ''}`]);
    for (const [key, body] of items) {
      const tag = `${current.id}-${key}`;
      if (notified.has(tag)) continue;
      notified.add(tag);
      try {
        new Notification(`${current.id}: ${body}`, { body: current.title, tag });
      } catch {
        // Some browsers allow notifications only from a service worker; the bar still says it.
      }
    }
  }

  function show(incident: Incident) {
    const active = incident.id !== PRACTICE_ID && !incident.closedAt;
    if (!active) {
      if (current && !closedNotice) {
        // Just closed here or in another tab: say so until dismissed, with the way back.
        const state = store.$state.get().incidents[current.id];
        if (state?.closedAt) closedNotice = { id: current.id, title: current.title, elapsed: Date.parse(state.closedAt) - Date.parse(state.startedAt) };
      }
      current = undefined;
      if (closedNotice) return showClosed(closedNotice);
      bar.hidden = true;
      document.documentElement.removeAttribute('data-incident');
      return;
    }
    closedNotice = undefined;
    bar.hidden = false;
    bar.dataset.mode = 'active';
    document.documentElement.setAttribute('data-incident', 'active');
    const switched = current?.id !== incident.id;
    current = incident;
    if (switched) panel.hidden || void togglePanel(true);
    render();
    if (!panel.hidden) void panelModule?.then((module) => module.renderPanel(panel, context, actionButtons));
  }

  function showClosed(notice: { id: string; title: string; elapsed: number }) {
    bar.hidden = false;
    bar.dataset.mode = 'closed';
    // The notice keeps the bar's room until it is dismissed; the details panel has nothing left to show.
    document.documentElement.setAttribute('data-incident', 'closed');
    if (!panel.hidden) void togglePanel(false);
    bar.dataset.attention = 'ok';
    fill(idText, notice.id);
    fill(title, notice.title);
    fill(severity, 'Closed');
    fill(elapsed, formatDurationMs(notice.elapsed));
    fill(update, 'The timeline and checklists are kept: export them for the post-mortem.');
    fill(escalation);
    // No clock runs on a closed incident: nothing is due or overdue (no ⚠, no colour).
    update.dataset.state = 'closed';
    escalation.dataset.state = 'none';
    live.textContent = `${notice.id} closed.`;
    fill(actions,
      el('button', { type: 'button', class: 'incident-button', onclick: () => void import('./incident-actions').then((a) => a.exportMarkdown(context, notice.id)) }, 'Export as Markdown'),
      el('button', { type: 'button', class: 'incident-button', onclick: () => { closedNotice = undefined; store.reopenIncident(notice.id); fill(actions, ...actionButtons()); } }, 'Reopen'),
      el('button', { type: 'button', class: 'incident-button', onclick: () => { closedNotice = undefined; fill(actions, ...actionButtons()); show(store.$active.get()); } }, 'Dismiss'),
    );
  }

  // The bar goes in once its clocks can show (or after a second without the handbooks' data): a bar
  // that grew its clock lines and level name while on screen would shift what is on it.
  let placed = false;
  const place = () => {
    if (!placed) document.body.append(bar);
    placed = true;
  };
  const placeAnyway = setTimeout(place, 1000);
  store.$active.subscribe(show);
  store.$now.subscribe(() => current && render());
  store.$usage.subscribe((usage) => {
    if (storageNearlyFull === usage.nearLimit) return;
    storageNearlyFull = usage.nearLimit;
    showWarning();
  });
  loadSiteData()
    .then((loaded) => { data = loaded; })
    .catch(() => { dataFailed = true; })
    .finally(() => {
      clearTimeout(placeAnyway);
      if (current) render();
      place();
    });
}
