/** What every actions module is given, and the small helpers they share. */
import type { StateDocument } from './persistence/document';
import type { Incident, StoredState, TimelineEntry } from './persistence/schema';
import { PRACTICE_ID } from './persistence/keys';

export interface StoreContext {
  doc: StateDocument;
  /** The time to record (injected in tests). */
  now: () => Date;
}

/** The incident ticks go to when none is named: the active one, or the practice scope. */
export function scopeId(state: StoredState): string {
  return state.activeIncident && state.incidents[state.activeIncident] ? state.activeIncident : PRACTICE_ID;
}

/** Changes one incident; an unknown id changes nothing. Returning the same incident changes nothing. */
export function changeIncident(state: StoredState, id: string, change: (incident: Incident) => Incident): StoredState {
  const incident = state.incidents[id];
  if (!incident) return state;
  const next = change(incident);
  return next === incident ? state : { ...state, incidents: { ...state.incidents, [id]: next } };
}

/** A timeline entry id: random, so entries of one incident recorded in two browsers can be merged. */
export function entryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** An entry of any kind before the store stamps it with its id and the responder. */
export type Unstamped<Entry> = Entry extends unknown ? Omit<Entry, 'id' | 'by'> : never;

/** Appends an entry stamped with its id, and the responder's name if given. */
export function withEntry<Entry extends TimelineEntry = TimelineEntry>(
  state: StoredState,
  incident: Incident,
  entry: Unstamped<Entry>,
): [Incident, Entry] {
  const added = { id: entryId(), ...entry, ...(state.responder ? { by: state.responder } : {}) } as Entry;
  return [{ ...incident, timeline: [...incident.timeline, added] }, added];
}
