/** The page's one state store, created on first use in the browser. Islands and browser scripts import from here. */
import { createStateStore } from './store';
import type { StateStore } from './api';

export { createStateStore } from './store';
export type {
  StateStore, ItemRef, StartIncidentInput, ClassificationInput, DeletedIncident, Draft, DraftStore, DraftRef,
  MessageInput, EscalationInput, StorageUsage, BackupFile, ReadResultOf, IncidentSummary, ImportChoice, ImportConflict,
  DraftName, DraftConflict, ImportPlan, ImportChoices, ImportResult, HandoffPayload,
} from './api';
export type { Training, TrainingStore } from './api';
export type { Handoff } from './handoff';
export type { Backup } from './persistence/document';
export type { StorageHealth } from './persistence/engine';
export type {
  StoredState, Incident, Tick, Classification, TimelineEntry, SeverityEntry, NoteEntry, MessageEntry, ChecklistCompletedEntry,
  EscalatedEntry, ChecklistInfo,
} from './persistence/schema';
export { isFollowUp, followUps, NOTE_MAX_LENGTH, MESSAGE_MAX_LENGTH } from './timeline';
export { STORAGE_WARN_CHARS } from './usage';
export { PRACTICE_ID } from './persistence/keys';
export { $now } from './clock';

let store: StateStore | undefined;

export function getStore(): StateStore {
  store ??= createStateStore();
  return store;
}
