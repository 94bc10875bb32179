import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ESCALATION_GRACE_MS, incidentClock, UPDATE_GRACE_MS, type ClockIncident, type ClockLevel, type ClockTier } from '../../src/lib/incident-clock';
import { parseDuration } from '../../src/lib/duration';
import { handbookSchema } from '../../src/schemas/handbook';
import { makeContentIndex } from '../../src/schemas/context';
import { scaleSchema } from '../../src/schemas/scale';
import type { Incident } from '../../src/state/persistence/schema';
import type { EscalationTier, Handbook } from '../../src/schemas/handbook';
import type { Level } from '../../src/schemas/scale';

// The stored incident, a scale's level and a handbook's tiers fit the clock's structural inputs (a type
// error here, caught by astro check, means they drifted apart).
export const fits = {
  incident: (incident: Incident): ClockIncident => incident,
  level: (level: Level): ClockLevel => level,
  tiers: (handbook: Handbook): readonly ClockTier[] => handbook.escalation,
  tier: (tier: EscalationTier): ClockTier => tier,
};

const HANDBOOKS = ['agency-platform', 'customer-portal', 'foundation-platform', 'hundred-k-platform', 'manufacturing-platform'] as const;
type HandbookId = (typeof HANDBOOKS)[number];

const yamlOf = (folder: string, id: string): unknown => parse(readFileSync(new URL(`../../content/${folder}/${id}.yaml`, import.meta.url), 'utf8'));

/** A scale and a handbook of the example content, validated as the build validates them. */
function content(id: HandbookId) {
  const scale = scaleSchema.parse(yamlOf('scales', id));
  const index = makeContentIndex({ levels: { [id]: scale.levels.map((level) => level.id) }, runbooks: [`${id}/respond-now`] });
  const handbook = handbookSchema(index).parse(yamlOf('handbooks', id));
  const levels: ClockLevel[] = scale.levels;
  const tiers: ClockTier[] = handbook.escalation;
  return { levels, tiers };
}
const CONTENT = Object.fromEntries(HANDBOOKS.map((id) => [id, content(id)])) as Record<HandbookId, ReturnType<typeof content>>;
const levelOf = (handbook: HandbookId, id: string) => CONTENT[handbook].levels.find((level) => level.id === id)!;

const START = Date.parse('2026-11-24T09:00:00.000Z');
const MIN = 60_000;
/** The instant `minutes` (and `ms`) after the start. */
const t = (minutes: number, ms = 0) => new Date(START + minutes * MIN + ms);
const iso = (minutes: number, ms = 0) => t(minutes, ms).toISOString();

type Entry = ClockIncident['timeline'][number];
function incident(severity: string | undefined, timeline: Entry[] = [], extra: Partial<ClockIncident> = {}): ClockIncident {
  return { startedAt: iso(0), ...(severity ? { severity } : {}), timeline: [{ kind: 'started', at: iso(0) }, ...timeline], ...extra };
}
function clockAt(handbook: HandbookId, severity: string | undefined, minutes: number, timeline: Entry[] = [], extra: Partial<ClockIncident> = {}) {
  return incidentClock({
    incident: incident(severity, timeline, extra),
    level: severity ? levelOf(handbook, severity) : undefined,
    tiers: CONTENT[handbook].tiers,
    now: t(minutes),
  });
}

/**
 * Every level of the five example scales, written out by hand from content/scales/*.yaml: the update
 * cadence in minutes (null: none) and the escalation steps (who, minutes after the start; null: "when
 * needed"). A level added to a scale, or a changed clock, fails the completeness test below.
 */
