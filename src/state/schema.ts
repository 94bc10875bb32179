/**
 * The one versioned schema of everything this site stores in the browser. zod/mini keeps the
 * validator a few kilobytes in the page bundle (the full zod build is ten times that).
 */
import * as z from 'zod/mini';
import { PRACTICE_ID } from './keys';

export const CURRENT_VERSION = 2;

/** A ticked checklist item. Label, page and heading are copied in so a tick whose item has since
 * been removed from the runbook can still be reported by name. */
export const tickSchema = z.object({
  /** When it was ticked (ISO 8601, UTC). */
  at: z.string(),
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

/** An incident: the unit of state. The practice scope is an incident with id "practice". */
export const incidentSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** ISO 8601, UTC. */
  startedAt: z.string(),
  closedAt: z.optional(z.string()),
  handbook: z.optional(z.string()),
  severity: z.optional(z.string()),
  /** Ticked items by item id. Unticking removes the entry. */
  ticks: z.record(z.string(), tickSchema),
});

export const stateSchema = z.object({
  version: z.literal(CURRENT_VERSION),
  /** The incident new ticks go to; null means the practice scope. */
  activeIncident: z.nullable(z.string()),
  incidents: z.record(z.string(), incidentSchema),
  /** The responder's name, if they gave it; recorded with ticks. */
  responder: z.optional(z.string()),
  /** Backup keys whose notice the reader has dismissed (the data itself stays). */
  acknowledgedBackups: z.optional(z.array(z.string())),
});

export type Tick = z.infer<typeof tickSchema>;
export type Incident = z.infer<typeof incidentSchema>;
export type StoredState = z.infer<typeof stateSchema>;

export function practiceScope(startedAt = new Date(0).toISOString()): Incident {
  return { id: PRACTICE_ID, title: 'Practice (no active incident)', startedAt, ticks: {} };
}

export function emptyState(): StoredState {
  return { version: CURRENT_VERSION, activeIncident: null, incidents: { [PRACTICE_ID]: practiceScope() } };
}
