/**
 * Drafts: one small key per incident and template, so typing never rewrites the state document;
 * the same memory and quota policy as the state; unreadable drafts kept aside, never thrown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storageHealth } from '../../src/state/persistence/engine';
import { BACKUP_PREFIX, DRAFT_PREFIX, STATE_KEY } from '../../src/state/persistence/keys';
import { createStateStore } from '../../src/state/store';
import { FakeStorage, setup } from './state-helpers';

const TEMPLATE = 'demo/status-update';
const KEY = `${DRAFT_PREFIX}INC-2026-11-23-001:${TEMPLATE}`;

beforeEach(() => {
  storageHealth.set({ mode: 'local', quotaExceeded: false });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Types `text` into a field one key at a time, saving on each key as the filler does. */
function type(save: (values: Record<string, string>) => void, field: string, text: string, other: Record<string, string> = {}) {
  for (let i = 1; i <= text.length; i++) save({ ...other, [field]: text.slice(0, i) });
}

describe('drafts', () => {
  it('saves each keystroke under the draft\'s own key and never rewrites the state document', () => {
    const { store, storage, time } = setup();
    const incident = store.startIncident({ title: 'Outage' });
    const stateText = storage.data.get(STATE_KEY);
    const before = storage.log.length;
    time.set('2026-11-23T10:05:00.000Z');
    type(store.draft(incident.id, TEMPLATE).save, 'summary', 'Checkout is failing for all users');
    const written = storage.log.slice(before);
    expect(written).toHaveLength('Checkout is failing for all users'.length);
    expect(new Set(written)).toEqual(new Set([KEY]));
    expect(storage.data.get(STATE_KEY)).toBe(stateText);
    expect(JSON.parse(storage.data.get(KEY)!)).toEqual({ at: '2026-11-23T10:05:00.000Z', values: { summary: 'Checkout is failing for all users' } });
  });

  it('reads a draft back after a reload, and gives the same store for the same incident and template', () => {
    const { store, storage, time } = setup();
    const draft = store.draft('INC-2026-11-23-001', TEMPLATE);
    expect(store.draft('INC-2026-11-23-001', TEMPLATE)).toBe(draft);
    expect(draft.$draft.get()).toBeUndefined();
    draft.save({ summary: 'Investigating', impact: 'All EU users' });
    const reloaded = createStateStore({ local: storage, now: time.now });
    expect(reloaded.draft('INC-2026-11-23-001', TEMPLATE).$draft.get()).toEqual({
      at: '2026-11-23T10:00:00.000Z',
      values: { summary: 'Investigating', impact: 'All EU users' },
    });
  });

  it('does not keep a reference to the values object it was given', () => {
    const { store } = setup();
    const values = { summary: 'a' };
    const draft = store.draft('INC-2026-11-23-001', TEMPLATE);
    draft.save(values);
    values.summary = 'changed after saving';
    expect(draft.$draft.get()?.values.summary).toBe('a');
  });

  it('lists drafts, all or one incident\'s, with template ids that contain / and :', () => {
    const { store } = setup();
    store.draft('INC-2026-11-23-001', 'demo/status-update').save({ a: '1' });
    store.draft('INC-2026-11-23-001', 'demo/odd:id').save({ a: '2' });
    store.draft('INC-2026-11-23-002', 'demo/status-update').save({ a: '3' });
    store.draft('practice', 'demo/status-update').save({ a: '4' });
    expect(store.listDrafts('INC-2026-11-23-001').map(({ incidentId, templateId }) => [incidentId, templateId])).toEqual([
      ['INC-2026-11-23-001', 'demo/odd:id'],
      ['INC-2026-11-23-001', 'demo/status-update'],
    ]);
    expect(store.listDrafts()).toHaveLength(4);
  });

  it('clears one incident\'s drafts, returning them, and leaves the others', () => {
    const { store, storage } = setup();
    const draft = store.draft('INC-2026-11-23-001', TEMPLATE);
    draft.save({ a: '1' });
    store.draft('INC-2026-11-23-002', TEMPLATE).save({ a: '2' });
    expect(store.clearDrafts('INC-2026-11-23-001')).toEqual({ [TEMPLATE]: { at: '2026-11-23T10:00:00.000Z', values: { a: '1' } } });
    expect(storage.draftKeys()).toEqual([`${DRAFT_PREFIX}INC-2026-11-23-002:${TEMPLATE}`]);
    expect(draft.$draft.get()).toBeUndefined();
    expect(store.clearDrafts('INC-2026-11-23-001')).toEqual({});
  });

  it('clear() deletes one draft', () => {
    const { store, storage } = setup();
    const draft = store.draft('INC-2026-11-23-001', TEMPLATE);
    draft.save({ a: '1' });
    draft.clear();
    expect(storage.draftKeys()).toEqual([]);
    expect(draft.$draft.get()).toBeUndefined();
  });

  it('go with a deleted incident and come back with its undo, times kept', () => {
    const { store, storage, time } = setup();
    const incident = store.startIncident({ title: 'Outage' });
    store.draft(incident.id, TEMPLATE).save({ summary: 'Investigating' });
    time.set('2026-11-23T11:00:00.000Z');
    const deleted = store.deleteIncident(incident.id)!;
    expect(deleted.drafts).toEqual({ [TEMPLATE]: { at: '2026-11-23T10:00:00.000Z', values: { summary: 'Investigating' } } });
    expect(storage.draftKeys()).toEqual([]);
    store.restoreIncident(deleted);
    expect(JSON.parse(storage.data.get(KEY)!)).toEqual({ at: '2026-11-23T10:00:00.000Z', values: { summary: 'Investigating' } });
    expect(store.draft(incident.id, TEMPLATE).$draft.get()?.values.summary).toBe('Investigating');
  });

  it('are in the JSON export by incident and template (and the export has no drafts key without drafts)', () => {
    const { store } = setup();
    expect(JSON.parse(store.exportJSON())).not.toHaveProperty('drafts');
    store.draft('INC-2026-11-23-001', TEMPLATE).save({ summary: 'x' });
    expect(JSON.parse(store.exportJSON()).drafts).toEqual({ 'INC-2026-11-23-001': { [TEMPLATE]: { at: '2026-11-23T10:00:00.000Z', values: { summary: 'x' } } } });
  });
});