const EXPECTED: Record<HandbookId, Record<string, { updates: number | null; steps: [string, number | null][] }>> = {
  'agency-platform': {
    'SEV-1': { updates: 30, steps: [['Escalation contacts', 0], ['Tech Lead', 30], ['Product + Support', 60], ['Security + Legal', null], ['DevOps + Vendor', null]] },
    'SEV-2': { updates: 30, steps: [['Escalation contacts', 0], ['Product + Support', 60], ['Security + Legal', null], ['DevOps + Vendor', null]] },
    'SEV-3': { updates: 60, steps: [] },
    'SEV-4': { updates: null, steps: [] },
  },
  'customer-portal': {
    P1: { updates: null, steps: [['Technical lead (L2)', 30], ['Engineering manager (L3)', 60], ['Vendor support (L4)', null]] },
    P2: { updates: null, steps: [['Technical lead (L2)', 30], ['Vendor support (L4)', null]] },
    P3: { updates: null, steps: [['Vendor support (L4)', null]] },
    P4: { updates: null, steps: [['Vendor support (L4)', null]] },
  },
  'foundation-platform': {
    P0: { updates: null, steps: [['Technical Lead (L2)', 30], ['Engineering Manager (L3)', 60], ['CTO/Executive (L4)', null]] },
    P1: { updates: null, steps: [['Technical Lead (L2)', 30], ['Engineering Manager (L3)', 60], ['CTO/Executive (L4)', null]] },
    P2: { updates: 1440, steps: [['Technical Lead (L2)', 30], ['Engineering Manager (L3)', 60], ['CTO/Executive (L4)', null]] },
    P3: { updates: 10080, steps: [['Technical Lead (L2)', 30], ['Engineering Manager (L3)', 60], ['CTO/Executive (L4)', null]] },
  },
  'hundred-k-platform': {
    P0: { updates: null, steps: [['PagerDuty escalation', 5], ['Management', 30], ['Executives', null]] },
    P1: { updates: null, steps: [['PagerDuty escalation', 15], ['Management', 120], ['Executives', null]] },
    P2: { updates: null, steps: [['Primary on-call team', null]] },
    P3: { updates: null, steps: [['On-call team', null]] },
  },
  'manufacturing-platform': Object.fromEntries(
    ['P1', 'P2', 'P3', 'P4'].map((id) => [id, { updates: null, steps: [['Team Lead (Level 2)', 15], ['Engineering Manager (Level 3)', 30], ['CTO (Level 4)', 60]] as [string, number | null][] }]),
  ),
};

/** The handbook policy tiers that have a clock (who, minutes), used while no severity is set. */
const EXPECTED_TIERS: Record<HandbookId, [string, string, number][]> = {
  'agency-platform': [['SEV-1 at 30 min', 'Tech Lead', 30], ['Impact over 1 hour', 'Product + Support', 60]],
  'customer-portal': [['L2 Technical Lead', 'Development lead', 30], ['L3 Management', 'Engineering manager', 60]],
  'foundation-platform': [['L2', 'Technical Lead', 30], ['L3', 'Engineering Manager', 60]],
  'hundred-k-platform': [['All hands (P0)', 'All team members', 0], ['PagerDuty (P0)', 'PagerDuty escalation', 5], ['PagerDuty (P1)', 'PagerDuty escalation', 15], ['Management (P0)', 'Management', 30], ['Management (P1)', 'Management', 120]],
  'manufacturing-platform': [['Level 1', 'On-call Engineer', 0], ['Level 2', 'Team Lead', 15], ['Level 3', 'Engineering Manager', 30], ['Level 4', 'CTO', 60]],
};

