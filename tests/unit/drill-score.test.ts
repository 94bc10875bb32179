import { describe, expect, it } from 'vitest';
import { checkDrill, runbookChoices, scoreDrills, scoreText, seededShuffle } from '../../src/lib/drill-score';

const SCENARIOS = ['h/scenarios/a', 'h/scenarios/b', 'h/scenarios/c', 'h/scenarios/d', 'h/scenarios/e', 'h/scenarios/f'];

describe('seededShuffle', () => {
  it('gives the same order for the same seed, a permutation, and leaves the input alone', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const once = seededShuffle(items, 'seed');
    expect(seededShuffle(items, 'seed')).toEqual(once);
    expect([...once].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('gives different orders for different seeds', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, i) => seededShuffle([1, 2, 3, 4, 5], `drill-${i}`).join()));
    expect(orders.size).toBeGreaterThan(5);
  });
});

describe('runbookChoices', () => {
  it('offers the first runbook and three distractors from the scenarios, none of them the drill\'s own runbooks', () => {
    const choices = runbookChoices({ id: 'h/x', runbooks: ['h/scenarios/a', 'h/scenarios/b'] }, SCENARIOS);
    expect(choices).toHaveLength(4);
    expect(choices).toContain('h/scenarios/a');
    expect(choices).not.toContain('h/scenarios/b');
    expect(new Set(choices).size).toBe(4);
    expect(choices.every((id) => SCENARIOS.includes(id))).toBe(true);
  });

  it('is the same from build to build', () => {
    const drill = { id: 'h/x', runbooks: ['h/respond-now'] };
    expect(runbookChoices(drill, SCENARIOS)).toEqual(runbookChoices(drill, SCENARIOS));
  });

  it('puts the right answer at different positions for different drills', () => {
    const positions = new Set(Array.from({ length: 24 }, (_, i) => runbookChoices({ id: `h/drill-${i}`, runbooks: ['h/respond-now'] }, SCENARIOS).indexOf('h/respond-now')));
    expect(positions).toEqual(new Set([0, 1, 2, 3]));
  });

  it('takes distractors from the other pages when there are too few scenarios, and never repeats one', () => {
    const choices = runbookChoices({ id: 'h/x', runbooks: ['h/scenarios/a'] }, ['h/scenarios/a', 'h/scenarios/b'], ['h/process/p', 'h/scenarios/b', 'h/reference/r']);
    expect([...choices].sort()).toEqual(['h/process/p', 'h/reference/r', 'h/scenarios/a', 'h/scenarios/b']);
  });

  it('offers what there is when the handbook has fewer pages', () => {
    expect(runbookChoices({ id: 'h/x', runbooks: ['h/a'] }, [], [])).toEqual(['h/a']);
  });
});

describe('checkDrill and scoreDrills', () => {
  const keys = [
    { id: 'h/one', level: 'P1', runbook: 'h/a' },
    { id: 'h/two', level: 'P2', runbook: 'h/b' },
    { id: 'h/three', level: 'P3', runbook: 'h/c' },
  ];

  it('says which part is right', () => {
    expect(checkDrill(keys[0], { level: 'P1', runbook: 'h/a' })).toEqual({ level: true, runbook: true, correct: true });
    expect(checkDrill(keys[0], { level: 'P2', runbook: 'h/a' })).toEqual({ level: false, runbook: true, correct: false });
    expect(checkDrill(keys[0], { level: 'P1', runbook: 'h/b' })).toEqual({ level: true, runbook: false, correct: false });
  });

  it('counts a drill correct only when both parts were right on its latest check', () => {
    const score = scoreDrills(keys, { 'h/one': { level: 'P1', runbook: 'h/a' }, 'h/two': { level: 'P2', runbook: 'h/x' } });
    expect(score).toEqual({ correct: 1, checked: 2, total: 3 });
    expect(scoreText(score)).toBe('1 of 3 correct');
  });

  it('ignores answers to drills no longer there, and judges by the current expected answer', () => {
    expect(scoreDrills(keys, { 'h/gone': { level: 'P1', runbook: 'h/a' } })).toEqual({ correct: 0, checked: 0, total: 3 });
    expect(scoreDrills([{ id: 'h/one', level: 'P2', runbook: 'h/a' }], { 'h/one': { level: 'P1', runbook: 'h/a' } }).correct).toBe(0);
  });
});
