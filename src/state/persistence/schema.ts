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

const entry = <Kind extends string, Shape extends z.core.$ZodLooseShape>(kind: Kind, shape: Shape) =>
  z.object({
    /** Unique within the incident. */
    id: z.string(),
    /** When it happened. */
    at: time,
    kind: z.literal(kind),
    /** The responder's name, where known. */
    by: z.optional(z.string()),
    ...shape,
  });

/**
 * Timeline entries: things that happened to an incident, in the order they were recorded (sort by
 * `at` to show them). `started`, `severity`, `closed` and `reopened` are written by the store;
 * `note` by the reader (an edit or a deletion keeps the earlier text).
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
export type Incident = Omit<z.infer<typeof incidentSchema>, 'timeline'> & { timeline: TimelineEntry[] };
export type StoredState = Omit<z.infer<typeof stateSchema>, 'incidents'> & { incidents: Record<string, Incident> };

export function practiceScope(startedAt = new Date(0).toISOString()): Incident {
  return { id: PRACTICE_ID, title: 'Practice (no active incident)', startedAt, ticks: {}, timeline: [] };
}

export function emptyState(): StoredState {
  return { version: CURRENT_VERSION, activeIncident: null, incidents: { [PRACTICE_ID]: practiceScope() } };
}