describe('incidentClock: every level of the five example scales', () => {
  it('the table covers every level of every scale', () => {
    for (const handbook of HANDBOOKS) {
      expect(Object.keys(EXPECTED[handbook]), handbook).toEqual(CONTENT[handbook].levels.map((level) => level.id));
    }
  });

  const cases = HANDBOOKS.flatMap((handbook) => Object.entries(EXPECTED[handbook]).map(([level, expected]) => ({ handbook, level, ...expected })));

  it.each(cases)('$handbook $level: cadence and steps at the start', ({ handbook, level, updates, steps }) => {
    const clock = clockAt(handbook, level, 0);
    expect(clock.elapsedMs).toBe(0);
    if (updates === null) {
      expect(clock.update).toMatchObject({ state: 'no-cadence', basis: 'start' });
      expect(clock.update.dueAt).toBeUndefined();
      expect(clock.update.cadenceText).toBeUndefined();
    } else {
      expect(clock.update).toMatchObject({ state: 'upcoming', basis: 'start', dueAt: iso(updates), msLeft: updates * MIN });
    }
    expect(clock.escalation.source).toBe(steps.length ? 'level' : 'none');
    expect(clock.escalation.steps.map((step) => [step.to, step.dueAt ?? null])).toEqual(steps.map(([to, after]) => [to, after === null ? null : iso(after)]));
    for (const step of clock.escalation.steps) {
      expect(step.state).toBe(step.dueAt === undefined ? 'when-needed' : step.dueAt === iso(0) ? 'due' : 'upcoming');
    }
  });

  it.each(cases.filter((c) => c.updates !== null))('$handbook $level: the update clock turns due, then overdue', ({ handbook, level, updates }) => {
    const at = (ms: number) =>
      incidentClock({ incident: incident(level), level: levelOf(handbook, level), tiers: CONTENT[handbook].tiers, now: t(updates!, ms) }).update.state;
    expect([at(-1), at(0), at(UPDATE_GRACE_MS - 1), at(UPDATE_GRACE_MS)]).toEqual(['upcoming', 'due', 'due', 'overdue']);
  });

  it.each(cases.filter((c) => c.steps.some(([, after]) => after !== null)))('$handbook $level: each clocked step turns due, then overdue', ({ handbook, level, steps }) => {
    steps.forEach(([to, after], i) => {
      if (after === null) return;
      const stateAt = (ms: number) =>
        incidentClock({ incident: incident(level), level: levelOf(handbook, level), tiers: CONTENT[handbook].tiers, now: t(after, ms) }).escalation.steps[i].state;
      const before = after === 0 ? [] : [stateAt(-1)];
      expect([...before, stateAt(0), stateAt(ESCALATION_GRACE_MS - 1), stateAt(ESCALATION_GRACE_MS)], to).toEqual([...(after === 0 ? [] : ['upcoming']), 'due', 'due', 'overdue']);
    });
  });

  it.each(HANDBOOKS)('%s without a severity: the handbook policy tiers that have a clock', (handbook) => {
    const clock = clockAt(handbook, undefined, 0);
    expect(clock.update.state).toBe('no-cadence');
    expect(clock.escalation.source).toBe('handbook');
    expect(clock.escalation.steps.map((step) => [step.label, step.to, step.dueAt])).toEqual(EXPECTED_TIERS[handbook].map(([tier, who, after]) => [tier, who, iso(after)]));
  });
});

