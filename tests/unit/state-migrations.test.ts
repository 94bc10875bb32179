/**
 * Reading stored state of any version: the current version as is, versions 1 and 2 migrated, and
 * anything unreadable refused with a reason (the store keeps the text; readState never throws).
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, readState } from '../../src/state/persistence/migrations';
import { CURRENT_VERSION, emptyState, practiceScope, stateSchema, type StoredState } from '../../src/state/persistence/schema';
import { PRACTICE_ID } from '../../src/state/persistence/keys';

const TICK = {
  at: '2026-11-23T10:02:00.000Z',
  by: 'Ana',
  label: 'Health checks green',
  page: 'demo/respond-now',
  pageTitle: 'Respond now',
  checklist: 'demo/respond-now#verify',
  heading: 'Verify',
};

/** A version 3 document using every field: what this build writes. */
const V3: StoredState = {
  version: 3,
  activeIncident: 'INC-2026-11-23-001',
  responder: 'Ana',
  acknowledgedBackups: ['incident-handbook:backup:2026-11-20T00:00:00.000Z'],
  deletedIncidents: ['INC-2026-11-22-001'],
  incidents: {
    practice: practiceScope(),
    'INC-2026-11-23-001': {
      id: 'INC-2026-11-23-001',
      title: 'Payment outage',
      startedAt: '2026-11-23T09:52:00.000Z',
      handbook: 'demo',
      severity: 'P1',
      ticks: { 'demo/respond-now#verify/health-checks-green': TICK },
      classification: {
        at: '2026-11-23T10:05:00.000Z',
        handbook: 'demo',
        answers: { questions: { 'users-affected': 'All users', 'data-at-risk': 'not-sure' }, readings: { 'error-rate': 2.5, 'looks-like-attack': false } },
        level: 'P1',
        reasons: ['Users affected?: All users', 'Error rate: 2.5 % (> 1 % for 5 min)'],
      },
      timeline: [
        { id: 'a1', at: '2026-11-23T09:52:00.000Z', kind: 'started', by: 'Ana', declaredAt: '2026-11-23T10:00:00.000Z' },
        { id: 'a2', at: '2026-11-23T10:00:00.000Z', kind: 'severity', to: 'P2', reasons: [] },
        { id: 'a3', at: '2026-11-23T10:05:00.000Z', kind: 'severity', from: 'P2', to: 'P1', reasons: ['Users affected?: All users'], by: 'Ana' },
        { id: 'a4', at: '2026-11-23T10:06:00.000Z', kind: 'note', text: 'Stripe webhooks failing', edits: [{ at: '2026-11-23T10:07:00.000Z', text: 'Stripe webhook failing' }] },
        { id: 'a5', at: '2026-11-23T10:08:00.000Z', kind: 'note', text: 'TODO: rotate key', deletedAt: '2026-11-23T10:09:00.000Z' },
      ],
    },
    'INC-2026-11-21-002': {
      id: 'INC-2026-11-21-002',
      title: 'Slow search',
      startedAt: '2026-11-21T08:00:00.000Z',
      closedAt: '2026-11-21T09:30:00.000Z',
      ticks: {},
      timeline: [
        { id: 'b1', at: '2026-11-21T08:00:00.000Z', kind: 'started' },
        { id: 'b2', at: '2026-11-21T09:00:00.000Z', kind: 'closed' },
        { id: 'b3', at: '2026-11-21T09:10:00.000Z', kind: 'reopened' },
        { id: 'b4', at: '2026-11-21T09:30:00.000Z', kind: 'closed' },
      ],
    },
  },
};

function failure(raw: string): string {
  const result = readState(raw);
  if (result.ok) throw new Error(`expected ${raw} to be refused`);
  return result.reason;
}

describe('state schema', () => {
  it('is at version 3', () => {
    expect(CURRENT_VERSION).toBe(3);
  });

  it('starts empty with only the practice scope, which is not active', () => {
    expect(emptyState()).toEqual({
      version: 3,
      activeIncident: null,
      incidents: { practice: { id: 'practice', title: 'Practice (no active incident)', startedAt: '1970-01-01T00:00:00.000Z', ticks: {}, timeline: [] } },
    });
    expect(stateSchema(emptyState())).toBeUndefined();
  });

  it('gives the practice scope the start time it is given', () => {
    expect(practiceScope('2026-11-23T00:00:00.000Z').startedAt).toBe('2026-11-23T00:00:00.000Z');
    expect(practiceScope().id).toBe(PRACTICE_ID);
  });

  it('returns fresh objects each time, so one state cannot change another', () => {
    const a = emptyState();
    a.incidents.practice.ticks.x = TICK;
    expect(emptyState().incidents.practice.ticks).toEqual({});
  });
});

