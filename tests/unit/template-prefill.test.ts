import { describe, expect, it } from 'vitest';
import { prefillValue, prefillValues, sentCount, type PrefillContext, type PrefillLevel } from '../../src/lib/template-prefill';
import { PREFILL_SOURCES, type PrefillSource } from '../../src/schemas/template';
import { formatDurationMs } from '../../src/lib/time-format';
import { timelineLines, type ExportEntry } from '../../src/lib/incident-export';
import type { Incident } from '../../src/state/persistence/schema';

/** The stored incident fits the prefill's structural input (a type error here, caught by astro check, means they drifted). */
export const storedIncidentPrefills = (incident: Incident): PrefillContext['incident'] => incident;

/** "Now", with seconds and milliseconds that the minute-precision sources must drop. */
const NOW = new Date('2026-11-24T09:41:37.250Z');
const at = (hhmm: string) => `2026-11-24T${hhmm}:00.000Z`;
const TEMPLATE = 'agency-platform/internal-update';
const STATUS_OPTIONS = ['Investigating', 'Identified', 'Monitoring', 'Resolved'];

/** The agency scale as MessageTemplate.astro hands it to the filler (cadence from `updates`, notify "who: how"). */
const AGENCY_LEVELS: PrefillLevel[] = [
  { id: 'SEV-1', name: 'Service down', updatesMinutes: 30, updatesText: '30 min', notify: ['On-call engineer: SMS, immediate', 'Tech Lead: phone call'] },
  { id: 'SEV-2', name: 'Major feature broken', updatesMinutes: 30, updatesText: '30 min', notify: ['On-call engineer: Slack'] },
  { id: 'SEV-3', name: 'Minor feature impacted', updatesMinutes: 60, updatesText: '1 h', notify: ['Team channel'] },
  { id: 'SEV-4', name: 'Cosmetic / low impact', notify: [] },
];

type TestIncident = NonNullable<PrefillContext['incident']>;

function incidentWith(over: Partial<TestIncident> = {}): TestIncident {
  return {
    id: 'INC-2026-11-24-001',
    title: 'Checkout returns 502',
    startedAt: at('09:00'),
    handbook: 'agency-platform',
    severity: 'SEV-1',
    ticks: {},
    timeline: [],
    ...over,
  };
}

function context(over: Partial<PrefillContext> = {}): PrefillContext {
  return { incident: incidentWith(), handbook: 'agency-platform', levels: AGENCY_LEVELS, templateId: TEMPLATE, now: NOW, ...over };
}

const value = (source: PrefillSource, over: Partial<PrefillContext> = {}) => prefillValue(source, context(over));
const sent = (time: string, fields: Partial<ExportEntry> = {}): ExportEntry => ({ at: at(time), kind: 'message-sent', title: 'Internal update', template: TEMPLATE, ...fields });
const note = (time: string, text: string, fields: Partial<ExportEntry> = {}): ExportEntry => ({ at: at(time), kind: 'note', text, ...fields });

describe('prefill without an active incident', () => {
  it('fills only the clock and the responder; every incident source stays empty', () => {
    const ctx = context({ incident: undefined, responder: 'Ana' });
    const filled = Object.fromEntries(PREFILL_SOURCES.map((source) => [source, prefillValue(source, ctx)]).filter(([, v]) => v !== undefined));
    expect(filled).toEqual({ now: '2026-11-24T09:41:00.000Z', 'responder.name': 'Ana' });
    // Every incident.* source is among those tried (the list is the schema's, not a copy).
    expect(PREFILL_SOURCES.filter((source) => source.startsWith('incident.')).length).toBe(14);
  });

  it('"now" is ISO to the minute: seconds and milliseconds dropped, never rounded up', () => {
    expect(value('now', { now: new Date('2026-11-24T09:41:59.999Z') })).toBe('2026-11-24T09:41:00.000Z');
    expect(value('now', { now: new Date('2026-12-31T23:59:30.000Z') })).toBe('2026-12-31T23:59:00.000Z');
    expect(value('now', { now: new Date('2026-11-24T09:41:00.000Z') })).toBe('2026-11-24T09:41:00.000Z');
  });

  it('the responder name is trimmed; a blank or missing one gives nothing', () => {
    expect(value('responder.name', { responder: '  Ana Lima \n' })).toBe('Ana Lima');
    expect(value('responder.name', { responder: ' \t ' })).toBeUndefined();
    expect(value('responder.name', { responder: '' })).toBeUndefined();
    expect(value('responder.name', { responder: undefined })).toBeUndefined();
  });

  it('does not mutate the "now" it is given', () => {
    const now = new Date('2026-11-24T09:41:37.250Z');
    prefillValue('now', context({ now }));
    prefillValue('incident.next-update', context({ now }));
    expect(now.toISOString()).toBe('2026-11-24T09:41:37.250Z');
  });
});

