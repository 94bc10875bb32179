import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { classifierScale, classify, mostSevere, NOT_SURE, parseReading, sameAnswers, type ClassifierAnswers, type ClassifierScale } from '../../src/lib/classify';
import { decodeAnswers, encodeAnswers, isForeignParameter } from '../../src/lib/classifier-url';
import { scaleSchema } from '../../src/schemas/scale';
import { meetsCondition, parseCondition } from '../../src/schemas/threshold-condition';

/** A scale of the example content, validated as the build does, as the classifier sees it. */
function scaleOf(handbook: string): ClassifierScale {
  const raw = parse(readFileSync(new URL(`../../content/scales/${handbook}.yaml`, import.meta.url), 'utf8'));
  return classifierScale(scaleSchema.parse(raw));
}

const answers = (questions: Record<string, string> = {}, readings: Record<string, number | boolean> = {}): ClassifierAnswers => ({ questions, readings });

describe('parseCondition', () => {
  it.each([
    ['> 1%', '>', 1, '%'], ['< 95%', '<', 95, '%'], ['>= 500 ms', '>=', 500, 'ms'], ['> 500ms', '>', 500, 'ms'],
    ['> 2x', '>', 2, 'x'], ['>2×', '>', 2, 'x'], ['≤ 0.5 s', '<=', 0.5, 's'], ['> 3 seconds', '>', 3, 's'], ['= 0', '=', 0, ''],
    ['> 1,5 %', '>', 1.5, '%'],
  ])('reads %s', (text, operator, value, unit) => {
    expect(parseCondition(text)).toEqual({ text, operator, value, unit });
  });
  it.each(['about 1%', '1%', '> lots', '> 5 parsecs', '', '>> 2', 'traffic looks like an attack'])('refuses %j', (text) => {
    expect(parseCondition(text)).toBeUndefined();
  });
  it('compares at, above and below the limit', () => {
    const over = parseCondition('> 1%')!;
    expect([meetsCondition(over, 0.9), meetsCondition(over, 1), meetsCondition(over, 1.01)]).toEqual([false, false, true]);
    const atLeast = parseCondition('>= 500 ms')!;
    expect([meetsCondition(atLeast, 499), meetsCondition(atLeast, 500), meetsCondition(atLeast, 501)]).toEqual([false, true, true]);
    const under = parseCondition('< 95%')!;
    expect([meetsCondition(under, 94.9), meetsCondition(under, 95), meetsCondition(under, 96)]).toEqual([true, false, false]);
  });
});

describe('classify: agency-platform (SEV-1 to SEV-4, every question answers with a level)', () => {
  const scale = scaleOf('agency-platform');
  it.each<[string, Record<string, string>, string | undefined, boolean]>([
    ['no answer: no level, and every question could still raise it', {}, undefined, true],
    ['service not accessible: SEV-1 at once, nothing can raise it', { 'service-accessible': 'No' }, 'SEV-1', false],
    ['partial access only: SEV-2 so far', { 'service-accessible': 'Partial' }, 'SEV-2', true],
    ['all answered, low impact', { 'service-accessible': 'Yes', 'data-at-risk': 'No', 'revenue-impacted': 'No', 'users-affected': 'Few' }, 'SEV-3', false],
    ['between two levels: the higher one', { 'service-accessible': 'Partial', 'data-at-risk': 'No', 'revenue-impacted': 'No', 'users-affected': 'Many' }, 'SEV-2', false],
    ['data at risk wins over everything else', { 'service-accessible': 'Yes', 'data-at-risk': 'Yes', 'revenue-impacted': 'No', 'users-affected': 'Few' }, 'SEV-1', false],
    ['not sure leans to the higher level', { 'service-accessible': 'Yes', 'data-at-risk': NOT_SURE }, 'SEV-1', false],
  ])('%s', (_, chosen, level, provisional) => {
    const result = classify(scale, answers(chosen));
    expect(result.level).toBe(level);
    expect(result.provisional).toBe(provisional);
  });

  it('gives one reason per answer that counted, most severe first, marking the decisive ones', () => {
    const result = classify(scale, answers({ 'users-affected': 'Few', 'service-accessible': 'Partial', 'data-at-risk': 'No' }));
    expect(result.reasons.map((r) => [r.text, r.level, r.decisive])).toEqual([
      ['Service accessible: Partial', 'SEV-2', true],
      ['Users affected: Few', 'SEV-3', false],
    ]);
    expect(result.between).toEqual({ higher: 'SEV-2', lower: 'SEV-3' });
    // "SEV-2 so far; 'Revenue impacted?' could make it SEV-1"
    expect(result.couldRaise).toEqual([{ id: 'revenue-impacted', text: 'Revenue impacted?', level: 'SEV-1' }]);
  });

  it('marks a "Not sure" reason as such', () => {
    const [reason] = classify(scale, answers({ 'data-at-risk': NOT_SURE })).reasons;
    expect(reason).toMatchObject({ text: 'Data at risk: Not sure', level: 'SEV-1', notSure: true, decisive: true });
  });
});

