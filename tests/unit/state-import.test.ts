/**
 * Backup import: reading a file (every way it can be wrong, named in plain words; nothing changed by
 * reading), planning the merge against this browser (added, unchanged, conflicts with what differs),
 * and applying the reader's choices (never overwriting an incident without one, nor one that changed
 * since the preview; the active incident kept).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { storageHealth } from '../../src/state/persistence/engine';
import { STATE_KEY } from '../../src/state/persistence/keys';
import { readState } from '../../src/state/persistence/migrations';
import { applyImport, planImport, planMerge, readBackupFile } from '../../src/state/import';
import type { BackupFile, ImportPlan } from '../../src/state/api';
import type { StoredState } from '../../src/state/persistence/schema';
import { FakeStorage, item, setup } from './state-helpers';

beforeEach(() => {
  storageHealth.set({ mode: 'local', quotaExceeded: false });
});

/** A copy of a browser's storage: another browser that had the same data. */
function fork(storage: FakeStorage): FakeStorage {
  const copy = new FakeStorage();
  for (const [key, value] of storage.data) copy.data.set(key, value);
  return copy;
}

function read(text: string): BackupFile {
  const result = readBackupFile(text);
  if (!result.ok) throw new Error(result.reason);
  return result.backup;
}

function reason(text: string): string {
  const result = readBackupFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.reason;
}

/**
 * A browser with two incidents (the first closed, the second active, with a note, a tick and a
 * draft) and practice ticks; its backup text; and its storage, to fork.
 */
function source() {
  const context = setup();
  const { store, time } = context;
  store.setResponder('Ana');
  store.setTick(item('practised'), true);
  const first = store.startIncident({ title: 'Slow search', severity: 'P3' });
  time.set('2026-11-23T11:00:00.000Z');
  store.closeIncident(first.id);
  const second = store.startIncident({ title: 'Payment outage', severity: 'P1', handbook: 'demo' });
  store.addNote(second.id, 'Stripe webhooks failing');
  store.setTick(item('health-checks-green'), true);
  store.draft(second.id, 'status').save({ summary: 'We are investigating.' });
  return { ...context, first: first.id, second: second.id, text: store.exportJSON() };
}

/** A valid backup as an object, to break one field at a time. */
function backupObject(): Record<string, any> {
  return JSON.parse(source().text);
}

