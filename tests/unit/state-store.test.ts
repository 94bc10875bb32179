/**
 * The state store over a fake localStorage: ticks and incidents, and the failure policy (unreadable
 * data kept aside under a backup key, quota exceeded, storage unavailable, another tab's changes).
 * @nanostores/persistent keeps one global engine that createStateStore replaces, so every test
 * creates its own store (and only the newest store of a test is used for writes).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStateStore } from '../../src/state/store';
import { storageHealth } from '../../src/state/persistence/engine';
import { BACKUP_PREFIX, PRACTICE_ID, STATE_KEY } from '../../src/state/persistence/keys';
import { emptyState } from '../../src/state/persistence/schema';
import { clock, FakeStorage, item, setup, T0 } from './state-helpers';

const HEALTH = item('health-checks-green');
const ERRORS = item('error-rate-normal');
const OTHER_LIST = item('queue-drained', { id: 'demo/respond-now#top/queue-drained', checklist: 'demo/respond-now#top', heading: '' });

beforeEach(() => {
  storageHealth.set({ mode: 'local', quotaExceeded: false });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createStateStore', () => {
  describe('ticks', () => {
    it('starts empty, in the practice scope, with healthy local storage', () => {
      const { store } = setup();
      expect(store.$state.get()).toEqual(emptyState());
      expect(store.$active.get().id).toBe(PRACTICE_ID);
      expect(store.$backups.get()).toEqual([]);
      expect(store.$health.get()).toEqual({ mode: 'local', quotaExceeded: false });
    });

    it('saves a tick to the practice scope with its time, label, page and heading', () => {
      const { store, storage } = setup();
      store.setTick(HEALTH, true);
      const expected = {
        at: '2026-11-23T10:00:00.000Z',
        label: 'health checks green',
        page: 'demo/respond-now',
        pageTitle: 'Respond now',
        checklist: 'demo/respond-now#verify',
        heading: 'Verify',
      };
      expect(store.$state.get().incidents.practice.ticks).toEqual({ [HEALTH.id]: expected });
      expect(storage.state().incidents.practice.ticks).toEqual({ [HEALTH.id]: expected });
    });

    it('removes a tick when the item is unticked, leaving the others', () => {
      const { store, storage } = setup();
      store.setTick(HEALTH, true);
      store.setTick(ERRORS, true);
      store.setTick(HEALTH, false);
      expect(Object.keys(storage.state().incidents.practice.ticks)).toEqual([ERRORS.id]);
    });

    it('unticking an item that is not ticked changes nothing', () => {
      const { store, storage } = setup();
      store.setTick(ERRORS, true);
      store.setTick(HEALTH, false);
      expect(Object.keys(storage.state().incidents.practice.ticks)).toEqual([ERRORS.id]);
    });

    it('records the responder\'s name with ticks once given (trimmed), and stops when it is cleared', () => {
      const { store } = setup();
      store.setResponder('  Ana ');
      expect(store.$state.get().responder).toBe('Ana');
      store.setTick(HEALTH, true);
      expect(store.$state.get().incidents.practice.ticks[HEALTH.id].by).toBe('Ana');
      store.setResponder('   ');
      expect(store.$state.get()).not.toHaveProperty('responder');
      store.setTick(ERRORS, true);
      expect(store.$state.get().incidents.practice.ticks[ERRORS.id]).not.toHaveProperty('by');
    });

    it('resets one checklist of the current scope, including ticks whose item is gone, and nothing else', () => {
      const { store } = setup();
      const gone = item('removed-item');
      store.setTick(HEALTH, true);
      store.setTick(gone, true);
      store.setTick(OTHER_LIST, true);
      store.resetChecklist('demo/respond-now#verify');
      expect(Object.keys(store.$state.get().incidents.practice.ticks)).toEqual([OTHER_LIST.id]);
    });

    it('does not touch other scopes on reset', () => {
      const { store } = setup();
      store.setTick(HEALTH, true);
      const incident = store.startIncident({ title: 'Outage' });
      store.setTick(HEALTH, true);
      store.resetChecklist('demo/respond-now#verify');
      expect(store.$state.get().incidents[incident.id].ticks).toEqual({});
      expect(Object.keys(store.$state.get().incidents.practice.ticks)).toEqual([HEALTH.id]);
    });

    it('puts back ticks taken away by a reset (undo), keeping their original time', () => {
      const { store, time } = setup();
      store.setTick(HEALTH, true);
      store.setTick(ERRORS, true);
      const before = store.$state.get().incidents.practice.ticks;
      store.resetChecklist('demo/respond-now#verify');
      time.set('2026-11-23T11:00:00.000Z');
      store.setTick(OTHER_LIST, true);
      store.restoreTicks(before);
      const after = store.$state.get().incidents.practice.ticks;
      expect(after[HEALTH.id]).toEqual(before[HEALTH.id]);
      expect(after[ERRORS.id]).toEqual(before[ERRORS.id]);
      expect(after[OTHER_LIST.id].at).toBe('2026-11-23T11:00:00.000Z');
    });

    it('keeps ticks across a reload (a new store over the same storage)', () => {
      const { storage, store } = setup();
      store.setTick(HEALTH, true);
      const reloaded = createStateStore({ local: storage, now: () => T0 });
      expect(Object.keys(reloaded.$state.get().incidents.practice.ticks)).toEqual([HEALTH.id]);
      expect(reloaded.$backups.get()).toEqual([]);
    });
  });

  describe('incidents', () => {
    it('starts incidents with ids INC-YYYY-MM-DD-001, -002 from the injected clock, and makes each active', () => {
      const { store, time } = setup();
      const first = store.startIncident({ title: '  Payment outage ', handbook: 'demo', severity: 'P1' });
      expect(first).toEqual({
        id: 'INC-2026-11-23-001',
        title: 'Payment outage',
        startedAt: '2026-11-23T10:00:00.000Z',
        handbook: 'demo',
        severity: 'P1',
        ticks: {},
        timeline: [
          { id: expect.any(String), at: '2026-11-23T10:00:00.000Z', kind: 'started' },
          { id: expect.any(String), at: '2026-11-23T10:00:00.000Z', kind: 'severity', to: 'P1', reasons: [] },
        ],
      });
      time.set('2026-11-23T12:30:00.000Z');
      const second = store.startIncident({ title: 'Slow checkout' });
      expect(second.id).toBe('INC-2026-11-23-002');
      expect(second).not.toHaveProperty('handbook');
      expect(second).not.toHaveProperty('severity');
      expect(store.$state.get().activeIncident).toBe('INC-2026-11-23-002');
      expect(store.$active.get()).toEqual(second);
      time.set('2026-11-24T00:00:01.000Z');
      expect(store.startIncident({ title: 'Next day' }).id).toBe('INC-2026-11-24-001');
    });

    it('uses the id as the title when none is given', () => {
      const { store } = setup();
      expect(store.startIncident({ title: '   ' }).title).toBe('INC-2026-11-23-001');
    });

    it('sends ticks to the active incident, and to practice when none is active', () => {
      const { store, storage } = setup();
      store.setTick(HEALTH, true);
      const incident = store.startIncident({ title: 'Outage' });
      store.setTick(ERRORS, true);
      const saved = storage.state();
      expect(Object.keys(saved.incidents[incident.id].ticks)).toEqual([ERRORS.id]);
      expect(Object.keys(saved.incidents.practice.ticks)).toEqual([HEALTH.id]);
    });

    it('switches between incidents and back to practice', () => {
      const { store } = setup();
      const first = store.startIncident({ title: 'First' });
      const second = store.startIncident({ title: 'Second' });
      store.switchIncident(first.id);
      expect(store.$active.get().id).toBe(first.id);
      store.setTick(HEALTH, true);
      expect(Object.keys(store.$state.get().incidents[first.id].ticks)).toEqual([HEALTH.id]);
      expect(store.$state.get().incidents[second.id].ticks).toEqual({});
      store.switchIncident(null);
      expect(store.$state.get().activeIncident).toBeNull();
      expect(store.$active.get().id).toBe(PRACTICE_ID);
    });

    it('switching to an unknown incident goes back to practice', () => {
      const { store } = setup();
      store.startIncident({ title: 'First' });
      store.switchIncident('INC-1999-01-01-001');
      expect(store.$state.get().activeIncident).toBeNull();
      expect(store.$active.get().id).toBe(PRACTICE_ID);
    });

    it('closes the active incident: closedAt set, back to practice, ticks kept', () => {
      const { store, time } = setup();
      const incident = store.startIncident({ title: 'Outage' });
      store.setTick(HEALTH, true);
      time.set('2026-11-23T14:00:00.000Z');
      store.closeIncident(incident.id);
      const state = store.$state.get();
      expect(state.activeIncident).toBeNull();
      expect(state.incidents[incident.id].closedAt).toBe('2026-11-23T14:00:00.000Z');
      expect(Object.keys(state.incidents[incident.id].ticks)).toEqual([HEALTH.id]);
      // A later incident the same day does not reuse the closed one's number.
      expect(store.startIncident({ title: 'Again' }).id).toBe('INC-2026-11-23-002');
    });

    it('closing an incident that is not active keeps the active one', () => {
      const { store } = setup();
      const first = store.startIncident({ title: 'First' });
      const second = store.startIncident({ title: 'Second' });
      store.closeIncident(first.id);
      expect(store.$state.get().activeIncident).toBe(second.id);
      expect(store.$state.get().incidents[first.id].closedAt).toBeDefined();
    });

    it('does not close the practice scope or an unknown incident', () => {
      const { store } = setup();
      const before = store.$state.get();
      store.closeIncident(PRACTICE_ID);
      store.closeIncident('INC-1999-01-01-001');
      expect(store.$state.get()).toEqual(before);
      expect(store.$state.get().incidents.practice).not.toHaveProperty('closedAt');
    });
  });

  describe('unreadable data', () => {
    const CORRUPT = '{"version":2,"activeIncident":null,"incidents":{"practice":{"ticks": {"a"';

    it('keeps corrupt JSON verbatim under a backup key and starts empty but usable', () => {
      const storage = new FakeStorage();
      storage.data.set(STATE_KEY, CORRUPT);
      const { store } = setup({ storage });

      const key = `${BACKUP_PREFIX}2026-11-23T10:00:00.000Z`;
      expect(storage.backupKeys()).toEqual([key]);
      expect(storage.data.get(key)).toBe(CORRUPT);
      expect(store.$backups.get()).toEqual([
        { key, reason: 'The saved checklist data could not be read: it is not valid JSON.', size: CORRUPT.length },
      ]);
      expect(store.readBackup(key)).toBe(CORRUPT);
      expect(store.$state.get()).toEqual(emptyState());

      store.setTick(HEALTH, true);
      expect(Object.keys(storage.state().incidents.practice.ticks)).toEqual([HEALTH.id]);
      // The original text is still there after the state key was rewritten.
      expect(storage.data.get(key)).toBe(CORRUPT);
      expect(store.$health.get()).toEqual({ mode: 'local', quotaExceeded: false });
    });

    it('keeps foreign data (JSON without a version) aside the same way, saying it was not written by this site', () => {
      const foreign = '{"theme":"dark","ticks":["a"]}';
      const storage = new FakeStorage();
      storage.data.set(STATE_KEY, foreign);
      const { store } = setup({ storage });
      const [backup] = store.$backups.get();
      expect(backup.key.startsWith(BACKUP_PREFIX)).toBe(true);
      expect(backup.reason).toBe('The saved checklist data could not be read: it has no version number: it was not written by this site.');
      expect(backup.size).toBe(foreign.length);
      expect(storage.data.get(backup.key)).toBe(foreign);
      expect(store.$state.get()).toEqual(emptyState());
      store.startIncident({ title: 'Works' });
      expect(storage.data.get(backup.key)).toBe(foreign);
    });

    it('keeps data from a newer version of the site aside, naming the versions', () => {
      const newer = JSON.stringify({ version: 4, everything: 'new' });
      const storage = new FakeStorage();
      storage.data.set(STATE_KEY, newer);
      const { store } = setup({ storage });
      const [backup] = store.$backups.get();
      expect(backup.reason).toContain('data version 4, this page reads up to 3');
      expect(storage.data.get(backup.key)).toBe(newer);
    });

    it('reads version 1 data by migrating it, without a backup', () => {
      const storage = new FakeStorage();
      storage.data.set(STATE_KEY, JSON.stringify({ version: 1, ticks: { 'demo/respond-now#verify/x': '2026-01-01T00:00:00.000Z' } }));
      const { store } = setup({ storage });
      expect(store.$backups.get()).toEqual([]);
      expect(store.$state.get().incidents.practice.ticks['demo/respond-now#verify/x']).toMatchObject({ label: 'x', heading: 'verify' });
    });

    it('lists backups kept on an earlier visit', () => {
      const storage = new FakeStorage();
      storage.data.set(`${BACKUP_PREFIX}2026-11-01T08:00:00.000Z`, 'old junk');
      storage.data.set('unrelated-key', 'x');
      const { store } = setup({ storage });
      expect(store.$backups.get()).toEqual([{ key: `${BACKUP_PREFIX}2026-11-01T08:00:00.000Z`, reason: 'kept aside on an earlier visit', size: 8 }]);
    });

    it('never overwrites an earlier backup made at the same moment', () => {
      const storage = new FakeStorage();
      const taken = `${BACKUP_PREFIX}2026-11-23T10:00:00.000Z`;
      storage.data.set(taken, 'earlier backup');
      storage.data.set(STATE_KEY, 'not json');
      const { store } = setup({ storage });
      expect(storage.data.get(taken)).toBe('earlier backup');
      expect(storage.data.get(`${taken}+`)).toBe('not json');
      expect(store.$backups.get().map((backup) => backup.key)).toEqual([taken, `${taken}+`]);
    });

    it('acknowledging a backup hides its notice but keeps the data', () => {
      const storage = new FakeStorage();
      storage.data.set(STATE_KEY, CORRUPT);
      const { store } = setup({ storage });
      const [{ key }] = store.$backups.get();
      store.acknowledgeBackup(key);
      store.acknowledgeBackup(key);
      expect(store.$state.get().acknowledgedBackups).toEqual([key]);
      expect(storage.state().acknowledgedBackups).toEqual([key]);
      expect(storage.data.get(key)).toBe(CORRUPT);
      expect(store.readBackup(key)).toBe(CORRUPT);
      expect(store.$backups.get().map((backup) => backup.key)).toEqual([key]);
    });

    it('readBackup only reads backup keys', () => {
      const storage = new FakeStorage();
      storage.data.set('other-app:secret', 'x');
      const { store } = setup({ storage });
      store.setTick(HEALTH, true);
      expect(store.readBackup(STATE_KEY)).toBeUndefined();
      expect(store.readBackup('other-app:secret')).toBeUndefined();
      expect(store.readBackup(`${BACKUP_PREFIX}missing`)).toBeUndefined();
    });

    it('leaves the original text under the state key when even the backup cannot be written', () => {
      const storage = new FakeStorage();
      storage.data.set(STATE_KEY, CORRUPT);
      storage.full = true;
      const { store } = setup({ storage });
      expect(store.$backups.get()).toHaveLength(1);
      expect(store.$health.get().quotaExceeded).toBe(true);

      store.setTick(HEALTH, true);
      expect(storage.data.get(STATE_KEY)).toBe(CORRUPT);
      expect(store.$health.get().mode).toBe('memory');
      expect(Object.keys(store.$state.get().incidents.practice.ticks)).toEqual([HEALTH.id]);
      const exported = JSON.parse(store.exportJSON());
      expect(Object.values(exported.backups)).toEqual([CORRUPT]);
      expect(Object.keys(exported.state.incidents.practice.ticks)).toEqual([HEALTH.id]);
    });
  });

  describe('storage failures', () => {
    it('keeps a change refused for quota in memory: visible in $state and in the export, with a notice', () => {
      const { store, storage } = setup();
      store.setTick(HEALTH, true);
      storage.full = true;
      store.setTick(ERRORS, true);

      expect(store.$health.get()).toEqual({ mode: 'local', quotaExceeded: true });
      expect(Object.keys(store.$state.get().incidents.practice.ticks).sort()).toEqual([ERRORS.id, HEALTH.id].sort());
      expect(Object.keys(storage.state().incidents.practice.ticks)).toEqual([HEALTH.id]);
      const exported = JSON.parse(store.exportJSON());
      expect(exported.state.incidents.practice.ticks[ERRORS.id].label).toBe('error rate normal');
    });

    it('clears the quota notice once a write gets through again', () => {
      const { store, storage } = setup();
      storage.full = true;
      store.setTick(HEALTH, true);
      expect(store.$health.get().quotaExceeded).toBe(true);
      storage.full = false;
      store.setTick(ERRORS, true);
      expect(store.$health.get()).toEqual({ mode: 'local', quotaExceeded: false });
      expect(Object.keys(storage.state().incidents.practice.ticks).sort()).toEqual([ERRORS.id, HEALTH.id].sort());
    });

    it('treats a write refused for another reason as storage unavailable (memory mode), not as quota', () => {
      const { store, storage } = setup();
      storage.failWith = Object.assign(new Error('blocked'), { name: 'SecurityError' });
      store.setTick(HEALTH, true);
      expect(store.$health.get()).toEqual({ mode: 'memory', quotaExceeded: false });
      expect(Object.keys(store.$state.get().incidents.practice.ticks)).toEqual([HEALTH.id]);
    });

    it('works in memory when storage is unavailable (local: null)', () => {
      const time = clock();
      const store = createStateStore({ local: null, now: time.now });
      expect(store.$health.get().mode).toBe('memory');
      store.setTick(HEALTH, true);
      const incident = store.startIncident({ title: 'Outage' });
      store.setTick(ERRORS, true);
      store.resetChecklist('demo/respond-now#verify');
      store.switchIncident(null);
      expect(Object.keys(store.$state.get().incidents.practice.ticks)).toEqual([HEALTH.id]);
      expect(store.$state.get().incidents[incident.id].ticks).toEqual({});
      store.closeIncident(incident.id);
      expect(store.$state.get().incidents[incident.id].closedAt).toBe('2026-11-23T10:00:00.000Z');
      expect(JSON.parse(store.exportJSON()).state.incidents.practice.ticks[HEALTH.id].label).toBe('health checks green');
      expect(store.$health.get().mode).toBe('memory');
    });

    // StoreOptions says null means "unavailable", but createStateStore passes `undefined` on to
    // createSafeEngine, whose default parameter then opens the real localStorage.
    it('does not fall back to the browser\'s localStorage when told storage is unavailable (local: null)', () => {
      const browserStorage = new FakeStorage();
      vi.stubGlobal('localStorage', browserStorage);
      const store = createStateStore({ local: null, now: () => T0 });
      store.setTick(HEALTH, true);
      expect(store.$health.get().mode).toBe('memory');
      expect(browserStorage.data.size).toBe(0);
    });
  });

  describe('other tabs', () => {
    it('does not overwrite a change another tab wrote since this tab last read', () => {
      const { store, storage } = setup();
      store.setTick(HEALTH, true);
      // Another tab ticks an item, writing straight to storage.
      const other = storage.state();
      const { id, ...ref } = OTHER_LIST;
      other.incidents.practice.ticks[id] = { ...ref, at: '2026-11-23T10:00:30.000Z' };
      storage.data.set(STATE_KEY, JSON.stringify(other));

      store.setTick(ERRORS, true);
      expect(Object.keys(storage.state().incidents.practice.ticks).sort()).toEqual([ERRORS.id, HEALTH.id, OTHER_LIST.id].sort());
      expect(Object.keys(store.$state.get().incidents.practice.ticks).sort()).toEqual([ERRORS.id, HEALTH.id, OTHER_LIST.id].sort());
    });

    it('sees an incident another tab started', () => {
      const { store, storage } = setup();
      const other = emptyState();
      other.incidents['INC-2026-11-23-001'] = { id: 'INC-2026-11-23-001', title: 'From the other tab', startedAt: T0.toISOString(), ticks: {}, timeline: [] };
      storage.data.set(STATE_KEY, JSON.stringify(other));
      expect(store.startIncident({ title: 'Mine' }).id).toBe('INC-2026-11-23-002');
      expect(storage.state().incidents['INC-2026-11-23-001'].title).toBe('From the other tab');
    });

    /** Puts a window on globalThis so the store listens for storage events, as in a browser. */
    function browserWindow() {
      const win = new EventTarget();
      vi.stubGlobal('window', win);
      return {
        storageEvent: (key: string, newValue: string | null) =>
          win.dispatchEvent(Object.assign(new Event('storage'), { key, newValue })),
      };
    }

    it('shows a tick another tab saved, through the storage event', () => {
      const win = browserWindow();
      const { store, storage } = setup();
      const stop = store.$state.listen(() => {});
      try {
        const other = emptyState();
        other.incidents.practice.ticks[HEALTH.id] = { at: T0.toISOString(), label: 'x', page: 'p', pageTitle: 'P', checklist: 'c', heading: 'h' };
        storage.data.set(STATE_KEY, JSON.stringify(other));
        win.storageEvent(STATE_KEY, JSON.stringify(other));
        expect(Object.keys(store.$state.get().incidents.practice.ticks)).toEqual([HEALTH.id]);
      } finally {
        stop();
      }
    });

    it('keeps unreadable data another tab wrote aside before this tab writes over it', () => {
      const win = browserWindow();
      const { store, storage } = setup();
      const stop = store.$state.listen(() => {});
      try {
        store.setTick(HEALTH, true);
        const newer = JSON.stringify({ version: 4, fromNewerTab: true });
        storage.data.set(STATE_KEY, newer);
        win.storageEvent(STATE_KEY, newer);
        store.setTick(ERRORS, true);
        expect(storage.backupKeys().map((key) => storage.data.get(key))).toEqual([newer]);
        expect(store.$backups.get()[0].reason).toContain('data version 4');
        expect(Object.keys(storage.state().incidents.practice.ticks)).toContain(ERRORS.id);
      } finally {
        stop();
      }
    });
  });

  describe('exportJSON', () => {
    it('exports a format marker and version first, then the time, the whole state and every backup', () => {
      const storage = new FakeStorage();
      storage.data.set(`${BACKUP_PREFIX}2026-11-01T08:00:00.000Z`, 'old junk');
      const { store, time } = setup({ storage });
      store.setTick(HEALTH, true);
      time.set('2026-11-23T18:00:00.000Z');
      const exported = JSON.parse(store.exportJSON());
      expect(Object.keys(exported).slice(0, 2)).toEqual(['format', 'version']);
      expect(exported).toEqual({
        format: 'incident-handbook-backup',
        version: 3,
        exportedAt: '2026-11-23T18:00:00.000Z',
        state: store.$state.get(),
        backups: { [`${BACKUP_PREFIX}2026-11-01T08:00:00.000Z`]: 'old junk' },
      });
    });
  });
});