describe('prefill from the active incident', () => {
  it('id and title; a blank title falls back to the id', () => {
    expect(value('incident.id')).toBe('INC-2026-11-24-001');
    expect(value('incident.title')).toBe('Checkout returns 502');
    expect(value('incident.title', { incident: incidentWith({ title: '   ' }) })).toBe('INC-2026-11-24-001');
    expect(value('incident.title', { incident: incidentWith({ title: '' }) })).toBe('INC-2026-11-24-001');
  });

  it('start always; end only once the incident is closed', () => {
    expect(value('incident.start')).toBe('2026-11-24T09:00:00.000Z');
    expect(value('incident.end')).toBeUndefined();
    expect(value('incident.end', { incident: incidentWith({ closedAt: at('10:45') }) })).toBe('2026-11-24T10:45:00.000Z');
  });

  it('date is the UTC date of the start', () => {
    expect(value('incident.date')).toBe('2026-11-24');
    // 23:30 UTC is already the 25th in Paris or Kolkata: the date is UTC's.
    expect(value('incident.date', { incident: incidentWith({ startedAt: '2026-11-24T23:30:00.000Z' }) })).toBe('2026-11-24');
  });

  // The stored `time` accepts an offset (an imported backup or hand-off): the date is still UTC's.
  it('date is the UTC date even for a start stored with an offset', () => {
    expect(value('incident.date', { incident: incidentWith({ startedAt: '2026-11-25T00:30:00+02:00' }) })).toBe('2026-11-24');
  });

  it('duration runs from the start to now while open, to the close once closed (formatDurationMs)', () => {
    // 09:00 to 09:41:37: rounded down to the minute.
    expect(value('incident.duration')).toBe('41 min');
    expect(value('incident.duration')).toBe(formatDurationMs(NOW.getTime() - Date.parse(at('09:00'))));
    expect(value('incident.duration', { incident: incidentWith({ startedAt: '2026-11-24T09:41:00.000Z' }) })).toBe('37 s');
    expect(value('incident.duration', { incident: incidentWith({ startedAt: '2026-11-23T07:30:00.000Z' }) })).toBe('1 d 2 h');
    // Closed at 10:45: the clock stops there, "now" no longer counts (even when now is days later).
    const closed = incidentWith({ closedAt: at('10:45') });
    expect(value('incident.duration', { incident: closed })).toBe('1 h 45 min');
    expect(value('incident.duration', { incident: closed, now: new Date('2026-11-30T00:00:00.000Z') })).toBe('1 h 45 min');
  });

  it('severity only on the template\'s own scale: another handbook\'s level or an unknown one gives nothing', () => {
    expect(value('incident.severity')).toBe('SEV-1');
    expect(value('incident.severity', { incident: incidentWith({ severity: 'SEV-3' }) })).toBe('SEV-3');
    // The incident runs on another handbook: its "P1" is not this scale's, even when the ids match.
    const foundation = incidentWith({ handbook: 'foundation-platform', severity: 'P1' });
    const portalLevels: PrefillLevel[] = [{ id: 'P1', name: 'Critical', updatesMinutes: 30, updatesText: '30 min', notify: ['Development lead'] }];
    expect(value('incident.severity', { incident: foundation, handbook: 'customer-portal', levels: portalLevels })).toBeUndefined();
    expect(value('incident.severity', { incident: incidentWith({ handbook: 'customer-portal' }) })).toBeUndefined();
    expect(value('incident.severity', { incident: incidentWith({ severity: 'SEV-9' }) })).toBeUndefined();
    expect(value('incident.severity', { incident: incidentWith({ severity: undefined }) })).toBeUndefined();
    // An incident that recorded no handbook is read on the template's scale (as written: `handbook !== undefined &&`).
    expect(value('incident.severity', { incident: incidentWith({ handbook: undefined }) })).toBe('SEV-1');
  });

  it('notify is the level\'s list, one per line; nothing for an empty list or another scale', () => {
    expect(value('incident.notify')).toBe('On-call engineer: SMS, immediate\nTech Lead: phone call');
    expect(value('incident.notify', { incident: incidentWith({ severity: 'SEV-2' }) })).toBe('On-call engineer: Slack');
    expect(value('incident.notify', { incident: incidentWith({ severity: 'SEV-4' }) })).toBeUndefined();
    expect(value('incident.notify', { incident: incidentWith({ handbook: 'hundred-k-platform' }) })).toBeUndefined();
    expect(value('incident.notify', { incident: incidentWith({ severity: undefined }) })).toBeUndefined();
  });

  it('next update is now plus the level\'s cadence, to the minute; nothing without a cadence', () => {
    // 09:41:37 + 30 min = 10:11:37 -> 10:11.
    expect(value('incident.next-update')).toBe('2026-11-24T10:11:00.000Z');
    expect(value('incident.next-update', { incident: incidentWith({ severity: 'SEV-3' }) })).toBe('2026-11-24T10:41:00.000Z');
    expect(value('incident.next-update', { now: new Date('2026-11-24T23:45:10.000Z') })).toBe('2026-11-25T00:15:00.000Z');
    expect(value('incident.next-update', { incident: incidentWith({ severity: 'SEV-4' }) })).toBeUndefined();
    expect(value('incident.next-update', { incident: incidentWith({ handbook: 'manufacturing-platform' }) })).toBeUndefined();
    expect(value('incident.next-update', { incident: incidentWith({ severity: undefined }) })).toBeUndefined();
  });

  it('cadence is the level\'s cadence in words', () => {
    expect(value('incident.cadence')).toBe('30 min');
    expect(value('incident.cadence', { incident: incidentWith({ severity: 'SEV-3' }) })).toBe('1 h');
    expect(value('incident.cadence', { incident: incidentWith({ severity: 'SEV-4' }) })).toBeUndefined();
    expect(value('incident.cadence', { incident: incidentWith({ handbook: 'customer-portal' }) })).toBeUndefined();
  });
});

