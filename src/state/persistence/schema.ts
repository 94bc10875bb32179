/**
 * The one versioned schema of everything this site stores in the browser, written with the small
 * hand-made checkers of check.ts (a validation library would be most of the state code every page
 * loads). A problem is reported with its path ("incidents.INC-….timeline.3.to: expected text, got nothing").
 *
 * Fields this build does not know are kept, not stripped: readState validates with these schemas
 * but hands on the data as stored (see migrations.ts). A tab still running an older build (a page
 * left open through a deploy, or served by the offline cache) writes the whole document back on its
 * next tick, and must not erase what a newer build added. So these schemas stay plain checks (the
 * checkers cannot default or transform anything), and their objects are loose.
 */
import { and, array, custom, literal, nullable, object, optional, record, string, type Checker, type Infer } from './check';
import { PRACTICE_ID } from './keys';

export const CURRENT_VERSION = 3;

/**
 * An instant, ISO 8601 in UTC ("2026-11-23T10:00:00.000Z"). Checked as a real date: the clocks do
 * arithmetic on it every second, so "yesterday-ish" from a hand-edited backup must be refused, not kept.
 */
const time = custom((value): value is string => {
  const parts = typeof value === 'string' && /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  // Date.parse rolls 30 February over into March: the day must exist in its month.
  return !!parts && !Number.isNaN(Date.parse(value as string)) && new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3])).getUTCDate() === +parts[3];
}, 'a time such as "2026-11-23T10:00:00.000Z"');

/** A ticked checklist item. Label, page and heading are copied in so a tick whose item has since
 * been removed from the runbook can still be reported by name. */
export const tickSchema = object({
  /** When it was ticked. */
  at: time,
  /** Who ticked it, where known. */
  by: optional(string),
  /** The item's text when it was ticked. */
  label: string,
  /** Runbook id and title. */
  page: string,
  pageTitle: string,
  /** Checklist id and the heading it sits under. */
  checklist: string,
  heading: string,
});

/** Threshold key -> a reading: a number, or yes/no for a threshold written in words. */
const readings = record(custom((value): value is number | boolean => typeof value === 'number' || typeof value === 'boolean', 'a number, true or false'));

/** The severity classifier's input and result, saved with an incident so the answers show again. */
export const classificationSchema = object({
  /** When it was saved. */
  at: time,
  /** The handbook whose scale was used (question ids and threshold keys are that scale's). */
  handbook: string,
  answers: object({
    /** Question id -> the chosen answer's label, or "not-sure". */
    questions: record(string),
    readings,
  }),
  /** The level the answers gave; absent when nothing pointed at a level. */
  level: optional(string),
  /** Why, one line per answer or reading that pointed at a level ("Data at risk?: Yes"). */
  reasons: array(string),
});

const entryShape = <Kind extends string>(kind: Kind) => ({
  /** Unique within the incident. */
  id: string,
  /** When it happened. */
  at: time,
  kind: literal(kind),
  /** The responder's name, where known. */
  by: optional(string),
});

const entry = <Kind extends string, Shape extends Record<string, Checker<unknown>>>(kind: Kind, shape: Shape) => object({ ...entryShape(kind), ...shape });

/** A count of items: a whole number, at least 1. */
const total = custom((value): value is number => Number.isInteger(value) && (value as number) >= 1, 'a whole number of items');

/** An object with `shape`'s fields, then `total` (checked last, so a missing field is named first). */
const withTotal = <Shape extends Record<string, Checker<unknown>>>(shape: Shape) => object({ ...shape, total });

/**
 * Timeline entries: things that happened to an incident, in the order they were recorded (sort by
 * `at` to show them). `started`, `severity`, `checklist-completed`, `closed` and `reopened` are
 * written by the store; `note`, `message-sent` and `escalated` by the reader (an edit or a deletion
 * of a note keeps the earlier text).
 */