describe('classify: customer-portal (P1 to P4, "No" answers point at no level)', () => {
  const scale = scaleOf('customer-portal');
  const allNo = Object.fromEntries(scale.questions.map((q) => [q.id, 'No']));
  it('every answer "No": no level at all, and nothing left to raise it (it never invents a level)', () => {
    const result = classify(scale, answers(allNo));
    expect(result).toMatchObject({ level: undefined, reasons: [], provisional: false, unanswered: [], given: 5 });
  });
  it('a major feature down: P2, provisional while the P1 questions are open', () => {
    const result = classify(scale, answers({ 'major-feature': 'Yes' }));
    expect(result.level).toBe('P2');
    expect(result.couldRaise.map((q) => [q.id, q.level])).toEqual([['outage-or-data-loss', 'P1'], ['security', 'P1']]);
  });
  it('suspected security incident: P1', () => {
    expect(classify(scale, answers({ ...allNo, security: 'Yes' })).level).toBe('P1');
  });
  it('minor issue with a workaround only: P4', () => {
    expect(classify(scale, answers({ ...allNo, 'minor-with-workaround': 'Yes' })).level).toBe('P4');
  });
});

describe('classify: foundation-platform (P0 to P3)', () => {
  const scale = scaleOf('foundation-platform');
  it('slow responses above 5 s: P1', () => {
    expect(classify(scale, answers({ 'slow-responses': 'Yes, above 5 s' })).level).toBe('P1');
  });
  it('complete outage and a cosmetic bug: P0 (the most severe)', () => {
    expect(classify(scale, answers({ cosmetic: 'Yes', 'complete-outage': 'Yes' })).level).toBe('P0');
  });
  it('an answer that is not one of the labels counts for nothing', () => {
    expect(classify(scale, answers({ 'complete-outage': 'Maybe' })).level).toBeUndefined();
  });
});

