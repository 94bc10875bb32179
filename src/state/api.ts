/**
 * The interface of the state store: what islands and browser scripts may read and call. They depend
 * on this, not on how store.ts puts it together. Every action that acts on an incident names it by
 * id (checklist actions default to the current scope); an unknown id changes nothing.
 */
import type { ReadableAtom } from 'nanostores';
import type { StorageHealth } from './persistence/engine';
import type { Backup } from './persistence/document';
import type { Classification, Incident, SeverityEntry, StoredState, Tick } from './persistence/schema';

/** What the checklist code tells the store about an item when it is ticked. */
export interface ItemRef {
  id: string;
  label: string;
  page: string;
  pageTitle: string;
  checklist: string;
  heading: string;
}

/** A classification as the classifier hands it over; the store adds the time. */
export type ClassificationInput = Omit<Classification, 'at'>;

export interface StartIncidentInput {
  /** Trimmed; the id is used when it is empty. */
  title: string;
  handbook?: string;
  /** The level it starts at: recorded as the first `severity` entry. */
  severity?: string;
  /** Why that level (reason lines); defaults to the classification's reasons. */
  reasons?: string[];
  /** The classifier's answers, kept with the incident. */
  classification?: ClassificationInput;
  /** When it began, if before now (incidents are often declared minutes later). Invalid or future: now. */
  startedAt?: Date | string;
}

/** What deleteIncident took away, for restoreIncident (the "Undo"). */
export interface DeletedIncident {
  incident: Incident;
  wasActive: boolean;
  /** Its drafts, by template id. */
  drafts: Record<string, Draft>;
}

/** Values typed into a template's fields, saved as the reader types. */
export interface Draft {
  /** When it was last saved (ISO 8601, UTC). */
  at: string;
  /** Field id -> text (a list field: items on separate lines). */
  values: Record<string, string>;
}

/** One incident's draft of one template. */
export interface DraftStore {
  /** The saved draft; undefined when there is none (never typed, cleared, or unreadable). */
  $draft: ReadableAtom<Draft | undefined>;
  /** Saves the values under their own small key (never the state document), with the time. */
  save(values: Record<string, string>): void;
  /** Deletes the draft (after "mark as sent", or when the reader discards it). */
  clear(): void;
}

export interface DraftRef {
  incidentId: string;
  templateId: string;
  /** Storage key (for diagnostics). */
  key: string;
}

export interface TickActions {
  /** Ticks or unticks an item in an incident (default: the current scope), recording the time and responder. */
  setTick(item: ItemRef, done: boolean, incidentId?: string): void;
  /** Unticks every item of a checklist in an incident (default: the current scope), including items no longer on the page. */
  resetChecklist(checklist: string, incidentId?: string): void;
  /** Puts back ticks taken away by a reset (the checklist's "Undo"), with their original times. */
  restoreTicks(ticks: Record<string, Tick>, incidentId?: string): void;
}

export interface IncidentActions {
  /** Creates an incident (id INC-YYYY-MM-DD-NNN of its start day, never reused) and makes it active. */
  startIncident(input: StartIncidentInput): Incident;
  /** Makes an incident active; null (or an unknown id) goes back to the practice scope. */
  switchIncident(id: string | null): void;
  /** Closes an incident (a `closed` entry); if it was active, back to the practice scope. */
  closeIncident(id: string): void;
  /** Reopens a closed incident (a `reopened` entry) and makes it active. */
  reopenIncident(id: string): void;
  /** Removes an incident and its drafts; returns what was removed, for restoreIncident. */
  deleteIncident(id: string): DeletedIncident | undefined;
  /** Undoes a delete (active again if it was and nothing else is); false if its id is in use. */
  restoreIncident(deleted: DeletedIncident): boolean;
  /** Changes the title (trimmed; the id when empty). */
  renameIncident(id: string, title: string): void;
  /** Corrects when an incident began (and its `started` entry); false if the time is invalid or in the future. */
  setStartTime(id: string, at: Date | string): boolean;
}

export interface ClassificationActions {
  /** Keeps the classifier's answers and result with an incident, without changing its severity. */
  saveClassification(incidentId: string, classification: ClassificationInput): void;
  /**
   * Sets an incident's severity. A change records a `severity` entry (time, old level, new level,
   * reasons), returned; the same level records nothing. A classification given is saved either way.
   */
  setSeverity(
    incidentId: string,
    level: string,
    change?: { reasons?: string[]; classification?: ClassificationInput },
  ): SeverityEntry | undefined;
}

export interface DraftActions {
  /** The draft of one template for one incident (the same object for the same pair). */
  draft(incidentId: string, templateId: string): DraftStore;
  /** Every saved draft, or one incident's, by key order. */
  listDrafts(incidentId?: string): DraftRef[];
  /** Deletes an incident's drafts; returns them by template id. */
  clearDrafts(incidentId: string): Record<string, Draft>;
}

export interface ResponderActions {
  /** Records the responder's name (trimmed) with later ticks and entries; empty forgets it. */
  setResponder(name: string): void;
}

export interface BackupActions {
  /** Hides a backup's notice; the data stays where it is. */
  acknowledgeBackup(key: string): void;
  /** The text kept under a backup key (undefined for any other key). */
  readBackup(key: string): string | undefined;
  /** A JSON backup of everything stored: the state, drafts (when there are any) and data kept aside. */
  exportJSON(): string;
}

/** The whole store: its atoms and every actions module. */
export interface StateStore extends TickActions, IncidentActions, ClassificationActions, ResponderActions, BackupActions, DraftActions {
  /** The stored state as this tab sees it (what other tabs see, unless a write was refused). */
  readonly $state: ReadableAtom<StoredState>;
  /** The incident ticks go to now: the active one, or the practice scope. */
  readonly $active: ReadableAtom<Incident>;
  /** Unreadable data kept aside, for the notice. */
  readonly $backups: ReadableAtom<Backup[]>;
  /** Whether saving works (local / memory, quota). */
  readonly $health: ReadableAtom<StorageHealth>;
  /** The time in epoch ms, ticking each second while something listens (see clock.ts). Not stored. */
  readonly $now: ReadableAtom<number>;
}
