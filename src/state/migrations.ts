/**
 * Reading stored data of any version into the current schema. Each migration takes the output of
 * the previous one; `readState` runs them in order from the stored version and validates the result.
 *
 * Version history:
 * - 1: the first checklist store. Ticks of the practice scope only: `{ version: 1, ticks: { [itemId]: ISO time } }`.
 * - 2: incidents as the unit of state; ticks carry their label, page and heading (see schema.ts).
 */
import * as z from 'zod/mini';
import { CURRENT_VERSION, practiceScope, stateSchema, type StoredState, type Tick } from './schema';
import { PRACTICE_ID } from './keys';

const v1Schema = z.object({
  version: z.literal(1),
  ticks: z.record(z.string(), z.string()),
});

type Migration = (data: unknown) => unknown;

/** MIGRATIONS[n] turns version n into version n + 1. */
export const MIGRATIONS: Record<number, Migration> = {
  1: (data) => {
    const v1 = v1Schema.parse(data);
    const ticks: Record<string, Tick> = {};
    for (const [itemId, at] of Object.entries(v1.ticks)) {
      // v1 kept no labels: recover page and checklist from the id ("page#heading/item").
      const [page, rest = ''] = itemId.split('#');
      const [heading = '', ...item] = rest.split('/');
      ticks[itemId] = {
        at, label: item.join('/') || itemId, page, pageTitle: page, checklist: `${page}#${heading}`, heading,
      };
    }
    const practice = { ...practiceScope(), ticks };
    return { version: 2, activeIncident: null, incidents: { [PRACTICE_ID]: practice } };
  },
};

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
    return { ok: false, reason: `it could not be upgraded from version ${version}: ${describe(error)}` };
  }
  const parsed = stateSchema.safeParse(current);
  if (!parsed.success) return { ok: false, reason: `it does not match the expected shape: ${describe(parsed.error)}` };
  const state = withPractice(parsed.data);
  return version === CURRENT_VERSION ? { ok: true, state } : { ok: true, state, migratedFrom: version };
}

/** The practice scope always exists, so there is always somewhere for ticks to go. */
function withPractice(state: StoredState): StoredState {
  if (state.incidents[PRACTICE_ID]) return state;
  return { ...state, incidents: { ...state.incidents, [PRACTICE_ID]: practiceScope() } };
}

function describe(error: unknown): string {
  const issues = (error as { issues?: { path?: PropertyKey[]; message: string }[] })?.issues;
  if (issues?.length) {
    const issue = issues[0];
    const path = issue.path?.length ? issue.path.map(String).join('.') + ': ' : '';
    return `${path}${issue.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
