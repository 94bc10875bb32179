/**
 * Timeline actions: notes (add, edit and delete leaving a record), follow-ups ("TODO:" notes) ticked
 * off, messages sent, escalations; each acting on the incident it names, never on the practice scope,
 * stamped with the time and the responder, and stored so that a reload reads them back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { storageHealth } from '../../src/state/persistence/engine';
import { PRACTICE_ID } from '../../src/state/persistence/keys';
import { readState } from '../../src/state/persistence/migrations';
import { createStateStore } from '../../src/state/store';
import { followUps, isFollowUp, MESSAGE_MAX_LENGTH, NOTE_MAX_LENGTH } from '../../src/state/timeline';
import type { Incident, NoteEntry } from '../../src/state/persistence/schema';
import { setup } from './state-helpers';

beforeEach(() => {
  storageHealth.set({ mode: 'local', quotaExceeded: false });
});

/** A store with one incident started at T0 (10:00 UTC), and the clock. */
function started() {
  const context = setup();
  const incident = context.store.startIncident({ title: 'Outage' });
  const timeline = () => context.store.$state.get().incidents[incident.id].timeline;
  return { ...context, id: incident.id, timeline };
}

describe('addNote', () => {
  it('appends a note, trimmed, with its time, an id and the responder', () => {
    const { store, time, id, timeline, storage } = started();
    store.setResponder('Ana');
    time.set('2026-11-23T10:05:00.000Z');
    const note = store.addNote(id, '  Stripe webhooks failing \n');
    expect(note).toEqual({ id: expect.stringMatching(/^[0-9a-f]{16}$/), at: '2026-11-23T10:05:00.000Z', kind: 'note', text: 'Stripe webhooks failing', by: 'Ana' });
    expect(timeline().at(-1)).toEqual(note);
    expect(storage.state().incidents[id].timeline.at(-1)).toEqual(note);
  });

  it('adds nothing for an empty or blank text', () => {
    const { store, id, timeline } = started();
    const before = timeline();
    expect(store.addNote(id, '')).toBeUndefined();
    expect(store.addNote(id, ' \n\t ')).toBeUndefined();
    expect(timeline()).toEqual(before);
  });

  it(`cuts a note to ${NOTE_MAX_LENGTH} characters, never between the halves of a character`, () => {
    const { store, id } = started();
    expect(store.addNote(id, 'x'.repeat(NOTE_MAX_LENGTH + 500))?.text).toHaveLength(NOTE_MAX_LENGTH);
    // An emoji (two UTF-16 units) straddling the cut is dropped whole.
    const text = store.addNote(id, `${'x'.repeat(NOTE_MAX_LENGTH - 1)}🔥 more`)!.text;
    expect(text).toBe('x'.repeat(NOTE_MAX_LENGTH - 1));
    expect(store.addNote(id, `${'x'.repeat(NOTE_MAX_LENGTH - 2)}🔥 more`)!.text).toBe(`${'x'.repeat(NOTE_MAX_LENGTH - 2)}🔥`);
  });

  it('acts on the incident it names, active or not, and never on the practice scope or an unknown id', () => {
    const { store, id } = started();
    const second = store.startIncident({ title: 'Second' });
    expect(store.$state.get().activeIncident).toBe(second.id);
    store.addNote(id, 'on the first');
    expect(store.$state.get().incidents[id].timeline.at(-1)).toMatchObject({ kind: 'note', text: 'on the first' });
    expect(store.$state.get().incidents[second.id].timeline.some((entry) => entry.kind === 'note')).toBe(false);
    const before = store.$state.get();
    expect(store.addNote(PRACTICE_ID, 'practice')).toBeUndefined();
    expect(store.addNote('INC-1999-01-01-001', 'nowhere')).toBeUndefined();
    expect(store.$state.get()).toEqual(before);
  });

  it('is kept after a reload, and reads back through the schema', () => {
    const { store, storage, id } = started();
    const note = store.addNote(id, 'TODO: write the post-mortem');
    const reloaded = createStateStore({ local: storage });
    expect(reloaded.$state.get().incidents[id].timeline.at(-1)).toEqual(note);
    expect(readState(JSON.stringify(storage.state())).ok).toBe(true);
  });
});