describe('update number and sentCount', () => {
  const timeline = [
    sent('09:10'),
    sent('09:12', { template: 'agency-platform/status-page' }),
    note('09:15', 'Sent internal update by hand'),
    sent('09:40'),
    sent('09:41', { template: undefined, title: 'Status update' }),
    { at: at('09:42'), kind: 'escalated', to: 'Tech Lead', template: TEMPLATE },
  ];

  it('counts only message-sent entries of this template', () => {
    expect(sentCount(incidentWith({ timeline }), TEMPLATE)).toBe(2);
    expect(sentCount(incidentWith({ timeline }), 'agency-platform/status-page')).toBe(1);
    expect(sentCount(incidentWith({ timeline }), 'agency-platform/declare-incident')).toBe(0);
    expect(sentCount(undefined, TEMPLATE)).toBe(0);
  });

  it('the update number is the count plus one, as text', () => {
    expect(value('incident.update-number')).toBe('1');
    expect(value('incident.update-number', { incident: incidentWith({ timeline }) })).toBe('3');
    expect(value('incident.update-number', { incident: incidentWith({ timeline }), templateId: 'agency-platform/status-page' })).toBe('2');
  });
});

describe('status', () => {
  /** `null`: the field has no options (a default parameter would turn `undefined` into STATUS_OPTIONS). */
  const status = (timeline: ExportEntry[], options: readonly string[] | null = STATUS_OPTIONS, over: Partial<TestIncident> = {}) =>
    value('incident.status', { incident: incidentWith({ timeline, ...over }), options: options ?? undefined });

  it('is the status of the last message sent that gave one', () => {
    expect(status([sent('09:10', { status: 'Investigating' }), sent('09:30', { status: 'Monitoring' })])).toBe('Monitoring');
    // Any template's message counts: the status is the incident's, not the template's.
    expect(status([sent('09:10', { status: 'Investigating' }), sent('09:30', { status: 'Identified', template: 'agency-platform/status-page' })])).toBe('Identified');
    // A later message that gave no status (an internal update) leaves the last one given.
    expect(status([sent('09:10', { status: 'Identified' }), sent('09:30'), sent('09:35', { status: '  ' })])).toBe('Identified');
  });

  it('is nothing before any message gave a status', () => {
    expect(status([])).toBeUndefined();
    expect(status([sent('09:10'), note('09:12', 'Status: Monitoring', { status: 'Monitoring' })])).toBeUndefined();
  });

  it('is only one of the field\'s options; without options any status', () => {
    const timeline = [sent('09:10', { status: 'Investigating' }), sent('09:30', { status: 'Mitigated' })];
    // The last status is not an option: nothing (not an earlier status that is one).
    expect(status(timeline)).toBeUndefined();
    expect(status(timeline, null)).toBe('Mitigated');
    expect(status([sent('09:10', { status: 'monitoring' })])).toBeUndefined();
  });

  it('is "Resolved" once the incident is closed, when that is an option or there are no options', () => {
    const timeline = [sent('09:10', { status: 'Monitoring' })];
    expect(status(timeline, STATUS_OPTIONS, { closedAt: at('10:45') })).toBe('Resolved');
    expect(status(timeline, null, { closedAt: at('10:45') })).toBe('Resolved');
    expect(status([], null, { closedAt: at('10:45') })).toBe('Resolved');
    // Closed, and "Resolved" is not a choice: nothing, not the last status given while it was open.
    expect(status(timeline, ['Investigating', 'Monitoring'], { closedAt: at('10:45') })).toBeUndefined();
  });
});

