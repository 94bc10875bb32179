import { describe, expect, it } from 'vitest';
import { classify, NOT_SURE } from '../../src/lib/classify';
import { headline, summaryText, thresholdGroups, thresholdRule, type ClassifierView } from '../../src/lib/classifier-view';
import { parseCondition } from '../../src/schemas/threshold-condition';

const view: ClassifierView = {
  handbook: { id: 'demo', name: 'Demo <Platform>' },
  levels: [
    {
      id: 'P0', name: 'Critical', definition: 'Everything is down', href: '/demo/severity/#level-p0', response: 'within 5 min', resolution: 'within 1 h',
      notify: [{ who: 'All hands', how: 'Phone' }, { who: 'Status page' }],
      escalation: [{ when: 'Immediately', to: 'PagerDuty' }, { when: 'After 30 min', to: 'Management', note: 'if not resolved' }],
    },
    { id: 'P1', name: 'Major', definition: 'Core impaired', href: '/demo/severity/#level-p1', response: 'within 15 min', updates: 'every 30 min', notify: [], escalation: [] },
  ],
  questions: [
    { id: 'down', text: 'Is it down?', answers: [{ label: 'Yes', level: 'P0' }, { label: 'No' }] },
    { id: 'slow', text: 'Is it slow?', answers: [{ label: 'Yes', level: 'P1' }, { label: 'No' }] },
  ],
  thresholds: [
    { key: 'error-rate', metric: 'Error rate', level: 'P1', condition: parseCondition('> 1%')!, for: '5 min', group: 'Health' },
    { key: 'attack', metric: 'Traffic', level: 'P0', text: 'looks like an attack' },
  ],
};

describe('classifier summary', () => {
  it('a decided level: level, why, targets, notification, escalation, link', () => {
    const result = classify(view, { questions: { down: 'Yes', slow: 'Yes' }, readings: {} });
    expect(summaryText(view, result, 'https://x.example/demo/severity/?down=yes&slow=yes')).toMatchInlineSnapshot(`
      "Severity: P0 · Critical (Demo <Platform> handbook)
      Why:
      - Is it down: Yes → P0
      - Is it slow: Yes → P1
      Answers point at P0 and P1: the higher level applies.
      Respond within 5 min; resolve within 1 h; no update cadence set by the handbook.
      Notify: All hands: Phone; Status page.
      Escalation: Immediately: PagerDuty; After 30 min: Management (if not resolved).
      Link: https://x.example/demo/severity/?down=yes&slow=yes"
    `);
  });
  it('a provisional level names what could still raise it', () => {
    const result = classify(view, { questions: { slow: NOT_SURE }, readings: {} });
    expect(headline(view, result)).toBe('P1 · Major so far');
    expect(summaryText(view, result, 'L')).toContain('Still open: “Is it down?” could make it P0.');
    expect(summaryText(view, result, 'L')).toContain('Is it slow: Not sure → P1 (not sure: the higher level is assumed)');
  });
  it('no level: says so, never invents one', () => {
    const none = classify(view, { questions: { down: 'No', slow: 'No' }, readings: {} });
    // Every question answered: not "yet", and not "so far".
    expect(headline(view, none)).toBe('No level: none of the answers points at a level of this scale.');
    expect(summaryText(view, none, 'L').split('\n')[0]).toBe('Severity: not determined (Demo <Platform> handbook). No level: none of the answers points at a level of this scale.');
    expect(headline(view, classify(view, { questions: { down: 'No' }, readings: {} }))).toBe('No level yet: no answer so far points at a level of this scale.');
    expect(headline(view, classify(view, { questions: {}, readings: {} }))).toBe('No answers yet: answer the questions to get a level.');
    // A reading under its limit is an answer too: nothing points at a level yet.
    expect(headline(view, classify(view, { questions: {}, readings: { 'error-rate': 0.5 } }))).toBe('No level yet: no answer so far points at a level of this scale.');
  });
});

describe('classifier summary: updates and readings', () => {
  it('a handbook that gives only a note on updates: "Updates: <note>." as a sentence of its own', () => {
    const noted: ClassifierView = { ...view, levels: [{ ...view.levels[0], updates: 'Daily summary', updatesIsNote: true }, view.levels[1]] };
    const text = summaryText(noted, classify(noted, { questions: { down: 'Yes' }, readings: {} }), 'L');
    expect(text).toContain('Respond within 5 min; resolve within 1 h.\nUpdates: Daily summary.\n');
    const ended: ClassifierView = { ...view, levels: [{ ...view.levels[0], updates: 'Hourly.', updatesIsNote: true }, view.levels[1]] };
    expect(summaryText(ended, classify(ended, { questions: { down: 'Yes' }, readings: {} }), 'L')).toContain('\nUpdates: Hourly.\n');
  });
  it('a cadence stays in the targets line', () => {
    const text = summaryText(view, classify(view, { questions: { slow: 'Yes' }, readings: {} }), 'L');
    expect(text).toContain('Respond within 15 min; updates every 30 min.');
  });
  it('lists readings within their limits', () => {
    const text = summaryText(view, classify(view, { questions: { slow: 'Yes' }, readings: { 'error-rate': 0.5, attack: false } }), 'L');
    expect(text).toContain('Within their limits: Error rate: 0.5 %, within the limit (P1 if > 1 % for 5 min); Traffic: no (P0 if looks like an attack).');
  });
});

describe('thresholds', () => {
  it('rules read as the handbook writes them', () => {
    expect(thresholdRule(view.thresholds[0])).toBe('P1 if > 1 % for 5 min');
    expect(thresholdRule(view.thresholds[1])).toBe('P0 if yes');
  });
  it('group under their headings, in order', () => {
    expect(thresholdGroups(view).map((g) => [g.group, g.thresholds.length])).toEqual([['Health', 1], ['', 1]]);
  });
});
