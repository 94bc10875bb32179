/**
 * The template filler: one labelled control per field of a message template, a live preview, and the
 * message copied for its channel (plain with an HTML flavour, Slack mrkdwn, SMS with its segments).
 *
 * - The server renders the form and the template text with a `[Label]` marker for every value still
 *   missing, so the page reads and prints the template with JavaScript off.
 * - After mount (never during hydration: Preact keeps server DOM that differs, see STACK-NOTES) it
 *   applies what the reader typed before the island loaded, the saved draft, and the prefill from the
 *   active incident. Every box that can change has a fixed height, so nothing on the page moves.
 * - Values come in three layers: the template's defaults, the prefill (live: "now" and the next
 *   update move with the clock), and what the reader typed. Only the last is saved, as the draft of
 *   this incident and template (its own small key; a keystroke never rewrites the stored state). An
 *   emptied field goes back to its prefill.
 * - Everything typed stays text: the preview is text nodes, and the formats escape only what their
 *   target needs (src/lib/message-format.ts).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { countSms } from '../../lib/sms-segments';
import { CHANNEL_LIMITS, overLimit, type ChannelLimitId, type LimitWarning } from '../../lib/channel-limits';
import { messageParts, missingRequired, renderMessage, type MessageField } from '../../lib/message-format';
import { prefillValues, sentCount, type PrefillLevel } from '../../lib/template-prefill';
import { formatTime, localInputValue } from '../../lib/time-format';
import type { InlineToken } from '../../lib/inline-markdown';
import type { ChannelKind, PrefillSource } from '../../schemas/template';
import { getStore, PRACTICE_ID, type Incident } from '../../state';
import { settingsOf } from '../../state/settings';
import InlineText from './InlineText';

export interface FillerField extends MessageField {
  default?: string;
  options?: string[];
  help?: string;
  prefill?: PrefillSource;
  limit?: ChannelLimitId;
}

export interface FillerView {
  /** The template's id: "agency-platform/internal-update". */
  id: string;
  handbook: string;
  title: string;
  kind: ChannelKind;
  audience: string;
  channel?: string;
  /** A limit on the whole message (a pager message: the PagerDuty summary's). */
  limit?: ChannelLimitId;
  body: string;
  fields: FillerField[];
  /** The handbook's levels, most severe first: the severity choices, cadence and notification lists. */
  levels: PrefillLevel[];
  /** Help texts with inline Markdown, as tokens. */
  rich?: Record<string, InlineToken[]>;
}

const DRAFT_SAVE_MS = 400;
const isIncident = (incident: Incident | undefined): incident is Incident => !!incident && incident.id !== PRACTICE_ID;
const blank = (value: string | undefined) => value === undefined || value.trim() === '';

/** Where a prefilled value came from, for the line under its field. */
function sourceText(source: PrefillSource): string {
  // Team settings addition: a `team.<key>` prefill comes from the team settings.
  if (source.startsWith('team.')) return 'From the team settings';
  return source === 'now' ? 'The time now' : source === 'responder.name' ? 'Your name' : 'From the incident';
}
/** `ms` rounded down to a whole number of minutes after `from` (0: the clock's own minutes). */
const toMinute = (ms: number, from = 0) => {
  const offset = Number.isFinite(from) ? ((from % 60_000) + 60_000) % 60_000 : 0;
  return Math.floor((ms - offset) / 60_000) * 60_000 + offset;
};

