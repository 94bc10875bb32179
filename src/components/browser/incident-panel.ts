/**
 * The incident bar's panel ("More"): the clocks in full with "Update sent" and "Escalated", the
 * timeline (local time with UTC beside; the date once the incident spans days) with notes to edit or
 * delete (both leave a record), follow-ups to tick off, the severity, title, start time and the
 * responder's name, reminders, other incidents, and how full the browser's storage is. Loaded on
 * the first "More"; everything stored goes through src/state.
 */
import { el, fill } from './dom';
import type { BarContext } from './incident-bar';
import { isFollowUp, PRACTICE_ID, type Incident, type TimelineEntry } from '../../state';
import { formatTime, spansDays } from '../../lib/time-format';
import { levelName } from '../../lib/handbook-data';
import { localInputValue } from './incident-start';

export function renderPanel(panel: HTMLElement, context: BarContext, actionButtons: () => HTMLElement[]): void {
  const incident = context.incident();
  if (!incident) return;
  // Do not pull a field out from under the reader's cursor: re-render once they leave it.
  if (panel.contains(document.activeElement) && document.activeElement?.matches('input[type="text"], input[type="datetime-local"], textarea, select')) {
    document.activeElement.addEventListener('blur', () => renderPanel(panel, context, actionButtons), { once: true });
    return;
  }
  fill(panel,
    el('div', { class: 'incident-panel-actions' }, ...actionButtons()),
    clocks(incident, context),
    timeline(incident, context),
    followUps(incident, context),
    details(incident, context),
    others(incident, context),
  );
}

function section(title: string, ...children: (Node | string | false | undefined)[]): HTMLElement {
  return el('section', { class: 'incident-panel-section' }, el('h2', {}, title), ...children);
}

function clocks(incident: Incident, context: BarContext): HTMLElement {
  const clock = context.clock();
  const started = incident.timeline.find((entry) => entry.kind === 'started') as (TimelineEntry & { declaredAt?: string }) | undefined;
  const lines: (Node | string)[] = [
    el('p', {}, `Started ${formatTime(incident.startedAt, { withDate: true }).text}`,
      started?.declaredAt && Date.parse(started.declaredAt) - Date.parse(incident.startedAt) >= 60_000 ? `, declared ${formatTime(started.declaredAt).text}` : ''),
  ];
  if (clock) {
    const u = clock.update;
    lines.push(el('p', {},
      u.state === 'no-cadence'
        ? `Status updates: the handbook sets no update cadence${u.note ? ` (${u.note})` : ''}.`
        : `Status updates ${u.cadenceText}${u.note ? ` (${u.note})` : ''}; ${u.basis === 'last-update' ? `last sent ${formatTime(u.lastAt ?? incident.startedAt).text}` : `counting from the start, ${formatTime(incident.startedAt).text}`}; next due ${u.dueAt ? formatTime(u.dueAt).text : '—'} (${u.state}).`,
      ' ',
      el('button', { type: 'button', class: 'incident-button', onclick: () => { const entry = context.store.recordMessage(incident.id, { title: 'Status update' }); if (entry) context.say('Status update recorded: the update clock starts again.'); } }, 'Update sent'),
    ));
    lines.push(el('ol', { class: 'incident-steps' }, ...clock.escalation.steps.map((step) => el('li', { 'data-state': step.state },
      el('strong', {}, step.label), `: ${step.to}`, step.note ? ` (${step.note})` : '',
      step.dueAt ? ` — due ${formatTime(step.dueAt).text}` : '',
      ` — ${step.state === 'done' ? `done${step.doneAt ? ` ${formatTime(step.doneAt).text}` : ''}` : step.state === 'when-needed' ? 'when needed' : step.state}`,
      step.state !== 'done' && step.state !== 'closed' ? el('button', {
        type: 'button', class: 'incident-button', 'aria-label': `Escalated to ${step.to}`,
        onclick: () => { if (context.store.recordEscalation(incident.id, { to: step.to })) context.say(`Escalation to ${step.to} recorded.`); },
      }, 'Escalated') : false,
    ))));
    if (!clock.escalation.steps.length) lines.push(el('p', {}, 'No escalation steps for this level in the handbook.'));
  }
  return section('Clocks', ...lines);
}

