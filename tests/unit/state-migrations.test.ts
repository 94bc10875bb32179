/**
 * Reading stored state of any version: the current version as is, version 1 migrated, and anything
 * unreadable refused with a reason (the store keeps the text; readState never throws).
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, readState } from '../../src/state/migrations';
import { CURRENT_VERSION, emptyState, practiceScope, stateSchema, type StoredState } from '../../src/state/schema';
import { PRACTICE_ID } from '../../src/state/keys';

const TICK = {
  at: '2026-11-23T10:02:00.000Z',
  by: 'Ana',
  label: 'Health checks green',
  page: 'demo/respond-now',
  pageTitle: 'Respond now',
  checklist: 'demo/respond-now#verify',
  heading: 'Verify',
};

const V2: StoredState = {
  version: 2,
  activeIncident: 'INC-2026-11-23-001',
  responder: 'Ana',
  acknowledgedBackups: ['incident-handbook:backup:2026-11-20T00:00:00.000Z'],
  incidents: {
    practice: practiceScope(),
    'INC-2026-11-23-001': {
      id: 'INC-2026-11-23-001',
      title: 'Payment outage',
      startedAt: '2026-11-23T10:00:00.000Z',
      handbook: 'demo',
      severity: 'P1',
      ticks: { 'demo/respond-now#verify/health-checks-green': TICK },
    },
  },
};

function failure(raw: string): string {
  const result = readState(raw);
  if (result.ok) throw new Error(`expected ${raw} to be refused`);
  return result.reason;
}

describe('state schema', () => {
  it('is at version 2', () => {
    expect(CURRENT_VERSION).toBe(2);
  });

  it('starts empty with only the practice scope, which is not active', () => {
    expect(emptyState()).toEqual({
      version: 2,
      activeIncident: null,
      incidents: { practice: { id: 'practice', title: 'Practice (no active incident)', startedAt: '1970-01-01T00:00:00.000Z', ticks: {} } },
    });
    expect(stateSchema.safeParse(emptyState()).success).toBe(true);
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
    const result = readState(JSON.stringify(V2));
    expect(result).toEqual({ ok: true, state: V2 });
    expect(result).not.toHaveProperty('migratedFrom');
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
        version: 2,
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
    expect(reason).toMatch(/^it could not be upgraded from version 1: /);
    expect(reason).toContain('ticks.a#b/c');
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
    expect(failure(JSON.stringify({ ...V2, version: 3 }))).toBe(
      'it was written by a newer version of this site (data version 3, this page reads up to 2)',
    );
  });

  it('refuses the current version with the wrong shape, naming the path of the problem', () => {
    const reason = failure(JSON.stringify({ version: 2, activeIncident: null, incidents: { x: { id: 'x', startedAt: 'now', ticks: {} } } }));
    expect(reason).toMatch(/^it does not match the expected shape: incidents\.x\.title: /);
  });

  it('names the path of a bad tick', () => {
    const state = structuredClone(V2);
    (state.incidents['INC-2026-11-23-001'].ticks['demo/respond-now#verify/health-checks-green'] as Record<string, unknown>).label = 7;
    expect(failure(JSON.stringify(state))).toContain('incidents.INC-2026-11-23-001.ticks.demo/respond-now#verify/health-checks-green.label: ');
  });

  it('names a missing top-level field', () => {
    expect(failure('{"version":2,"incidents":{}}')).toMatch(/^it does not match the expected shape: activeIncident: /);
  });

  it('adds the practice scope when the stored state has none', () => {
    const result = readState(JSON.stringify({ version: 2, activeIncident: null, incidents: {} }));
    expect(result).toEqual({ ok: true, state: emptyState() });
  });

  it('keeps an existing practice scope with its ticks', () => {
    const practice = { ...practiceScope(), ticks: { x: TICK } };
    const result = readState(JSON.stringify({ version: 2, activeIncident: null, incidents: { practice } }));
    expect(result.ok && result.state.incidents.practice).toEqual(practice);
  });
});