describe('readBackupFile', () => {
  it('reads what exportJSON wrote: the format, version, time, state and drafts', () => {
    const { store, text, second } = source();
    const backup = read(text);
    expect(backup).toEqual({
      from: 'backup',
      version: 3,
      exportedAt: '2026-11-23T11:00:00.000Z',
      state: store.$state.get(),
      drafts: { [second]: { status: { at: '2026-11-23T11:00:00.000Z', values: { summary: 'We are investigating.' } } } },
    });
  });

  it('reads a backup without drafts as one with none', () => {
    const file = backupObject();
    delete file.drafts;
    expect(read(JSON.stringify(file)).drafts).toEqual({});
  });

  it('reads an export made before the format marker (exportedAt and state only)', () => {
    const file = backupObject();
    const { format: _, version: __, ...unmarked } = file;
    const backup = read(JSON.stringify(unmarked));
    expect(backup.version).toBe(3);
    expect(backup.state).toEqual(file.state);
  });

  it('migrates an older state, like the stored data', () => {
    const file = {
      format: 'incident-handbook-backup',
      version: 2,
      exportedAt: '2026-11-01T00:00:00.000Z',
      state: { version: 2, activeIncident: null, incidents: { 'INC-2026-10-01-001': { id: 'INC-2026-10-01-001', title: 'Old', startedAt: '2026-10-01T08:00:00.000Z', ticks: {} } } },
    };
    const backup = read(JSON.stringify(file));
    expect(backup.state.version).toBe(3);
    expect(backup.state.incidents['INC-2026-10-01-001'].timeline).toEqual([{ id: 'v2-started', at: '2026-10-01T08:00:00.000Z', kind: 'started' }]);
  });

  it('refuses text that is not JSON', () => {
    expect(reason('{"format": "incident-handbook-backup", ')).toBe('The file is not a backup: it is not JSON. Choose the .json file that "Export backup" downloaded.');
    expect(reason('')).toContain('it is not JSON');
  });

  it.each(['[]', '"backup"', '42', 'null'])('refuses %s: no object of saved data', (text) => {
    expect(reason(text)).toBe('The file is not a backup: it holds no object of saved data.');
  });

  it('refuses a wrong or missing format marker, naming the field and what was found', () => {
    expect(reason(JSON.stringify({ ...backupObject(), format: 'settings' }))).toBe(
      'The file is not a backup of this handbook: its format marker ("format") is "settings", expected "incident-handbook-backup".',
    );
    expect(reason(JSON.stringify({ theme: 'dark' }))).toContain('its format marker ("format") is missing');
    expect(reason(JSON.stringify({ ...backupObject(), format: 'incident-handbook-handoff' }))).toContain('is "incident-handbook-handoff"');
  });

  it('refuses a version newer than this build, naming both', () => {
    expect(reason(JSON.stringify({ ...backupObject(), version: 4 }))).toBe(
      'The backup was made by a newer version of the handbook (version 4; this page reads up to version 3). Reload the page to get the newest handbook, then try again.',
    );
  });

  it.each([['"3"', '3'], ['missing', undefined], ['0', 0], ['1.5', 1.5]])('refuses a version of %s', (shown, version) => {
    expect(reason(JSON.stringify({ ...backupObject(), version }))).toBe(
      `The backup has no valid version: "version" is ${shown}, expected a whole number from 1 to 3.`,
    );
  });

  it('refuses a state that fails validation, naming the field path', () => {
    const file = backupObject();
    const [id] = Object.keys(file.state.incidents).filter((key) => key !== 'practice');
    file.state.incidents[id].title = 42;
    expect(reason(JSON.stringify(file))).toMatch(
      new RegExp(`^The backup's saved data \\("state"\\) cannot be read: it does not match the expected shape: state\\.incidents\\.${id}\\.title: `),
    );
    const entry = backupObject();
    entry.state.incidents[id].timeline.push({ id: 'x', at: '2026-11-23T11:00:00.000Z', kind: 'escalated' });
    expect(reason(JSON.stringify(entry))).toContain(`state.incidents.${id}.timeline.3.to: `);
  });

  it('refuses a state that is missing, from a newer build, or not this site\'s', () => {
    const { state: _, ...noState } = backupObject();
    expect(reason(JSON.stringify(noState))).toBe('The backup\'s saved data ("state") cannot be read: it is not an object.');
    expect(reason(JSON.stringify({ ...backupObject(), state: { ...backupObject().state, version: 9 } }))).toContain('data version 9, this page reads up to 3');
    expect(reason(JSON.stringify({ ...backupObject(), state: { theme: 'dark' } }))).toContain('it has no version number');
  });

  it('refuses incidents under a key that is not an incident id, or whose id is not their key', () => {
    const file = backupObject();
    const [id] = Object.keys(file.state.incidents).filter((key) => key !== 'practice');
    file.state.incidents['not-an-id'] = { ...file.state.incidents[id], id: 'not-an-id' };
    expect(reason(JSON.stringify(file))).toContain('state.incidents has an incident saved under "not-an-id"');
    const proto = JSON.stringify(backupObject()).replace('"incidents":{', `"incidents":{"__proto__":${JSON.stringify(file.state.incidents[id])},`);
    expect(reason(proto)).toContain('saved under "__proto__"');
    const moved = backupObject();
    moved.state.incidents[id].id = 'INC-2026-11-23-999';
    expect(reason(JSON.stringify(moved))).toBe(
      `The backup's saved data cannot be read: state.incidents.${id}.id is "INC-2026-11-23-999", expected "${id}" (the key it is saved under).`,
    );
  });

  it('refuses drafts that fail validation, naming the field path', () => {
    const file = backupObject();
    const [id] = Object.keys(file.drafts);
    file.drafts[id].status.values.summary = 7;
    expect(reason(JSON.stringify(file))).toMatch(new RegExp(`^A draft in the backup cannot be read: drafts\\.${id}\\.status\\.values\\.summary: `));
    expect(reason(JSON.stringify({ ...backupObject(), drafts: [] }))).toBe('A draft in the backup cannot be read: "drafts" is [], expected drafts by incident id.');
    expect(reason(JSON.stringify({ ...backupObject(), drafts: { [id]: 'text' } }))).toBe(
      `A draft in the backup cannot be read: drafts.${id}: expected drafts by template id, found "text".`,
    );
    expect(reason(JSON.stringify({ ...backupObject(), drafts: { 'x:y': {} } }))).toContain('has drafts under "x:y"');
  });

  it('changes nothing by reading, valid or not', () => {
    const { text, storage } = source();
    const before = new Map(storage.data);
    const writes = storage.writes;
    read(text);
    reason('nope');
    expect(storage.writes).toBe(writes);
    expect(storage.data).toEqual(before);
  });
});