/** The Clipboard API with a plain and an HTML flavour; plain text alone where a browser lacks ClipboardItem. */
async function writeClipboard(plain: string, html?: string): Promise<boolean> {
  try {
    if (html !== undefined && typeof ClipboardItem !== 'undefined') {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([plain], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(plain);
    }
    return true;
  } catch {
    try {
      await navigator.clipboard.writeText(plain);
      return true;
    } catch {
      return false;
    }
  }
}

export default function TemplateFiller({ view, idPrefix }: { view: FillerView; idPrefix: string }) {
  const defaults = useMemo(() => {
    const values: Record<string, string> = {};
    for (const field of view.fields) if (field.default !== undefined) values[field.id] = field.default;
    return values;
  }, [view]);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [incident, setIncident] = useState<Incident | undefined>(undefined);
  const [responder, setResponder] = useState<string | undefined>(undefined);
  const [now, setNow] = useState<number | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [cleared, setCleared] = useState<Record<string, string> | undefined>(undefined);
  const [sentText, setSentText] = useState<string | undefined>(undefined);
  const [manualCopy, setManualCopy] = useState<string | undefined>(undefined);
  // The incident's timeline as lines, for templates with a timeline field (the export code that
  // writes them is loaded only then).
  const [timeline, setTimeline] = useState<string[] | undefined>(undefined);
  // Team settings addition: this browser's team settings, for `prefill: team.<key>` (the build's value is the field's default).
  const [team, setTeam] = useState<Record<string, string>>({});
  const wantsTimeline = view.fields.some((field) => field.prefill === 'incident.timeline');
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const manualBox = useRef<HTMLTextAreaElement>(null);
  const controlId = (field: string) => `${idPrefix}-${field}`;

  // Whose draft the form holds: the active incident's, or the practice scope's. Unknown until mount.
  const [scope, setScope] = useState<string | undefined>(undefined);
  const draft = () => getStore().draft(scope ?? PRACTICE_ID, view.id);
  // What the reader typed into the server's form before the island hydrated, applied over the draft
  // once at mount. Read during the first render, because hydration then sets each control's value
  // from the render (wiping what was typed) before any effect runs.
  const earlyRef = useRef<Record<string, string> | undefined>(undefined);
  if (earlyRef.current === undefined) {
    earlyRef.current = {};
    if (typeof document !== 'undefined') {
      for (const field of view.fields) {
        const control = document.getElementById(controlId(field.id)) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
        if (!control) continue;
        const server = field.type === 'time' ? '' : (defaults[field.id] ?? '');
        if (control.value !== server) earlyRef.current[field.id] = field.type === 'time' ? fromLocal(control.value) : control.value;
      }
    }
  }

  // Prefill is computed only after mount (the server knows no incident and no time).
  const prefilled = useMemo(
    () =>
      now === undefined
        ? {}
        : prefillValues(view.fields, {
            incident: isIncident(incident) ? incident : undefined,
            handbook: view.handbook,
            levels: view.levels,
            templateId: view.id,
            responder,
            now: new Date(now),
            timeline,
            team,
          }),
    [view, incident, responder, now, timeline, team],
  );
  const values = useMemo(() => {
    const merged: Record<string, string> = { ...defaults, ...prefilled };
    for (const [id, value] of Object.entries(typed)) if (!blank(value)) merged[id] = value;
    return merged;
  }, [defaults, prefilled, typed]);

  const parts = useMemo(() => messageParts(view.body, view.fields, values), [view, values]);
  const plain = useMemo(() => parts.map((part) => part.text).join(''), [parts]);
  const missing = missingRequired(view.fields, values);
  const sms = view.kind === 'sms' || view.kind === 'pager' ? countSms(renderMessage(view.body, view.fields, values, 'sms')) : undefined;
  const messageLimit = view.limit ?? (view.kind === 'pager' ? 'pagerduty-summary' : undefined);
  const messageWarning = messageLimit ? overLimit(messageLimit, plain) : undefined;
  const fieldWarnings: Record<string, LimitWarning | undefined> = {};
  for (const field of view.fields) if (field.limit && values[field.id]) fieldWarnings[field.id] = overLimit(field.limit, values[field.id], field.id);
  const number = sentCount(isIncident(incident) ? incident : undefined, view.id) + 1;

  // Mount: the draft and the incident; follow both from then on.
  useEffect(() => {
    const store = getStore();
    const follow = (current: Incident) => {
      setIncident(isIncident(current) ? current : undefined);
      setScope(isIncident(current) ? current.id : PRACTICE_ID);
    };
    follow(store.$active.get());
    setResponder(store.$state.get().responder);
    // Whole minutes, not seconds: the form renders twice a minute at most, prefilled times do not tick
    // under the reader, and "duration so far" turns over when the bar's elapsed time does.
    const tick = (time: number) => {
      const current = store.$active.get();
      // The later of the clock's minute and the incident's: "now" floors to the first, the duration to the second.
      setNow(Math.max(toMinute(time), toMinute(time, isIncident(current) ? Date.parse(current.startedAt) : 0)));
    };
    tick(store.$now.get());
    const stops = [
      store.$active.subscribe(follow),
      store.$state.subscribe((state) => setResponder(state.responder)),
      store.$now.subscribe(tick),
      // Team settings addition.
      settingsOf(store).$settings.subscribe((settings) => setTeam(settings.values)),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);

  useEffect(() => {
    if (!wantsTimeline || !isIncident(incident)) return setTimeline(undefined);
    let current = true;
    void import('../../lib/incident-export').then(({ timelineLines }) => {
      // Level names only on the template's own scale: another handbook's "P1" is another level.
      const sameScale = incident.handbook === undefined || incident.handbook === view.handbook;
      const levelNames = sameScale ? Object.fromEntries(view.levels.map((level) => [level.id, level.name])) : {};
      if (current) setTimeline(timelineLines({ incident, exportedAt: new Date(), levelNames }));
    });
    return () => {
      current = false;
    };
  }, [incident]);

  // The scope's draft, at mount and whenever the active incident changes (another tab's edits too:
  // the draft atom listens to storage events).
  useEffect(() => {
    if (scope === undefined) return;
    const store = draft();
    let first = true;
    return store.$draft.subscribe((saved) => {
      if (first) {
        first = false;
        // At mount, what was typed before hydration and in the moment since (before the scope was
        // known) goes over the draft; switching incident shows that incident's draft as it is.
        const early = earlyRef.current ?? {};
        const since = loadedRef.current ? {} : (pendingRef.current ?? {});
        earlyRef.current = {};
        loadedRef.current = true;
        const values = { ...(saved?.values ?? {}), ...early, ...since };
        setTyped(values);
        pendingRef.current = values;
        if (Object.keys(early).length || Object.keys(since).length) store.save(values);
        return;
      }
      // Another tab wrote it; this tab's own saves leave the values as they are.
      if (saved && JSON.stringify(saved.values) !== JSON.stringify(pendingRef.current)) setTyped(saved.values);
    });
  }, [scope]);
  const pendingRef = useRef<Record<string, string> | undefined>(undefined);
  // Whether a scope's draft has been loaded once (the first load also keeps what was typed before it).
  const loadedRef = useRef(false);

  useEffect(() => {
    const box = manualBox.current;
    if (manualCopy === undefined || !box) return;
    box.focus();
    box.select();
  }, [manualCopy]);

  function change(id: string, value: string) {
    // The latest values, not this render's: two inputs before a render must both count.
    const next = { ...(pendingRef.current ?? typed), [id]: value };
    if (blank(value)) delete next[id];
    setTyped(next);
    setCleared(undefined);
    pendingRef.current = next;
    clearTimeout(saveTimer.current);
    // Before the scope is known the values wait in pendingRef; loading the scope's draft saves them.
    if (scope === undefined) return;
    saveTimer.current = setTimeout(() => {
      const store = draft();
      if (Object.keys(next).length) store.save(next);
      else store.clear();
    }, DRAFT_SAVE_MS);
  }

  function clearDraft() {
    clearTimeout(saveTimer.current);
    setCleared(typed);
    setTyped({});
    pendingRef.current = {};
    draft().clear();
    setMessage('Draft cleared: the fields show their defaults and the incident again.');
  }

  function undoClear() {
    if (!cleared) return;
    setTyped(cleared);
    pendingRef.current = cleared;
    draft().save(cleared);
    setCleared(undefined);
    setMessage('Draft restored.');
  }

  async function copy(format: 'plain' | 'slack') {
    const text = format === 'slack' ? renderMessage(view.body, view.fields, values, 'slack') : plain;
    const html = format === 'plain' ? renderMessage(view.body, view.fields, values, 'html') : undefined;
    const copied = await writeClipboard(text, html);
    const what = format === 'slack' ? 'Copied for Slack' : 'Message copied';
    const gaps = missing.length
      ? ` Warning: ${missing.length === 1 ? 'a required field is' : `${missing.length} required fields are`} empty (${missing.map((f) => f.label).join(', ')}); the text keeps their [markers].`
      : '';
    if (copied) {
      setManualCopy(undefined);
      setMessage(`${what}.${gaps}${isIncident(incident) ? ' Mark it as sent once it has gone out.' : ''}`);
    } else {
      setManualCopy(text);
      setMessage(`The browser refused the clipboard: the text is selected below, copy it with Ctrl+C or your phone's Copy.${gaps}`);
    }
  }

  function markSent() {
    if (!isIncident(incident)) return;
    const statusField = view.fields.find((field) => field.prefill === 'incident.status' || field.id === 'status');
    const title = `${view.title} #${number}`;
    const entry = getStore().recordMessage(incident.id, {
      title,
      template: view.id,
      channel: view.channel,
      audience: view.audience,
      status: statusField ? values[statusField.id] : undefined,
      text: plain,
    });
    if (!entry) {
      setMessage('Could not record it: the incident was not found.');
      return;
    }
    setSentText(plain);
    const at = formatTime(entry.at);
    setMessage(`${title} sent at ${at.utc}: recorded in the timeline of ${incident.id}; the update clock starts again.`);
  }

  const canMark = isIncident(incident) && !incident.closedAt;
  const alreadySent = sentText !== undefined && sentText === plain;
  const hasDraft = Object.keys(typed).length > 0;

  return (
    <div class="filler" data-filler={view.id} data-ready={now === undefined ? undefined : ''}>
      <p class="filler-scope">
        {now === undefined
          ? 'Fill in the fields: the preview below is the message.'
          : isIncident(incident)
            ? `${view.title} #${number} for ${incident.id}${incident.title && incident.title !== incident.id ? `: ${incident.title}` : ''}. The draft is kept with the incident.`
            : 'No active incident: your draft is kept in this browser. Start one to prefill it.'}
      </p>
      <form class="filler-form" onSubmit={(event) => event.preventDefault()}>
        {view.fields.map((field) => {
          const id = controlId(field.id);
          const value = values[field.id] ?? '';
          const own = !blank(typed[field.id]);
          const fromPrefill = !own && prefilled[field.id] !== undefined;
          const hint = field.help ? `${id}-help` : undefined;
          const note = field.prefill || field.type === 'time' || field.limit ? `${id}-note` : undefined;
          const describedBy = [hint, note].filter(Boolean).join(' ') || undefined;
          const common = {
            id,
            name: field.id,
            required: field.required,
            'aria-describedby': describedBy,
            class: fromPrefill ? 'is-prefilled' : undefined,
          };
          let control;
          if (field.type === 'multiline' || field.type === 'list') {
            control = (
              <textarea
                {...common}
                rows={field.type === 'list' ? 4 : 3}
                value={value}
                onInput={(event) => change(field.id, (event.currentTarget as HTMLTextAreaElement).value)}
              />
            );
          } else if (field.type === 'choice' || field.type === 'severity') {
            const choices = field.type === 'severity' ? view.levels.map((level) => ({ value: level.id, label: `${level.id} · ${level.name}` })) : (field.options ?? []).map((option) => ({ value: option, label: option }));
            const known = choices.some((choice) => choice.value === value);
            control = (
              <select {...common} value={value} onChange={(event) => change(field.id, (event.currentTarget as HTMLSelectElement).value)}>
                <option value="">{field.required ? 'Choose…' : '(none)'}</option>
                {!known && value && <option value={value}>{value}</option>}
                {choices.map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
              </select>
            );
          } else if (field.type === 'time') {
            control = (
              <input
                {...common}
                type="datetime-local"
                step={60}
                value={value && now !== undefined ? toLocal(value) : ''}
                onInput={(event) => change(field.id, fromLocal((event.currentTarget as HTMLInputElement).value))}
              />
            );
          } else {
            control = (
              <input
                {...common}
                type="text"
                autoComplete="off"
                placeholder={field.type === 'duration' ? 'e.g. 45 min' : undefined}
                value={value}
                onInput={(event) => change(field.id, (event.currentTarget as HTMLInputElement).value)}
              />
            );
          }
          const warning = fieldWarnings[field.id];
          const noteText = warning
            ? `⚠ ${warning.label}: ${warning.length} characters, over the limit of ${warning.max}.`
            : field.type === 'time' && value && now !== undefined && !Number.isNaN(Date.parse(value))
              ? `${fromPrefill ? `${sourceText(field.prefill!)}: ` : ''}${formatTime(value, { withDate: true }).text}`
              : fromPrefill
                ? sourceText(field.prefill!)
                : own && field.prefill && prefilled[field.id] !== undefined
                  ? 'Your own value: empty the field to use the prefilled one'
                  : field.type === 'time'
                    ? 'Local time; the message says UTC.'
                    : field.limit
                      ? `At most ${CHANNEL_LIMITS[field.limit].max} characters (${CHANNEL_LIMITS[field.limit].label}).`
                      : field.prefill && field.prefill.startsWith('team.')
                        ? 'Filled from the team settings when they are set.'
                        : field.prefill && field.prefill.startsWith('incident.')
                        ? 'Filled from the active incident when there is one.'
                        : '';
          return (
            <div class={`filler-field filler-field--${field.type}`} key={field.id}>
              <div class="filler-label-row">
                <label for={id}>{field.label}</label>
                {field.required && <span class="filler-required" aria-hidden="true">required</span>}
              </div>
              {control}
              {note && <p class={`filler-note${warning ? ' is-warning' : ''}${fromPrefill ? ' is-prefilled' : ''}`} id={note}>{noteText}</p>}
              {field.help && <p class="filler-help" id={hint}><InlineText text={field.help} rich={view.rich} /></p>}
            </div>
          );
        })}
      </form>
      <div class="filler-output">
        <div class="filler-preview" role="region" aria-label={`Preview: ${view.title}`} tabIndex={0}>
          <pre class="filler-text">
            {parts.map((part, i) => (part.missing ? <mark key={i} class="filler-missing">{part.text}</mark> : part.field ? <span key={i} class="filler-value">{part.text}</span> : part.text))}
          </pre>
        </div>
        {(sms || messageLimit) && (
          <p class={`filler-count${messageWarning ? ' is-warning' : ''}`} aria-live="polite">
            {sms
              ? `${sms.units} characters · ${sms.segments} SMS ${sms.segments === 1 ? 'part' : 'parts'} (${sms.encoding}, ${sms.perSegment} per part)`
              : ''}
            {messageWarning ? ` ⚠ Over the ${messageWarning.label} limit: ${messageWarning.length} of ${messageWarning.max} characters.` : ''}
          </p>
        )}
        <div class="filler-actions">
          <button type="button" class="filler-button filler-button--primary" onClick={() => void copy('plain')}>Copy message</button>
          {view.kind === 'chat' && <button type="button" class="filler-button" onClick={() => void copy('slack')}>Copy for Slack</button>}
          <button type="button" class="filler-button" disabled={!canMark || alreadySent} onClick={markSent} title={canMark ? undefined : 'Start an incident to record what is sent'}>
            {alreadySent ? 'Marked as sent' : 'Mark as sent'}
          </button>
          {cleared ? (
            <button type="button" class="filler-button filler-button--quiet" onClick={undoClear}>Undo clear draft</button>
          ) : (
            <button type="button" class="filler-button filler-button--quiet" disabled={!hasDraft} onClick={clearDraft}>Clear draft</button>
          )}
        </div>
        <p class="filler-message" role="status">{message}</p>
        {manualCopy !== undefined && (
          <div class="filler-manual-copy">
            <label for={`${idPrefix}-manual`}>Message to copy</label>
            <textarea id={`${idPrefix}-manual`} ref={manualBox} readOnly rows={6} value={manualCopy} />
          </div>
        )}
      </div>
    </div>
  );
}

/** An instant as the datetime-local control shows it (the reader's zone); text that is not a time shows nothing. */
function toLocal(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : localInputValue(date);
}

/** What the datetime-local control holds ("2026-11-24T14:05", the reader's zone) as an instant. */
function fromLocal(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