describe('drafts and storage failures', () => {
  it('keep typing in memory when the quota is exceeded, with the notice, and write once there is room', () => {
    const { store, storage } = setup();
    const draft = store.draft('INC-2026-11-23-001', TEMPLATE);
    draft.save({ summary: 'a' });
    storage.full = true;
    draft.save({ summary: 'ab' });
    expect(store.$health.get().quotaExceeded).toBe(true);
    expect(draft.$draft.get()?.values.summary).toBe('ab');
    expect(JSON.parse(storage.data.get(KEY)!).values.summary).toBe('a');
    expect(JSON.parse(store.exportJSON()).drafts['INC-2026-11-23-001'][TEMPLATE].values.summary).toBe('ab');
    storage.full = false;
    draft.save({ summary: 'abc' });
    expect(store.$health.get().quotaExceeded).toBe(false);
    expect(JSON.parse(storage.data.get(KEY)!).values.summary).toBe('abc');
  });

  it('work in memory when storage is unavailable', () => {
    const store = createStateStore({ local: null, now: () => new Date('2026-11-23T10:00:00.000Z') });
    const draft = store.draft('INC-2026-11-23-001', TEMPLATE);
    draft.save({ summary: 'x' });
    expect(draft.$draft.get()?.values.summary).toBe('x');
    expect(store.listDrafts()).toHaveLength(1);
    expect(store.clearDrafts('INC-2026-11-23-001')).toHaveProperty(TEMPLATE);
    expect(store.$health.get().mode).toBe('memory');
  });
});

