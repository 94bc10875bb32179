/**
 * The one versioned schema of everything this site stores in the browser. zod/mini keeps the
 * validator a few kilobytes in the page bundle (the full zod build is ten times that).
 *
 * Fields this build does not know are kept, not stripped: readState validates with these schemas
 * but hands on the data as stored (see migrations.ts). A tab still running an older build (a page
 * left open through a deploy, or served by the offline cache) writes the whole document back on its
 * next tick, and must not erase what a newer build added. So these schemas must stay plain checks:
 * no defaults, no transforms (their output would be thrown away).
 */
import * as z from 'zod/mini';
import { PRACTICE_ID } from './keys';

export const CURRENT_VERSION = 3;

/** An instant, ISO 8601 in UTC ("2026-11-23T10:00:00.000Z"). */
const time = z.string();

/** A ticked checklist item. Label, page and heading are copied in so a tick whose item has since
 * been removed from the runbook can still be reported by name. */
export const tickSchema = z.object({
  /** When it was ticked. */
  at: time,
  /** Who ticked it, where known. */
  by: z.optional(z.string()),
  /** The item's text when it was ticked. */
  label: z.string(),
  /** Runbook id and title. */
  page: z.string(),
  pageTitle: z.string(),
  /** Checklist id and the heading it sits under. */
  checklist: z.string(),
  heading: z.string(),
});

/** Threshold key -> a reading: a number, or yes/no for a threshold written in words. Checked by hand:
 * a zod record of a union of number and boolean would add half a kilobyte to every page. */
const readings = z.looseObject({}).check((payload) => {
  for (const [key, value] of Object.entries(payload.value)) {
    if (typeof value !== 'number' && typeof value !== 'boolean') {
      payload.issues.push({ code: 'custom', path: [key], message: 'expected a number, true or false', input: value });
    }
  }
}) as unknown as z.ZodMiniType<Record<string, number | boolean>>;

/** The severity classifier's input and result, saved with an incident so the answers show again. */
export const classificationSchema = z.object({
  /** When it was saved. */
  at: time,
  /** The handbook whose scale was used (question ids and threshold keys are that scale's). */
  handbook: z.string(),
  answers: z.object({
    /** Question id -> the chosen answer's label, or "not-sure". */
    questions: z.record(z.string(), z.string()),
    readings,
  }),
  /** The level the answers gave; absent when nothing pointed at a level. */
  level: z.optional(z.string()),
  /** Why, one line per answer or reading that pointed at a level ("Data at risk?: Yes"). */
  reasons: z.array(z.string()),
});

const entryShape = <Kind extends string>(kind: Kind) => ({
  /** Unique within the incident. */
  id: z.string(),
  /** When it happened. */
  at: time,
  kind: z.literal(kind),
  /** The responder's name, where known. */
  by: z.optional(z.string()),
});

const entry = <Kind extends string, Shape extends z.core.$ZodLooseShape>(kind: Kind, shape: Shape) => z.object({ ...entryShape(kind), ...shape });

/**
 * An object with `total`, a whole number of items (at least 1), checked by hand like `readings`:
 * z.number() would add over 100 bytes gzip to every page. A loose object, so the check sees `total`.
 */
const withTotal = <Shape extends z.core.$ZodLooseShape>(shape: Shape) =>
  z.looseObject(shape).check((payload) => {
    const { total } = payload.value as { total?: unknown };
    if (!Number.isInteger(total) || (total as number) < 1) {
      payload.issues.push({ code: 'custom', path: ['total'], message: 'expected a whole number of items', input: total });
    }
  }) as unknown as z.ZodMiniType<z.infer<z.ZodMiniObject<Shape>> & { total: number }>;

/**
 * Timeline entries: things that happened to an incident, in the order they were recorded (sort by
 * `at` to show them). `started`, `severity`, `checklist-completed`, `closed` and `reopened` are
 * written by the store; `note`, `message-sent` and `escalated` by the reader (an edit or a deletion
 * of a note keeps the earlier text).
 */
const knownEntries = {
  started: entry('started', {
    /** When "Start incident" was pressed, if the incident began earlier (`at`). */
    declaredAt: z.optional(time),
  }),
  severity: entry('severity', {
    /** The level before; absent for the first. */
    from: z.optional(z.string()),
    to: z.string(),
    reasons: z.array(z.string()),
  }),
  note: entry('note', {
    text: z.string(),
    /** Earlier texts, oldest first, each with when it was replaced. */
    edits: z.optional(z.array(z.object({ at: time, text: z.string() }))),
    /** Deleted notes stay in the log, marked. */
    deletedAt: z.optional(time),
    /** A follow-up (a note starting "TODO:") ticked off, and when. */
    doneAt: z.optional(time),
  }),
  /** A message marked as sent; each one resets the update clock. */
  'message-sent': entry('message-sent', {
    /** What it was ("Status update", or the template's title). */
    title: z.string(),
    /** The template's id, when it came from the template filler. */
    template: z.optional(z.string()),
    channel: z.optional(z.string()),
    audience: z.optional(z.string()),
    /** The text sent, where known. */
    text: z.optional(z.string()),
  }),
  /** A tick made every item of a checklist done (`total` items). */
  'checklist-completed': withTotal({
    ...entryShape('checklist-completed'),
    checklist: z.string(),
    heading: z.string(),
    page: z.string(),
    pageTitle: z.string(),
  }),
  /** An escalation step carried out: "Escalated" pressed for it. */
  escalated: entry('escalated', {
    /** Who it went to: the step's target, as the handbook names it. */
    to: z.string(),
    note: z.optional(z.string()),
  }),
  closed: entry('closed', {}),
  reopened: entry('reopened', {}),
};
const entryOfKind = new Map<string, z.ZodMiniType>(Object.entries(knownEntries));

