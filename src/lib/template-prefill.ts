/**
 * What a message template's fields are prefilled with: the active incident's id, title, severity,
 * times, status, notification list, timeline and follow-ups, the next update from the level's cadence,
 * the reader's name, the time now. Pure: the incident, the levels and "now" are parameters. The
 * template says which field takes which value (its fields' `prefill`, see src/schemas/template.ts).
 */
import type { PrefillSource } from '../schemas/template';
import type { ExportIncident } from './incident-export';
import { followUpText, isFollowUp } from './follow-up';
import { formatDurationMs } from './time-format';

export interface PrefillLevel {
  id: string;
  name: string;
  /** The update cadence in minutes, when the level sets one. */
  updatesMinutes?: number;
  /** The cadence in words: "30 min". */
  updatesText?: string;
  /** Who is notified and how: "On-call engineer (SMS, immediate)". */
  notify: string[];
}

export interface PrefillContext {
  /** The active incident, if any (never the practice scope). */
  incident?: ExportIncident & { handbook?: string };
  /** The template's handbook and its levels: a severity is only prefilled on its own scale. */
  handbook: string;
  levels: readonly PrefillLevel[];
  /** The template's id: the update number counts this template's messages sent. */
  templateId: string;
  /** The choices of the field being filled (a status is only offered when it is one of them). */
  options?: readonly string[];
  responder?: string;
  now: Date;
  /**
   * The incident's timeline as lines (`timelineLines` of src/lib/incident-export.ts). Passed in, so
   * the filler loads the export code only for the templates that show a timeline.
   */
  timeline?: readonly string[];
  /** Team settings: this browser's values by key (`team.bridge`), for `prefill: team.<key>` (team settings addition). */
  team?: Readonly<Record<string, string>>;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

/** The time "now" as a message shows it: to the minute (seconds would change under the reader). */
function minute(date: Date): string {
  const at = new Date(date.getTime());
  at.setUTCSeconds(0, 0);
  return at.toISOString();
}

/** The level of the incident on the template's own scale. */
function levelOf(context: PrefillContext): PrefillLevel | undefined {
  const { incident } = context;
  if (!incident?.severity || (incident.handbook !== undefined && incident.handbook !== context.handbook)) return undefined;
  return context.levels.find((level) => level.id === incident.severity);
}

/** How many messages of this template were marked as sent in the incident. */
export function sentCount(incident: ExportIncident | undefined, templateId: string): number {
  return incident ? incident.timeline.filter((entry) => entry.kind === 'message-sent' && entry.template === templateId).length : 0;
}

/** The status the incident's last message gave, "Resolved" once it is closed; only one of `options`. */
function statusOf(context: PrefillContext): string | undefined {
  const { incident, options } = context;
  if (!incident) return undefined;
  const pick = (status: string | undefined) => (status && (!options || options.includes(status)) ? status : undefined);
  if (incident.closedAt) return pick('Resolved');
  const sent = incident.timeline.filter((entry) => entry.kind === 'message-sent' && str(entry.status));
  return pick(str(sent.at(-1)?.status));
}

/** One field's prefill; undefined when there is nothing to fill it with (the field stays as it is). */
export function prefillValue(source: PrefillSource, context: PrefillContext): string | undefined {
  const { incident, now } = context;
  // Team settings addition: `team.<key>` is the team's value, with or without an incident.
  if (source.startsWith('team.')) return str(context.team?.[source])?.trim();
  switch (source) {
    case 'now':
      return minute(now);
    case 'responder.name':
      return str(context.responder)?.trim();
  }
  if (!incident) return undefined;
  const level = levelOf(context);
  switch (source) {
    case 'incident.id':
      return incident.id;
    case 'incident.title':
      return str(incident.title) ?? incident.id;
    case 'incident.severity':
      return level?.id;
    case 'incident.start':
      return incident.startedAt;
    case 'incident.end':
      return str(incident.closedAt);
    case 'incident.date': {
      // The UTC day: a stored time may carry an offset ("2026-11-25T00:30:00+02:00" is the 24th).
      const start = new Date(incident.startedAt);
      return Number.isNaN(start.getTime()) ? incident.startedAt.slice(0, 10) : start.toISOString().slice(0, 10);
    }
    case 'incident.duration': {
      const end = str(incident.closedAt) ? Date.parse(incident.closedAt!) : now.getTime();
      return formatDurationMs(end - Date.parse(incident.startedAt));
    }
    case 'incident.status':
      return statusOf(context);
    case 'incident.notify':
      return level?.notify.length ? level.notify.join('\n') : undefined;
    case 'incident.timeline':
      return context.timeline?.length ? context.timeline.join('\n') : undefined;
    case 'incident.follow-ups': {
      const lines = incident.timeline
        .filter((entry) => entry.kind === 'note' && !entry.deletedAt && isFollowUp(str(entry.text) ?? ''))
        .filter((entry) => followUpText(String(entry.text)) !== '')
        .map((entry) => `${followUpText(String(entry.text))}${entry.doneAt ? ' (done)' : ''}`);
      return lines.length ? lines.join('\n') : undefined;
    }
    case 'incident.next-update':
      return level?.updatesMinutes ? minute(new Date(now.getTime() + level.updatesMinutes * 60_000)) : undefined;
    case 'incident.cadence':
      return level?.updatesText;
    case 'incident.update-number':
      return String(sentCount(incident, context.templateId) + 1);
  }
}

/** Every prefilled value of a template's fields, by field id (fields with nothing to fill are left out). */
export function prefillValues(
  fields: readonly { id: string; prefill?: PrefillSource; options?: readonly string[] }[],
  context: PrefillContext,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    if (!field.prefill) continue;
    const value = prefillValue(field.prefill, { ...context, options: field.options });
    if (value !== undefined && value !== '') values[field.id] = value;
  }
  return values;
}
