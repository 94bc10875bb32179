/**
 * Handoff: one incident as plain data for the next on-call, read back and validated like a backup,
 * then previewed and received through the import's planning (in a fresh browser, and again after the
 * sender added to it).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { storageHealth } from '../../src/state/persistence/engine';
import { applyHandoff, handoffAsBackup, handoffPayload, planHandoff, readHandoff, readImportFile, type Handoff } from '../../src/state/handoff';
import { item, setup } from './state-helpers';

beforeEach(() => {
  storageHealth.set({ mode: 'local', quotaExceeded: false });
});

/** The sender: an active incident with a note, a follow-up, a tick, a message and a draft. */
function sender() {
  const context = setup();
  const { store, time } = context;
  store.setResponder('Ana');
  const incident = store.startIncident({ title: 'Payment outage', severity: 'SEV-1', handbook: 'agency' });
  time.set('2026-11-23T10:10:00.000Z');
  store.addNote(incident.id, 'Stripe webhooks failing');
  store.addNote(incident.id, 'TODO: rotate the key');
  store.setTick(item('health-checks-green', { checklistSize: 3 }), true);
  store.recordMessage(incident.id, { title: 'Status update' });
  store.draft(incident.id, 'agency/status').save({ summary: 'Investigating' });
  return { ...context, id: incident.id };
}

function readOk(data: unknown): Handoff {
  const result = readHandoff(data);
  if (!result.ok) throw new Error(result.reason);
  return { incident: result.incident, drafts: result.drafts };
}

function refused(data: unknown): string {
  const result = readHandoff(data);
  if (result.ok) throw new Error('expected the handoff to be refused');
  return result.reason;
}

