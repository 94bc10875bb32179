/**
 * Handoff: one incident, whole, for the next on-call ("Share incident"). handoffPayload gives the
 * plain data the link codec (src/lib/handoff-codec.ts) compresses into the URL fragment; readHandoff
 * validates what a link or a file brings, exactly like a backup (the same migrations and schema); the
 * receiving side then previews and confirms with planHandoff / applyHandoff, the backup import's
 * planning with that one incident. Loaded on demand: nothing here is needed on page load.
 */
import { applyImport, draftsProblem, internalsOf, isIncidentId, isObject, planImport, readBackupFile, refuse, shown, versionProblem } from './import';
import { HANDOFF_FORMAT, PRACTICE_ID } from './persistence/keys';
import { migrateState } from './persistence/migrations';
import { CURRENT_VERSION, type Incident } from './persistence/schema';
import type { BackupFile, Draft, HandoffPayload, ImportChoices, ImportPlan, ImportResult, ReadResultOf, StateStore } from './api';

/** What a handoff carries, once read: the incident and its drafts by template id. */
export interface Handoff {
  /** The incident, validated and migrated to this build's version. */
  incident: Incident;
  /** Its drafts by template id (empty when it had none). */
  drafts: Record<string, Draft>;
}

/** One incident and its drafts, as plain data (a copy: changing it changes nothing stored). Undefined for an unknown id or the practice scope. */
export function handoffPayload(store: StateStore, incidentId: string): HandoffPayload | undefined {
  const { doc, drafts } = internalsOf(store);
  const incident = doc.read().incidents[incidentId];
  if (!incident || incidentId === PRACTICE_ID) return undefined;
  const own = drafts.allDrafts()[incidentId];
  const payload: HandoffPayload = { format: HANDOFF_FORMAT, version: CURRENT_VERSION, incident, ...(own ? { drafts: own } : {}) };
  return JSON.parse(JSON.stringify(payload)) as HandoffPayload;
}

/**
 * Reads a handoff: the decoded payload, or its JSON text. Validated like a backup: the format marker,
 * a version no newer than this build, the incident through the same migrations and schema as stored
 * data, then its drafts. Each refusal says what is wrong in plain words, naming the field.
 */
export function readHandoff(data: unknown): ReadResultOf<Handoff> {
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return refuse('The handoff cannot be read: it is not JSON.');
    }
  }
  if (!isObject(data) || data.format !== HANDOFF_FORMAT) {
    return refuse(`This is not a handoff of this handbook: its format marker ("format") is ${shown(isObject(data) ? data.format : undefined)}, expected "${HANDOFF_FORMAT}".`);
  }
  const tooNew = versionProblem(data.version, 'handoff');
  if (tooNew) return refuse(tooNew);
  // Read as a state holding that one incident, under the key "incident", so a reason's path reads "incident.title".
  const read = migrateState({ version: data.version, activeIncident: null, incidents: { incident: data.incident } });
  if (!read.ok) return refuse(`The handoff's incident cannot be read: ${read.reason.replace(/\bincidents\.incident\b/g, 'incident')}.`);
  const incident = read.state.incidents.incident;
  if (incident.id === PRACTICE_ID || !isIncidentId(incident.id)) {
    return refuse(`The handoff's incident cannot be read: incident.id is ${shown(incident.id)}, expected an incident id like INC-2026-11-23-001.`);
  }
  const drafts = data.drafts ?? {};
  const problem = draftsProblem(drafts, 'drafts');
  if (problem) return refuse(`A draft in the handoff cannot be read: ${problem}.`);
  return { ok: true, incident, drafts: drafts as Record<string, Draft> };
}

/** A handoff as a one-incident backup, for the import's planning. */
export function handoffAsBackup({ incident, drafts }: Handoff): BackupFile {
  return {
    from: 'handoff',
    version: CURRENT_VERSION,
    state: { version: CURRENT_VERSION, activeIncident: null, incidents: { [incident.id]: incident } },
    drafts: Object.keys(drafts).length ? { [incident.id]: drafts } : {},
  };
}

/**
 * Reads a file the reader picked to import: a backup, or a handoff saved as a file (when its link was
 * too long for chat). Either way a BackupFile for planImport.
 */
export function readImportFile(text: string): ReadResultOf<{ backup: BackupFile }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return readBackupFile(text);
  }
  if (!isObject(data) || data.format !== HANDOFF_FORMAT) return readBackupFile(text);
  const handoff = readHandoff(data);
  return handoff.ok ? { ok: true, backup: handoffAsBackup(handoff) } : handoff;
}

/** What receiving a handoff would change here: the incident is added, or in conflict with this browser's copy. */
export function planHandoff(store: StateStore, handoff: Handoff): ImportPlan {
  return planImport(store, handoffAsBackup(handoff));
}

/** Receives a handoff after the reader confirmed its plan (see applyImport; keep-both notes say "from a handoff"). */
export function applyHandoff(store: StateStore, plan: ImportPlan, choices: ImportChoices = {}): ImportResult {
  return applyImport(store, plan, choices);
}