describe('editNote', () => {
  it('replaces the text and keeps the earlier one with when it was replaced, oldest first', () => {
    const { store, time, id } = started();
    const note = store.addNote(id, 'Stripe webhook failing')!;
    time.set('2026-11-23T10:07:00.000Z');
    store.editNote(id, note.id, 'Stripe webhooks failing');
    time.set('2026-11-23T10:09:00.000Z');
    const edited = store.editNote(id, note.id, '  Stripe webhooks failing since 09:50  ');
    expect(edited).toEqual({
      ...note,
      text: 'Stripe webhooks failing since 09:50',
      edits: [
        { at: '2026-11-23T10:07:00.000Z', text: 'Stripe webhook failing' },
        { at: '2026-11-23T10:09:00.000Z', text: 'Stripe webhooks failing' },
      ],
    });
    expect(store.$state.get().incidents[id].timeline.find((entry) => entry.id === note.id)).toEqual(edited);
  });

  it('keeps the note\'s author and time when someone else edits it', () => {
    const { store, time, id } = started();
    store.setResponder('Ana');
    const note = store.addNote(id, 'first')!;
    store.setResponder('Ben');
    time.set('2026-11-23T11:00:00.000Z');
    expect(store.editNote(id, note.id, 'second')).toMatchObject({ by: 'Ana', at: note.at, text: 'second' });
  });

  it('refuses an empty text, the same text, a deleted note, an entry that is not a note and an unknown id', () => {
    const { store, id, timeline } = started();
    const note = store.addNote(id, 'kept')!;
    const deleted = store.addNote(id, 'gone')!;
    store.deleteNote(id, deleted.id);
    const before = timeline();
    expect(store.editNote(id, note.id, '   ')).toBeUndefined();
    expect(store.editNote(id, note.id, ' kept ')).toBeUndefined();
    expect(store.editNote(id, deleted.id, 'back again')).toBeUndefined();
    expect(store.editNote(id, before[0].id, 'the started entry')).toBeUndefined();
    expect(store.editNote(id, 'no-such-entry', 'x')).toBeUndefined();
    expect(store.editNote('INC-1999-01-01-001', note.id, 'x')).toBeUndefined();
    expect(timeline()).toEqual(before);
  });
});

describe('deleteNote', () => {
  it('marks the note deleted and leaves it in the log with its text', () => {
    const { store, time, id, timeline } = started();
    const note = store.addNote(id, 'wrong incident')!;
    time.set('2026-11-23T10:30:00.000Z');
    const deleted = store.deleteNote(id, note.id);
    expect(deleted).toEqual({ ...note, deletedAt: '2026-11-23T10:30:00.000Z' });
    expect(timeline().filter((entry) => entry.kind === 'note')).toEqual([deleted]);
  });

  it('deletes once: a second delete changes nothing, and the first time stays', () => {
    const { store, time, id } = started();
    const note = store.addNote(id, 'x')!;
    store.deleteNote(id, note.id);
    time.set('2026-11-23T12:00:00.000Z');
    expect(store.deleteNote(id, note.id)).toBeUndefined();
    expect(store.$state.get().incidents[id].timeline.at(-1)).toMatchObject({ deletedAt: '2026-11-23T10:00:00.000Z' });
  });
});

describe('follow-ups', () => {
  it.each([
    ['TODO: rotate the key', true],
    ['todo: lower case', true],
    ['  ToDo:  spaces first', true],
    ['TODO:', true],
    ['TODO rotate (no colon)', false],
    ['Not a TODO: here', false],
    ['', false],
  ])('isFollowUp(%j) is %s', (text, expected) => {
    expect(isFollowUp({ text })).toBe(expected);
  });

  it('ticks a follow-up off with the time, and back on', () => {
    const { store, time, id } = started();
    const todo = store.addNote(id, 'TODO: rotate the key')!;
    time.set('2026-11-23T11:00:00.000Z');
    expect(store.setFollowUpDone(id, todo.id, true)).toEqual({ ...todo, doneAt: '2026-11-23T11:00:00.000Z' });
    expect(store.setFollowUpDone(id, todo.id, true)).toBeUndefined();
    const reopened = store.setFollowUpDone(id, todo.id, false);
    expect(reopened).toEqual(todo);
    expect(reopened).not.toHaveProperty('doneAt');
    expect(store.setFollowUpDone(id, todo.id, false)).toBeUndefined();
  });

  it('only ticks off notes that are follow-ups and not deleted', () => {
    const { store, id, timeline } = started();
    const plain = store.addNote(id, 'just a note')!;
    const todo = store.addNote(id, 'TODO: gone')!;
    store.deleteNote(id, todo.id);
    const before = timeline();
    expect(store.setFollowUpDone(id, plain.id, true)).toBeUndefined();
    expect(store.setFollowUpDone(id, todo.id, true)).toBeUndefined();
    expect(store.setFollowUpDone(id, before[0].id, true)).toBeUndefined();
    expect(timeline()).toEqual(before);
  });

  it('followUps lists open and done ones in time order, without deleted notes or other notes', () => {
    const { store, time, id } = started();
    time.set('2026-11-23T10:20:00.000Z');
    const later = store.addNote(id, 'TODO: second')!;
    time.set('2026-11-23T10:10:00.000Z');
    const earlier = store.addNote(id, 'todo: first')!;
    store.addNote(id, 'not a follow-up');
    const deleted = store.addNote(id, 'TODO: dropped')!;
    store.deleteNote(id, deleted.id);
    store.setFollowUpDone(id, later.id, true);
    const list = followUps(store.$state.get().incidents[id]);
    expect(list.map((note) => note.text)).toEqual(['todo: first', 'TODO: second']);
    expect(list[0]).toEqual(earlier);
    expect(list[1].doneAt).toBe('2026-11-23T10:10:00.000Z');
  });

  it('followUps skips entries of other kinds, including kinds it does not know', () => {
    const incident: Incident = {
      id: 'INC-2026-11-23-001', title: 'x', startedAt: '2026-11-23T10:00:00.000Z', ticks: {},
      timeline: [
        { id: 'a', at: '2026-11-23T10:00:00.000Z', kind: 'escalated', to: 'TODO: not a note' },
        { id: 'b', at: '2026-11-23T10:01:00.000Z', kind: 'later-kind', text: 'TODO: unknown' } as never,
        { id: 'c', at: '2026-11-23T10:02:00.000Z', kind: 'note', text: 'TODO: real' },
      ],
    };
    expect(followUps(incident).map((note: NoteEntry) => note.id)).toEqual(['c']);
  });
});

