/**
 * A drill's `classifier:` facts (for "Practise with the classifier") are checked against its
 * handbook's scale like every other reference: a wrong question id, answer or reading is an issue at
 * `classifier.<key>`, with what was expected. The index reads the scale's questions and metrics from
 * the raw YAML, tolerantly.
 */
import { describe, expect, it } from 'vitest';
import { contentIndexOf } from '../../src/build/content-index';
import { drillSchema, readAssessment } from '../../src/schemas';

const SCALE = {
  levels: [{ id: 'P1' }, { id: 'P2' }, { id: 'P3' }],
  questions: [
    { id: 'users-affected', text: 'Users affected?', answers: [{ label: 'All', level: 'P1' }, { label: 'Many', level: 'P2' }, { label: 'A few, with a workaround', level: 'P3' }, { label: 'A few, without one', level: 'P2' }] },
    { id: 'data-at-risk', text: 'Data at risk?', answers: [{ label: 'Yes', level: 'P1' }, { label: 'No' }] },
  ],
  thresholds: [
    { metric: 'Error rate', condition: '> 1%', level: 'P2' },
    { metric: 'Traffic looks like an attack', condition: 'by eye', freeText: true, level: 'P1' },
  ],
};
const INDEX = contentIndexOf({ handbooks: ['demo'], scales: [{ id: 'demo', data: SCALE }], runbooks: ['demo', 'demo/respond-now'] });
const DRILL = { handbook: 'demo', title: 't', scenario: 's', expected: 'P1', why: 'w', runbooks: ['demo/respond-now'] };

const issues = (classifier: unknown) => {
  const result = drillSchema(INDEX).safeParse({ ...DRILL, classifier });
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path: path.join('.'), message }));
};

describe('readAssessment', () => {
  it('reads question ids with their answers\' slugs and metric keys with their kind', () => {
    const assessment = readAssessment(SCALE);
    expect([...assessment.questions]).toEqual([
      ['users-affected', ['all', 'many', 'a-few-with-a-workaround', 'a-few-without-one']],
      ['data-at-risk', ['yes', 'no']],
    ]);
    expect([...assessment.metrics]).toEqual([['error-rate', 'number'], ['traffic-looks-like-an-attack', 'yes-no']]);
  });

  it('skips what it cannot read', () => {
    expect(readAssessment({ questions: [null, { id: 3 }, { id: 'q', answers: 'x' }], thresholds: 'x' })).toEqual({ questions: new Map([['q', []]]), metrics: new Map() });
    expect(readAssessment(undefined)).toEqual({ questions: new Map(), metrics: new Map() });
  });
});

describe('a drill\'s classifier facts', () => {
  it('accept answers as slugs, as a start only one answer has, not-sure, numbers and yes/no (YAML booleans too)', () => {
    expect(issues({ 'users-affected': 'a-few-with', 'data-at-risk': 'not-sure', 'error-rate': 2.5, 'traffic-looks-like-an-attack': true })).toEqual([]);
    expect(issues({ 'users-affected': 'All', 'data-at-risk': 'no', 'error-rate': '0.5', 'traffic-looks-like-an-attack': 'no' })).toEqual([]);
    const drill = drillSchema(INDEX).parse({ ...DRILL, classifier: { 'data-at-risk': 'yes', 'error-rate': 2.5, 'traffic-looks-like-an-attack': false } });
    expect(drill.classifier).toEqual({ 'data-at-risk': 'yes', 'error-rate': '2.5', 'traffic-looks-like-an-attack': 'no' });
  });

  it('report an unknown question or metric at its key, suggesting the close one', () => {
    expect(issues({ 'user-affected': 'all' })).toEqual([{
      path: 'classifier.user-affected',
      message: 'Unknown question or metric "user-affected" for handbook "demo": expected one of users-affected, data-at-risk, error-rate, traffic-looks-like-an-attack. Did you mean "users-affected"?',
    }]);
  });

  it('report an answer the question does not have, or a start two answers share', () => {
    expect(issues({ 'data-at-risk': 'maybe' })).toEqual([{
      path: 'classifier.data-at-risk',
      message: '"maybe" is not an answer to question "data-at-risk" of the demo scale: expected one of yes, no or not-sure',
    }]);
    expect(issues({ 'users-affected': 'a-few' })[0].message).toContain('("a-few" starts 2 of them)');
    expect(issues({ 'data-at-risk': 'yse' })[0].message).toContain('Did you mean "yes"?');
  });

  it('report a reading that is not a number, or not yes/no for a free-text threshold', () => {
    expect(issues({ 'error-rate': '2 %', 'traffic-looks-like-an-attack': 'maybe' })).toEqual([
      { path: 'classifier.error-rate', message: 'Metric "error-rate" of the demo scale takes a number (the reading, without its unit), got "2 %"' },
      { path: 'classifier.traffic-looks-like-an-attack', message: 'Metric "traffic-looks-like-an-attack" of the demo scale takes yes or no, got "maybe"' },
    ]);
  });

  it('are not checked against a scale the index could not read, and are optional', () => {
    const unread = contentIndexOf({ handbooks: ['demo'], scales: [{ id: 'demo', data: { levels: 'x' } }], runbooks: ['demo/respond-now'] });
    expect(drillSchema(unread).safeParse({ ...DRILL, expected: 'P1', classifier: { anything: 'x' } }).success).toBe(true);
    expect(issues(undefined)).toEqual([]);
  });
});
