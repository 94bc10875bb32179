/**
 * What the severity classifier needs from the store: "Start incident" with the level, answers and
 * reasons; "Set severity" recording time, old level, new level and reasons; the saved answers read
 * back later (another page, a reload).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { storageHealth } from '../../src/state/persistence/engine';
import { PRACTICE_ID, STATE_KEY } from '../../src/state/persistence/keys';
import { createStateStore } from '../../src/state/store';
import type { ClassificationInput } from '../../src/state/api';
import { setup } from './state-helpers';

const P1_ANSWERS: ClassificationInput = {
  handbook: 'demo',
  answers: { questions: { 'users-affected': 'All users', 'data-at-risk': 'not-sure' }, readings: { 'error-rate': 2.5, 'looks-like-attack': false } },
  level: 'P1',
  reasons: ['Users affected?: All users', 'Error rate: 2.5 % (> 1 % for 5 min)'],
};
const P0_ANSWERS: ClassificationInput = {
  ...P1_ANSWERS,
  answers: { questions: { 'users-affected': 'All users', 'data-at-risk': 'Yes' }, readings: { 'error-rate': 2.5 } },
  level: 'P0',
  reasons: ['Data at risk?: Yes'],
};

beforeEach(() => {
  storageHealth.set({ mode: 'local', quotaExceeded: false });
});

describe('Start incident from a result', () => {
  it('creates the incident with that severity, keeping the answers and the reasons', () => {
    const { store } = setup();
    const incident = store.startIncident({ title: 'Checkout errors', handbook: 'demo', severity: 'P1', classification: P1_ANSWERS });
    expect(incident.severity).toBe('P1');
    expect(incident.classification).toEqual({ ...P1_ANSWERS, at: '2026-11-23T10:00:00.000Z' });
    expect(incident.timeline[1]).toEqual({
      id: expect.any(String), at: '2026-11-23T10:00:00.000Z', kind: 'severity', to: 'P1', reasons: P1_ANSWERS.reasons,
    });
    expect(store.$active.get()).toEqual(incident);
  });

  it('uses reasons given apart from the classification', () => {
    const { store } = setup();
    const incident = store.startIncident({ title: 'x', severity: 'P2', reasons: ['Said so on the bridge'], classification: P1_ANSWERS });
    expect(incident.timeline[1]).toMatchObject({ kind: 'severity', to: 'P2', reasons: ['Said so on the bridge'] });
  });

  it('records the severity at the time it was set, even when the incident began earlier', () => {
    const { store } = setup();
    const incident = store.startIncident({ title: 'x', severity: 'P1', startedAt: '2026-11-23T09:40:00.000Z' });
    expect(incident.timeline.map((entry) => [entry.kind, entry.at])).toEqual([
      ['started', '2026-11-23T09:40:00.000Z'],
      ['severity', '2026-11-23T10:00:00.000Z'],
    ]);
  });
});

describe('setSeverity', () => {
  it('records the time, the old level, the new level and the reasons, and returns the entry', () => {
    const { store, time } = setup();
    store.setResponder('Ana');
    const incident = store.startIncident({ title: 'x', severity: 'P1', classification: P1_ANSWERS });
    time.set('2026-11-23T10:20:00.000Z');
    const entry = store.setSeverity(incident.id, 'P0', { classification: P0_ANSWERS });
    const expected = { id: expect.any(String), at: '2026-11-23T10:20:00.000Z', kind: 'severity', from: 'P1', to: 'P0', reasons: ['Data at risk?: Yes'], by: 'Ana' };
    expect(entry).toEqual(expected);
    const saved = store.$state.get().incidents[incident.id];
    expect(saved.severity).toBe('P0');
    expect(saved.timeline.at(-1)).toEqual(expected);
    expect(saved.classification).toEqual({ ...P0_ANSWERS, at: '2026-11-23T10:20:00.000Z' });
  });

  it('sets a first severity without "from"', () => {
    const { store } = setup();
    const incident = store.startIncident({ title: 'x' });
    const entry = store.setSeverity(incident.id, 'P3', { reasons: ['Minor'] });
    expect(entry).not.toHaveProperty('from');
    expect(entry).toMatchObject({ to: 'P3', reasons: ['Minor'] });
  });

  it('records nothing when the level does not change, but saves a classification given', () => {
    const { store, time } = setup();
    const incident = store.startIncident({ title: 'x', severity: 'P1' });
    time.set('2026-11-23T10:30:00.000Z');
    expect(store.setSeverity(incident.id, 'P1', { classification: P1_ANSWERS })).toBeUndefined();
    const saved = store.$state.get().incidents[incident.id];
    expect(saved.timeline.filter((entry) => entry.kind === 'severity')).toHaveLength(1);
    expect(saved.classification?.at).toBe('2026-11-23T10:30:00.000Z');
  });

  it('works on an incident that is not active, leaving the active one alone', () => {
    const { store } = setup();
    const first = store.startIncident({ title: 'First', severity: 'P2' });
    const second = store.startIncident({ title: 'Second', severity: 'P3' });
    store.setSeverity(first.id, 'P1', { reasons: ['Spread'] });
    const state = store.$state.get();
    expect(state.incidents[first.id].severity).toBe('P1');
    expect(state.incidents[second.id].severity).toBe('P3');
    expect(state.incidents[second.id].timeline).toHaveLength(2);
    expect(state.activeIncident).toBe(second.id);
  });

  it('does nothing for the practice scope or an empty level', () => {
    const { store, storage } = setup();
    const incident = store.startIncident({ title: 'x', severity: 'P2' });
    const before = storage.data.get(STATE_KEY);
    expect(store.setSeverity(PRACTICE_ID, 'P1')).toBeUndefined();
    expect(store.setSeverity(incident.id, '')).toBeUndefined();
    expect(storage.data.get(STATE_KEY)).toBe(before);
  });
});

describe('saveClassification', () => {
  it('keeps the answers with the incident without changing its severity or timeline', () => {
    const { store } = setup();
    const incident = store.startIncident({ title: 'x', severity: 'P2' });
    store.saveClassification(incident.id, P0_ANSWERS);
    const saved = store.$state.get().incidents[incident.id];
    expect(saved.severity).toBe('P2');
    expect(saved.timeline).toHaveLength(2);
    expect(saved.classification).toEqual({ ...P0_ANSWERS, at: '2026-11-23T10:00:00.000Z' });
  });

  it('does not save answers to the practice scope', () => {
    const { store } = setup();
    store.saveClassification(PRACTICE_ID, P1_ANSWERS);
    expect(store.$state.get().incidents[PRACTICE_ID]).not.toHaveProperty('classification');
  });

  it('shows the active incident\'s answers again after a reload (back on the severity page)', () => {
    const { store, storage, time } = setup();
    store.startIncident({ title: 'x', handbook: 'demo', severity: 'P1', classification: P1_ANSWERS });
    const reloaded = createStateStore({ local: storage, now: time.now });
    expect(reloaded.$active.get().classification?.answers).toEqual(P1_ANSWERS.answers);
    expect(reloaded.$active.get().classification?.handbook).toBe('demo');
  });
});