describe('readState', () => {
  it('reads the current version unchanged, without migratedFrom', () => {
    const result = readState(JSON.stringify(V3));
    expect(result).toEqual({ ok: true, state: V3 });
    expect(result).not.toHaveProperty('migratedFrom');
  });

  it('round-trips a version 3 document to the same text', () => {
    const raw = JSON.stringify(V3);
    const result = readState(raw);
    expect(result.ok && JSON.stringify(result.state)).toBe(raw);
  });

  it('migrates version 1: ticks move into the practice scope with page and heading recovered from the id', () => {
    const raw = JSON.stringify({
      version: 1,
      ticks: {
        'demo/process/verify#verify-backups/check-pg-dump-ran': '2026-11-20T09:00:00.000Z',
        'demo/respond-now#top/acknowledge-the-page': '2026-11-20T09:01:00.000Z',
      },
    });
    const result = readState(raw);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 1,
      state: {
        version: 3,
        activeIncident: null,
        incidents: {
          practice: {
            ...practiceScope(),
            ticks: {
              'demo/process/verify#verify-backups/check-pg-dump-ran': {
                at: '2026-11-20T09:00:00.000Z',
                label: 'check-pg-dump-ran',
                page: 'demo/process/verify',
                pageTitle: 'demo/process/verify',
                checklist: 'demo/process/verify#verify-backups',
                heading: 'verify-backups',
              },
              'demo/respond-now#top/acknowledge-the-page': {
                at: '2026-11-20T09:01:00.000Z',
                label: 'acknowledge-the-page',
                page: 'demo/respond-now',
                pageTitle: 'demo/respond-now',
                checklist: 'demo/respond-now#top',
                heading: 'top',
              },
            },
          },
        },
      },
    });
  });

  it('migrates an empty version 1 store to an empty practice scope', () => {
    expect(readState('{"version":1,"ticks":{}}')).toEqual({ ok: true, migratedFrom: 1, state: emptyState() });
  });

  it('keeps the whole id as the label of a version 1 tick whose id has no item part', () => {
    const result = readState(JSON.stringify({ version: 1, ticks: { 'odd-id': '2026-11-20T09:00:00.000Z' } }));
    expect(result.ok && result.state.incidents.practice.ticks['odd-id']).toMatchObject({ label: 'odd-id', page: 'odd-id', heading: '' });
  });

  it('refuses a version 1 store of the wrong shape, saying it could not be upgraded and where', () => {
    const reason = failure(JSON.stringify({ version: 1, ticks: { 'a#b/c': 5 } }));
    expect(reason).toBe('it could not be upgraded from version 1: ticks.a#b/c: expected text, got a number');
  });

  it('has a migration for every version below the current one', () => {
    for (let v = 1; v < CURRENT_VERSION; v++) expect(typeof MIGRATIONS[v]).toBe('function');
  });

  it('refuses text that is not JSON', () => {
    expect(failure('{"version": 2, ')).toBe('it is not valid JSON');
    expect(failure('')).toBe('it is not valid JSON');
  });

  it.each(['[]', '[{"version":2}]', '"state"', '42', 'null', 'true'])('refuses %s: not an object', (raw) => {
    expect(failure(raw)).toBe('it is not an object');
  });

  it.each(['{}', '{"theme":"dark"}', '{"version":"2"}', '{"version":0}', '{"version":-1}', '{"version":1.5}', '{"version":null}'])(
    'refuses %s: no version, not written by this site',
    (raw) => {
      expect(failure(raw)).toBe('it has no version number: it was not written by this site');
    },
  );

  it('refuses data from a newer version of the site, naming both versions', () => {
    expect(failure(JSON.stringify({ ...V3, version: 4 }))).toBe(
      'it was written by a newer version of this site (data version 4, this page reads up to 3)',
    );
  });

  it('refuses the current version with the wrong shape, naming the path of the problem', () => {
    const reason = failure(JSON.stringify({ version: 3, activeIncident: null, incidents: { x: { id: 'x', startedAt: 'now', ticks: {}, timeline: [] } } }));
    expect(reason).toBe('it does not match the expected shape: incidents.x.title: expected text, got nothing');
  });

  it('names the path of a bad tick', () => {
    const state = structuredClone(V3);
    (state.incidents['INC-2026-11-23-001'].ticks['demo/respond-now#verify/health-checks-green'] as Record<string, unknown>).label = 7;
    expect(failure(JSON.stringify(state))).toContain('incidents.INC-2026-11-23-001.ticks.demo/respond-now#verify/health-checks-green.label: ');
  });

  it('names a missing top-level field', () => {
    expect(failure('{"version":3,"incidents":{}}')).toMatch(/^it does not match the expected shape: activeIncident: /);
  });

  it('adds the practice scope when the stored state has none', () => {
    const result = readState(JSON.stringify({ version: 3, activeIncident: null, incidents: {} }));
    expect(result).toEqual({ ok: true, state: emptyState() });
  });

  it('keeps an existing practice scope with its ticks', () => {
    const practice = { ...practiceScope(), ticks: { x: TICK } };
    const result = readState(JSON.stringify({ version: 3, activeIncident: null, incidents: { practice } }));
    expect(result.ok && result.state.incidents.practice).toEqual(practice);
  });
});