/** One line of the timeline in words. */
function describe(entry: TimelineEntry, context: BarContext): string {
  // Read loosely: a kind added by a newer build must still show, by its name.
  const e = entry as unknown as Record<string, unknown> & { kind: string };
  const handbook = context.handbook();
  switch (e.kind) {
    case 'started': return 'Incident started';
    case 'severity': return `Severity ${e.from ? `${levelName(handbook, String(e.from))} → ` : ''}${levelName(handbook, String(e.to))}${(e.reasons as string[] | undefined)?.length ? `: ${(e.reasons as string[]).join('; ')}` : ''}`;
    case 'note': return String(e.text);
    case 'closed': return 'Incident closed';
    case 'reopened': return 'Incident reopened';
    case 'message-sent': return `Sent: ${String(e.title)}${e.channel ? ` (${String(e.channel)})` : ''}`;
    case 'checklist-completed': return `Checklist completed: ${String(e.pageTitle)} › ${String(e.heading)} (${String(e.total)} items)`;
    case 'escalated': return `Escalated to ${String(e.to)}${e.note ? ` (${String(e.note)})` : ''}`;
    default: return e.kind;
  }
}

function timeline(incident: Incident, context: BarContext): HTMLElement {
  const entries = [...incident.timeline].sort((a, b) => a.at.localeCompare(b.at));
  const withDate = spansDays(incident.startedAt, incident.closedAt ?? new Date());
  return section('Timeline',
    el('ol', { class: 'incident-timeline' }, ...entries.map((entry) => {
      const time = formatTime(entry.at, { withDate });
      const note = entry.kind === 'note' ? (entry as Extract<TimelineEntry, { kind: 'note' }>) : undefined;
      return el('li', {},
        el('time', { dateTime: entry.at }, time.text), ' ',
        el('span', { class: note?.deletedAt ? 'incident-note-deleted' : undefined }, describe(entry, context)),
        note?.edits?.length ? ' (edited)' : '',
        note?.deletedAt ? ` (deleted ${formatTime(note.deletedAt).text})` : '',
        entry.by ? ` — ${entry.by}` : '',
        note && !note.deletedAt ? noteControls(incident, note, context) : false,
      );
    })),
  );
}

function noteControls(incident: Incident, note: Extract<TimelineEntry, { kind: 'note' }>, context: BarContext): HTMLElement {
  const holder = el('span', { class: 'incident-note-controls' });
  const edit = () => {
    const id = `incident-edit-${note.id}`;
    const input = el('input', { type: 'text', id, value: note.text, maxLength: 2000 });
    fill(holder,
      el('label', { htmlFor: id, class: 'incident-sr' }, 'Edit note'), input,
      el('button', { type: 'button', class: 'incident-button', onclick: () => { input.blur(); if (context.store.editNote(incident.id, note.id, input.value)) context.say('Note changed; the earlier text is kept in the record.'); } }, 'Save'),
      el('button', { type: 'button', class: 'incident-button', onclick: () => fill(holder, ...buttons()) }, 'Cancel'),
    );
    input.focus();
  };
  const buttons = () => [
    el('button', { type: 'button', class: 'incident-button', 'aria-label': `Edit note: ${note.text.slice(0, 40)}`, onclick: edit }, 'Edit'),
    el('button', { type: 'button', class: 'incident-button', 'aria-label': `Delete note: ${note.text.slice(0, 40)}`, onclick: () => { if (context.store.deleteNote(incident.id, note.id)) context.say('Note deleted; the record shows it was.'); } }, 'Delete'),
  ];
  fill(holder, ' ', ...buttons());
  return holder;
}

function followUps(incident: Incident, context: BarContext): HTMLElement | false {
  const notes = incident.timeline.filter((entry): entry is Extract<TimelineEntry, { kind: 'note' }> => entry.kind === 'note' && !entry.deletedAt && isFollowUp(entry));
  if (!notes.length) return section('Follow-ups', el('p', {}, 'None yet. A note starting with "TODO:" becomes a follow-up, listed here until it is ticked off.'));
  const open = notes.filter((note) => !note.doneAt);
  const done = notes.filter((note) => note.doneAt);
  return section(`Follow-ups (${open.length} open)`,
    el('ul', { class: 'incident-followups' }, ...[...open, ...done].map((note) => {
      const id = `incident-followup-${note.id}`;
      return el('li', {},
        el('input', { type: 'checkbox', id, checked: Boolean(note.doneAt), onchange: (event: Event) => context.store.setFollowUpDone(incident.id, note.id, (event.target as HTMLInputElement).checked) }),
        ' ', el('label', { htmlFor: id }, note.text.replace(/^\s*todo:\s*/i, '')),
        note.doneAt ? ` (done ${formatTime(note.doneAt).text})` : '',
      );
    })),
  );
}

