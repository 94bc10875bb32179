/**
 * Importing a backup ("Import backup"; a handoff goes the same way, see handoff.ts): read and validate
 * the file, plan the merge against this browser's state, then apply the reader's choices. Loaded on
 * demand (`await import(...)`) when the reader picks a file: nothing here is needed on page load.
 *
 * The rules: reading changes nothing, and an invalid file says why in plain words, naming the field.
 * A file is validated exactly like this browser's own data (the same migrations and schema). An
 * incident present on both sides is never overwritten without the reader's choice for it, nor when it
 * changed here after the preview; the active incident stays as it was.
 */
import { withEntry } from './context';
import { draftSchema } from './drafts';
import { internals } from './store';
import { BACKUP_FORMAT, PRACTICE_ID } from './persistence/keys';
import { describe, migrateState } from './persistence/migrations';
import { CURRENT_VERSION, type Incident, type StoredState } from './persistence/schema';
import { nextIncidentId } from '../lib/incident-id';
import type {
  BackupFile, Draft, DraftConflict, DraftName, ImportChoice, ImportChoices, ImportConflict, ImportPlan, ImportResult,
  IncidentSummary, ReadResultOf, StateStore,
} from './api';

type DraftsByIncident = Record<string, Record<string, Draft>>;

/** The document and drafts behind a store made by createStateStore. */
export function internalsOf(store: StateStore) {
  const found = internals.get(store);
  if (!found) throw new TypeError('Not a store made by createStateStore');
  return found;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A refusal, with its reason in plain words. */
export const refuse = (reason: string) => ({ ok: false as const, reason });

/** A value as the reader can recognise it in a reason ("missing", or as JSON). */
export const shown = (value: unknown) => (value === undefined ? 'missing' : JSON.stringify(value));

/**
 * The ids this site gives incidents: the practice scope's, or INC-YYYY-MM-DD-NNN. A file with any
 * other is refused: a key such as "__proto__" must never reach the state's objects.
 */
export const isIncidentId = (id: unknown): id is string => id === PRACTICE_ID || (typeof id === 'string' && /^INC-\d{4}-\d{2}-\d{2}-\d{3,}$/.test(id));

/** What is wrong with a file's `version` (of `what`: "backup", "handoff"), or undefined. */
export function versionProblem(version: unknown, what: string): string | undefined {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return `The ${what} has no valid version: "version" is ${shown(version)}, expected a whole number from 1 to ${CURRENT_VERSION}.`;
  }
  if (version > CURRENT_VERSION) {
    return `The ${what} was made by a newer version of the handbook (version ${version}; this page reads up to version ${CURRENT_VERSION}). Reload the page to get the newest handbook, then try again.`;
  }
  return undefined;
}

/** What is wrong with one incident's drafts (template id -> draft) at `path`, or undefined. */
export function draftsProblem(drafts: unknown, path: string): string | undefined {
  if (!isObject(drafts)) return `${path}: expected drafts by template id, found ${shown(drafts)}`;
  for (const [templateId, draft] of Object.entries(drafts)) {
    const problem = draftSchema(draft);
    if (problem) return describe(problem, [path, templateId]);
  }
  return undefined;
}

/**
 * Reads a backup file's text ("Export backup" writes it: see BackupActions.exportJSON). Files from
 * before the format marker (an object with `exportedAt` and `state` only) are read too. Nothing is
 * changed by reading.
 */
export function readBackupFile(text: string): ReadResultOf<{ backup: BackupFile }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('The file is not a backup: it is not JSON. Choose the .json file that "Export backup" downloaded.');
  }
  if (!isObject(data)) return refuse('The file is not a backup: it holds no object of saved data.');
  // Exports made before the marker existed: exportedAt and state, nothing else to tell them apart.
  const unmarked = data.format === undefined && typeof data.exportedAt === 'string' && isObject(data.state);
  if (data.format !== BACKUP_FORMAT && !unmarked) {
    return refuse(`The file is not a backup of this handbook: its format marker ("format") is ${shown(data.format)}, expected "${BACKUP_FORMAT}".`);
  }
  const version = unmarked ? (data.state as { version?: unknown }).version : data.version;
  const tooNew = versionProblem(version, 'backup');
  if (tooNew) return refuse(tooNew);
  const read = migrateState(data.state, ['state']);
  if (!read.ok) return refuse(`The backup's saved data ("state") cannot be read: ${read.reason}.`);
  for (const [key, incident] of Object.entries(read.state.incidents)) {
    if (!isIncidentId(key)) return refuse(`The backup's saved data cannot be read: state.incidents has an incident saved under ${shown(key)}, expected an id like INC-2026-11-23-001.`);
    if (incident.id !== key) return refuse(`The backup's saved data cannot be read: state.incidents.${key}.id is ${shown(incident.id)}, expected "${key}" (the key it is saved under).`);
  }
  const drafts = data.drafts ?? {};
  if (!isObject(drafts)) return refuse(`A draft in the backup cannot be read: "drafts" is ${shown(drafts)}, expected drafts by incident id.`);
  for (const [incidentId, byTemplate] of Object.entries(drafts)) {
    if (!isIncidentId(incidentId)) return refuse(`A draft in the backup cannot be read: "drafts" has drafts under ${shown(incidentId)}, expected an incident id like INC-2026-11-23-001.`);
    const problem = draftsProblem(byTemplate, `drafts.${incidentId}`);
    if (problem) return refuse(`A draft in the backup cannot be read: ${problem}.`);
  }
  return {
    ok: true,
    backup: {
      from: 'backup',
      version: version as number,
      ...(typeof data.exportedAt === 'string' ? { exportedAt: data.exportedAt } : {}),
      state: read.state,
      drafts: drafts as DraftsByIncident,
    },
  };
}

