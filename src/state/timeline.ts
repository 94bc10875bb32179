/**
 * The timeline the reader writes: notes (edited and deleted with a record kept), follow-ups ("TODO:"
 * notes) ticked off, messages marked as sent, escalations carried out. The store's own entries
 * (started, severity, checklist-completed, closed, reopened) are written by the actions of their concern.
 */
import { changeIncident, withEntry, type StoreContext, type Unstamped } from './context';
import { PRACTICE_ID } from './persistence/keys';
import type { EscalatedEntry, Incident, MessageEntry, NoteEntry, TimelineEntry } from './persistence/schema';
import type { TimelineActions } from './api';

/** The longest note kept, in characters: plenty for a log line; one stray paste cannot fill storage. */
export const NOTE_MAX_LENGTH = 2000;
/** The longest message text kept with a `message-sent` entry, in characters (a long status update). */
export const MESSAGE_MAX_LENGTH = 20000;

/** Trimmed and cut to `max` characters, never between the two halves of a surrogate pair. */
function clean(text: string | undefined, max: number): string {
  const cut = (text ?? '').trim().slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Optional texts, cleaned; blank ones left out. */
function optional(fields: Record<string, string | undefined>, max: number): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (clean(value, max)) kept[key] = clean(value, max);
  return kept;
}

/** A note is a follow-up when its text starts with "TODO:" (any case, after leading spaces): PagerDuty's scribe convention. */
export function isFollowUp(note: { text: string }): boolean {
  return /^todo:/i.test(note.text.trim());
}

/** An incident's follow-ups, open and done, oldest first; deleted notes left out. */
export function followUps(incident: Incident): NoteEntry[] {
  return incident.timeline
    .filter((entry): entry is NoteEntry => entry.kind === 'note' && !entry.deletedAt && isFollowUp(entry))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function timelineActions({ doc, now }: StoreContext): TimelineActions {
  /** Appends an entry to an incident (not the practice scope); returns it as recorded. */
  const append = <Entry extends TimelineEntry>(incidentId: string, entry: Unstamped<Entry>): Entry | undefined => {
    let added: Entry | undefined;
    doc.update((state) =>
      incidentId === PRACTICE_ID
        ? state
        : changeIncident(state, incidentId, (incident) => {
            let next: Incident;
            [next, added] = withEntry<Entry>(state, incident, entry);
            return next;
          }),
    );
    return added;
  };

  /** Changes one note; `change` returns undefined to refuse. Returns the note as changed. */
  const changeNote = (incidentId: string, entryId: string, change: (note: NoteEntry, at: string) => NoteEntry | undefined) => {
    let changed: NoteEntry | undefined;
    doc.update((state) =>
      changeIncident(state, incidentId, (incident) => {
        changed = undefined;
        const timeline = incident.timeline.map((entry) =>
          entry.id === entryId && entry.kind === 'note' ? (changed = change(entry, now().toISOString())) ?? entry : entry,
        );
        return changed ? { ...incident, timeline } : incident;
      }),
    );
    return changed;
  };

  return {
    addNote(incidentId, text) {
      const note = clean(text, NOTE_MAX_LENGTH);
      return note ? append<NoteEntry>(incidentId, { at: now().toISOString(), kind: 'note', text: note }) : undefined;
    },

    editNote(incidentId, entryId, text) {
      const next = clean(text, NOTE_MAX_LENGTH);
      return changeNote(incidentId, entryId, (note, at) =>
        !next || note.deletedAt || next === note.text ? undefined : { ...note, text: next, edits: [...(note.edits ?? []), { at, text: note.text }] },
      );
    },

    deleteNote(incidentId, entryId) {
      return changeNote(incidentId, entryId, (note, at) => (note.deletedAt ? undefined : { ...note, deletedAt: at }));
    },

    setFollowUpDone(incidentId, entryId, done) {
      return changeNote(incidentId, entryId, (note, at) => {
        if (note.deletedAt || !isFollowUp(note) || done === !!note.doneAt) return undefined;
        const { doneAt: _, ...open } = note;
        return done ? { ...open, doneAt: at } : open;
      });
    },

    recordMessage(incidentId, { title, text, ...about }) {
      const name = clean(title, NOTE_MAX_LENGTH);
      return name
        ? append<MessageEntry>(incidentId, {
            at: now().toISOString(),
            kind: 'message-sent',
            title: name,
            ...optional(about, NOTE_MAX_LENGTH),
            ...optional({ text }, MESSAGE_MAX_LENGTH),
          })
        : undefined;
    },

    recordEscalation(incidentId, { to, note }) {
      const target = clean(to, NOTE_MAX_LENGTH);
      return target
        ? append<EscalatedEntry>(incidentId, { at: now().toISOString(), kind: 'escalated', to: target, ...optional({ note }, NOTE_MAX_LENGTH) })
        : undefined;
    },
  };
}