/**
 * Any timeline entry has an id, a time and a kind; one of a kind this build knows must match that
 * kind's schema. A kind it does not know (added by a newer build) is kept as it is, so adding a kind
 * needs no migration and an older tab does not refuse the whole document over it.
 */
export const timelineEntrySchema = z.looseObject({ id: z.string(), at: time, kind: z.string() }).check((payload) => {
  const result = entryOfKind.get(payload.value.kind)?.safeParse(payload.value);
  for (const { path, message } of result?.error?.issues ?? []) payload.issues.push({ code: 'custom', path, message, input: payload.value });
});

/** A checklist as the page showed it when one of its items was last ticked, and how many items it had (`total`). */
export const checklistInfoSchema = withTotal({
  /** Runbook id and title. */
  page: z.string(),
  pageTitle: z.string(),
  /** The heading it sits under. */
  heading: z.string(),
});

/** An incident: the unit of state. The practice scope is an incident with id "practice". */
export const incidentSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** When the incident began (may be earlier than when it was declared here). */
  startedAt: time,
  closedAt: z.optional(time),
  handbook: z.optional(z.string()),
  severity: z.optional(z.string()),
  /** Ticked items by item id. Unticking removes the entry. */
  ticks: z.record(z.string(), tickSchema),
  /** The latest classification saved with it. */
  classification: z.optional(classificationSchema),
  timeline: z.array(timelineEntrySchema),
  /** Checklists ticked in it, by checklist id: where they are and how many items they had when last ticked ("3 of 8 done"). */
  checklists: z.optional(z.record(z.string(), checklistInfoSchema)),
});

export const stateSchema = z.object({
  version: z.literal(CURRENT_VERSION),
  /** The incident new ticks go to; null means the practice scope. */
  activeIncident: z.nullable(z.string()),
  incidents: z.record(z.string(), incidentSchema),
  /** Ids of deleted incidents: never issued again, so an undone delete cannot collide with a new one. */
  deletedIncidents: z.optional(z.array(z.string())),
  /** The responder's name, if they gave it; recorded with ticks and timeline entries. */
  responder: z.optional(z.string()),
  /** Backup keys whose notice the reader has dismissed (the data itself stays). */
  acknowledgedBackups: z.optional(z.array(z.string())),
  /**
   * Browser notifications for due updates and escalations: true once the reader turned them on.
   * A literal of true and false: z.boolean() would add about 85 bytes gzip to every page.
   */
  reminders: z.optional(z.literal([true, false])),
});

export type Tick = z.infer<typeof tickSchema>;
export type Classification = z.infer<typeof classificationSchema>;
/**
 * A timeline entry of a kind this build knows. The stored array may also hold entries of kinds a
 * newer build added (each with id, at and kind): switch on `kind` and skip what you do not know.
 */
export type TimelineEntry = z.infer<(typeof knownEntries)[keyof typeof knownEntries]>;
export type SeverityEntry = Extract<TimelineEntry, { kind: 'severity' }>;
export type NoteEntry = Extract<TimelineEntry, { kind: 'note' }>;
export type MessageEntry = Extract<TimelineEntry, { kind: 'message-sent' }>;
export type ChecklistCompletedEntry = Extract<TimelineEntry, { kind: 'checklist-completed' }>;
export type EscalatedEntry = Extract<TimelineEntry, { kind: 'escalated' }>;
export type ChecklistInfo = z.infer<typeof checklistInfoSchema>;
export type Incident = Omit<z.infer<typeof incidentSchema>, 'timeline'> & { timeline: TimelineEntry[] };
export type StoredState = Omit<z.infer<typeof stateSchema>, 'incidents'> & { incidents: Record<string, Incident> };

export function practiceScope(startedAt = new Date(0).toISOString()): Incident {
  return { id: PRACTICE_ID, title: 'Practice (no active incident)', startedAt, ticks: {}, timeline: [] };
}

export function emptyState(): StoredState {
  return { version: CURRENT_VERSION, activeIncident: null, incidents: { [PRACTICE_ID]: practiceScope() } };
}
