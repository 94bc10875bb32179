/**
 * What ticks tell the incident about its checklists: each checklist's page, heading and size kept
 * with the incident (for "3 of 8 done"), and one `checklist-completed` entry per completion, however
 * the checklist got there (ticks, a reset and its undo, another tab).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { storageHealth } from '../../src/state/persistence/engine';
import { PRACTICE_ID } from '../../src/state/persistence/keys';
import type { ChecklistCompletedEntry, StoredState } from '../../src/state/persistence/schema';
import type { ItemRef } from '../../src/state/api';
import { item, setup } from './state-helpers';

beforeEach(() => {
  storageHealth.set({ mode: 'local', quotaExceeded: false });
});

const VERIFY = 'demo/respond-now#verify';
/** The three items of the Verify checklist, as the page describes them. */
const [A, B, C] = ['health-checks-green', 'error-rate-normal', 'queue-drained'].map((id) => item(id, { checklistSize: 3 }));
const OTHER: ItemRef = item('page-acknowledged', { id: 'demo/respond-now#top/page-acknowledged', checklist: 'demo/respond-now#top', heading: '', checklistSize: 1 });

function started() {
  const context = setup();
  const incident = context.store.startIncident({ title: 'Outage' });
  const state = () => context.store.$state.get().incidents[incident.id];
  const completions = () => state().timeline.filter((entry): entry is ChecklistCompletedEntry => entry.kind === 'checklist-completed');
  return { ...context, id: incident.id, state, completions };
}

describe('checklist metadata', () => {
  it('keeps the page, title, heading and size of each checklist ticked in the incident', () => {
    const { store, state } = started();
    store.setTick(A, true);
    store.setTick(OTHER, true);
    expect(state().checklists).toEqual({
      [VERIFY]: { page: 'demo/respond-now', pageTitle: 'Respond now', heading: 'Verify', total: 3 },
      'demo/respond-now#top': { page: 'demo/respond-now', pageTitle: 'Respond now', heading: '', total: 1 },
    });
  });

  it('follows the page when the checklist changes size, and keeps it after unticking or a reset', () => {
    const { store, state } = started();
    store.setTick(A, true);
    store.setTick({ ...B, checklistSize: 4 }, true);
    expect(state().checklists?.[VERIFY].total).toBe(4);
    store.setTick({ ...B, checklistSize: 4 }, false);
    store.resetChecklist(VERIFY);
    expect(state().checklists?.[VERIFY]).toEqual({ page: 'demo/respond-now', pageTitle: 'Respond now', heading: 'Verify', total: 4 });
  });

  it('is not kept without a valid size (older callers, nonsense)', () => {
    const { store, state } = started();
    store.setTick(item('health-checks-green'), true);
    store.setTick(item('error-rate-normal', { checklistSize: 0 }), true);
    store.setTick(item('queue-drained', { checklistSize: 2.5 }), true);
    expect(state()).not.toHaveProperty('checklists');
    expect(Object.keys(state().ticks)).toHaveLength(3);
  });

  it('writes nothing when nothing changed', () => {
    const { store, storage } = started();
    store.setTick(A, true);
    const writes = storage.writes;
    store.setTick(B, false);
    expect(storage.writes).toBe(writes);
  });

  it('is kept in the practice scope too (its export can count), with no timeline entry there', () => {
    const { store } = setup();
    for (const ref of [A, B, C]) store.setTick(ref, true);
    const practice = store.$state.get().incidents[PRACTICE_ID];
    expect(practice.checklists?.[VERIFY].total).toBe(3);
    expect(practice.timeline).toEqual([]);
  });
});

