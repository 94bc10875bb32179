/**
 * Storage bounds (every key and value this site stores, against the warning level, live while
 * watched) and the reminders preference.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storageHealth } from '../../src/state/persistence/engine';
import { BACKUP_PREFIX, STATE_KEY } from '../../src/state/persistence/keys';
import { STORAGE_WARN_CHARS } from '../../src/state/usage';
import type { StorageUsage } from '../../src/state/api';
import { FakeStorage, item, setup } from './state-helpers';

beforeEach(() => {
  storageHealth.set({ mode: 'local', quotaExceeded: false });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** What the store should report: every key of ours and its value, counted in characters. */
function expected(storage: FakeStorage): number {
  let chars = 0;
  for (const [key, value] of storage.data) if (key.startsWith('incident-handbook:')) chars += key.length + value.length;
  return chars;
}

describe('storageUsage', () => {
  it('warns at 2,000,000 characters, well under the smallest browser quota', () => {
    expect(STORAGE_WARN_CHARS).toBe(2_000_000);
  });

  it('sums every key and value this site stores: state, drafts, backups; nothing of other sites', () => {
    const storage = new FakeStorage();
    storage.data.set(`${BACKUP_PREFIX}2026-11-01T08:00:00.000Z`, 'old junk');
    storage.data.set('starlight-theme', 'dark'.repeat(1000));
    const { store } = setup({ storage });
    const incident = store.startIncident({ title: 'Outage' });
    store.draft(incident.id, 'status').save({ summary: 'We are investigating' });
    store.setTick(item('health-checks-green'), true);
    const usage = store.storageUsage();
    expect(usage.chars).toBe(expected(storage));
    expect(usage.chars).toBeGreaterThan(STATE_KEY.length + storage.data.get(STATE_KEY)!.length);
    expect(usage).toEqual({ chars: usage.chars, limit: STORAGE_WARN_CHARS, nearLimit: false });
  });

  it('is near the limit from the warning level on', () => {
    const storage = new FakeStorage();
    const key = `${BACKUP_PREFIX}big`;
    storage.data.set(key, 'x'.repeat(STORAGE_WARN_CHARS - key.length - 1));
    const { store } = setup({ storage });
    // Nothing written yet: the backup is all there is.
    expect(storage.data.has(STATE_KEY)).toBe(false);
    expect(store.storageUsage()).toEqual({ chars: STORAGE_WARN_CHARS - 1, limit: STORAGE_WARN_CHARS, nearLimit: false });
    storage.data.set(key, 'x'.repeat(STORAGE_WARN_CHARS - key.length));
    expect(store.storageUsage()).toEqual({ chars: STORAGE_WARN_CHARS, limit: STORAGE_WARN_CHARS, nearLimit: true });
    store.setTick(item('health-checks-green'), true);
    expect(store.storageUsage()).toMatchObject({ chars: expected(storage), nearLimit: true });
  });

  it('counts what this tab keeps in memory when storage refused it', () => {
    const { store, storage } = setup();
    store.setTick(item('health-checks-green'), true);
    storage.full = true;
    store.addNote(store.startIncident({ title: 'Outage' }).id, 'y'.repeat(1000));
    expect(store.storageUsage().chars).toBe(STATE_KEY.length + JSON.stringify(store.$state.get()).length);
  });
});

describe('$usage', () => {
  it('follows this tab\'s writes while watched: state, drafts and their removal', () => {
    const { store, storage } = setup();
    const seen: StorageUsage[] = [];
    const stop = store.$usage.subscribe((usage) => seen.push(usage));
    try {
      expect(store.$usage.get().chars).toBe(expected(storage));
      const incident = store.startIncident({ title: 'Outage' });
      expect(store.$usage.get().chars).toBe(expected(storage));
      const draft = store.draft(incident.id, 'status');
      draft.save({ summary: 'z'.repeat(500) });
      const withDraft = store.$usage.get().chars;
      expect(withDraft).toBe(expected(storage));
      draft.clear();
      expect(store.$usage.get().chars).toBe(expected(storage));
      expect(store.$usage.get().chars).toBeLessThan(withDraft);
      expect(seen.length).toBeGreaterThan(3);
    } finally {
      stop();
    }
  });

  it('follows other tabs\' writes through storage events, ignoring other sites\' keys', () => {
    const win = new EventTarget();
    vi.stubGlobal('window', win);
    const { store, storage } = setup();
    const stop = store.$usage.listen(() => {});
    try {
      const before = store.$usage.get().chars;
      const key = 'incident-handbook:draft:INC-2026-11-23-001:status';
      const value = JSON.stringify({ at: '2026-11-23T10:00:00.000Z', values: { summary: 'from the other tab' } });
      storage.data.set(key, value);
      win.dispatchEvent(Object.assign(new Event('storage'), { key, newValue: value }));
      expect(store.$usage.get().chars).toBe(before + key.length + value.length);
      win.dispatchEvent(Object.assign(new Event('storage'), { key: 'other-site', newValue: 'x'.repeat(100) }));
      expect(store.$usage.get().chars).toBe(before + key.length + value.length);
      storage.data.delete(key);
      win.dispatchEvent(Object.assign(new Event('storage'), { key, newValue: null }));
      expect(store.$usage.get().chars).toBe(before);
      // Another tab cleared storage: measured again.
      storage.data.clear();
      win.dispatchEvent(Object.assign(new Event('storage'), { key: null, newValue: null }));
      expect(store.$usage.get().chars).toBe(0);
    } finally {
      stop();
    }
  });
});

describe('setReminders', () => {
  it('turns reminders on (stored as true) and off (the field removed), writing only on a change', () => {
    const { store, storage } = setup();
    expect(store.$state.get()).not.toHaveProperty('reminders');
    store.setReminders(true);
    expect(store.$state.get().reminders).toBe(true);
    expect(storage.state().reminders).toBe(true);
    const writes = storage.writes;
    store.setReminders(true);
    expect(storage.writes).toBe(writes);
    store.setReminders(false);
    expect(store.$state.get()).not.toHaveProperty('reminders');
    expect(storage.state()).not.toHaveProperty('reminders');
  });

  it('is kept across a reload', () => {
    const { store, storage } = setup();
    store.setReminders(true);
    expect(setup({ storage }).store.$state.get().reminders).toBe(true);
  });
});
