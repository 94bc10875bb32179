/**
 * The interface of the state store: what islands and browser scripts may read and call. They depend
 * on this, not on how store.ts puts it together. Every action that acts on an incident names it by
 * id (checklist actions default to the current scope); an unknown id changes nothing.
 */
import type { ReadableAtom } from 'nanostores';
import type { StorageHealth } from './persistence/engine';
import type { Backup } from './persistence/document';
import type {
  Classification, EscalatedEntry, Incident, MessageEntry, NoteEntry, SeverityEntry, StoredState, Tick,
} from './persistence/schema';

/** What the checklist code tells the store about an item when it is ticked. */
export interface ItemRef {
  /** The item's id, unique on the site ("page#heading/item"). */
  id: string;
  /** The item's text, kept with the tick so it can be reported after the item is gone. */
  label: string;
  /** The runbook's id. */
  page: string;
  /** The runbook's title. */
  pageTitle: string;
  /** The checklist's id ("page#heading"). */
  checklist: string;
  /** The heading the checklist sits under ("" for one at the top of the page). */
  heading: string;
  /**
   * How many items the checklist has on the page. Given, it is kept with the incident (its
   * `checklists`, for "3 of 8 done") and a tick that makes all of them done records a
   * `checklist-completed` entry.
   */
  checklistSize?: number;
}

/** A classification as the classifier hands it over; the store adds the time. */
export type ClassificationInput = Omit<Classification, 'at'>;