describe('handoffPayload', () => {
  it('carries the whole incident and its drafts, with the format marker and version', () => {
    const { store, id } = sender();
    const payload = handoffPayload(store, id);
    expect(payload).toEqual({
      format: 'incident-handbook-handoff',
      version: 3,
      incident: store.$state.get().incidents[id],
      drafts: { 'agency/status': { at: '2026-11-23T10:10:00.000Z', values: { summary: 'Investigating' } } },
    });
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('is a copy: changing it changes nothing stored', () => {
    const { store, id } = sender();
    const payload = handoffPayload(store, id)!;
    payload.incident.title = 'changed';
    payload.incident.timeline.length = 0;
    expect(store.$state.get().incidents[id].title).toBe('Payment outage');
    expect(store.$state.get().incidents[id].timeline.length).toBeGreaterThan(0);
  });

  it('has no drafts field when the incident has none; nothing for the practice scope or an unknown id', () => {
    const { store } = sender();
    const other = store.startIncident({ title: 'Quiet' });
    expect(handoffPayload(store, other.id)).not.toHaveProperty('drafts');
    expect(handoffPayload(store, 'practice')).toBeUndefined();
    expect(handoffPayload(store, 'INC-1999-01-01-001')).toBeUndefined();
  });
});

describe('readHandoff', () => {
  it('reads a payload back, as data or as JSON text', () => {
    const { store, id } = sender();
    const payload = handoffPayload(store, id)!;
    expect(readOk(payload)).toEqual({ incident: payload.incident, drafts: payload.drafts });
    expect(readOk(JSON.stringify(payload))).toEqual({ incident: payload.incident, drafts: payload.drafts });
    const { drafts: _, ...bare } = payload;
    expect(readOk(bare).drafts).toEqual({});
  });

  it('migrates an incident from an older version, like stored data', () => {
    const incident = { id: 'INC-2026-10-01-001', title: 'Old', startedAt: '2026-10-01T08:00:00.000Z', severity: 'P2', ticks: {} };
    const read = readOk({ format: 'incident-handbook-handoff', version: 2, incident });
    expect(read.incident.timeline.map((entry) => entry.kind)).toEqual(['started', 'severity']);
  });

  it('refuses what is not a handoff, saying why', () => {
    expect(refused('{"format":')).toBe('The handoff cannot be read: it is not JSON.');
    expect(refused(null)).toBe('This is not a handoff of this handbook: its format marker ("format") is missing, expected "incident-handbook-handoff".');
    expect(refused({ format: 'incident-handbook-backup', version: 3 })).toContain('("format") is "incident-handbook-backup"');
  });

  it('refuses a newer version or none', () => {
    const { store, id } = sender();
    const payload = handoffPayload(store, id)!;
    expect(refused({ ...payload, version: 4 })).toContain('newer version of the handbook (version 4; this page reads up to version 3)');
    expect(refused({ ...payload, version: undefined })).toBe('The handoff has no valid version: "version" is missing, expected a whole number from 1 to 3.');
  });

  it('refuses an incident that fails validation, naming the field path', () => {
    const { store, id } = sender();
    const payload = handoffPayload(store, id)!;
    expect(refused({ ...payload, incident: { ...payload.incident, title: undefined } })).toMatch(
      /^The handoff's incident cannot be read: it does not match the expected shape: incident\.title: /,
    );
    const bad = structuredClone(payload);
    (bad.incident.timeline[2] as Record<string, unknown>).text = 5;
    expect(refused(bad)).toContain('incident.timeline.2.text: ');
    expect(refused({ ...payload, incident: undefined })).toMatch(/: incident: /);
  });

  it('refuses the practice scope and ids this site does not issue', () => {
    const { store, id } = sender();
    const payload = handoffPayload(store, id)!;
    expect(refused({ ...payload, incident: { ...payload.incident, id: 'practice' } })).toContain('incident.id is "practice"');
    expect(refused({ ...payload, incident: { ...payload.incident, id: '__proto__' } })).toContain('incident.id is "__proto__"');
  });

  it('refuses drafts that fail validation, naming the field path', () => {
    const { store, id } = sender();
    const payload = handoffPayload(store, id)!;
    expect(refused({ ...payload, drafts: { 'agency/status': { at: 'x', values: { summary: 1 } } } })).toMatch(
      /^A draft in the handoff cannot be read: drafts\.agency\/status\.values\.summary: /,
    );
    expect(refused({ ...payload, drafts: 'x' })).toBe('A draft in the handoff cannot be read: drafts: expected drafts by template id, found "x".');
  });
});

describe('receiving a handoff', () => {
  it('in a fresh browser: the preview shows it added, and confirming imports it without making it active', () => {
    const { store, id } = sender();
    const payload = JSON.parse(JSON.stringify(handoffPayload(store, id)));
    const receiver = setup();
    const handoff = readOk(payload);
    const plan = planHandoff(receiver.store, handoff);
    expect(plan.from).toBe('handoff');
    expect(plan.added).toEqual([expect.objectContaining({ id, title: 'Payment outage', severity: 'SEV-1', entries: 5, ticks: 1, deletedHere: false })]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.drafts.added).toEqual([{ incidentId: id, templateId: 'agency/status' }]);
    // Previewing changed nothing.
    expect(receiver.store.$state.get().incidents[id]).toBeUndefined();
    const result = applyHandoff(receiver.store, plan);
    expect(result).toMatchObject({ added: [id], drafts: [{ incidentId: id, templateId: 'agency/status' }] });
    expect(receiver.store.$state.get().incidents[id]).toEqual(payload.incident);
    expect(receiver.store.$state.get().activeIncident).toBeNull();
    expect(receiver.store.draft(id, 'agency/status').$draft.get()?.values).toEqual({ summary: 'Investigating' });
    // The same handoff again: nothing to do.
    expect(planHandoff(receiver.store, handoff)).toMatchObject({ added: [], unchanged: [id], conflicts: [] });
  });

  /** An incident handed off, then handed off again after an escalation; the receiver has taken the first. */
  function handedOffTwice() {
    const { store, time, id } = sender();
    const first = readOk(handoffPayload(store, id));
    time.set('2026-11-23T10:40:00.000Z');
    store.recordEscalation(id, { to: 'Tech Lead' });
    const second = readOk(handoffPayload(store, id));
    const receiver = setup();
    applyHandoff(receiver.store, planHandoff(receiver.store, first));
    return { id, second, receiver };
  }

  it('a later handoff of the same incident is a conflict, in the handoff\'s words, and take-theirs brings it up to date', () => {
    const { id, second, receiver } = handedOffTwice();
    const plan = planHandoff(receiver.store, second);
    expect(plan.conflicts).toEqual([
      expect.objectContaining({ id, differences: ['Timeline: 5 entries here, 6 in the handoff'], choices: ['keep-mine', 'take-theirs', 'keep-both'] }),
    ]);
    applyHandoff(receiver.store, plan, { incidents: { [id]: 'take-theirs' } });
    expect(receiver.store.$state.get().incidents[id]).toEqual(second.incident);
  });

  it('keep-both notes that the copy came from a handoff', () => {
    const { id, second, receiver } = handedOffTwice();
    const result = applyHandoff(receiver.store, planHandoff(receiver.store, second), { incidents: { [id]: 'keep-both' } });
    const copy = receiver.store.$state.get().incidents[result.copied[0].to];
    expect(copy.timeline.at(-1)).toMatchObject({ kind: 'note', text: `Imported from a handoff as a copy of ${id}.` });
  });
});

describe('readImportFile', () => {
  it('reads a handoff saved as a file and a backup alike', () => {
    const { store, id } = sender();
    const handoff = readImportFile(JSON.stringify(handoffPayload(store, id)));
    expect(handoff.ok && handoff.backup).toEqual(handoffAsBackup(readOk(handoffPayload(store, id))));
    expect(handoff.ok && handoff.backup.from).toBe('handoff');
    const backup = readImportFile(store.exportJSON());
    expect(backup.ok && backup.backup.from).toBe('backup');
    expect(readImportFile('not json')).toEqual({ ok: false, reason: expect.stringContaining('it is not JSON') });
    const broken = readImportFile(JSON.stringify({ ...handoffPayload(store, id), version: 9 }));
    expect(broken).toEqual({ ok: false, reason: expect.stringContaining('The handoff was made by a newer version') });
  });
});
