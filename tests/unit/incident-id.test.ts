/** Incident ids: INC-YYYY-MM-DD-NNN, numbered per UTC day. */
import { describe, expect, it } from 'vitest';
import { nextIncidentId } from '../../src/lib/incident-id';

const NOW = new Date('2026-11-22T14:30:00Z');

describe('nextIncidentId', () => {
  it('starts each day at 001', () => {
    expect(nextIncidentId(NOW, [])).toBe('INC-2026-11-22-001');
  });

  it('follows the highest number of the same day', () => {
    expect(nextIncidentId(NOW, ['INC-2026-11-22-001'])).toBe('INC-2026-11-22-002');
    expect(nextIncidentId(NOW, ['INC-2026-11-22-002', 'INC-2026-11-22-009', 'INC-2026-11-22-003'])).toBe('INC-2026-11-22-010');
  });

  it('does not fill gaps left by missing numbers', () => {
    expect(nextIncidentId(NOW, ['INC-2026-11-22-001', 'INC-2026-11-22-005'])).toBe('INC-2026-11-22-006');
  });

  it('ignores incidents of other days and other ids', () => {
    expect(nextIncidentId(NOW, ['INC-2026-11-21-007', 'INC-2026-11-23-004', 'practice', 'INC-2025-11-22-009'])).toBe('INC-2026-11-22-001');
  });

  it('ignores ids of the day whose number is not a number', () => {
    expect(nextIncidentId(NOW, ['INC-2026-11-22-abc', 'INC-2026-11-22-', 'INC-2026-11-22-001'])).toBe('INC-2026-11-22-002');
  });

  it('uses the UTC date, not the local one', () => {
    // 23:30 on the 22nd at UTC-5 is already the 23rd in UTC.
    expect(nextIncidentId(new Date('2026-11-22T23:30:00-05:00'), ['INC-2026-11-22-001'])).toBe('INC-2026-11-23-001');
    expect(nextIncidentId(new Date('2026-11-23T00:30:00+02:00'), [])).toBe('INC-2026-11-22-001');
  });

  it('pads to three digits and keeps counting past 999', () => {
    expect(nextIncidentId(NOW, ['INC-2026-11-22-041'])).toBe('INC-2026-11-22-042');
    expect(nextIncidentId(NOW, ['INC-2026-11-22-999'])).toBe('INC-2026-11-22-1000');
  });

  it('accepts any iterable of ids (the keys of a Set or Map)', () => {
    expect(nextIncidentId(NOW, new Set(['INC-2026-11-22-001']))).toBe('INC-2026-11-22-002');
    expect(nextIncidentId(NOW, new Map([['INC-2026-11-22-002', {}]]).keys())).toBe('INC-2026-11-22-003');
  });
});