/** What version 2 of the site wrote: several incidents, one closed, practice ticks, the responder. */
const V2_TICK_PRACTICE = { ...TICK, by: undefined, at: '2026-11-20T16:00:00.000Z' };
delete (V2_TICK_PRACTICE as { by?: string }).by;
const V2 = {
  version: 2,
  activeIncident: 'INC-2026-11-23-002',
  responder: 'Ana',
  acknowledgedBackups: ['incident-handbook:backup:2026-11-20T00:00:00.000Z'],
  incidents: {
    practice: { id: 'practice', title: 'Practice (no active incident)', startedAt: '1970-01-01T00:00:00.000Z', ticks: { 'demo/respond-now#verify/health-checks-green': V2_TICK_PRACTICE } },
    'INC-2026-11-22-001': {
      id: 'INC-2026-11-22-001',
      title: 'Database failover',
      startedAt: '2026-11-22T03:10:00.000Z',
      closedAt: '2026-11-22T05:45:00.000Z',
      handbook: 'demo',
      severity: 'P0',
      ticks: { 'demo/respond-now#verify/health-checks-green': { ...TICK, at: '2026-11-22T05:30:00.000Z' } },
    },
    'INC-2026-11-23-001': {
      id: 'INC-2026-11-23-001',
      title: 'INC-2026-11-23-001',
      startedAt: '2026-11-23T09:00:00.000Z',
      ticks: {},
    },
    'INC-2026-11-23-002': {
      id: 'INC-2026-11-23-002',
      title: 'Payment outage',
      startedAt: '2026-11-23T10:00:00.000Z',
      handbook: 'demo',
      severity: 'P1',
      ticks: { 'demo/respond-now#verify/health-checks-green': TICK },
    },
  },
};