describe('planImport', () => {
  it('into an empty browser: every incident and draft is added; the practice scope, ticked on both sides, is a conflict', () => {
    const { text, first, second } = source();
    const mine = setup();
    const plan = planImport(mine.store, read(text));
    expect(plan.added.map((added) => added.id).sort()).toEqual([first, second].sort());
    expect(plan.conflicts.map((conflict) => conflict.id)).toEqual(['practice']);
    expect(plan.unchanged).toEqual([]);
    expect(plan.responder).toEqual({ theirs: 'Ana' });
    expect(plan.drafts).toEqual({ added: [{ incidentId: second, templateId: 'status' }], conflicts: [] });
    expect(plan.added.find((added) => added.id === second)).toEqual({
      id: second, title: 'Payment outage', severity: 'P1', startedAt: '2026-11-23T11:00:00.000Z', entries: 3, ticks: 1, deletedHere: false,
    });
    expect(plan.added.find((added) => added.id === first)).toMatchObject({ closedAt: '2026-11-23T11:00:00.000Z', entries: 3, ticks: 0 });
  });

  it('leaves out the file\'s practice scope when it is empty', () => {
    const { text } = source();
    const file = read(text);
    file.state.incidents.practice = { ...file.state.incidents.practice, ticks: {} };
    expect(planImport(setup().store, file).conflicts).toEqual([]);
  });

  it('sees identical incidents as unchanged, whatever order their fields were written in', () => {
    const { text, storage, first, second } = source();
    const mine = setup({ storage: fork(storage) });
    const file = read(text);
    const reordered = Object.fromEntries(Object.entries(file.state.incidents[first]).reverse()) as never;
    file.state.incidents[first] = reordered;
    const plan = planImport(mine.store, file);
    expect(plan.unchanged.sort()).toEqual(['practice', first, second].sort());
    expect(plan.added).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan).not.toHaveProperty('responder');
    expect(plan.drafts).toEqual({ added: [], conflicts: [] });
  });

  it('lists incidents that differ as conflicts, saying what differs on each side', () => {
    const { text, storage, first, second } = source();
    const mine = setup({ storage: fork(storage) });
    mine.time.set('2026-11-23T12:00:00.000Z');
    mine.store.setSeverity(second, 'P0');
    mine.store.renameIncident(second, 'Payments down');
    mine.store.setTick(item('error-rate-normal'), true);
    mine.store.reopenIncident(first);
    mine.store.switchIncident(second);
    mine.store.draft(second, 'status').save({ summary: 'Mine.' });
    mine.store.setResponder('Ben');
    const plan = planImport(mine.store, read(text));
    expect(plan.conflicts).toEqual([
      {
        id: first,
        mine: expect.objectContaining({ id: first, entries: 4 }),
        theirs: expect.objectContaining({ id: first, entries: 3, closedAt: '2026-11-23T11:00:00.000Z' }),
        differences: ['Open here, closed in the file', 'Timeline: 4 entries here, 3 in the file'],
        choices: ['keep-mine', 'take-theirs', 'keep-both'],
      },
      {
        id: second,
        mine: expect.objectContaining({ title: 'Payments down', severity: 'P0', entries: 4, ticks: 2 }),
        theirs: expect.objectContaining({ title: 'Payment outage', severity: 'P1', entries: 3, ticks: 1 }),
        differences: [
          'Title: "Payments down" here, "Payment outage" in the file',
          'Severity: P0 here, P1 in the file',
          'Timeline: 4 entries here, 3 in the file',
          'Ticked items: 2 here, 1 in the file',
        ],
        choices: ['keep-mine', 'take-theirs', 'keep-both'],
      },
    ]);
    expect(plan.responder).toEqual({ mine: 'Ben', theirs: 'Ana' });
    expect(plan.drafts.conflicts).toEqual([
      { incidentId: second, templateId: 'status', mine: { at: '2026-11-23T12:00:00.000Z', values: { summary: 'Mine.' } }, theirs: expect.objectContaining({ values: { summary: 'We are investigating.' } }) },
    ]);
  });

  it('says when only details differ, and offers no keep-both for the practice scope', () => {
    const { text, storage, second } = source();
    const mine = setup({ storage: fork(storage) });
    const [note] = mine.store.$state.get().incidents[second].timeline.filter((entry) => entry.kind === 'note');
    mine.store.editNote(second, note.id, 'Stripe webhooks failing since 09:50');
    mine.store.switchIncident(null);
    mine.store.setTick(item('practised'), false);
    mine.store.setTick(item('other-practice'), true);
    const plan = planImport(mine.store, read(text));
    expect(plan.conflicts.find((conflict) => conflict.id === second)?.differences).toEqual(['Same title, severity and counts; some entries or ticks differ']);
    expect(plan.conflicts.find((conflict) => conflict.id === 'practice')?.choices).toEqual(['keep-mine', 'take-theirs']);
  });

  it('marks an incident deleted here that the file brings back', () => {
    const { text, storage, first } = source();
    const mine = setup({ storage: fork(storage) });
    mine.store.deleteIncident(first);
    expect(planImport(mine.store, read(text)).added).toEqual([expect.objectContaining({ id: first, deletedHere: true })]);
  });

  it('plans against what storage holds now, including another tab\'s latest change', () => {
    const { text, storage, second } = source();
    const mine = setup({ storage: fork(storage) });
    const other: StoredState = mine.storage.state();
    other.incidents[second].title = 'Renamed in the other tab';
    mine.storage.data.set(STATE_KEY, JSON.stringify(other));
    const plan = planImport(mine.store, read(text));
    expect(plan.conflicts.map((conflict) => conflict.mine.title)).toEqual(['Renamed in the other tab']);
  });

  it('planMerge is pure: the same inputs, the same plan, nothing written', () => {
    const { text, storage } = source();
    const mine = setup({ storage: fork(storage) });
    const writes = mine.storage.writes;
    const state = mine.store.$state.get();
    const file = read(text);
    expect(planMerge(state, {}, file)).toEqual(planMerge(state, {}, file));
    planImport(mine.store, file);
    expect(mine.storage.writes).toBe(writes);
  });
});