describe('incidentClock: the agency SEV-1 case (updates every 30 min, Tech Lead at 30 min)', () => {
  // The immediate step ("Escalation contacts") was taken at the start, as the triage step says.
  const contacted: Entry = { kind: 'escalated', at: iso(2), to: 'Escalation contacts' };

  it('at 30:00 the update is due; at 31:00 it is overdue and the Tech Lead escalation due', () => {
    const at30 = clockAt('agency-platform', 'SEV-1', 30, [contacted]);
    expect(at30.update).toMatchObject({ state: 'due', cadenceText: 'every 30 min', dueAt: iso(30), msLeft: 0 });
    expect(at30.update.note).toMatch(/internal updates every 30 minutes/);
    expect(at30.escalation.next).toMatchObject({ to: 'Tech Lead', label: 'after 30 min', state: 'due', note: 'SEV-1 not resolved in 30 min' });
    expect(at30.attention).toBe('due');

    const at31 = clockAt('agency-platform', 'SEV-1', 31, [contacted]);
    expect(at31.update).toMatchObject({ state: 'overdue', msLeft: -MIN });
    expect(at31.escalation.next).toMatchObject({ to: 'Tech Lead', state: 'due', dueAt: iso(30) });
    expect(at31.escalation.due.map((step) => step.to)).toEqual(['Tech Lead']);
    expect(at31.attention).toBe('overdue');
    expect(at31.announcement).toBe('Status update overdue. Escalation due: Tech Lead.');
    expect(at31.elapsedMs).toBe(31 * MIN);
  });

  it('the Tech Lead escalation is overdue at 35:00, and done once escalated', () => {
    expect(clockAt('agency-platform', 'SEV-1', 34.99, [contacted]).escalation.next).toMatchObject({ to: 'Tech Lead', state: 'due' });
    expect(clockAt('agency-platform', 'SEV-1', 35, [contacted]).escalation.next).toMatchObject({ to: 'Tech Lead', state: 'overdue' });
    const escalated = clockAt('agency-platform', 'SEV-1', 36, [contacted, { kind: 'escalated', at: iso(33), to: 'Tech Lead' }]);
    const techLead = escalated.escalation.steps.find((step) => step.to === 'Tech Lead')!;
    expect(techLead).toMatchObject({ state: 'done', doneAt: iso(33) });
    expect(escalated.escalation.due).toEqual([]);
    expect(escalated.escalation.next).toMatchObject({ to: 'Product + Support', state: 'upcoming', dueAt: iso(60), msLeft: 24 * MIN });
    expect(escalated.attention).toBe('overdue'); // the update still is
  });

  it('an escalation not taken stays first in line: the immediate step, overdue from 5:00', () => {
    const clock = clockAt('agency-platform', 'SEV-1', 31);
    expect(clock.escalation.next).toMatchObject({ to: 'Escalation contacts', label: 'immediately', state: 'overdue', dueAt: iso(0) });
    expect(clock.escalation.due.map((step) => [step.to, step.state])).toEqual([['Escalation contacts', 'overdue'], ['Tech Lead', 'due']]);
    expect(clock.announcement).toBe('Status update overdue. Escalation overdue: Escalation contacts. Escalation due: Tech Lead.');
  });

  it('matches the escalated name as people type it', () => {
    const clock = clockAt('agency-platform', 'SEV-1', 31, [contacted, { kind: 'escalated', at: iso(31), to: ' tech lead ' }]);
    expect(clock.escalation.steps[1].state).toBe('done');
  });

  it('lists the "when needed" steps without a clock', () => {
    const steps = clockAt('agency-platform', 'SEV-1', 200).escalation.steps;
    expect(steps.slice(3).map((step) => [step.to, step.label, step.state, step.dueAt, step.note])).toEqual([
      ['Security + Legal', 'when needed', 'when-needed', undefined, 'if a data breach is suspected'],
      ['DevOps + Vendor', 'when needed', 'when-needed', undefined, 'if it is an infrastructure provider issue'],
    ]);
  });
});

describe('incidentClock: the 100K P0 case (no cadence; PagerDuty at 5 min, Management at 30 min)', () => {
  it('says there is no update cadence and never turns the update due', () => {
    for (const minutes of [0, 31, 600]) {
      const clock = clockAt('hundred-k-platform', 'P0', minutes);
      expect(clock.update.state).toBe('no-cadence');
      expect(clock.update.cadence).toBeUndefined();
      expect(clock.announcement).not.toMatch(/update/i);
    }
  });

  it('PagerDuty escalation after 5 min, then Management after 30 min', () => {
    const at = (minutes: number) => clockAt('hundred-k-platform', 'P0', minutes);
    expect(at(4).escalation.next).toMatchObject({ to: 'PagerDuty escalation', state: 'upcoming', msLeft: MIN, label: 'after 5 min' });
    expect(at(4).attention).toBe('ok');
    expect(at(5).escalation.next).toMatchObject({ to: 'PagerDuty escalation', state: 'due' });
    expect(at(5).attention).toBe('due');
    expect(at(10).escalation.next).toMatchObject({ to: 'PagerDuty escalation', state: 'overdue' });
    const paged: Entry = { kind: 'escalated', at: iso(6), to: 'PagerDuty escalation' };
    expect(clockAt('hundred-k-platform', 'P0', 10, [paged]).escalation.next).toMatchObject({ to: 'Management', state: 'upcoming', dueAt: iso(30) });
    expect(clockAt('hundred-k-platform', 'P0', 10, [paged]).announcement).toBe('Nothing due. Next escalation: Management.');
    expect(clockAt('hundred-k-platform', 'P0', 30, [paged]).escalation.next).toMatchObject({ to: 'Management', state: 'due' });
    expect(clockAt('hundred-k-platform', 'P0', 30, [paged]).announcement).toBe('Escalation due: Management.');
    const told: Entry = { kind: 'escalated', at: iso(31), to: 'Management' };
    const after = clockAt('hundred-k-platform', 'P0', 40, [paged, told]);
    expect(after.escalation.next).toBeUndefined();
    expect(after.attention).toBe('ok');
    expect(after.announcement).toBe('Nothing due.');
  });
});