describe('checklist-completed', () => {
  it('is recorded once, when the tick that makes every item done lands, with the checklist and who ticked', () => {
    const { store, time, completions } = started();
    store.setResponder('Ana');
    store.setTick(A, true);
    store.setTick(B, true);
    expect(completions()).toEqual([]);
    time.set('2026-11-23T10:12:00.000Z');
    store.setTick(C, true);
    expect(completions()).toEqual([
      {
        id: expect.any(String), at: '2026-11-23T10:12:00.000Z', kind: 'checklist-completed', by: 'Ana',
        checklist: VERIFY, heading: 'Verify', page: 'demo/respond-now', pageTitle: 'Respond now', total: 3,
      },
    ]);
  });

  it('is never recorded twice in a row: ticking a done checklist again, or a tick in another checklist, adds nothing', () => {
    const { store, completions } = started();
    for (const ref of [A, B, C]) store.setTick(ref, true);
    store.setTick(C, true); // another tab's view ticked it again
    store.setTick(OTHER, true);
    expect(completions().map((entry) => entry.checklist)).toEqual([VERIFY, 'demo/respond-now#top']);
  });

  it('is recorded again after the checklist is un-completed and completed again', () => {
    const { store, time, completions } = started();
    for (const ref of [A, B, C]) store.setTick(ref, true);
    time.set('2026-11-23T10:20:00.000Z');
    store.setTick(B, false);
    expect(completions()).toHaveLength(1);
    time.set('2026-11-23T10:25:00.000Z');
    store.setTick(B, true);
    expect(completions().map((entry) => entry.at)).toEqual(['2026-11-23T10:00:00.000Z', '2026-11-23T10:25:00.000Z']);
  });

  it('is recorded when the page grows and the new item completes it', () => {
    const { store, completions } = started();
    for (const ref of [A, B, C]) store.setTick(ref, true);
    store.setTick(item('new-step', { checklistSize: 4 }), true);
    expect(completions().map((entry) => entry.total)).toEqual([3, 4]);
  });

  it('a reset and its undo (restoreTicks) put the checklist back as it was, without a second entry', () => {
    const { store, time, state, completions } = started();
    for (const ref of [A, B, C]) store.setTick(ref, true);
    const before = state();
    time.set('2026-11-23T10:40:00.000Z');
    const taken = Object.fromEntries(Object.entries(before.ticks).filter(([, tick]) => tick.checklist === VERIFY));
    store.resetChecklist(VERIFY);
    expect(Object.keys(state().ticks)).toEqual([]);
    store.restoreTicks(taken);
    expect(state().ticks).toEqual(before.ticks);
    expect(completions()).toHaveLength(1);
    expect(state().timeline).toEqual(before.timeline);
  });

  it('a reset then ticking every item again is a new completion', () => {
    const { store, time, completions } = started();
    for (const ref of [A, B, C]) store.setTick(ref, true);
    store.resetChecklist(VERIFY);
    time.set('2026-11-23T11:00:00.000Z');
    for (const ref of [A, B, C]) store.setTick(ref, true);
    expect(completions().map((entry) => entry.at)).toEqual(['2026-11-23T10:00:00.000Z', '2026-11-23T11:00:00.000Z']);
  });

  it('a restore that completes a checklist never recorded as completed records it, at the time of the restore', () => {
    const { store, time, id, completions, state } = started();
    store.setTick(A, true);
    store.setTick(B, true);
    const partial = state().ticks;
    store.resetChecklist(VERIFY);
    store.setTick(C, true);
    time.set('2026-11-23T10:50:00.000Z');
    store.restoreTicks(partial, id);
    expect(completions().map((entry) => entry.at)).toEqual(['2026-11-23T10:50:00.000Z']);
  });

  it('counts only the incident it happens in', () => {
    const { store, id, completions } = started();
    store.setTick(A, true);
    store.setTick(B, true);
    const second = store.startIncident({ title: 'Second' });
    store.setTick(C, true);
    expect(completions()).toEqual([]);
    store.setTick(C, true, id);
    expect(completions()).toHaveLength(1);
    expect(store.$state.get().incidents[second.id].timeline.some((entry) => entry.kind === 'checklist-completed')).toBe(false);
  });

  it('completes a checklist ticked partly in another tab', () => {
    const { store, storage, id, completions } = started();
    store.setTick(A, true);
    // Another tab ticks B, writing straight to storage.
    const other: StoredState = storage.state();
    const { id: itemId, checklistSize: _, ...ref } = B;
    other.incidents[id].ticks[itemId] = { ...ref, at: '2026-11-23T10:00:30.000Z' };
    storage.data.set('incident-handbook:state', JSON.stringify(other));
    store.setTick(C, true);
    expect(completions()).toHaveLength(1);
  });
});