describe('migration from version 2', () => {
  it('gives each incident a timeline from what it recorded: started, its severity, closed; practice none', () => {
    const result = readState(JSON.stringify(V2));
    expect(result).toEqual({
      ok: true,
      migratedFrom: 2,
      state: {
        version: 3,
        activeIncident: 'INC-2026-11-23-002',
        responder: 'Ana',
        acknowledgedBackups: ['incident-handbook:backup:2026-11-20T00:00:00.000Z'],
        incidents: {
          practice: { ...V2.incidents.practice, timeline: [] },
          'INC-2026-11-22-001': {
            ...V2.incidents['INC-2026-11-22-001'],
            timeline: [
              { id: 'v2-started', at: '2026-11-22T03:10:00.000Z', kind: 'started' },
              { id: 'v2-severity', at: '2026-11-22T03:10:00.000Z', kind: 'severity', to: 'P0', reasons: [] },
              { id: 'v2-closed', at: '2026-11-22T05:45:00.000Z', kind: 'closed' },
            ],
          },
          'INC-2026-11-23-001': {
            ...V2.incidents['INC-2026-11-23-001'],
            timeline: [{ id: 'v2-started', at: '2026-11-23T09:00:00.000Z', kind: 'started' }],
          },
          'INC-2026-11-23-002': {
            ...V2.incidents['INC-2026-11-23-002'],
            timeline: [
              { id: 'v2-started', at: '2026-11-23T10:00:00.000Z', kind: 'started' },
              { id: 'v2-severity', at: '2026-11-23T10:00:00.000Z', kind: 'severity', to: 'P1', reasons: [] },
            ],
          },
        },
      },
    });
  });

  it('keeps every version 2 field as it was (ticks, closedAt, responder, acknowledged backups)', () => {
    const result = readState(JSON.stringify(V2));
    if (!result.ok) throw new Error(result.reason);
    for (const [id, incident] of Object.entries(V2.incidents)) {
      const { timeline: _, ...rest } = result.state.incidents[id];
      expect(rest).toEqual(incident);
    }
  });

  it('does not change the object it is given', () => {
    const input = structuredClone(V2);
    MIGRATIONS[2](input);
    expect(input).toEqual(V2);
  });

  it('migrates version 1 through 2 to 3', () => {
    const result = readState(JSON.stringify({ version: 1, ticks: { 'demo/respond-now#top/acknowledge-the-page': '2026-11-20T09:01:00.000Z' } }));
    expect(result.ok && result.state.version).toBe(3);
    expect(result.ok && result.migratedFrom).toBe(1);
    expect(result.ok && result.state.incidents.practice.timeline).toEqual([]);
    expect(result.ok && stateSchema(result.state)).toBeUndefined();
  });

  it('reads the migrated document back unchanged once written as version 3', () => {
    const first = readState(JSON.stringify(V2));
    if (!first.ok) throw new Error(first.reason);
    const again = readState(JSON.stringify(first.state));
    expect(again).toEqual({ ok: true, state: first.state });
  });

  it('refuses a version 2 document of the wrong shape with the path, never a TypeError', () => {
    expect(failure(JSON.stringify({ version: 2, activeIncident: null, incidents: 5 }))).toMatch(/^it does not match the expected shape: incidents: /);
    expect(failure(JSON.stringify({ version: 2, activeIncident: null, incidents: { x: 'text' } }))).toMatch(/^it does not match the expected shape: incidents\.x: /);
    expect(failure(JSON.stringify({ version: 2, activeIncident: null, incidents: { x: { id: 'x', title: 'X', startedAt: 7, ticks: {} } } }))).toMatch(
      /^it does not match the expected shape: incidents\.x\.startedAt: /,
    );
  });

  it('refuses a time that is not a date (the clocks count from it every second), wherever it is', () => {
    const state = (startedAt: string, at = '2026-11-23T10:00:00.000Z') =>
      JSON.stringify({ version: 3, activeIncident: null, incidents: { x: { id: 'x', title: 'X', startedAt, ticks: {}, timeline: [{ id: 'e', at, kind: 'closed' }] } } });
    expect(failure(state('yesterday-ish'))).toBe('it does not match the expected shape: incidents.x.startedAt: expected a time such as "2026-11-23T10:00:00.000Z", got text');
    expect(failure(state('2026-02-30T10:00:00Z'))).toMatch(/incidents\.x\.startedAt: expected a time/);
    expect(failure(state('2026-11-23T10:00:00.000Z', '10:00'))).toMatch(/incidents\.x\.timeline\.0\.at: expected a time/);
    expect(readState(state('2026-11-23T10:00:00+01:00')).ok).toBe(true);
  });
});

describe('fields this build does not know', () => {
  it('keeps them at every level of a version 3 document, so an older tab cannot erase a newer build\'s data', () => {
    const newer = structuredClone(V3) as unknown as Record<string, any>;
    newer.teamSettings = { bridge: 'https://meet.example/abc' };
    newer.incidents['INC-2026-11-23-001'].pagerDuty = 'PD123';
    newer.incidents['INC-2026-11-23-001'].ticks['demo/respond-now#verify/health-checks-green'].photo = 'x';
    newer.incidents['INC-2026-11-23-001'].timeline[3].pinned = true;
    newer.incidents['INC-2026-11-23-001'].classification.scaleVersion = '2';
    const raw = JSON.stringify(newer);
    const result = readState(raw);
    expect(result.ok && JSON.stringify(result.state)).toBe(raw);
  });

  it('keeps them through the migration from version 2', () => {
    const v2 = structuredClone(V2) as unknown as Record<string, any>;
    v2.extra = 1;
    v2.incidents['INC-2026-11-23-002'].extra = 2;
    const result = readState(JSON.stringify(v2));
    expect(result.ok && (result.state as unknown as Record<string, any>).extra).toBe(1);
    expect(result.ok && (result.state.incidents['INC-2026-11-23-002'] as unknown as Record<string, any>).extra).toBe(2);
  });

  it('keeps a timeline entry of a kind a newer build added', () => {
    const newer = structuredClone(V3);
    const later = { id: 'z1', at: '2026-11-23T11:00:00.000Z', kind: 'pager-acknowledged', service: 'payments', text: 'Acked in PagerDuty.' };
    newer.incidents['INC-2026-11-23-001'].timeline.push(later as never);
    const result = readState(JSON.stringify(newer));
    expect(result.ok && result.state.incidents['INC-2026-11-23-001'].timeline.at(-1)).toEqual(later);
  });
});