describe('unreadable drafts', () => {
  it.each([
    ['not JSON', '{"at": "2026-11-23T10:00:00.000Z", "values": {"summary": "Investi'],
    ['the wrong shape', '{"at":"2026-11-23T10:00:00.000Z","values":{"summary":5}}'],
    ['JSON null', 'null'],
  ])('are kept aside under a backup key and reported, never thrown (%s)', (_, corrupt) => {
    const storage = new FakeStorage();
    storage.data.set(KEY, corrupt);
    const { store } = setup({ storage });
    const draft = store.draft('INC-2026-11-23-001', TEMPLATE);
    expect(draft.$draft.get()).toBeUndefined();
    const [backup] = store.$backups.get();
    expect(backup.reason).toBe(`A saved draft of "${TEMPLATE}" for INC-2026-11-23-001 could not be read.`);
    expect(storage.data.get(backup.key)).toBe(corrupt);
    expect(store.readBackup(backup.key)).toBe(corrupt);
    expect(storage.draftKeys()).toEqual([]);
    // Typing again works.
    draft.save({ summary: 'Investigating' });
    expect(JSON.parse(storage.data.get(KEY)!).values.summary).toBe('Investigating');
    expect(storage.data.get(backup.key)).toBe(corrupt);
  });

  it('found while exporting or clearing go aside too, not into the result', () => {
    const storage = new FakeStorage();
    storage.data.set(KEY, 'garbage');
    storage.data.set(`${DRAFT_PREFIX}INC-2026-11-23-002:${TEMPLATE}`, 'more garbage');
    const { store } = setup({ storage });
    const exported = JSON.parse(store.exportJSON());
    expect(exported).not.toHaveProperty('drafts');
    expect(Object.values(exported.backups)).toEqual(['garbage', 'more garbage']);
    expect(storage.draftKeys()).toEqual([]);
  });

  it('stay where they are when even the backup cannot be written', () => {
    const storage = new FakeStorage();
    storage.data.set(KEY, 'garbage');
    storage.full = true;
    const { store } = setup({ storage });
    expect(store.draft('INC-2026-11-23-001', TEMPLATE).$draft.get()).toBeUndefined();
    expect(store.clearDrafts('INC-2026-11-23-001')).toEqual({});
    expect(storage.data.get(KEY)).toBe('garbage');
    expect(store.$backups.get()).toHaveLength(1);
    expect(store.$health.get().quotaExceeded).toBe(true);
  });
});

describe('drafts in two tabs', () => {
  it('show what another tab typed, through the storage event', () => {
    const win = new EventTarget();
    vi.stubGlobal('window', win);
    const { store, storage } = setup();
    const draft = store.draft('INC-2026-11-23-001', TEMPLATE);
    const seen: (string | undefined)[] = [];
    const stop = draft.$draft.subscribe((value) => seen.push(value?.values.summary));
    try {
      const other = JSON.stringify({ at: '2026-11-23T10:01:00.000Z', values: { summary: 'From the other tab' } });
      storage.data.set(KEY, other);
      win.dispatchEvent(Object.assign(new Event('storage'), { key: KEY, newValue: other }));
      expect(seen).toEqual([undefined, 'From the other tab']);
      const garbage = '{"values"';
      storage.data.set(KEY, garbage);
      win.dispatchEvent(Object.assign(new Event('storage'), { key: KEY, newValue: garbage }));
      expect(seen.at(-1)).toBeUndefined();
      expect(Object.values(store.$backups.get()).map((backup) => storage.data.get(backup.key))).toEqual([garbage]);
    } finally {
      stop();
    }
  });
});

describe('backup keys', () => {
  it('are the only keys readBackup reads (not drafts)', () => {
    const { store } = setup();
    store.draft('INC-2026-11-23-001', TEMPLATE).save({ a: '1' });
    expect(store.readBackup(KEY)).toBeUndefined();
    expect(KEY.startsWith(BACKUP_PREFIX)).toBe(false);
  });
});