describe('timeline', () => {
  const timeline: ExportEntry[] = [
    { at: at('09:00'), kind: 'started', by: 'Ana', declaredAt: '2026-11-24T09:00:20.000Z' },
    { at: at('09:02'), kind: 'severity', by: 'Ana', to: 'SEV-1', reasons: ['Service accessible?: No'] },
    note('09:05', 'Saw <b>x</b> | 502s & *more*', { by: 'Bo' }),
    sent('09:20', { by: 'Ana', channel: 'Slack #incidents', audience: 'Internal', status: 'Investigating' }),
    // Recorded after the message, but earlier in time: it comes first.
    note('09:03', 'Paged [the team](javascript:alert(1))'),
  ];
  /** What TemplateFiller passes in: `timelineLines` of the incident, with the template's level names. */
  const linesOf = (incident: TestIncident) =>
    timelineLines({ incident, exportedAt: NOW, levelNames: Object.fromEntries(AGENCY_LEVELS.map((level) => [level.id, level.name])) });

  it('one line per event, UTC time first, oldest first, typed text exactly as typed', () => {
    const incident = incidentWith({ timeline });
    expect(value('incident.timeline', { incident, timeline: linesOf(incident) })!.split('\n')).toEqual([
      '2026-11-24 09:00 UTC Incident started (Ana)',
      '2026-11-24 09:02 UTC Severity set to SEV-1 · Service down. Why: Service accessible?: No (Ana)',
      '2026-11-24 09:03 UTC Note: Paged [the team](javascript:alert(1))',
      '2026-11-24 09:05 UTC Note: Saw <b>x</b> | 502s & *more* (Bo)',
      '2026-11-24 09:20 UTC Message sent: Internal update (Slack #incidents, Internal) (Ana)',
    ]);
  });

  it('is the lines given, one per line; nothing when none are given or without an incident', () => {
    expect(value('incident.timeline', { timeline: ['first', 'second <b>'] })).toBe('first\nsecond <b>');
    expect(value('incident.timeline', { timeline: [] })).toBeUndefined();
    expect(value('incident.timeline', { timeline: undefined })).toBeUndefined();
    // Lines of an incident that is no longer active are not used.
    expect(value('incident.timeline', { incident: undefined, timeline: ['stale'] })).toBeUndefined();
    expect(prefillValues([{ id: 'log', prefill: 'incident.timeline' }], context({ timeline: [] }))).toEqual({});
  });
});

