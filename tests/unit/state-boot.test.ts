/**
 * The before-paint line is written into every page's HTML with `set:html` (src/components/Header.astro).
 * It must be a constant: nothing a reader typed is ever part of it. At run time it only reads
 * storage and sets one attribute to one fixed value, whatever the stored data holds.
 */
import { describe, expect, it } from 'vitest';
import { INCIDENT_BOOT_SCRIPT } from '../../src/state/boot';
import { STATE_KEY } from '../../src/state/persistence/keys';

/** Runs the script against a stored value; returns every attribute it set. */
function run(stored: string | null, storage: 'ok' | 'blocked' = 'ok') {
  const set: [string, string][] = [];
  const localStorage = {
    getItem(key: string) {
      if (storage === 'blocked') throw new Error('SecurityError');
      return key === STATE_KEY ? stored : null;
    },
  };
  const document = { documentElement: { setAttribute: (name: string, value: string) => set.push([name, value]) } };
  new Function('localStorage', 'document', INCIDENT_BOOT_SCRIPT)(localStorage, document);
  return set;
}

const state = (incident: Record<string, unknown>, active = 'INC-2026-11-24-001') =>
  JSON.stringify({ version: 3, activeIncident: active, incidents: { [String(incident.id)]: incident } });
const HOSTILE = '</script><img src=x onerror=alert(1)>${alert(2)}\u2028';

describe('the before-paint line', () => {
  it('is a constant with nothing in it that could close its script element', () => {
    expect(INCIDENT_BOOT_SCRIPT).not.toMatch(/<\/?script|<!--/i);
    expect(INCIDENT_BOOT_SCRIPT).toContain(JSON.stringify(STATE_KEY));
  });

  it('marks the page when an open incident is active, and only then', () => {
    const open = { id: 'INC-2026-11-24-001', title: 'Payments down', startedAt: '2026-11-24T09:00:00.000Z', ticks: {}, timeline: [] };
    expect(run(state(open))).toEqual([['data-incident', 'active']]);
    expect(run(state({ ...open, closedAt: '2026-11-24T10:00:00.000Z' }))).toEqual([]);
    expect(run(state({ ...open, id: 'practice' }, 'practice'))).toEqual([]);
    expect(run(state(open, 'INC-2026-11-24-009'))).toEqual([]);
    expect(run(null)).toEqual([]);
    expect(run('{not json')).toEqual([]);
    expect(run(state(open), 'blocked')).toEqual([]);
  });

  it('sets the one fixed value whatever a reader typed into the stored incident', () => {
    const typed = { id: HOSTILE, title: HOSTILE, startedAt: HOSTILE, handbook: HOSTILE, ticks: {}, timeline: [{ kind: 'note', text: HOSTILE }] };
    expect(run(state(typed, HOSTILE))).toEqual([['data-incident', 'active']]);
  });
});