describe('version 3 validation', () => {
  const withEntry = (entry: Record<string, unknown>) => {
    const state = structuredClone(V3);
    state.incidents['INC-2026-11-23-001'].timeline.push(entry as never);
    return JSON.stringify(state);
  };

  it('refuses an entry of a known kind without its fields, naming the field', () => {
    expect(failure(withEntry({ id: 'x', at: '2026-11-23T11:00:00.000Z', kind: 'severity', reasons: [] }))).toMatch(
      /^it does not match the expected shape: incidents\.INC-2026-11-23-001\.timeline\.5\.to: /,
    );
    expect(failure(withEntry({ id: 'x', at: '2026-11-23T11:00:00.000Z', kind: 'note' }))).toContain('timeline.5.text: ');
    expect(failure(withEntry({ id: 'x', at: '2026-11-23T11:00:00.000Z', kind: 'note', text: 'a', edits: [{ text: 'b' }] }))).toContain('timeline.5.edits.0.at: ');
  });

  it('does not mistake an entry kind for an object property', () => {
    expect(readState(withEntry({ id: 'x', at: '2026-11-23T11:00:00.000Z', kind: 'constructor' })).ok).toBe(true);
    expect(readState(withEntry({ id: 'x', at: '2026-11-23T11:00:00.000Z', kind: '__proto__' })).ok).toBe(true);
  });

  it('refuses an entry of any kind without an id or time', () => {
    expect(failure(withEntry({ at: '2026-11-23T11:00:00.000Z', kind: 'later-kind' }))).toContain('timeline.5.id: ');
    expect(failure(withEntry({ id: 'x', kind: 'closed' }))).toContain('timeline.5.at: ');
    expect(failure(withEntry({ id: 'x', at: '2026-11-23T11:00:00.000Z' }))).toContain('timeline.5.kind: ');
  });

  it('refuses an incident without a timeline', () => {
    const state = structuredClone(V3) as unknown as Record<string, any>;
    delete state.incidents['INC-2026-11-23-001'].timeline;
    expect(failure(JSON.stringify(state))).toMatch(/incidents\.INC-2026-11-23-001\.timeline: /);
  });

  it('refuses a classification whose reading is neither a number nor yes/no, naming it', () => {
    const state = structuredClone(V3) as unknown as Record<string, any>;
    state.incidents['INC-2026-11-23-001'].classification.answers.readings['error-rate'] = '2.5';
    expect(failure(JSON.stringify(state))).toContain('incidents.INC-2026-11-23-001.classification.answers.readings.error-rate: ');
  });
});