describe('follow-ups', () => {
  it('notes starting "TODO:" (any case), prefix removed, deleted ones left out, done ones marked', () => {
    const timeline: ExportEntry[] = [
      note('09:05', 'TODO: add an alert on the 502 rate'),
      note('09:06', 'Checkout looks fine again'),
      note('09:07', '  todo:rotate the <b>key</b> | now  '),
      note('09:08', 'ToDo:   paged the wrong team', { deletedAt: at('09:09') }),
      note('09:10', 'Todo: fix the runbook link', { doneAt: at('09:30') }),
      note('09:11', 'TODOs: not a follow-up'),
      note('09:12', 'Reminder TODO: not at the start'),
      sent('09:13', { text: 'TODO: a message is not a note' }),
    ];
    expect(value('incident.follow-ups', { incident: incidentWith({ timeline }) })).toBe(
      ['add an alert on the 502 rate', 'rotate the <b>key</b> | now', 'fix the runbook link (done)'].join('\n'),
    );
  });

  it('is nothing when there are none (or only deleted ones)', () => {
    expect(value('incident.follow-ups')).toBeUndefined();
    expect(value('incident.follow-ups', { incident: incidentWith({ timeline: [note('09:05', 'TODO: x', { deletedAt: at('09:06') }), note('09:07', 'plain')] }) })).toBeUndefined();
  });
});

describe('prefillValues', () => {
  const fields = [
    { id: 'incident_id', prefill: 'incident.id' as const },
    { id: 'summary' },
    { id: 'status', prefill: 'incident.status' as const, options: ['Investigating', 'Monitoring'] },
    { id: 'public_status', prefill: 'incident.status' as const, options: ['Identified', 'Resolved'] },
    { id: 'status_text', prefill: 'incident.status' as const },
    { id: 'follow_ups', prefill: 'incident.follow-ups' as const },
    { id: 'next_update', prefill: 'incident.next-update' as const },
    { id: 'update', prefill: 'incident.update-number' as const },
    { id: 'author', prefill: 'responder.name' as const },
    { id: 'sent_at', prefill: 'now' as const },
  ];
  const incident = incidentWith({ timeline: [sent('09:30', { status: 'Monitoring' })] });

  it('fills only fields with a prefill, each with its own options; empty results are left out', () => {
    // The context's options are replaced per field (a field without options takes any status).
    expect(prefillValues(fields, context({ incident, responder: ' Ana ', options: ['Identified'] }))).toEqual({
      incident_id: 'INC-2026-11-24-001',
      status: 'Monitoring',
      status_text: 'Monitoring',
      next_update: '2026-11-24T10:11:00.000Z',
      update: '2',
      author: 'Ana',
      sent_at: '2026-11-24T09:41:00.000Z',
    });
  });

  it('leaves out a field whose value is empty text', () => {
    // A bare "TODO:" note is a follow-up with no words: its line is empty, so the field is left alone.
    const bare = incidentWith({ timeline: [note('09:05', 'TODO:')] });
    expect(prefillValue('incident.follow-ups', context({ incident: bare }))).toBeUndefined();
    expect(prefillValues([{ id: 'follow_ups', prefill: 'incident.follow-ups' }], context({ incident: bare }))).toEqual({});
  });

  it('without an incident: only the clock and the responder', () => {
    expect(prefillValues(fields, context({ incident: undefined, responder: 'Ana' }))).toEqual({ author: 'Ana', sent_at: '2026-11-24T09:41:00.000Z' });
    expect(prefillValues(fields, context({ incident: undefined, responder: '  ' }))).toEqual({ sent_at: '2026-11-24T09:41:00.000Z' });
  });

  it('keys by field id, so two fields can take the same source', () => {
    expect(prefillValues([{ id: 'a', prefill: 'incident.id' }, { id: 'b', prefill: 'incident.id' }], context())).toEqual({ a: 'INC-2026-11-24-001', b: 'INC-2026-11-24-001' });
    expect(prefillValues([], context())).toEqual({});
  });
});