describe('classify: hundred-k-platform (P0 to P3, nine metric thresholds)', () => {
  const scale = scaleOf('hundred-k-platform');
  it('has its nine thresholds, all parsed', () => {
    expect(scale.thresholds).toHaveLength(9);
    expect(scale.thresholds.every((t) => t.condition)).toBe(true);
  });
  it.each<[string, number, string | undefined]>([
    ['error-rate', 1, undefined], ['error-rate', 1.1, 'P1'], ['error-rate', 0.5, undefined],
    ['response-time', 500, undefined], ['response-time', 501, 'P1'],
    ['payment-success-rate', 95, undefined], ['payment-success-rate', 94.9, 'P0'], ['payment-success-rate', 99, undefined],
    ['cpu-usage', 90, undefined], ['cpu-usage', 90.5, 'P2'],
    ['memory-usage', 96, 'P1'], ['search-functionality-errors', 3.5, 'P2'],
  ])('%s at %d gives %s', (key, reading, level) => {
    expect(classify(scale, answers({}, { [key]: reading })).level).toBe(level);
  });
  it('a threshold reason says the reading, the limit and how long it must hold', () => {
    const result = classify(scale, answers({}, { 'error-rate': 2 }));
    expect(result.reasons[0]).toMatchObject({ text: 'Error rate: 2 % (> 1 % for 5 min)', level: 'P1', source: 'threshold' });
  });
  it('questions and thresholds together: the most severe wins', () => {
    const result = classify(scale, answers({ 'limited-workaround': 'Yes' }, { 'payment-success-rate': 80, 'cpu-usage': 95 }));
    expect(result.level).toBe('P0');
    expect(result.reasons.map((r) => r.level)).toEqual(['P0', 'P2', 'P2']);
  });
  it('the Done-means case: payments failed completely -> P0', () => {
    const result = classify(scale, answers({ 'all-users': 'No', 'core-service-failed': 'Yes', 'data-breach': 'No' }));
    expect(result.level).toBe('P0');
    expect(result.provisional).toBe(false);
  });
});

describe('classify: manufacturing-platform (P1 to P4, several answers per level)', () => {
  const scale = scaleOf('manufacturing-platform');
  it.each<[Record<string, string>, Record<string, number>, string | undefined]>([
    [{ 'features-impacted': 'The authentication system is down' }, {}, 'P2'],
    [{ 'data-at-risk': 'Data lost or corrupted' }, {}, 'P1'],
    [{ performance: 'API responses slow, but 50 % or less', integrations: 'A non-critical integration issue' }, {}, 'P3'],
    [{}, { 'performance-degradation': 50 }, undefined],
    [{}, { 'performance-degradation': 51 }, 'P2'],
    [{ 'features-impacted': NOT_SURE }, {}, 'P2'],
  ])('%j %j -> %s', (chosen, readings, level) => {
    expect(classify(scale, answers(chosen, readings)).level).toBe(level);
  });
});

describe('mostSevere', () => {
  it('ignores ids the scale does not have', () => {
    const scale = scaleOf('agency-platform');
    expect(mostSevere(scale, ['SEV-9', 'SEV-3', undefined])).toBe('SEV-3');
    expect(mostSevere(scale, ['SEV-9'])).toBeUndefined();
  });
});