describe('version 3 additions for the active incident (optional fields and new entry kinds, no version bump)', () => {
  const ID = 'INC-2026-11-23-001';
  const AT = '2026-11-23T11:00:00.000Z';
  const NEW_ENTRIES = [
    { id: 'n1', at: AT, kind: 'note', text: 'TODO: rotate the key', doneAt: '2026-11-23T12:00:00.000Z' },
    { id: 'm1', at: AT, kind: 'message-sent', title: 'Status update' },
    { id: 'm2', at: AT, kind: 'message-sent', title: 'Customer notice', template: 'demo/customer', channel: 'email', audience: 'customers', text: 'We are investigating.', by: 'Ana' },
    { id: 'c1', at: AT, kind: 'checklist-completed', checklist: 'demo/respond-now#verify', heading: 'Verify', page: 'demo/respond-now', pageTitle: 'Respond now', total: 8 },
    { id: 'e1', at: AT, kind: 'escalated', to: 'Tech Lead' },
    { id: 'e2', at: AT, kind: 'escalated', to: 'Management', note: 'Called Dana' },
  ];
  const CHECKLISTS = { 'demo/respond-now#verify': { page: 'demo/respond-now', pageTitle: 'Respond now', heading: 'Verify', total: 8 } };

  /** V3 with the new fields: what this build writes once an incident is run. */
  function withAdditions(): Record<string, any> {
    const state = structuredClone(V3) as unknown as Record<string, any>;
    state.reminders = true;
    state.incidents[ID].checklists = structuredClone(CHECKLISTS);
    state.incidents[ID].timeline.push(...structuredClone(NEW_ENTRIES));
    return state;
  }

  /** withAdditions() changed by `change`, as stored text. */
  function changed(change: (state: Record<string, any>) => void): string {
    const state = withAdditions();
    change(state);
    return JSON.stringify(state);
  }
  const lastEntry = (state: Record<string, any>) => state.incidents[ID].timeline.at(-1);

  it('still reads a version 3 document written before them, unchanged', () => {
    const result = readState(JSON.stringify(V3));
    expect(result).toEqual({ ok: true, state: V3 });
    expect(result.ok && result.state).not.toHaveProperty('reminders');
    expect(result.ok && result.state.incidents[ID]).not.toHaveProperty('checklists');
  });

  it('reads each new kind and field, and round-trips it to the same text', () => {
    const raw = JSON.stringify(withAdditions());
    const result = readState(raw);
    expect(result.ok).toBe(true);
    expect(result.ok && JSON.stringify(result.state)).toBe(raw);
    expect(stateSchema(withAdditions())).toBeUndefined();
    expect(readState(changed((state) => (state.reminders = false))).ok).toBe(true);
  });

  it.each([
    ['a message-sent entry without a title', (s: Record<string, any>) => delete s.incidents[ID].timeline[6].title, 'timeline.6.title: '],
    ['a message-sent entry whose text is not text', (s: Record<string, any>) => (s.incidents[ID].timeline[7].text = 42), 'timeline.7.text: '],
    ['a checklist-completed entry without its checklist', (s: Record<string, any>) => delete s.incidents[ID].timeline[8].checklist, 'timeline.8.checklist: '],
    ['a checklist-completed entry with its total as text', (s: Record<string, any>) => (s.incidents[ID].timeline[8].total = '8'), 'timeline.8.total: expected a whole number of items'],
    ['a checklist-completed entry with a total of 0', (s: Record<string, any>) => (s.incidents[ID].timeline[8].total = 0), 'timeline.8.total: expected a whole number of items'],
    ['a checklist-completed entry with a fractional total', (s: Record<string, any>) => (s.incidents[ID].timeline[8].total = 2.5), 'timeline.8.total: expected a whole number of items'],
    ['a checklist-completed entry without a total', (s: Record<string, any>) => delete s.incidents[ID].timeline[8].total, 'timeline.8.total: expected a whole number of items'],
    ['an escalated entry without "to"', (s: Record<string, any>) => delete s.incidents[ID].timeline[9].to, 'timeline.9.to: '],
    ['an escalated entry whose note is not text', (s: Record<string, any>) => (s.incidents[ID].timeline[10].note = ['x']), 'timeline.10.note: '],
    ['a note whose doneAt is not a time string', (s: Record<string, any>) => (s.incidents[ID].timeline[5].doneAt = 5), 'timeline.5.doneAt: '],
    ['a checklist record without its total', (s: Record<string, any>) => delete s.incidents[ID].checklists['demo/respond-now#verify'].total, `incidents.${ID}.checklists.demo/respond-now#verify.total: expected a whole number of items`],
    ['a checklist record without its page', (s: Record<string, any>) => delete s.incidents[ID].checklists['demo/respond-now#verify'].page, `incidents.${ID}.checklists.demo/respond-now#verify.page: `],
    ['checklists that are a list', (s: Record<string, any>) => (s.incidents[ID].checklists = []), `incidents.${ID}.checklists: `],
    ['reminders as text', (s: Record<string, any>) => (s.reminders = 'yes'), 'reminders: '],
  ])('refuses %s, naming the field', (_, change, path) => {
    const reason = failure(changed(change));
    expect(reason).toMatch(/^it does not match the expected shape: /);
    expect(reason).toContain(path);
  });

  it('checks the fields of each new kind (entries 5 to 10 are the new ones)', () => {
    const state = withAdditions();
    expect(state.incidents[ID].timeline.slice(5).map((entry: { kind: string }) => entry.kind)).toEqual([
      'note', 'message-sent', 'message-sent', 'checklist-completed', 'escalated', 'escalated',
    ]);
    expect(lastEntry(state)).toEqual(NEW_ENTRIES.at(-1));
  });
});