describe('incidentClock: the update clock counts from the last update sent', () => {
  it('a message-sent entry resets it', () => {
    const clock = clockAt('agency-platform', 'SEV-1', 31, [{ kind: 'message-sent', at: iso(25) }]);
    expect(clock.update).toMatchObject({ state: 'upcoming', basis: 'last-update', lastAt: iso(25), dueAt: iso(55), msLeft: 24 * MIN });
    expect(clockAt('agency-platform', 'SEV-1', 55, [{ kind: 'message-sent', at: iso(25) }]).update.state).toBe('due');
    expect(clockAt('agency-platform', 'SEV-1', 56, [{ kind: 'message-sent', at: iso(25) }]).update.state).toBe('overdue');
  });

  it('the latest one counts, whatever the order of the entries', () => {
    const timeline: Entry[] = [{ kind: 'message-sent', at: iso(40) }, { kind: 'message-sent', at: iso(10) }, { kind: 'note', at: iso(50) }];
    expect(clockAt('agency-platform', 'SEV-1', 45, timeline).update).toMatchObject({ lastAt: iso(40), dueAt: iso(70) });
  });

  it('an update recorded before the start time (set later) does not count', () => {
    const clock = clockAt('agency-platform', 'SEV-1', 10, [{ kind: 'message-sent', at: iso(-5) }]);
    expect(clock.update).toMatchObject({ basis: 'start', dueAt: iso(30), lastAt: iso(-5) });
  });

  it('business-day cadences skip the weekend (through addDuration)', () => {
    const level: ClockLevel = { id: 'P4', name: 'Low', updates: parseDuration('next business day'), escalation: [] };
    const friday = '2026-11-27T16:00:00.000Z';
    const clock = incidentClock({ incident: { startedAt: friday, severity: 'P4', timeline: [] }, level, tiers: [], now: new Date('2026-11-28T10:00:00Z') });
    expect(clock.update).toMatchObject({ state: 'upcoming', cadenceText: 'every business day', dueAt: '2026-11-30T16:00:00.000Z' });
    const weekly: ClockLevel = { id: 'P4', name: 'Low', updates: parseDuration('3 business days'), escalation: [{ after: parseDuration('2 business days'), to: 'Product owner' }] };
    const slow = incidentClock({ incident: { startedAt: friday, severity: 'P4', timeline: [] }, level: weekly, tiers: [], now: new Date(friday) });
    expect(slow.update).toMatchObject({ cadenceText: 'every 3 business days', dueAt: '2026-12-02T16:00:00.000Z' });
    expect(slow.escalation.next).toMatchObject({ label: 'after 2 business days', dueAt: '2026-12-01T16:00:00.000Z', state: 'upcoming' });
  });

  it('"immediate" is no cadence a clock can keep', () => {
    const level: ClockLevel = { id: 'P1', name: 'High', updates: parseDuration('immediate'), escalation: [] };
    expect(incidentClock({ incident: { startedAt: iso(0), severity: 'P1', timeline: [] }, level, tiers: [], now: t(5) }).update.state).toBe('no-cadence');
  });
});