describe('answers in the URL', () => {
  it.each(['agency-platform', 'customer-portal', 'foundation-platform', 'hundred-k-platform', 'manufacturing-platform'])('%s: every answer of every question round-trips', (handbook) => {
    const scale = scaleOf(handbook);
    for (const question of scale.questions) {
      for (const label of [...question.answers.map((a) => a.label), NOT_SURE]) {
        const given = answers({ [question.id]: label });
        const query = encodeAnswers(scale, given);
        expect(decodeAnswers(scale, query)).toEqual({ answers: given, ignored: [] });
      }
    }
  });
  it('reads as words', () => {
    const scale = scaleOf('agency-platform');
    expect(encodeAnswers(scale, answers({ 'users-affected': 'All', 'data-at-risk': 'Yes' }))).toBe('?data-at-risk=yes&users-affected=all');
    expect(encodeAnswers(scale, answers())).toBe('');
  });
  it('carries readings as numbers', () => {
    const scale = scaleOf('hundred-k-platform');
    const given = answers({ 'all-users': 'No' }, { 'error-rate': 2.5, 'payment-success-rate': 90 });
    const query = encodeAnswers(scale, given);
    expect(query).toBe('?all-users=no&error-rate=2.5&payment-success-rate=90');
    expect(decodeAnswers(scale, query).answers).toEqual(given);
    expect(decodeAnswers(scale, '?error-rate=2,5').answers.readings).toEqual({ 'error-rate': 2.5 });
  });
  it('ignores what it cannot use, and says why, without throwing; campaign tags are no business of it', () => {
    const scale = scaleOf('hundred-k-platform');
    const { answers: read, ignored } = decodeAnswers(scale, '?all-users=perhaps&error-rate=lots&utm_source=chat&data-breach=YES&<script>=1&fbclid=x');
    expect(read).toEqual(answers({ 'data-breach': 'Yes' }));
    expect(ignored.map((i) => i.name)).toEqual(['all-users', 'error-rate', '<script>']);
    expect(ignored[0].why).toMatch(/not an answer to "Is the whole service down for all users\?"/);
    expect(ignored[1].why).toBe('"Error rate" needs a number in %, such as 2.5 or 2,5');
    expect(decodeAnswers(scale, '?utm_source=slack&utm_medium=chat')).toEqual({ answers: answers(), ignored: [] });
    expect([isForeignParameter('utm_campaign'), isForeignParameter('UTM_SOURCE'), isForeignParameter('error-rate')]).toEqual([true, true, false]);
  });
  it('reads names and values without regard to case', () => {
    const scale = scaleOf('agency-platform');
    expect(decodeAnswers(scale, '?Service-Accessible=NO&data-at-risk=Not-Sure&USERS-AFFECTED=all')).toEqual({
      answers: answers({ 'service-accessible': 'No', 'data-at-risk': NOT_SURE, 'users-affected': 'All' }),
      ignored: [],
    });
    expect(decodeAnswers(scaleOf('hundred-k-platform'), '?Error-Rate=2.5%25').answers.readings).toEqual({ 'error-rate': 2.5 });
  });
  it('a question given twice keeps the answer with the higher level, and says so', () => {
    const scale = scaleOf('agency-platform');
    for (const query of ['?service-accessible=no&service-accessible=yes', '?service-accessible=yes&service-accessible=no']) {
      const { answers: read, ignored } = decodeAnswers(scale, query);
      expect(read.questions).toEqual({ 'service-accessible': 'No' });
      expect(ignored).toEqual([{ name: 'service-accessible', value: 'yes', why: 'conflicts with service-accessible=no: the answer with the higher level is kept' }]);
      expect(classify(scale, read).level).toBe('SEV-1');
    }
    // "Not sure" counts as the most severe answer of the question.
    expect(decodeAnswers(scale, '?data-at-risk=not-sure&data-at-risk=no').answers.questions).toEqual({ 'data-at-risk': NOT_SURE });
    // The same answer twice is no conflict.
    expect(decodeAnswers(scale, '?data-at-risk=yes&data-at-risk=YES').ignored).toEqual([]);
  });
  it('a metric given twice keeps the reading with the higher level ("<" limits too), and says so', () => {
    const scale = scaleOf('hundred-k-platform');
    const rates = decodeAnswers(scale, '?payment-success-rate=99&payment-success-rate=90');
    expect(rates.answers.readings).toEqual({ 'payment-success-rate': 90 });
    expect(rates.ignored).toEqual([{ name: 'payment-success-rate', value: '99', why: 'conflicts with payment-success-rate=90: the answer with the higher level is kept' }]);
    const errors = decodeAnswers(scale, '?error-rate=0.2&error-rate=0.5');
    expect(errors.answers.readings).toEqual({ 'error-rate': 0.2 });
    expect(errors.ignored[0].why).toBe('conflicts with error-rate=0.2: both give the same level; the first is kept');
  });
  it('a link never turns "1,000" into 1: a comma is a decimal separator only when it cannot be a thousands separator', () => {
    const scale = scaleOf('hundred-k-platform');
    const { answers: read, ignored } = decodeAnswers(scale, '?response-time=1,000&payment-success-rate=94,5&cpu-usage=-5&memory-usage=120');
    expect(read.readings).toEqual({ 'payment-success-rate': 94.5 });
    expect(ignored.map((i) => `${i.name}: ${i.why}`)).toEqual([
      'response-time: "Response time" could mean 1000 or 1: write the one you mean without a comma',
      'cpu-usage: "CPU usage" cannot be negative',
      'memory-usage: "Memory usage" cannot be over 100 %',
    ]);
    // The reason shows the reading as understood, so a mistake is visible.
    expect(classify(scale, decodeAnswers(scale, '?response-time=1000').answers).reasons[0].text).toMatch(/^Response time: 1000 ms \(> 500 ms for /);
  });
});

describe('parseReading', () => {
  it.each<[string, string, number]>([
    ['94,5', '%', 94.5], ['94.5', '%', 94.5], ['.5', '%', 0.5], [',5', '%', 0.5], ['2.5%', '%', 2.5], ['2.5 %', '%', 2.5],
    ['  7 ', '', 7], ['500ms', 'ms', 500], ['500 MS', 'ms', 500], ['3x', 'x', 3], ['3×', 'x', 3], ['100', '%', 100], ['0', '%', 0],
    ['1,5', 'ms', 1.5], ['1,0000', 'ms', 1.0], ['1.000', 'ms', 1], ['1000', 'ms', 1000], ['12,34', '', 12.34], ['5.', '%', 5],
  ])('reads %j (in %j) as %d', (text, unit, value) => {
    expect(parseReading(text, unit)).toEqual({ value });
  });
  it.each<[string, string, string]>([
    ['1,000', 'ms', 'could mean 1000 or 1: write the one you mean without a comma'],
    ['12,345', '', 'could mean 12345 or 12.345: write the one you mean without a comma'],
    ['-5', '%', 'cannot be negative'],
    ['100.5', '%', 'cannot be over 100 %'],
    ['2.5 ms', '%', 'needs a number in %, such as 2.5 or 2,5'],
    ['lots', '', 'needs a number, such as 2.5 or 2,5'],
    ['1,000.5', 'ms', 'needs a number in ms, such as 2.5 or 2,5'],
    ['1 000', 'ms', 'needs a number in ms, such as 2.5 or 2,5'],
    ['1e3', 'ms', 'needs a number in ms, such as 2.5 or 2,5'],
    ['.', '%', 'needs a number in %, such as 2.5 or 2,5'],
    ['%', '%', 'needs a number in %, such as 2.5 or 2,5'],
  ])('refuses %j (in %j): %s', (text, unit, error) => {
    expect(parseReading(text, unit)).toEqual({ error });
  });
  it('reads nothing, and finds no fault, in an empty box', () => {
    expect(parseReading('   ', '%')).toEqual({});
  });
});

describe('readings within their limits', () => {
  it('are listed as such, so a reading understood wrongly is visible', () => {
    const scale = scaleOf('hundred-k-platform');
    const result = classify(scale, answers({}, { 'error-rate': 0.5, 'payment-success-rate': 99, 'cpu-usage': 95 }));
    expect(result.level).toBe('P2');
    expect(result.withinLimits).toEqual([
      { id: 'error-rate', text: 'Error rate: 0.5 %, within the limit (P1 if > 1 % for 5 min)' },
      { id: 'payment-success-rate', text: 'Payment success rate: 99 %, within the limit (P0 if < 95 % for 10 min)' },
    ]);
  });
});

describe('sameAnswers', () => {
  it('compares questions and readings, not key order', () => {
    expect(sameAnswers(answers({ a: 'Yes', b: 'No' }, { x: 1 }), answers({ b: 'No', a: 'Yes' }, { x: 1 }))).toBe(true);
    expect(sameAnswers(answers({ a: 'Yes' }), answers({ a: 'No' }))).toBe(false);
    expect(sameAnswers(answers({ a: 'Yes' }), answers({ a: 'Yes', b: 'No' }))).toBe(false);
    expect(sameAnswers(answers({}, { x: 1 }), answers({}, { x: 2 }))).toBe(false);
    expect(sameAnswers(answers(), answers())).toBe(true);
  });
});
