/**
 * "Start incident": the dialog behind the header button. Title, handbook (the page's by default),
 * an optional severity (it can be set later, or with the classifier), and when it began, which may
 * be earlier than now: incidents are often declared minutes after they started. Loaded on the first
 * click, so pages carry none of it. Everything stored goes through src/state.
 */
import { getStore } from '../../state';
import { handbookOf, type SiteData } from '../../lib/handbook-data';
import { loadSiteData } from './site-data';
import { el, fill } from './dom';
import { localInputValue } from '../../lib/time-format';

let dialog: HTMLDialogElement | undefined;

export { localInputValue } from '../../lib/time-format';

export async function openStartDialog(button: HTMLElement): Promise<void> {
  let data: SiteData | undefined;
  try {
    data = await loadSiteData();
  } catch {
    data = undefined; // started without the handbooks' data: no handbook list, no levels; still works.
  }
  dialog ??= build(data);
  const form = dialog.querySelector('form')!;
  form.reset();
  const handbook = dialog.querySelector<HTMLSelectElement>('[name="handbook"]')!;
  const pageHandbook = button.dataset.handbook;
  if (pageHandbook && [...handbook.options].some((o) => o.value === pageHandbook)) handbook.value = pageHandbook;
  handbook.dispatchEvent(new Event('change'));
  const started = dialog.querySelector<HTMLInputElement>('[name="startedAt"]')!;
  const now = new Date();
  opened = { at: now, offered: localInputValue(now) };
  started.value = opened.offered;
  started.max = opened.offered;
  started.dispatchEvent(new Event('input'));
  fill(dialog.querySelector('[data-start-error]')!);
  dialog.showModal();
  dialog.querySelector<HTMLInputElement>('[name="title"]')!.focus();
  dialog.addEventListener('close', () => button.focus(), { once: true });
}

/** When the dialog opened, and the start time it offered: left as offered, the incident starts then, to the second. */
let opened = { at: new Date(), offered: '' };

/**
 * The instant a local date and time means. In the hour repeated when clocks go back, "01:20" is two
 * instants an hour apart; the browser picks the first, so an incident started at the second 01:20
 * would be an hour old at once. Of the readings that give back the same local time, the latest one
 * not in the future wins (an incident is declared after it starts, rarely an hour after).
 */
export function instantOf(value: string, now: Date): Date {
  const first = new Date(value);
  if (Number.isNaN(first.getTime())) return first;
  const readings = [first, new Date(first.getTime() + 3_600_000)].filter((at) => localInputValue(at) === localInputValue(first));
  const past = readings.filter((at) => at.getTime() <= now.getTime() + 60_000);
  return past.at(-1) ?? first;
}

function build(data: SiteData | undefined): HTMLDialogElement {
  const handbooks = data?.handbooks ?? [];
  const severity = el('select', { id: 'start-incident-severity', name: 'severity' });
  const severityHelp = el('p', { class: 'incident-dialog-help', id: 'start-incident-severity-help' });
  const handbook = el(
    'select',
    {
      id: 'start-incident-handbook', name: 'handbook',
      onchange: () => {
        const chosen = handbookOf(data ?? { handbooks: [] }, handbook.value);
        fill(severity, el('option', { value: '' }, 'Not set yet'), ...(chosen?.levels ?? []).map((level) => el('option', { value: level.id }, `${level.id} · ${level.name}`)));
        fill(severityHelp, 'Not sure? ', chosen ? el('a', { href: chosen.severityHref }, 'Classify it on the severity page') : 'Classify it on the handbook\'s severity page', '; you can set it later.');
      },
    },
    ...handbooks.map((h) => el('option', { value: h.id }, h.name)),
  );
  const utc = el('p', { class: 'incident-dialog-help', id: 'start-incident-utc', 'aria-live': 'polite' });
  const started = el('input', {
    type: 'datetime-local', id: 'start-incident-started', name: 'startedAt', required: true, step: 60,
    'aria-describedby': 'start-incident-utc',
    oninput: () => {
      const at = started.value === opened.offered ? opened.at : instantOf(started.value, new Date());
      fill(utc, Number.isNaN(at.getTime()) ? 'Enter a date and time.' : `In UTC: ${at.toISOString().slice(0, 16).replace('T', ' ')}. Your time zone: ${Intl.DateTimeFormat().resolvedOptions().timeZone}.`);
    },
  });
  const error = el('p', { class: 'incident-dialog-error', role: 'alert', 'data-start-error': true });
  const form = el(
    'form',
    {
      method: 'dialog',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const at = started.value === opened.offered ? opened.at : instantOf(started.value, new Date());
        if (Number.isNaN(at.getTime())) return fill(error, 'When did it start? Enter a date and time.');
        if (at.getTime() > Date.now() + 60_000) return fill(error, 'The start time is in the future: an incident starts now or earlier.');
        const title = (form.elements.namedItem('title') as HTMLInputElement).value;
        try {
          getStore().startIncident({
            title,
            ...(handbook.value ? { handbook: handbook.value } : {}),
            ...(severity.value ? { severity: severity.value } : {}),
            startedAt: at,
          });
        } catch (failure) {
          return fill(error, `The incident could not be saved: ${(failure as Error).message}`);
        }
        dialog!.close();
      },
    },
    el('h2', { id: 'start-incident-title' }, 'Start incident'),
    el('p', { class: 'incident-dialog-field' },
      el('label', { htmlFor: 'start-incident-name' }, 'Title'),
      el('input', { type: 'text', id: 'start-incident-name', name: 'title', maxLength: 120, autocomplete: 'off', placeholder: 'What is happening? e.g. Payments failing at checkout' }),
    ),
    handbooks.length > 0 && el('p', { class: 'incident-dialog-field' }, el('label', { htmlFor: 'start-incident-handbook' }, 'Handbook'), handbook),
    handbooks.length > 0 && el('p', { class: 'incident-dialog-field' }, el('label', { htmlFor: 'start-incident-severity' }, 'Severity (optional)'), severity, severityHelp),
    el('p', { class: 'incident-dialog-field' }, el('label', { htmlFor: 'start-incident-started' }, 'Started at (your local time)'), started, utc),
    error,
    el('p', { class: 'incident-dialog-actions' },
      el('button', { type: 'submit', class: 'incident-button incident-button--primary' }, 'Start incident'),
      el('button', { type: 'button', class: 'incident-button', onclick: () => dialog!.close() }, 'Cancel'),
    ),
  );
  const built = el('dialog', { class: 'incident-dialog', 'aria-labelledby': 'start-incident-title' }, form);
  document.body.append(built);
  return built;
}