describe('incidentClock: which steps apply', () => {
  it('no severity: the handbook tiers, even when a level is passed', () => {
    const clock = incidentClock({ incident: incident(undefined), level: levelOf('agency-platform', 'SEV-1'), tiers: CONTENT['agency-platform'].tiers, now: t(31) });
    expect(clock.escalation.source).toBe('handbook');
    expect(clock.update.state).toBe('no-cadence');
    expect(clock.escalation.next).toMatchObject({ label: 'SEV-1 at 30 min', to: 'Tech Lead', note: 'SEV-1 not resolved in 30 min', state: 'due' });
  });

  it('a severity the scale does not know: the handbook tiers', () => {
    const clock = incidentClock({ incident: incident('SEV-9'), level: undefined, tiers: CONTENT['hundred-k-platform'].tiers, now: t(0) });
    expect(clock.escalation.source).toBe('handbook');
    expect(clock.escalation.next).toMatchObject({ to: 'All team members', state: 'due' });
  });

  it('an escalated entry ticks off every tier with that name', () => {
    const clock = clockAt('hundred-k-platform', undefined, 16, [{ kind: 'escalated', at: iso(6), to: 'PagerDuty escalation' }, { kind: 'escalated', at: iso(1), to: 'All team members' }]);
    expect(clock.escalation.steps.map((step) => step.state)).toEqual(['done', 'done', 'done', 'upcoming', 'upcoming']);
  });

  it('a level with only "when needed" steps, or none, borrows no clock from the handbook', () => {
    // 100K P3's handbook tiers with a clock are all for P0 and P1 ("P0 alerts: PagerDuty escalates...").
    const p3 = clockAt('hundred-k-platform', 'P3', 120);
    expect(p3.escalation).toMatchObject({ source: 'level', due: [] });
    expect(p3.escalation.next).toBeUndefined();
    expect(p3.attention).toBe('ok');
    const sev4 = clockAt('agency-platform', 'SEV-4', 120);
    expect(sev4.escalation).toEqual({ source: 'none', steps: [], due: [] });
  });

  it('a handbook with no clocked tier and no severity: no escalation clock', () => {
    const tiers: ClockTier[] = [{ tier: 'L1', who: 'On-call', when: 'Always' }];
    expect(incidentClock({ incident: incident(undefined), level: undefined, tiers, now: t(10) }).escalation).toEqual({ source: 'none', steps: [], due: [] });
  });
});

describe('incidentClock: closed and reopened', () => {
  const timeline: Entry[] = [
    { kind: 'escalated', at: iso(2), to: 'Escalation contacts' },
    { kind: 'closed', at: iso(45) },
  ];

  it('a closed incident stops every clock at its close time', () => {
    const clock = clockAt('agency-platform', 'SEV-1', 24 * 60, timeline, { closedAt: iso(45) });
    expect(clock.closed).toBe(true);
    expect(clock.elapsedMs).toBe(45 * MIN);
    expect(clock.update.state).toBe('closed');
    expect(clock.escalation.steps.map((step) => step.state)).toEqual(['done', 'closed', 'closed', 'when-needed', 'when-needed']);
    expect(clock.escalation.next).toBeUndefined();
    expect(clock.escalation.due).toEqual([]);
    expect(clock.attention).toBe('ok');
    expect(clock.announcement).toBe('Incident closed.');
  });

  it('a closed incident without a cadence reads closed too', () => {
    expect(clockAt('hundred-k-platform', 'P0', 60, [], { closedAt: iso(20) }).update.state).toBe('closed');
  });

  it('reopened (closedAt removed): the clocks count from the start again', () => {
    const clock = clockAt('agency-platform', 'SEV-1', 24 * 60, [...timeline, { kind: 'reopened', at: iso(24 * 60 - 1) }]);
    expect(clock.closed).toBe(false);
    expect(clock.elapsedMs).toBe(24 * 60 * MIN);
    expect(clock.update.state).toBe('overdue');
    expect(clock.attention).toBe('overdue');
  });
});

