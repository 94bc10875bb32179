/**
 * Training: drill answers and onboarding progress per handbook, under the handbook's own key
 * (`incident-handbook:training:<handbook>`), never in the state document or any incident; the same
 * memory and quota policy as the state; unreadable data kept aside and reported, never thrown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storageHealth } from '../../src/state/persistence/engine';
import { STATE_KEY, TRAINING_PREFIX } from '../../src/state/persistence/keys';
import { createStateStore } from '../../src/state/store';
import { FakeStorage, setup } from './state-helpers';

const KEY = `${TRAINING_PREFIX}demo`;

beforeEach(() => {
  storageHealth.set({ mode: 'local', quotaExceeded: false });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('training', () => {
  it('keeps the latest answer of each drill under the handbook\'s own key, never in the state document', () => {
    const { store, storage, time } = setup();
    store.startIncident({ title: 'Outage' });
    const stateText = storage.data.get(STATE_KEY);
    const training = store.training('demo');
    training.recordDrill('demo/outage', { level: 'P2', runbook: 'demo/respond-now' });
    time.set('2026-11-23T10:05:00.000Z');
    training.recordDrill('demo/outage', { level: 'P1', runbook: 'demo/respond-now' });
    expect(storage.data.get(STATE_KEY)).toBe(stateText);
    expect(JSON.parse(storage.data.get(KEY)!)).toEqual({
      drills: { 'demo/outage': { level: 'P1', runbook: 'demo/respond-now', at: '2026-11-23T10:05:00.000Z' } },
      read: {},
    });
    expect(store.$state.get().incidents[store.$active.get().id].timeline).toHaveLength(1);
  });

  it('keeps each handbook apart and gives the same store for the same handbook', () => {
    const { store, storage } = setup();
    expect(store.training('demo')).toBe(store.training('demo'));
    store.training('demo').setRead('severity', true);
    store.training('other').setRead('drills', true);
    expect(Object.keys(JSON.parse(storage.data.get(KEY)!).read)).toEqual(['severity']);
    expect(Object.keys(JSON.parse(storage.data.get(`${TRAINING_PREFIX}other`)!).read)).toEqual(['drills']);
  });

  it('reads back after a reload', () => {
    const { store, storage, time } = setup();
    store.training('demo').recordDrill('demo/outage', { level: 'P1', runbook: 'demo/respond-now' });
    store.training('demo').setRead('severity', true);
    const reloaded = createStateStore({ local: storage, now: time.now });
    expect(reloaded.training('demo').$training.get()).toEqual({
      drills: { 'demo/outage': { level: 'P1', runbook: 'demo/respond-now', at: '2026-11-23T10:00:00.000Z' } },
      read: { severity: '2026-11-23T10:00:00.000Z' },
    });
  });

  it('ticks onboarding items off keeping the first time, unticks them, resets and undoes the reset', () => {
    const { store, time } = setup();
    const training = store.training('demo');
    training.setRead('severity', true);
    time.set('2026-11-23T11:00:00.000Z');
    training.setRead('severity', true);
    training.setRead('scenarios:demo/outage', true);
    expect(training.$training.get().read).toEqual({ severity: '2026-11-23T10:00:00.000Z', 'scenarios:demo/outage': '2026-11-23T11:00:00.000Z' });
    training.setRead('scenarios:demo/outage', false);
    expect(training.$training.get().read).toEqual({ severity: '2026-11-23T10:00:00.000Z' });
    training.recordDrill('demo/outage', { level: 'P1', runbook: 'demo/respond-now' });
    const taken = training.resetOnboarding();
    expect(taken).toEqual({ severity: '2026-11-23T10:00:00.000Z' });
    expect(training.$training.get().read).toEqual({});
    // A reset of the path leaves the drills alone.
    expect(Object.keys(training.$training.get().drills)).toEqual(['demo/outage']);
    training.restoreOnboarding(taken);
    expect(training.$training.get().read).toEqual({ severity: '2026-11-23T10:00:00.000Z' });
  });

  it('keeps training in memory when the quota is exceeded, with the notice', () => {
    const { store, storage } = setup();
    const training = store.training('demo');
    storage.full = true;
    training.setRead('severity', true);
    expect(store.$health.get().quotaExceeded).toBe(true);
    expect(training.$training.get().read).toHaveProperty('severity');
    expect(storage.data.has(KEY)).toBe(false);
  });

  it('works in memory when storage is unavailable', () => {
    const store = createStateStore({ local: null, now: () => new Date('2026-11-23T10:00:00.000Z') });
    const training = store.training('demo');
    training.recordDrill('demo/outage', { level: 'P1', runbook: 'demo/respond-now' });
    training.setRead('severity', true);
    expect(training.$training.get().drills['demo/outage'].level).toBe('P1');
    expect(training.$training.get().read).toHaveProperty('severity');
  });
});

describe('unreadable training data', () => {
  it.each([
    ['not JSON', '{"drills": {"demo/outage": {"level": "P1"'],
    ['the wrong shape', '{"drills":{"demo/outage":{"level":1,"runbook":"x","at":"y"}},"read":{}}'],
    ['read as a list', '{"read":["severity"]}'],
    ['JSON null', 'null'],
  ])('is kept aside under a backup key and reported, never thrown (%s)', (_, corrupt) => {
    const storage = new FakeStorage();
    storage.data.set(KEY, corrupt);
    const { store } = setup({ storage });
    const training = store.training('demo');
    expect(training.$training.get()).toEqual({ drills: {}, read: {} });
    const [backup] = store.$backups.get();
    expect(backup.reason).toBe('The saved drill answers and onboarding progress of "demo" could not be read.');
    expect(storage.data.get(backup.key)).toBe(corrupt);
    // Moved away: the key holds nothing, or an empty record.
    expect([undefined, '{"drills":{},"read":{}}']).toContain(storage.data.get(KEY));
    training.setRead('severity', true);
    expect(Object.keys(JSON.parse(storage.data.get(KEY)!).read)).toEqual(['severity']);
  });

  it('fills in a missing part (data written with drills only)', () => {
    const storage = new FakeStorage();
    storage.data.set(KEY, '{"drills":{}}');
    const { store } = setup({ storage });
    expect(store.training('demo').$training.get()).toEqual({ drills: {}, read: {} });
    expect(store.$backups.get()).toEqual([]);
  });
});

describe('training in two tabs', () => {
  it('shows what another tab ticked, through the storage event', () => {
    const win = new EventTarget();
    vi.stubGlobal('window', win);
    const { store, storage } = setup();
    const training = store.training('demo');
    const seen: string[][] = [];
    const stop = training.$training.subscribe((value) => seen.push(Object.keys(value.read)));
    try {
      const other = JSON.stringify({ drills: {}, read: { severity: '2026-11-23T10:01:00.000Z' } });
      storage.data.set(KEY, other);
      win.dispatchEvent(Object.assign(new Event('storage'), { key: KEY, newValue: other }));
      expect(seen).toEqual([[], ['severity']]);
      // A tick here builds on what the other tab stored.
      training.setRead('drills', true);
      expect(Object.keys(JSON.parse(storage.data.get(KEY)!).read)).toEqual(['severity', 'drills']);
    } finally {
      stop();
    }
  });
});
