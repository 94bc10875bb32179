/** Checks across collections: handbook <-> scale, and a handbook's start page inside the handbook. */
import { describe, expect, it } from 'vitest';
import { findIntegrityProblems } from '../../src/build/integrity';

describe('findIntegrityProblems', () => {
  it('finds nothing when every handbook has a scale and starts on its own page', () => {
    expect(
      findIntegrityProblems({
        handbooks: [{ id: 'demo' }, { id: 'other' }],
        scales: [{ id: 'other' }, { id: 'demo' }],
        starts: [{ handbook: 'demo', start: 'demo/respond-now' }, { handbook: 'other', start: '/other/start-here/' }],
      }),
    ).toEqual([]);
  });

  it('reports a handbook without a scale, naming the handbook file and the scale file to add', () => {
    expect(findIntegrityProblems({ handbooks: [{ id: 'demo' }], scales: [], starts: [] })).toEqual([
      'content/handbooks/demo.yaml: the handbook has no severity scale; add content/scales/demo.yaml',
    ]);
  });

  it('reports a scale without a handbook, naming the scale file and the missing handbook file', () => {
    expect(findIntegrityProblems({ handbooks: [], scales: [{ id: 'orphan' }], starts: [] })).toEqual([
      'content/scales/orphan.yaml: there is no handbook "orphan" (content/handbooks/orphan.yaml) for this scale',
    ]);
  });

  it('reports a start page in another handbook, naming the file, the field, the value and the expected folder', () => {
    const problems = findIntegrityProblems({
      handbooks: [{ id: 'demo' }, { id: 'other' }],
      scales: [{ id: 'demo' }, { id: 'other' }],
      starts: [{ handbook: 'demo', start: 'other/start-here' }],
    });
    expect(problems).toEqual([
      'content/handbooks/demo.yaml: field "start" is "other/start-here", a page of another handbook; expected a page under content/docs/demo/',
    ]);
  });

  it('reads the folder of a start page written with leading slashes', () => {
    expect(findIntegrityProblems({ handbooks: [{ id: 'demo' }], scales: [{ id: 'demo' }], starts: [{ handbook: 'demo', start: '//demo/x' }] })).toEqual([]);
    expect(findIntegrityProblems({ handbooks: [{ id: 'demo' }], scales: [{ id: 'demo' }], starts: [{ handbook: 'demo', start: '/demo' }] })).toEqual([]);
  });

  it('does not take a handbook whose id starts like another for the same handbook', () => {
    const problems = findIntegrityProblems({ handbooks: [{ id: 'demo' }], scales: [{ id: 'demo' }], starts: [{ handbook: 'demo', start: 'demo-two/start' }] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/handbooks/demo.yaml: field "start" is "demo-two/start"');
  });

  it('reports every problem, handbooks first, then scales, then start pages', () => {
    const problems = findIntegrityProblems({
      handbooks: [{ id: 'a' }, { id: 'b' }],
      scales: [{ id: 'b' }, { id: 'c' }],
      starts: [{ handbook: 'b', start: 'a/x' }],
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['content/handbooks/a.yaml', 'content/scales/c.yaml', 'content/handbooks/b.yaml']);
  });

  it('reports a duplicated id once', () => {
    expect(findIntegrityProblems({ handbooks: [{ id: 'demo' }, { id: 'demo' }], scales: [], starts: [] })).toHaveLength(1);
  });
});