describe('incidentClock: a start time set earlier than the incident was declared', () => {
  it('the clocks count from when it began, so they may be due at once', () => {
    // Declared 40 minutes after it began: the started entry says so.
    const declared: Entry[] = [{ kind: 'started', at: iso(0), declaredAt: iso(40) } as Entry];
    const clock = incidentClock({ incident: { startedAt: iso(0), severity: 'P0', timeline: declared }, level: levelOf('hundred-k-platform', 'P0'), tiers: [], now: t(40) });
    expect(clock.elapsedMs).toBe(40 * MIN);
    expect(clock.escalation.due.map((step) => [step.to, step.state])).toEqual([['PagerDuty escalation', 'overdue'], ['Management', 'overdue']]);
    const agency = incidentClock({ incident: { startedAt: iso(0), severity: 'SEV-1', timeline: declared }, level: levelOf('agency-platform', 'SEV-1'), tiers: [], now: t(40) });
    expect(agency.update).toMatchObject({ state: 'overdue', basis: 'start', dueAt: iso(30) });
  });

  it('a start time in the future (a typo) counts no elapsed time and nothing due', () => {
    const clock = incidentClock({ incident: { startedAt: iso(10), severity: 'SEV-1', timeline: [] }, level: levelOf('agency-platform', 'SEV-1'), tiers: [], now: t(0) });
    expect(clock.elapsedMs).toBe(0);
    expect(clock.update).toMatchObject({ state: 'upcoming', msLeft: 40 * MIN });
    expect(clock.attention).toBe('ok');
  });
});

describe('incidentClock: a fake clock stepping through the first 40 minutes, second by second', () => {
  it('the announcement changes only when a state changes', () => {
    const timeline: Entry[] = [{ kind: 'escalated', at: iso(3), to: 'Escalation contacts' }];
    const changes: [string, string][] = [];
    let last = '';
    for (let s = 0; s <= 40 * 60; s += 1) {
      const clock = incidentClock({ incident: incident('SEV-1', s >= 3 * 60 ? timeline : []), level: levelOf('agency-platform', 'SEV-1'), tiers: [], now: t(0, s * 1000) });
      if (clock.announcement !== last) changes.push([`${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`, (last = clock.announcement)]);
    }
    expect(changes).toEqual([
      ['0:00', 'Escalation due: Escalation contacts.'],
      ['3:00', 'Nothing due. Next escalation: Tech Lead.'],
      ['30:00', 'Status update due. Escalation due: Tech Lead.'],
      ['31:00', 'Status update overdue. Escalation due: Tech Lead.'],
      ['35:00', 'Status update overdue. Escalation overdue: Tech Lead.'],
    ]);
  });

  it('an immediate step not taken turns overdue after five minutes', () => {
    const at = (ms: number) => incidentClock({ incident: incident('SEV-1'), level: levelOf('agency-platform', 'SEV-1'), tiers: [], now: new Date(START + ms) }).escalation.next!.state;
    expect([at(0), at(ESCALATION_GRACE_MS - 1), at(ESCALATION_GRACE_MS)]).toEqual(['due', 'due', 'overdue']);
  });
});

describe('incidentClock: bad input', () => {
  it('says which time is not a date', () => {
    expect(() => incidentClock({ incident: { startedAt: 'soon', timeline: [] }, level: undefined, tiers: [], now: t(0) })).toThrow('The incident\'s start time "soon" is not a date and time');
    expect(() => incidentClock({ incident: { startedAt: iso(0), closedAt: 'later', timeline: [] }, level: undefined, tiers: [], now: t(0) })).toThrow('close time "later"');
  });

  it('skips message-sent entries whose time is not a date', () => {
    expect(clockAt('agency-platform', 'SEV-1', 10, [{ kind: 'message-sent', at: 'x' }]).update.basis).toBe('start');
  });
});