/** A record's own entry (never one inherited from Object.prototype, whatever the key). */
const own = <Value>(record: Record<string, Value> | undefined, key: string): Value | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/** JSON with every object's keys sorted: equal data gives equal text, whatever order it was written in. */
function canonical(value: unknown): string | undefined {
  return JSON.stringify(value, (_, inner: unknown) =>
    isObject(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}

function summarize(incident: Incident): IncidentSummary {
  return {
    id: incident.id,
    title: incident.title,
    ...(incident.severity ? { severity: incident.severity } : {}),
    startedAt: incident.startedAt,
    ...(incident.closedAt ? { closedAt: incident.closedAt } : {}),
    entries: incident.timeline.length,
    ticks: Object.keys(incident.ticks).length,
  };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What differs between two versions of one incident, one short line each. */
function differences(mine: IncidentSummary, theirs: IncidentSummary, there: string): string[] {
  const lines: string[] = [];
  if (mine.title !== theirs.title) lines.push(`Title: "${mine.title}" here, "${theirs.title}" ${there}`);
  if (mine.severity !== theirs.severity) lines.push(`Severity: ${mine.severity ?? 'not set'} here, ${theirs.severity ?? 'not set'} ${there}`);
  if (!mine.closedAt !== !theirs.closedAt) lines.push(`${mine.closedAt ? 'Closed' : 'Open'} here, ${theirs.closedAt ? 'closed' : 'open'} ${there}`);
  if (mine.entries !== theirs.entries) lines.push(`Timeline: ${count(mine.entries, 'entry', 'entries')} here, ${theirs.entries} ${there}`);
  if (mine.ticks !== theirs.ticks) lines.push(`Ticked items: ${mine.ticks} here, ${theirs.ticks} ${there}`);
  if (mine.startedAt !== theirs.startedAt) lines.push(`Start: ${mine.startedAt} here, ${theirs.startedAt} ${there}`);
  if (!lines.length) lines.push(`Same title, severity and counts; some entries or ticks differ`);
  return lines;
}

/** The practice scope with nothing in it: nothing to import (every file has one). */
const isEmptyPractice = (incident: Incident) =>
  incident.id === PRACTICE_ID && !incident.timeline.length && !Object.keys(incident.ticks).length;

/**
 * What importing `file` into `state` (with `drafts`) would change. Pure: the state and drafts are
 * given. Incidents only in the file are added; identical ones are unchanged; the others are conflicts
 * (the practice scope's ticks included). A file's empty practice scope is left out.
 */
export function planMerge(state: StoredState, drafts: DraftsByIncident, file: BackupFile): ImportPlan {
  const there = file.from === 'handoff' ? 'in the handoff' : 'in the file';
  const plan: ImportPlan = {
    from: file.from,
    added: [],
    unchanged: [],
    conflicts: [],
    drafts: { added: [], conflicts: [] },
    basis: { state, drafts, file },
  };
  for (const [id, theirs] of Object.entries(file.state.incidents)) {
    const mine = state.incidents[id];
    if (isEmptyPractice(theirs)) continue;
    if (!mine) {
      plan.added.push({ ...summarize(theirs), deletedHere: !!state.deletedIncidents?.includes(id) });
    } else if (canonical(mine) === canonical(theirs)) {
      plan.unchanged.push(id);
    } else {
      const conflict: ImportConflict = {
        id,
        mine: summarize(mine),
        theirs: summarize(theirs),
        differences: differences(summarize(mine), summarize(theirs), there),
        choices: id === PRACTICE_ID ? ['keep-mine', 'take-theirs'] : ['keep-mine', 'take-theirs', 'keep-both'],
      };
      plan.conflicts.push(conflict);
    }
  }
  const theirName = file.state.responder;
  if (theirName && theirName !== state.responder) plan.responder = { ...(state.responder ? { mine: state.responder } : {}), theirs: theirName };
  for (const [incidentId, byTemplate] of Object.entries(file.drafts)) {
    // A draft of an incident on neither side belongs to nothing.
    if (!file.state.incidents[incidentId] && !state.incidents[incidentId]) continue;
    for (const [templateId, theirs] of Object.entries(byTemplate)) {
      const mine = own(own(drafts, incidentId), templateId);
      if (!mine) plan.drafts.added.push({ incidentId, templateId });
      else if (canonical(mine.values) !== canonical(theirs.values)) {
        const conflict: DraftConflict = { incidentId, templateId, mine, theirs };
        plan.drafts.conflicts.push(conflict);
      }
    }
  }
  return plan;
}

/** What importing a backup (from readBackupFile) into this browser would change; changes nothing. */
export function planImport(store: StateStore, file: BackupFile): ImportPlan {
  const { doc, drafts } = internalsOf(store);
  return planMerge(doc.read(), drafts.allDrafts(), file);
}

/** A day for a copy's id: the incident's start, or now if that is not a time. */
function startDay(incident: Incident, now: Date): Date {
  const start = new Date(incident.startedAt);
  return Number.isNaN(start.getTime()) ? now : start;
}

/**
 * Applies a plan with the reader's choices, in one write. Incidents only in the file are added;
 * each conflict follows its choice (none: left as it is here): 'keep-mine'; 'take-theirs' replaces it;
 * 'keep-both' adds the file's version under a new id `INC-<its start date>-NNN` with a note saying
 * which incident it copies. An incident that changed here since the plan was made is left as it is
 * (plan again to see it). Drafts follow their incident; a draft here is replaced only by choice.
 * The active incident stays as it was. Returns what changed.
 */
export function applyImport(store: StateStore, plan: ImportPlan, choices: ImportChoices = {}): ImportResult {
  const { doc, drafts, now } = internalsOf(store);
  const { file, state: planned, drafts: plannedDrafts } = plan.basis;
  const theirs = file.state.incidents;
  const result: ImportResult = { added: [], replaced: [], copied: [], kept: [], drafts: [] };

  doc.update((state) => {
    Object.assign(result, { added: [], replaced: [], copied: [], kept: [] });
    const incidents = { ...state.incidents };
    let deleted = state.deletedIncidents;
    const asPlanned = (id: string) => canonical(state.incidents[id]) === canonical(planned.incidents[id]);

    for (const { id } of plan.added) {
      if (!asPlanned(id)) {
        result.kept.push({ id, reason: 'changed since the preview' });
        continue;
      }
      incidents[id] = theirs[id];
      deleted = deleted?.filter((other) => other !== id);
      result.added.push(id);
    }

    const taken = new Set([...Object.keys(incidents), ...(deleted ?? [])]);
    for (const { id, choices: offered } of plan.conflicts) {
      const choice: ImportChoice | undefined = choices.incidents?.[id];
      if (!choice || !offered.includes(choice)) {
        result.kept.push({ id, reason: 'no choice' });
      } else if (choice === 'keep-mine') {
        result.kept.push({ id, reason: 'chosen' });
      } else if (choice === 'keep-both') {
        const at = now();
        const copyId = nextIncidentId(startDay(theirs[id], at), taken);
        taken.add(copyId);
        [incidents[copyId]] = withEntry(state, { ...theirs[id], id: copyId }, {
          at: at.toISOString(),
          kind: 'note',
          text: `Imported from a ${plan.from} as a copy of ${id}.`,
        });
        result.copied.push({ from: id, to: copyId });
      } else if (!asPlanned(id)) {
        result.kept.push({ id, reason: 'changed since the preview' });
      } else {
        incidents[id] = theirs[id];
        result.replaced.push(id);
      }
    }

    let next: StoredState = { ...state, incidents, ...(deleted ? { deletedIncidents: deleted } : {}) };
    if (choices.responder === 'take-theirs' && plan.responder) {
      next = { ...next, responder: plan.responder.theirs };
      result.responder = plan.responder.theirs;
    }
    return next;
  });

  const here = drafts.allDrafts();
  const put = (name: DraftName, draft: Draft) => {
    drafts.putDraft(name.incidentId, name.templateId, draft);
    result.drafts.push(name);
  };
  const kept = new Set(result.kept.map(({ id }) => id));
  const present = doc.read().incidents;
  for (const [incidentId, byTemplate] of Object.entries(file.drafts)) {
    const copy = result.copied.find((copied) => copied.from === incidentId);
    // Drafts follow their incident: none for one kept as it is here, or on neither side.
    if (!copy && (kept.has(incidentId) || !present[incidentId])) continue;
    for (const [templateId, draft] of Object.entries(byTemplate)) {
      if (copy) {
        put({ incidentId: copy.to, templateId }, draft);
        continue;
      }
      const mine = own(own(here, incidentId), templateId);
      if (mine && canonical(mine.values) === canonical(draft.values)) continue;
      const chosen = choices.drafts?.[`${incidentId}:${templateId}`] === 'take-theirs';
      if (!mine || (chosen && canonical(mine) === canonical(own(own(plannedDrafts, incidentId), templateId)))) put({ incidentId, templateId }, draft);
    }
  }
  return result;
}