/** What startIncident is given. */
export interface StartIncidentInput {
  /** Trimmed; the id is used when it is empty. */
  title: string;
  /** The handbook whose severity scale and escalation policy apply. */
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
  /** The incident as it was. */
  incident: Incident;
  /** Whether it was the active incident. */
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

/** A saved draft, as listDrafts names it. */
export interface DraftRef {
  /** The incident it belongs to. */
  incidentId: string;
  /** The template it fills. */
  templateId: string;
  /** Storage key (for diagnostics). */
  key: string;
}

/** Checklist ticks (ticks.ts). */
export interface TickActions {
  /** Ticks or unticks an item in an incident (default: the current scope), recording the time and responder. */
  setTick(item: ItemRef, done: boolean, incidentId?: string): void;
  /** Unticks every item of a checklist in an incident (default: the current scope), including items no longer on the page. */
  resetChecklist(checklist: string, incidentId?: string): void;
  /** Puts back ticks taken away by a reset (the checklist's "Undo"), with their original times. */
  restoreTicks(ticks: Record<string, Tick>, incidentId?: string): void;
}

/** Incidents (incidents.ts). */
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

/** The severity classifier's side of an incident (classification.ts). */
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

/** Drafts of templates (drafts.ts). */
export interface DraftActions {
  /** The draft of one template for one incident (the same object for the same pair). */
  draft(incidentId: string, templateId: string): DraftStore;
  /** Every saved draft, or one incident's, by key order. */
  listDrafts(incidentId?: string): DraftRef[];
  /** Deletes an incident's drafts; returns them by template id. */
  clearDrafts(incidentId: string): Record<string, Draft>;
}

/** What recordMessage is given: a message marked as sent. Optional texts that are blank are left out. */
export interface MessageInput {
  /** What it was: "Status update", or the template's title. Trimmed; empty records nothing. */
  title: string;
  /** The template's id, when it came from the template filler. */
  template?: string;
  /** Where it went (a channel name, "email"...). */
  channel?: string;
  /** Who it was for ("internal", "customers"...). */
  audience?: string;
  /** The status it gave ("Investigating"...): the next message starts from it. */
  status?: string;
  /** The text sent (kept up to MESSAGE_MAX_LENGTH characters). */
  text?: string;
}

/** What recordEscalation is given: an escalation step carried out. */
export interface EscalationInput {
  /** Who it went to, as the handbook names the step's target. Trimmed; empty records nothing. */
  to: string;
  /** Anything worth saying with it (trimmed; kept up to NOTE_MAX_LENGTH characters). */
  note?: string;
}

/**
 * The timeline the reader writes: notes (a note starting "TODO:" is a follow-up), messages sent,
 * escalations. Each action names the incident (active or not; never the practice scope, which has no
 * timeline) and returns the entry as recorded, or undefined when nothing changed. New entries carry
 * the time and the responder's name (`by`); an edited note keeps its author.
 */
export interface TimelineActions {
  /**
   * Adds a note: the text trimmed, and cut to NOTE_MAX_LENGTH (2,000) characters, which is plenty
   * for a log line and keeps one paste from filling the browser's storage. Empty adds nothing.
   */
  addNote(incidentId: string, text: string): NoteEntry | undefined;
  /**
   * Replaces a note's text (trimmed and cut like addNote), keeping the earlier text and when it was
   * replaced in `edits`. Refused (undefined) for a deleted note, an empty text or the same text.
   */
  editNote(incidentId: string, entryId: string, text: string): NoteEntry | undefined;
  /** Marks a note deleted (`deletedAt`): it stays in the log, so the deletion leaves a record. Once only. */
  deleteNote(incidentId: string, entryId: string): NoteEntry | undefined;
  /** Ticks a follow-up off (`doneAt`: now) or back on. Only for notes that are follow-ups and not deleted. */
  setFollowUpDone(incidentId: string, entryId: string, done: boolean): NoteEntry | undefined;
  /** Records a `message-sent` entry (which resets the update clock). */
  recordMessage(incidentId: string, message: MessageInput): MessageEntry | undefined;
  /** Records an `escalated` entry: the step to `to` is then done. */
  recordEscalation(incidentId: string, escalation: EscalationInput): EscalatedEntry | undefined;
}

/** The reader's settings kept with the state; read them from $state. */
export interface PreferenceActions {
  /**
   * Turns reminders (browser notifications when an update or escalation falls due) on or off: the
   * state's `reminders` is true, or absent. Asking the browser for permission is the caller's part.
   */
  setReminders(on: boolean): void;
}

/** How much this site keeps in the browser's storage, against where it starts warning. */
export interface StorageUsage {
  /** Characters stored under this site's keys: every key and value (state, drafts, backups). */
  chars: number;
  /** Where the warning starts (STORAGE_WARN_CHARS, see usage.ts for why that number). */
  limit: number;
  /** chars >= limit: time to say so and offer an export. */
  nearLimit: boolean;
}

/** How full the browser's storage is (usage.ts). */
export interface UsageActions {
  /** Measures now, reading every key this site stores. */
  storageUsage(): StorageUsage;
  /** The same figure, kept up to date by every write (this tab's and, through storage events, other tabs') while something listens. Read it after subscribing. */
  readonly $usage: ReadableAtom<StorageUsage>;
}

/** The responder's name (responder.ts). */
export interface ResponderActions {
  /** Records the responder's name (trimmed) with later ticks and entries; empty forgets it. */
  setResponder(name: string): void;
}

/** Data kept aside, and the backup export (backups.ts; the import is in import.ts). */
export interface BackupActions {
  /** Hides a backup's notice; the data stays where it is. */
  acknowledgeBackup(key: string): void;
  /** The text kept under a backup key (undefined for any other key). */
  readBackup(key: string): string | undefined;
  /**
   * A JSON backup of everything stored: `{ format: 'incident-handbook-backup', version, exportedAt,
   * state, drafts?, backups }`: the state, drafts by incident and template (when there are any) and
   * data kept aside by backup key. import.ts reads it back (readBackupFile).
   */
  exportJSON(): string;
}

/** One handbook's training, as stored (training.ts): not part of any incident. */
export interface Training {
  /** Drill id -> the answer of its latest check (the score is worked out from it, see lib/drill-score.ts). */
  drills: Record<string, { level: string; runbook: string; at: string }>;
  /** Onboarding item id -> when it was ticked off as read (ISO 8601, UTC). */
  read: Record<string, string>;
}

/** One handbook's drill answers and onboarding progress. */
export interface TrainingStore {
  /** As stored; other tabs' changes arrive while something listens. */
  $training: ReadableAtom<Training>;
  /** Keeps the answer of a drill's check, replacing the one before (only the latest counts). */
  recordDrill(drillId: string, answer: { level: string; runbook: string }): void;
  /** Ticks an onboarding item off as read (keeping when it was first ticked), or back. */
  setRead(itemId: string, read: boolean): void;
  /** Unticks every onboarding item; returns what was ticked, for restoreOnboarding (the "Undo"). */
  resetOnboarding(): Record<string, string>;
  /** Puts back ticks taken away by a reset, with their times. */
  restoreOnboarding(read: Record<string, string>): void;
}

/** Drills and onboarding, per handbook (training.ts). */
export interface TrainingActions {
  /** The training of one handbook (the same object for the same handbook). */
  training(handbook: string): TrainingStore;
}

/** The whole store: its atoms and every actions module. */
export interface StateStore
  extends TickActions, IncidentActions, ClassificationActions, TimelineActions, ResponderActions, PreferenceActions, UsageActions, BackupActions, DraftActions, TrainingActions {
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

/*
 * Backup import and handoff. Not part of the store object: the functions live in import.ts and
 * handoff.ts, which the UI imports when the reader opens a file or a link (they are not needed on
 * page load). They take the store as their first argument.
 */

/** A backup file read and validated by readBackupFile: its state migrated to this build's version. */
export interface BackupFile {
  /** What it is: a backup of everything, or a handoff (one incident, read by handoff.ts). */
  from: 'backup' | 'handoff';
  /** The version of the build that wrote it (at most this build's). */
  version: number;
  /** When it was exported, if it says. */
  exportedAt?: string;
  /** Everything that browser stored, migrated and validated like this browser's own data. */
  state: StoredState;
  /** Its drafts, by incident id and template id (empty when it had none). */
  drafts: Record<string, Record<string, Draft>>;
}

/** What readBackupFile or readHandoff found: the data, or why it cannot be imported, in plain words. */
export type ReadResultOf<Data> = ({ ok: true } & Data) | { ok: false; reason: string };

/** An incident at a glance, for the import preview. */
export interface IncidentSummary {
  /** Its id ("practice" for the practice scope). */
  id: string;
  /** Its title. */
  title: string;
  /** Its severity level id, if set. */
  severity?: string;
  /** When it began (ISO 8601, UTC). */
  startedAt: string;
  /** When it was closed, if it is. */
  closedAt?: string;
  /** How many timeline entries it has. */
  entries: number;
  /** How many items are ticked in it. */
  ticks: number;
}

/** What the reader may choose for an incident present on both sides but different. */
export type ImportChoice = 'keep-mine' | 'take-theirs' | 'keep-both';

/** An incident present in this browser and in the file, with different content. */
export interface ImportConflict {
  /** The incident's id on both sides. */
  id: string;
  /** As this browser has it. */
  mine: IncidentSummary;
  /** As the file has it. */
  theirs: IncidentSummary;
  /** What differs, one short line each ("Severity: P2 here, P1 in the file"). */
  differences: string[];
  /** The choices that apply: 'keep-both' is not offered for the practice scope. */
  choices: ImportChoice[];
}

/** One draft, named by its incident and template. */
export interface DraftName {
  /** The incident it belongs to. */
  incidentId: string;
  /** The template it fills. */
  templateId: string;
}

/** A draft present on both sides with different values. */
export interface DraftConflict extends DraftName {
  /** As this browser has it. */
  mine: Draft;
  /** As the file has it. */
  theirs: Draft;
}

/** What importing a backup or a handoff would change, to show the reader before they confirm. */
export interface ImportPlan {
  /** Where it comes from: a backup file or a handoff (the words of the preview and of keep-both's note follow it). */
  from: 'backup' | 'handoff';
  /** Incidents only in the file: added as they are. `deletedHere`: an incident deleted in this browser, which the import brings back. */
  added: (IncidentSummary & { deletedHere: boolean })[];
  /** Ids of incidents identical on both sides: nothing to do. */
  unchanged: string[];
  /** Incidents on both sides that differ: each needs a choice, or it is left as it is here. */
  conflicts: ImportConflict[];
  /** The responder name, when the file's differs from this browser's (kept unless chosen). */
  responder?: { mine?: string; theirs: string };
  /**
   * Drafts in the file: missing here (added), or different here (kept unless chosen). Drafts follow
   * their incident: none are imported for an incident kept as it is here, and a copy (keep-both)
   * takes all of its drafts.
   */
  drafts: { added: DraftName[]; conflicts: DraftConflict[] };
  /** What the plan was made from, for applyImport: the state here then, and the file. */
  readonly basis: { state: StoredState; drafts: Record<string, Record<string, Draft>>; file: BackupFile };
}

/** The reader's choices for a plan's conflicts. Anything without a choice stays as it is here. */
export interface ImportChoices {
  /** Per conflicting incident id. */
  incidents?: Record<string, ImportChoice>;
  /** Per conflicting draft, keyed `${incidentId}:${templateId}`. */
  drafts?: Record<string, 'keep-mine' | 'take-theirs'>;
  /** Whether to take the file's responder name. */
  responder?: 'keep-mine' | 'take-theirs';
}

/** What applyImport changed. */
export interface ImportResult {
  /** Incidents added (only in the file). */
  added: string[];
  /** Incidents replaced by the file's version ('take-theirs'). */
  replaced: string[];
  /** The file's version added under a new id ('keep-both'). */
  copied: { from: string; to: string }[];
  /** Incidents left as they are here: chosen ('keep-mine'), no choice, or changed here since the preview. */
  kept: { id: string; reason: 'chosen' | 'no choice' | 'changed since the preview' }[];
  /** Drafts written (added, or replaced by choice). */
  drafts: DraftName[];
  /** The responder name taken from the file, if it was. */
  responder?: string;
}

/** One incident as a handoff carries it: plain data, JSON-serialisable (the link codec compresses it). */
export interface HandoffPayload {
  /** The format marker, so a reader can tell a handoff from any other data. */
  format: 'incident-handbook-handoff';
  /** The state version of the build that made it. */
  version: number;
  /** The incident, whole: timeline, ticks, checklists, classification. */
  incident: Incident;
  /** Its drafts, by template id (absent when it has none). */
  drafts?: Record<string, Draft>;
}