function details(incident: Incident, context: BarContext): HTMLElement {
  const { store } = context;
  const handbook = context.handbook();
  const severity = el('select', { id: 'incident-panel-severity' },
    el('option', { value: '', selected: !incident.severity }, 'Not set'),
    ...(handbook?.levels ?? []).map((level) => el('option', { value: level.id, selected: level.id === incident.severity }, `${level.id} · ${level.name}`)));
  const title = el('input', { type: 'text', id: 'incident-panel-title', value: incident.title, maxLength: 120 });
  const started = el('input', { type: 'datetime-local', id: 'incident-panel-started', value: localInputValue(new Date(incident.startedAt)), max: localInputValue(new Date()), step: 60 });
  const name = el('input', { type: 'text', id: 'incident-panel-name', value: store.$state.get().responder ?? '', maxLength: 80, autocomplete: 'name' });
  const remindersOn = Boolean(store.$state.get().reminders);
  const permission = typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  const reminders = el('input', {
    type: 'checkbox', id: 'incident-panel-reminders', checked: remindersOn,
    onchange: async (event: Event) => {
      const on = (event.target as HTMLInputElement).checked;
      if (on && typeof Notification !== 'undefined' && Notification.permission === 'default') await Notification.requestPermission();
      store.setReminders(on);
      if (on && typeof Notification !== 'undefined' && Notification.permission === 'denied') context.say('The browser blocks notifications for this site: the bar is your only reminder.', 'error');
    },
  });
  const usage = store.storageUsage();
  const field = (id: string, label: string, control: HTMLElement, ...after: (Node | string)[]) =>
    el('p', { class: 'incident-panel-field' }, el('label', { htmlFor: id }, label), ' ', control, ...after);
  return section('This incident',
    field('incident-panel-severity', 'Severity', severity, ' ', el('button', {
      type: 'button', class: 'incident-button',
      onclick: () => {
        if (!severity.value) return context.say('Choose a level first.', 'error');
        const change = store.setSeverity(incident.id, severity.value, { reasons: ['Set in the incident bar'] });
        context.say(change ? `Severity set to ${levelName(handbook, severity.value)}.` : 'The severity was already that level.');
      },
    }, 'Set severity'), handbook ? el('a', { href: handbook.severityHref }, ' Classify on the severity page') : ''),
    field('incident-panel-title', 'Title', title, ' ', el('button', { type: 'button', class: 'incident-button', onclick: () => { store.renameIncident(incident.id, title.value); context.say('Title changed.'); } }, 'Rename')),
    field('incident-panel-started', 'Started at (local time)', started, ' ', el('button', {
      type: 'button', class: 'incident-button',
      onclick: () => {
        const changed = store.setStartTime(incident.id, new Date(started.value));
        context.say(changed ? 'Start time changed: the clocks count from it.' : 'That start time is not valid: it cannot be empty or in the future.', changed ? 'info' : 'error');
      },
    }, 'Change')),
    field('incident-panel-name', 'Your name (recorded with ticks and notes)', name, ' ', el('button', { type: 'button', class: 'incident-button', onclick: () => { store.setResponder(name.value); context.say(name.value.trim() ? `Recording as ${name.value.trim()}.` : 'Name cleared.'); } }, 'Save')),
    el('p', { class: 'incident-panel-field' }, reminders, ' ', el('label', { htmlFor: 'incident-panel-reminders' }, 'Remind me with a browser notification when an update or escalation falls due'),
      remindersOn && permission === 'denied' ? el('strong', {}, ' Blocked by the browser: the bar is your only reminder.') : permission === 'unsupported' ? ' (not available in this browser)' : ''),
    el('p', {}, `Ticks go to ${incident.id}. Stored in this browser: ${Math.ceil(usage.chars / 1000)} k characters${usage.nearLimit ? ' — storage is nearly full: export a backup now.' : '.'}`),
  );
}

function others(incident: Incident, context: BarContext): HTMLElement {
  const { store } = context;
  const open = Object.values(store.$state.get().incidents).filter((other) => other.id !== PRACTICE_ID && other.id !== incident.id && !other.closedAt);
  const select = el('select', { id: 'incident-panel-switch' }, ...open.map((other) => el('option', { value: other.id }, `${other.id} ${other.title === other.id ? '' : other.title}`)));
  return section('Incidents',
    open.length
      ? el('p', { class: 'incident-panel-field' }, el('label', { htmlFor: 'incident-panel-switch' }, 'Switch to'), ' ', select, ' ',
        el('button', { type: 'button', class: 'incident-button', onclick: () => store.switchIncident(select.value) }, 'Switch'))
      : el('p', {}, 'No other incident is open.'),
    el('p', {}, el('a', { href: '/incidents/' }, 'All incidents'), ': switch, close, reopen, delete, export, import a handoff.'),
  );
}
