/**
 * Team settings in the store: their own key, checked on read (unreadable data kept aside and
 * reported, never thrown), one value at a time or all at once from a file, and other tabs' changes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storageHealth } from '../../src/state/persistence/engine';
import { SETTINGS_KEY, STATE_KEY } from '../../src/state/persistence/keys';
import { createStateStore } from '../../src/state/store';
import { settingsOf } from '../../src/state/settings';
import { FakeStorage, setup } from './state-helpers';

beforeEach(() => {
  storageHealth.set({ mode: 'local', quotaExceeded: false });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('team settings', () => {
  it('saves each value under the settings key, trimmed, never in the state document, and reads it back after a reload', () => {
    const { store: all, storage, time } = setup();
    const store = Object.assign(settingsOf(all), { startIncident: all.startIncident });
    store.startIncident({ title: 'Outage' });
    const stateText = storage.data.get(STATE_KEY);
    expect(store.setSetting('team.bridge', '  https://meet.example.com/abc ')).toBe(true);
    expect(store.setSetting('demo.contacts.cto.name', '<b>Ada</b>')).toBe(true);
    expect(storage.data.get(STATE_KEY)).toBe(stateText);
    expect(JSON.parse(storage.data.get(SETTINGS_KEY)!)).toEqual({ version: 1, values: { 'team.bridge': 'https://meet.example.com/abc', 'demo.contacts.cto.name': '<b>Ada</b>' } });
    const reloaded = settingsOf(createStateStore({ local: storage, now: time.now }));
    expect(reloaded.$settings.get().values).toEqual({ 'team.bridge': 'https://meet.example.com/abc', 'demo.contacts.cto.name': '<b>Ada</b>' });
  });

  it('removes a value set to empty, and refuses a bad key or value, changing nothing', () => {
    const store = settingsOf(setup().store);
    store.setSetting('team.bridge', 'x');
    expect(store.setSetting('team.bridge', '   ')).toBe(true);
    expect(store.$settings.get().values).toEqual({});
    expect(store.setSetting('Team Bridge', 'x')).toBe(false);
    expect(store.setSetting('team.bridge', 'a\nb')).toBe(false);
    expect(store.setSetting('team.bridge', 'x'.repeat(501))).toBe(false);
    expect(store.$settings.get().values).toEqual({});
  });

  it('replaces every value from an import, or, when one is bad, changes nothing and says why', () => {
    const store = settingsOf(setup().store);
    store.setSetting('team.status-page', 'https://status.example.com');
    expect(store.replaceSettings({ 'team.bridge': 'https://meet.example.com/x' })).toEqual({ ok: true, values: { 'team.bridge': 'https://meet.example.com/x' } });
    expect(store.$settings.get().values).toEqual({ 'team.bridge': 'https://meet.example.com/x' });
    expect(store.replaceSettings({ 'team.bridge': 'y', 'team.other': 7 as unknown as string })).toEqual({ ok: false, reason: 'values: team.other: expected text, got number' });
    expect(store.$settings.get().values).toEqual({ 'team.bridge': 'https://meet.example.com/x' });
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['a value that is not text', '{"version":1,"values":{"team.bridge":3}}'],
    ['a bad key', '{"version":1,"values":{"Team Bridge":"x"}}'],
    ['another version', '{"version":2,"values":{}}'],
  ])('keeps unreadable settings aside under a backup key and reports them, never thrown (%s)', (_, corrupt) => {
    const storage = new FakeStorage();
    storage.data.set(SETTINGS_KEY, corrupt);
    const { store: all } = setup({ storage });
    const store = settingsOf(all);
    expect(store.$settings.get().values).toEqual({});
    const [backup] = all.$backups.get();
    expect(backup.reason).toBe('The saved team settings could not be read.');
    expect(storage.data.get(backup.key)).toBe(corrupt);
    expect(storage.data.has(SETTINGS_KEY)).toBe(false);
    expect(store.setSetting('team.bridge', 'x')).toBe(true);
    expect(JSON.parse(storage.data.get(SETTINGS_KEY)!).values).toEqual({ 'team.bridge': 'x' });
  });

  it('shows what another tab set, through the storage event', () => {
    const win = new EventTarget();
    vi.stubGlobal('window', win);
    const { store: all, storage } = setup();
    const store = settingsOf(all);
    const seen: (string | undefined)[] = [];
    const stop = store.$settings.subscribe((settings) => seen.push(settings.values['team.bridge']));
    try {
      const other = JSON.stringify({ version: 1, values: { 'team.bridge': 'https://meet.example.com/other' } });
      storage.data.set(SETTINGS_KEY, other);
      win.dispatchEvent(Object.assign(new Event('storage'), { key: SETTINGS_KEY, newValue: other }));
      expect(seen).toEqual([undefined, 'https://meet.example.com/other']);
    } finally {
      stop();
    }
  });
});