describe('recordMessage', () => {
  it('records "Update sent" as a message-sent entry with only a title', () => {
    const { store, time, id } = started();
    store.setResponder('Ana');
    time.set('2026-11-23T10:30:00.000Z');
    expect(store.recordMessage(id, { title: 'Status update' })).toEqual({
      id: expect.any(String), at: '2026-11-23T10:30:00.000Z', kind: 'message-sent', title: 'Status update', by: 'Ana',
    });
  });

  it('keeps the template, channel, audience and text, leaving out blank ones', () => {
    const { store, id } = started();
    const entry = store.recordMessage(id, { title: ' Customer notice ', template: 'agency/customer', channel: ' ', audience: 'customers', text: 'We are investigating.\n' });
    expect(entry).toEqual({
      id: expect.any(String), at: '2026-11-23T10:00:00.000Z', kind: 'message-sent',
      title: 'Customer notice', template: 'agency/customer', audience: 'customers', text: 'We are investigating.',
    });
    expect(store.recordMessage(id, { title: 'Long', text: 'y'.repeat(MESSAGE_MAX_LENGTH + 10) })?.text).toHaveLength(MESSAGE_MAX_LENGTH);
  });

  it('records nothing without a title, for the practice scope or an unknown id', () => {
    const { store, id, timeline } = started();
    const before = timeline();
    expect(store.recordMessage(id, { title: '  ', text: 'x' })).toBeUndefined();
    expect(store.recordMessage(PRACTICE_ID, { title: 'Status update' })).toBeUndefined();
    expect(store.recordMessage('INC-1999-01-01-001', { title: 'Status update' })).toBeUndefined();
    expect(timeline()).toEqual(before);
    expect(store.$state.get().incidents[PRACTICE_ID].timeline).toEqual([]);
  });

  it('records on a closed incident too (a resolution message is often sent after closing)', () => {
    const { store, id } = started();
    store.closeIncident(id);
    expect(store.recordMessage(id, { title: 'Resolved' })).toMatchObject({ kind: 'message-sent' });
  });
});

describe('recordEscalation', () => {
  it('records an escalated entry with the target and an optional note', () => {
    const { store, time, id } = started();
    time.set('2026-11-23T10:31:00.000Z');
    expect(store.recordEscalation(id, { to: ' Tech Lead ' })).toEqual({ id: expect.any(String), at: '2026-11-23T10:31:00.000Z', kind: 'escalated', to: 'Tech Lead' });
    expect(store.recordEscalation(id, { to: 'Management', note: ' Called Dana ' })).toMatchObject({ to: 'Management', note: 'Called Dana' });
    expect(store.recordEscalation(id, { to: 'Management', note: '  ' })).not.toHaveProperty('note');
  });

  it('records nothing without a target', () => {
    const { store, id, timeline } = started();
    const before = timeline();
    expect(store.recordEscalation(id, { to: '' })).toBeUndefined();
    expect(store.recordEscalation(PRACTICE_ID, { to: 'Tech Lead' })).toBeUndefined();
    expect(timeline()).toEqual(before);
  });
});