describe('applyImport', () => {
  /** This browser forked from the source, then changed: a conflict on the second incident. */
  function diverged() {
    const src = source();
    const mine = setup({ storage: fork(src.storage) });
    mine.time.set('2026-11-23T12:00:00.000Z');
    mine.store.addNote(src.second, 'Mine only');
    const file = read(src.text);
    return { src, mine, file };
  }

  /** A file with one more incident than the source, and a changed copy of the second. */
  function theirsChanged(file: BackupFile, second: string): BackupFile {
    const next = structuredClone(file);
    const added = { ...next.state.incidents[second], id: 'INC-2026-11-22-001', title: 'Yesterday', startedAt: '2026-11-22T09:00:00.000Z' };
    next.state.incidents['INC-2026-11-22-001'] = added;
    next.state.incidents[second] = { ...next.state.incidents[second], title: 'Their title' };
    return next;
  }

  it('without choices: adds what is only in the file and leaves every conflict as it is here', () => {
    const { src, mine, file } = diverged();
    const before = mine.store.$state.get();
    const plan = planImport(mine.store, theirsChanged(file, src.second));
    const result = applyImport(mine.store, plan);
    expect(result).toEqual({ added: ['INC-2026-11-22-001'], replaced: [], copied: [], kept: [{ id: src.second, reason: 'no choice' }], drafts: [] });
    const after = mine.store.$state.get();
    expect(after.incidents[src.second]).toEqual(before.incidents[src.second]);
    expect(after.incidents['INC-2026-11-22-001'].title).toBe('Yesterday');
    expect(after.activeIncident).toBe(before.activeIncident);
    expect(readState(mine.storage.data.get(STATE_KEY)!).ok).toBe(true);
  });

  it('keep-mine keeps this browser\'s version', () => {
    const { src, mine, file } = diverged();
    const before = mine.store.$state.get().incidents[src.second];
    const result = applyImport(mine.store, planImport(mine.store, theirsChanged(file, src.second)), { incidents: { [src.second]: 'keep-mine' } });
    expect(result.kept).toEqual([{ id: src.second, reason: 'chosen' }]);
    expect(mine.store.$state.get().incidents[src.second]).toEqual(before);
  });

  it('take-theirs replaces it with the file\'s version; the active incident stays active', () => {
    const { src, mine, file } = diverged();
    const theirs = theirsChanged(file, src.second);
    const result = applyImport(mine.store, planImport(mine.store, theirs), { incidents: { [src.second]: 'take-theirs' } });
    expect(result.replaced).toEqual([src.second]);
    expect(mine.store.$state.get().incidents[src.second]).toEqual(theirs.state.incidents[src.second]);
    expect(mine.store.$state.get().activeIncident).toBe(src.second);
  });

  it('keep-both adds the file\'s version under a new id of its start day, noting which incident it copies', () => {
    const { src, mine, file } = diverged();
    mine.store.setResponder('Ben');
    // A deleted id of that day is never reused.
    const extra = mine.store.startIncident({ title: 'Third' });
    mine.store.deleteIncident(extra.id);
    const theirs = theirsChanged(file, src.second);
    const before = mine.store.$state.get().incidents[src.second];
    const result = applyImport(mine.store, planImport(mine.store, theirs), { incidents: { [src.second]: 'keep-both' } });
    expect(extra.id).toBe('INC-2026-11-23-003');
    expect(result.copied).toEqual([{ from: src.second, to: 'INC-2026-11-23-004' }]);
    const state = mine.store.$state.get();
    expect(state.incidents[src.second]).toEqual(before);
    const copy = state.incidents['INC-2026-11-23-004'];
    expect(copy).toEqual({
      ...theirs.state.incidents[src.second],
      id: 'INC-2026-11-23-004',
      timeline: [
        ...theirs.state.incidents[src.second].timeline,
        { id: expect.any(String), at: '2026-11-23T12:00:00.000Z', kind: 'note', text: `Imported from a backup as a copy of ${src.second}.`, by: 'Ben' },
      ],
    });
    // Its drafts go with it.
    expect(result.drafts).toEqual([{ incidentId: 'INC-2026-11-23-004', templateId: 'status' }]);
    expect(mine.store.listDrafts('INC-2026-11-23-004').map((ref) => ref.templateId)).toEqual(['status']);
  });

  it('never overwrites an incident that changed here after the preview', () => {
    const { src, mine, file } = diverged();
    const plan = planImport(mine.store, theirsChanged(file, src.second));
    const late = mine.store.addNote(src.second, 'Written after the preview');
    const result = applyImport(mine.store, plan, { incidents: { [src.second]: 'take-theirs' } });
    expect(result.replaced).toEqual([]);
    expect(result.kept).toEqual([{ id: src.second, reason: 'changed since the preview' }]);
    expect(mine.store.$state.get().incidents[src.second].timeline.at(-1)).toEqual(late);
  });

  it('never overwrites an incident another tab added after the preview', () => {
    const { src, mine, file } = diverged();
    const plan = planImport(mine.store, theirsChanged(file, src.second));
    const other: StoredState = mine.storage.state();
    other.incidents['INC-2026-11-22-001'] = { id: 'INC-2026-11-22-001', title: 'From the other tab', startedAt: '2026-11-22T10:00:00.000Z', ticks: {}, timeline: [] };
    mine.storage.data.set(STATE_KEY, JSON.stringify(other));
    const result = applyImport(mine.store, plan);
    expect(result.added).toEqual([]);
    expect(result.kept).toContainEqual({ id: 'INC-2026-11-22-001', reason: 'changed since the preview' });
    expect(mine.store.$state.get().incidents['INC-2026-11-22-001'].title).toBe('From the other tab');
  });

  it('brings back an incident deleted here, and takes it off the deleted list', () => {
    const { src, mine, file } = diverged();
    mine.store.deleteIncident(src.first);
    const result = applyImport(mine.store, planImport(mine.store, file));
    expect(result.added).toEqual([src.first]);
    expect(mine.store.$state.get().incidents[src.first]).toEqual(file.state.incidents[src.first]);
    expect(mine.store.$state.get().deletedIncidents).toEqual([]);
  });

  it('keeps this browser\'s responder name unless the file\'s is chosen', () => {
    const { mine, file } = diverged();
    mine.store.setResponder('Ben');
    expect(applyImport(mine.store, planImport(mine.store, file))).not.toHaveProperty('responder');
    expect(mine.store.$state.get().responder).toBe('Ben');
    const result = applyImport(mine.store, planImport(mine.store, file), { responder: 'take-theirs' });
    expect(result.responder).toBe('Ana');
    expect(mine.store.$state.get().responder).toBe('Ana');
  });

  it('adds drafts missing here; replaces a different one only by choice', () => {
    const { src, mine, file } = diverged();
    mine.store.draft(src.second, 'status').save({ summary: 'Mine.' });
    const withMore = structuredClone(file);
    withMore.drafts[src.second].customer = { at: '2026-11-23T11:00:00.000Z', values: { body: 'Theirs.' } };
    let result = applyImport(mine.store, planImport(mine.store, withMore), { incidents: { [src.second]: 'keep-mine' } });
    // Kept as it is here: none of the file's drafts for it.
    expect(result.drafts).toEqual([]);
    result = applyImport(mine.store, planImport(mine.store, withMore), { incidents: { [src.second]: 'take-theirs' } });
    expect(result.drafts).toEqual([{ incidentId: src.second, templateId: 'customer' }]);
    expect(mine.store.draft(src.second, 'status').$draft.get()?.values).toEqual({ summary: 'Mine.' });
    result = applyImport(mine.store, planImport(mine.store, withMore), { drafts: { [`${src.second}:status`]: 'take-theirs' } });
    expect(result.drafts).toEqual([{ incidentId: src.second, templateId: 'status' }]);
    expect(mine.store.draft(src.second, 'status').$draft.get()?.values).toEqual({ summary: 'We are investigating.' });
  });

  it('takes the file\'s practice ticks only by choice, and ignores keep-both for them', () => {
    const { src, mine, file } = diverged();
    mine.store.switchIncident(null);
    mine.store.setTick(item('other-practice'), true);
    const before = mine.store.$state.get().incidents.practice;
    let plan: ImportPlan = planImport(mine.store, file);
    expect(applyImport(mine.store, plan, { incidents: { practice: 'keep-both' } }).kept).toContainEqual({ id: 'practice', reason: 'no choice' });
    expect(mine.store.$state.get().incidents.practice).toEqual(before);
    plan = planImport(mine.store, file);
    applyImport(mine.store, plan, { incidents: { practice: 'take-theirs' } });
    expect(mine.store.$state.get().incidents.practice).toEqual(file.state.incidents.practice);
    expect(src.second in mine.store.$state.get().incidents).toBe(true);
  });

  it('fills an empty browser from a backup, keeping no incident active', () => {
    const { text, first, second } = source();
    const mine = setup();
    const plan = planImport(mine.store, read(text));
    const result = applyImport(mine.store, plan, { incidents: { practice: 'take-theirs' } });
    expect(result.added.sort()).toEqual([first, second].sort());
    expect(mine.store.$state.get().activeIncident).toBeNull();
    expect(mine.store.$state.get().incidents).toEqual(read(text).state.incidents);
    expect(mine.store.draft(second, 'status').$draft.get()?.values).toEqual({ summary: 'We are investigating.' });
  });
});