const knownEntries = {
  started: entry('started', {
    /** When "Start incident" was pressed, if the incident began earlier (`at`). */
    declaredAt: optional(time),
  }),
  severity: entry('severity', {
    /** The level before; absent for the first. */
    from: optional(string),
    to: string,
    reasons: array(string),
  }),
  note: entry('note', {
    text: string,
    /** Earlier texts, oldest first, each with when it was replaced. */
    edits: optional(array(object({ at: time, text: string }))),
    /** Deleted notes stay in the log, marked. */
    deletedAt: optional(time),
    /** A follow-up (a note starting "TODO:") ticked off, and when. */
    doneAt: optional(time),
  }),
  /** A message marked as sent; each one resets the update clock. */
  'message-sent': entry('message-sent', {
    /** What it was ("Status update", or the template's title). */
    title: string,
    /** The template's id, when it came from the template filler. */
    template: optional(string),
    channel: optional(string),
    audience: optional(string),
    /** The incident's status the message gave ("Investigating", "Monitoring"), where it gave one. */
    status: optional(string),
    /** The text sent, where known. */
    text: optional(string),
  }),
  /** A tick made every item of a checklist done (`total` items). */
  'checklist-completed': withTotal({
    ...entryShape('checklist-completed'),
    checklist: string,
    heading: string,
    page: string,
    pageTitle: string,
  }),
  /** An escalation step carried out: "Escalated" pressed for it. */
  escalated: entry('escalated', {
    /** Who it went to: the step's target, as the handbook names it. */
    to: string,
    note: optional(string),
  }),
  closed: entry('closed', {}),
  reopened: entry('reopened', {}),
};
const entryOfKind = new Map<string, Checker<unknown>>(Object.entries(knownEntries));

/**
 * Any timeline entry has an id, a time and a kind; one of a kind this build knows must match that
 * kind's schema. A kind it does not know (added by a newer build) is kept as it is, so adding a kind
 * needs no migration and an older tab does not refuse the whole document over it.
 */
export const timelineEntrySchema = and(object({ id: string, at: time, kind: string }), (entry) => entryOfKind.get(entry.kind)?.(entry));

/** A checklist as the page showed it when one of its items was last ticked, and how many items it had (`total`). */
export const checklistInfoSchema = withTotal({
  /** Runbook id and title. */
  page: string,
  pageTitle: string,
  /** The heading it sits under. */
  heading: string,
});

/** An incident: the unit of state. The practice scope is an incident with id "practice". */
export const incidentSchema = object({
  id: string,
  title: string,
  /** When the incident began (may be earlier than when it was declared here). */
  startedAt: time,
  closedAt: optional(time),
  handbook: optional(string),
  severity: optional(string),
  /** Ticked items by item id. Unticking removes the entry. */
  ticks: record(tickSchema),
  /** The latest classification saved with it. */
  classification: optional(classificationSchema),
  timeline: array(timelineEntrySchema),
  /** Checklists ticked in it, by checklist id: where they are and how many items they had when last ticked ("3 of 8 done"). */
  checklists: optional(record(checklistInfoSchema)),
});

export const stateSchema = object({
  version: literal(CURRENT_VERSION),
  /** The incident new ticks go to; null means the practice scope. */
  activeIncident: nullable(string),
  incidents: record(incidentSchema),
  /** Ids of deleted incidents: never issued again, so an undone delete cannot collide with a new one. */
  deletedIncidents: optional(array(string)),
  /** The responder's name, if they gave it; recorded with ticks and timeline entries. */
  responder: optional(string),
  /** Backup keys whose notice the reader has dismissed (the data itself stays). */
  acknowledgedBackups: optional(array(string)),
  /** Browser notifications for due updates and escalations: true once the reader turned them on. */
  reminders: optional(literal(true, false)),
});

export type Tick = Infer<typeof tickSchema>;
export type Classification = Infer<typeof classificationSchema>;
/**
 * A timeline entry of a kind this build knows. The stored array may also hold entries of kinds a
 * newer build added (each with id, at and kind): switch on `kind` and skip what you do not know.
 */
export type TimelineEntry = Infer<(typeof knownEntries)[keyof typeof knownEntries]>;
export type SeverityEntry = Extract<TimelineEntry, { kind: 'severity' }>;
export type NoteEntry = Extract<TimelineEntry, { kind: 'note' }>;
export type MessageEntry = Extract<TimelineEntry, { kind: 'message-sent' }>;
export type ChecklistCompletedEntry = Extract<TimelineEntry, { kind: 'checklist-completed' }>;
export type EscalatedEntry = Extract<TimelineEntry, { kind: 'escalated' }>;
export type ChecklistInfo = Infer<typeof checklistInfoSchema>;
export type Incident = Omit<Infer<typeof incidentSchema>, 'timeline'> & { timeline: TimelineEntry[] };
export type StoredState = Omit<Infer<typeof stateSchema>, 'incidents'> & { incidents: Record<string, Incident> };

export function practiceScope(startedAt = new Date(0).toISOString()): Incident {
  return { id: PRACTICE_ID, title: 'Practice (no active incident)', startedAt, ticks: {}, timeline: [] };
}

export function emptyState(): StoredState {
  return { version: CURRENT_VERSION, activeIncident: null, incidents: { [PRACTICE_ID]: practiceScope() } };
}
