/**
 * Reading stored data of any version into the current schema. Each migration takes the output of
 * the previous one; `readState` runs them in order from the stored version and validates the result.
 *
 * Version history:
 * - 1: the first checklist store. Ticks of the practice scope only: `{ version: 1, ticks: { [itemId]: ISO time } }`.
 * - 2: incidents as the unit of state; ticks carry their label, page and heading.
 * - 3: each incident has a timeline and may keep the severity classifier's answers (see schema.ts).
 *
 * A migration adds what the new version needs and leaves everything else as it found it (fields it
 * does not know included): the final validation against the current schema names any problem.
 */
import { literal, object, record, string, type Infer, type Issue } from './check';
import { CURRENT_VERSION, practiceScope, stateSchema, type StoredState, type Tick, type TimelineEntry } from './schema';
import { PRACTICE_ID } from './keys';

const v1Schema = object({
  version: literal(1),
  ticks: record(string),
});

type Migration = (data: unknown) => unknown;

/** MIGRATIONS[n] turns version n into version n + 1. */
export const MIGRATIONS: Record<number, Migration> = {
  1: (data) => {
    const problem = v1Schema(data);
    if (problem) throw problem;
    const v1 = data as Infer<typeof v1Schema>;
    const ticks: Record<string, Tick> = {};
    for (const [itemId, at] of Object.entries(v1.ticks)) {
      // v1 kept no labels: recover page and checklist from the id ("page#heading/item").
      const [page, rest = ''] = itemId.split('#');
      const [heading = '', ...item] = rest.split('/');
      ticks[itemId] = {
        at, label: item.join('/') || itemId, page, pageTitle: page, checklist: `${page}#${heading}`, heading,
      };
    }
    // Written out rather than practiceScope(): a migration's output is that version's shape, forever.
    const practice = { id: PRACTICE_ID, title: 'Practice (no active incident)', startedAt: new Date(0).toISOString(), ticks };
    return { version: 2, activeIncident: null, incidents: { [PRACTICE_ID]: practice } };
  },
  2: (data) => {
    const v2 = data as { incidents?: unknown };
    const incidents = isObject(v2.incidents)
      ? Object.fromEntries(Object.entries(v2.incidents).map(([id, incident]) => [id, isObject(incident) ? withTimeline(id, incident) : incident]))
      : v2.incidents;
    return { ...v2, version: 3, incidents };
  },
};

/** A version 2 incident's history, recovered from its fields: started, its severity (set when it
 * started, as far as we know), closed. Entry ids are fixed so two copies of one incident migrated in
 * two browsers produce the same entries. The practice scope has no history. */
function withTimeline(id: string, incident: Record<string, unknown>) {
  const timeline: TimelineEntry[] = [];
  const { startedAt, severity, closedAt } = incident;
  if (id !== PRACTICE_ID && typeof startedAt === 'string') {
    timeline.push({ id: 'v2-started', at: startedAt, kind: 'started' });
    if (typeof severity === 'string') timeline.push({ id: 'v2-severity', at: startedAt, kind: 'severity', to: severity, reasons: [] });
    if (typeof closedAt === 'string') timeline.push({ id: 'v2-closed', at: closedAt, kind: 'closed' });
  }
  return { ...incident, timeline };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type ReadResult =
  | { ok: true; state: StoredState; migratedFrom?: number }
  | { ok: false; reason: string };

/** Parses and validates stored text. Never throws: a failure says why, and the caller keeps the text. */
export function readState(raw: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  return migrateState(data);
}

/**
 * Validates parsed data as a stored state of any version, migrating it to the current one. The same
 * check for what this browser stored and for what a backup or a handoff brings. Never throws. `at`:
 * where the data sits in a larger document, to put before the path a reason names ("state").
 */
export function migrateState(data: unknown, at: PropertyKey[] = []): ReadResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reason: 'it is not an object' };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'it has no version number: it was not written by this site' };
  }
  if (version > CURRENT_VERSION) {
    return { ok: false, reason: `it was written by a newer version of this site (data version ${version}, this page reads up to ${CURRENT_VERSION})` };
  }
  let current: unknown = data;
  try {
    for (let v = version; v < CURRENT_VERSION; v++) current = MIGRATIONS[v](current);
  } catch (error) {
    return { ok: false, reason: `it could not be upgraded from version ${version}: ${describe(error, at)}` };
  }
  const problem = checkState(current, at);
  if (problem) return { ok: false, reason: `it does not match the expected shape: ${problem}` };
  // The data as stored: the checks only looked at it, and fields this build does not know stay.
  const state = withPractice(current as StoredState);
  return version === CURRENT_VERSION ? { ok: true, state } : { ok: true, state, migratedFrom: version };
}

/** What is wrong with a state, in words (the path, then the problem); undefined if nothing is. */
export function checkState(state: unknown, at: PropertyKey[] = []): string | undefined {
  const problem = stateSchema(state);
  return problem && describe(problem, at);
}

/** The practice scope always exists, so there is always somewhere for ticks to go. */
function withPractice(state: StoredState): StoredState {
  if (state.incidents[PRACTICE_ID]) return state;
  return { ...state, incidents: { ...state.incidents, [PRACTICE_ID]: practiceScope() } };
}

/**
 * A problem in words: "path.to.field: message", the path after `at`. The problem is a checker's Issue
 * (see check.ts; a migration throws the one it found), or any other thrown error.
 */
export function describe(problem: Issue | unknown, at: PropertyKey[] = []): string {
  const issue = problem as Partial<Issue> | undefined;
  if (Array.isArray(issue?.path)) {
    const segments = [...at, ...issue.path];
    const path = segments.length ? segments.map(String).join('.') + ': ' : '';
    return `${path}${issue.message}`;
  }
  return problem instanceof Error ? problem.message : String(problem);
}
