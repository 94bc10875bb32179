/**
 * Incident actions: the timeline they write (started, closed, reopened), a start time given by the
 * caller, delete with undo, rename, and every action acting on the incident it names, active or not.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { storageHealth } from '../../src/state/persistence/engine';
import { PRACTICE_ID, STATE_KEY } from '../../src/state/persistence/keys';
import { createStateStore } from '../../src/state/store';
import { item, setup } from './state-helpers';

const HEALTH = item('health-checks-green');
const ERRORS = item('error-rate-normal');

beforeEach(() => {
  storageHealth.set({ mode: 'local', quotaExceeded: false });
});

describe('startIncident', () => {
  it('records a started entry at its start, with the responder', () => {
    const { store } = setup();
    store.setResponder('Ana');
    const incident = store.startIncident({ title: 'Outage' });
    expect(incident.timeline).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{16}$/), at: '2026-11-23T10:00:00.000Z', kind: 'started', by: 'Ana' }]);
  });

  it('takes an earlier start time from the caller: startedAt, the started entry, declaredAt, and the id of that day', () => {
    const { store } = setup({ start: new Date('2026-11-23T00:10:00.000Z') });
    const incident = store.startIncident({ title: 'Began before midnight', startedAt: '2026-11-22T23:55:00.000Z' });
    expect(incident.id).toBe('INC-2026-11-22-001');
    expect(incident.startedAt).toBe('2026-11-22T23:55:00.000Z');
    expect(incident.timeline).toEqual([
      { id: expect.any(String), at: '2026-11-22T23:55:00.000Z', kind: 'started', declaredAt: '2026-11-23T00:10:00.000Z' },
    ]);
    expect(store.startIncident({ title: 'Date object', startedAt: new Date('2026-11-23T00:05:00.000Z') }).startedAt).toBe('2026-11-23T00:05:00.000Z');
  });

  it('starts now when the given start is invalid or in the future', () => {
    const { store } = setup();
    for (const startedAt of ['yesterday-ish', '2026-11-23T10:00:01.000Z', new Date(Number.NaN)]) {
      const incident = store.startIncident({ title: 'x', startedAt });
      expect(incident.startedAt).toBe('2026-11-23T10:00:00.000Z');
      expect(incident.timeline[0]).not.toHaveProperty('declaredAt');
    }
  });

  it('gives every entry its own id', () => {
    const { store } = setup();
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const incident = store.startIncident({ title: `#${i}`, severity: 'P2' });
      store.closeIncident(incident.id);
      store.reopenIncident(incident.id);
      for (const entry of store.$state.get().incidents[incident.id].timeline) ids.add(entry.id);
    }
    expect(ids.size).toBe(200);
  });
});

describe('close and reopen', () => {
  it('closing records a closed entry once, keeps the first closedAt, and leaves practice alone', () => {
    const { store, time } = setup();
    const incident = store.startIncident({ title: 'Outage' });
    time.set('2026-11-23T11:00:00.000Z');
    store.closeIncident(incident.id);
    time.set('2026-11-23T12:00:00.000Z');
    store.closeIncident(incident.id);
    const closed = store.$state.get().incidents[incident.id];
    expect(closed.closedAt).toBe('2026-11-23T11:00:00.000Z');
    expect(closed.timeline.map((entry) => [entry.kind, entry.at])).toEqual([
      ['started', '2026-11-23T10:00:00.000Z'],
      ['closed', '2026-11-23T11:00:00.000Z'],
    ]);
  });

  it('reopening removes closedAt, records a reopened entry and makes it active', () => {
    const { store, time } = setup();
    const first = store.startIncident({ title: 'First' });
    store.closeIncident(first.id);
    const second = store.startIncident({ title: 'Second' });
    time.set('2026-11-23T13:00:00.000Z');
    store.reopenIncident(first.id);
    const state = store.$state.get();
    expect(state.activeIncident).toBe(first.id);
    expect(state.incidents[first.id]).not.toHaveProperty('closedAt');
    expect(state.incidents[first.id].timeline.map((entry) => entry.kind)).toEqual(['started', 'closed', 'reopened']);
    expect(state.incidents[first.id].timeline[2].at).toBe('2026-11-23T13:00:00.000Z');
    expect(state.incidents[second.id].timeline.map((entry) => entry.kind)).toEqual(['started']);
  });

  it('reopening an open incident records nothing; reopening practice or an unknown id changes nothing', () => {
    const { store, storage } = setup();
    const incident = store.startIncident({ title: 'Open' });
    store.switchIncident(null);
    const before = storage.data.get(STATE_KEY);
    store.reopenIncident(PRACTICE_ID);
    store.reopenIncident('INC-1999-01-01-001');
    expect(storage.data.get(STATE_KEY)).toBe(before);
    store.reopenIncident(incident.id);
    expect(store.$state.get().incidents[incident.id].timeline).toHaveLength(1);
    expect(store.$state.get().activeIncident).toBe(incident.id);
  });
});

describe('delete and undo', () => {
  it('removes an incident and returns what undo needs; undo puts it back exactly, active again', () => {
    const { store, storage } = setup();
    const incident = store.startIncident({ title: 'Mistake', severity: 'P3' });
    store.setTick(HEALTH, true);
    const stored = store.$state.get().incidents[incident.id];
    const deleted = store.deleteIncident(incident.id)!;
    expect(deleted).toEqual({ incident: stored, wasActive: true, drafts: {} });
    expect(store.$state.get().incidents).not.toHaveProperty(incident.id);
    expect(store.$state.get().activeIncident).toBeNull();
    expect(storage.state().deletedIncidents).toEqual([incident.id]);

    expect(store.restoreIncident(deleted)).toBe(true);
    expect(store.$state.get().incidents[incident.id]).toEqual(stored);
    expect(store.$state.get().activeIncident).toBe(incident.id);
    expect(storage.state().deletedIncidents).toEqual([]);
    expect(store.restoreIncident(deleted)).toBe(false);
  });

  it('never issues a deleted incident\'s id again, so undo cannot collide with a newer incident', () => {
    const { store } = setup();
    const first = store.startIncident({ title: 'First' });
    const deleted = store.deleteIncident(first.id)!;
    const second = store.startIncident({ title: 'Second' });
    expect(second.id).toBe('INC-2026-11-23-002');
    expect(store.restoreIncident(deleted)).toBe(true);
    // Something else is active now: undo does not take that away.
    expect(store.$state.get().activeIncident).toBe(second.id);
    expect(Object.keys(store.$state.get().incidents).sort()).toEqual([first.id, second.id, PRACTICE_ID].sort());
    store.deleteIncident(second.id);
    expect(store.startIncident({ title: 'Third' }).id).toBe('INC-2026-11-23-003');
  });

  it('remembers deleted ids across a reload', () => {
    const { store, storage, time } = setup();
    store.deleteIncident(store.startIncident({ title: 'Gone' }).id);
    const reloaded = createStateStore({ local: storage, now: time.now });
    expect(reloaded.startIncident({ title: 'Next' }).id).toBe('INC-2026-11-23-002');
  });

  it('deleting an incident that is not active keeps the active one; practice and unknown ids are not deleted', () => {
    const { store } = setup();
    const first = store.startIncident({ title: 'First' });
    const second = store.startIncident({ title: 'Second' });
    expect(store.deleteIncident(first.id)?.wasActive).toBe(false);
    expect(store.$state.get().activeIncident).toBe(second.id);
    expect(store.deleteIncident(PRACTICE_ID)).toBeUndefined();
    expect(store.deleteIncident('INC-1999-01-01-001')).toBeUndefined();
    expect(store.$state.get().incidents[PRACTICE_ID]).toBeDefined();
  });
});

describe('rename and start time', () => {
  it('renames any incident (trimmed; the id when empty), not practice', () => {
    const { store } = setup();
    const first = store.startIncident({ title: 'First' });
    store.startIncident({ title: 'Second' });
    store.renameIncident(first.id, '  Checkout down ');
    expect(store.$state.get().incidents[first.id].title).toBe('Checkout down');
    store.renameIncident(first.id, '   ');
    expect(store.$state.get().incidents[first.id].title).toBe(first.id);
    store.renameIncident(PRACTICE_ID, 'Renamed');
    expect(store.$state.get().incidents[PRACTICE_ID].title).toBe('Practice (no active incident)');
  });

  it('corrects the start time of any incident: startedAt and the started entry, keeping when it was declared', () => {
    const { store, time } = setup();
    const incident = store.startIncident({ title: 'Outage' });
    store.startIncident({ title: 'Other' });
    time.set('2026-11-23T10:30:00.000Z');
    expect(store.setStartTime(incident.id, '2026-11-23T09:48:00.000Z')).toBe(true);
    const saved = store.$state.get().incidents[incident.id];
    expect(saved.startedAt).toBe('2026-11-23T09:48:00.000Z');
    expect(saved.timeline[0]).toMatchObject({ kind: 'started', at: '2026-11-23T09:48:00.000Z', declaredAt: '2026-11-23T10:00:00.000Z' });
    expect(store.setStartTime(incident.id, new Date('2026-11-23T09:45:00.000Z'))).toBe(true);
    expect(store.$state.get().incidents[incident.id].timeline[0]).toMatchObject({ at: '2026-11-23T09:45:00.000Z', declaredAt: '2026-11-23T10:00:00.000Z' });
  });

  it('refuses an invalid or future start time, practice and unknown ids', () => {
    const { store, storage } = setup();
    const incident = store.startIncident({ title: 'Outage' });
    const before = storage.data.get(STATE_KEY);
    expect(store.setStartTime(incident.id, 'soon')).toBe(false);
    expect(store.setStartTime(incident.id, '2026-11-23T10:00:01.000Z')).toBe(false);
    expect(store.setStartTime(PRACTICE_ID, '2026-11-23T09:00:00.000Z')).toBe(false);
    expect(store.setStartTime('INC-1999-01-01-001', '2026-11-23T09:00:00.000Z')).toBe(false);
    expect(storage.data.get(STATE_KEY)).toBe(before);
  });
});

describe('actions name the incident they act on', () => {
  it('ticks, resets and restores ticks of an incident that is not active', () => {
    const { store } = setup();
    const first = store.startIncident({ title: 'First' });
    const second = store.startIncident({ title: 'Second' });
    store.setTick(HEALTH, true, first.id);
    store.setTick(ERRORS, true, first.id);
    store.setTick(HEALTH, true);
    let state = store.$state.get();
    expect(Object.keys(state.incidents[first.id].ticks).sort()).toEqual([ERRORS.id, HEALTH.id].sort());
    expect(Object.keys(state.incidents[second.id].ticks)).toEqual([HEALTH.id]);

    const removed = state.incidents[first.id].ticks;
    store.resetChecklist(HEALTH.checklist, first.id);
    expect(store.$state.get().incidents[first.id].ticks).toEqual({});
    expect(Object.keys(store.$state.get().incidents[second.id].ticks)).toEqual([HEALTH.id]);
    store.restoreTicks(removed, first.id);
    store.setTick(ERRORS, false, first.id);
    state = store.$state.get();
    expect(Object.keys(state.incidents[first.id].ticks)).toEqual([HEALTH.id]);
    expect(state.activeIncident).toBe(second.id);
  });

  it('ticks the practice scope by name while an incident is active', () => {
    const { store } = setup();
    store.startIncident({ title: 'Active' });
    store.setTick(HEALTH, true, PRACTICE_ID);
    expect(Object.keys(store.$state.get().incidents[PRACTICE_ID].ticks)).toEqual([HEALTH.id]);
  });

  it('changes nothing, and writes nothing, for an unknown incident', () => {
    const { store, storage } = setup();
    store.startIncident({ title: 'Active' });
    const before = storage.data.get(STATE_KEY);
    const writes = storage.writes;
    store.setTick(HEALTH, true, 'INC-1999-01-01-001');
    store.resetChecklist(HEALTH.checklist, 'INC-1999-01-01-001');
    store.restoreTicks({}, 'INC-1999-01-01-001');
    store.closeIncident('INC-1999-01-01-001');
    store.renameIncident('INC-1999-01-01-001', 'x');
    store.setSeverity('INC-1999-01-01-001', 'P1');
    store.saveClassification('INC-1999-01-01-001', { handbook: 'demo', answers: { questions: {}, readings: {} }, reasons: [] });
    expect(storage.data.get(STATE_KEY)).toBe(before);
    expect(storage.writes).toBe(writes);
    expect(store.$state.get().incidents).not.toHaveProperty('INC-1999-01-01-001');
  });
});

describe('writes that would not read back', () => {
  it('are refused with an error naming the field, leaving memory and storage as they were', () => {
    const { store, storage } = setup();
    const incident = store.startIncident({ title: 'Outage' });
    const before = storage.data.get(STATE_KEY);
    const bad = { handbook: 'demo', answers: { questions: {}, readings: { 'error-rate': 'high' } }, reasons: [] } as never;
    expect(() => store.saveClassification(incident.id, bad)).toThrow(
      `incidents.${incident.id}.classification.answers.readings.error-rate: expected a number, true or false`,
    );
    expect(storage.data.get(STATE_KEY)).toBe(before);
    expect(store.$state.get().incidents[incident.id]).not.toHaveProperty('classification');
  });
});

describe('in memory only (storage unavailable)', () => {
  it('runs every incident action', () => {
    const store = createStateStore({ local: null, now: () => new Date('2026-11-23T10:00:00.000Z') });
    const incident = store.startIncident({ title: 'Outage', severity: 'P2', startedAt: '2026-11-23T09:50:00.000Z' });
    store.setSeverity(incident.id, 'P1', { reasons: ['worse'] });
    store.renameIncident(incident.id, 'Renamed');
    store.closeIncident(incident.id);
    store.reopenIncident(incident.id);
    const deleted = store.deleteIncident(incident.id)!;
    store.restoreIncident(deleted);
    const saved = store.$state.get().incidents[incident.id];
    expect(saved.title).toBe('Renamed');
    expect(saved.timeline.map((entry) => entry.kind)).toEqual(['started', 'severity', 'severity', 'closed', 'reopened']);
    expect(store.$health.get().mode).toBe('memory');
  });
});
