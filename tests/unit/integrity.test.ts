/** Checks across files: handbook <-> scale, a handbook's start page inside the handbook, one file per id. */
import { describe, expect, it } from 'vitest';
import type { ContentFile } from '../../src/build/content-files';
import { findIntegrityProblems } from '../../src/build/integrity';

const file = (kind: ContentFile['kind'], id: string, path = `content/${kind === 'runbook' ? 'docs' : `${kind}s`}/${id}.yaml`) => ({ kind, id, path });
const check = (files: ReturnType<typeof file>[], starts: { handbook: string; start: string }[] = []) =>
  findIntegrityProblems({ contentPath: 'content', files, starts });

describe('findIntegrityProblems', () => {
  it('finds nothing when every handbook has a scale and starts on its own page', () => {
    expect(
      check([file('handbook', 'demo'), file('handbook', 'other'), file('scale', 'other'), file('scale', 'demo')], [
        { handbook: 'demo', start: 'demo/respond-now' },
        { handbook: 'other', start: '/other/start-here/' },
      ]),
    ).toEqual([]);
  });

  it('reports a handbook without a scale against the handbook file, naming the scale file to add', () => {
    expect(check([file('handbook', 'demo')])).toEqual([
      { file: 'content/handbooks/demo.yaml', path: [], message: 'The handbook has no severity scale: add content/scales/demo.yaml' },
    ]);
  });

  it('reports a scale without a handbook against the scale file, naming the missing handbook file', () => {
    expect(check([file('scale', 'orphan')])).toEqual([
      { file: 'content/scales/orphan.yaml', path: [], message: 'There is no handbook "orphan" for this scale: expected content/handbooks/orphan.yaml' },
    ]);
  });

  it('reports a start page in another handbook at the field "start", with the value and the expected folder', () => {
    expect(check([file('handbook', 'demo'), file('handbook', 'other'), file('scale', 'demo'), file('scale', 'other')], [{ handbook: 'demo', start: 'other/start-here' }])).toEqual([
      { file: 'content/handbooks/demo.yaml', path: ['start'], message: '"other/start-here" is a page of another handbook: expected a page under content/docs/demo/' },
    ]);
  });

  it('reads the folder of a start page written with slashes, and does not take "demo-two" for "demo"', () => {
    const files = [file('handbook', 'demo'), file('scale', 'demo')];
    expect(check(files, [{ handbook: 'demo', start: '//demo/x' }, { handbook: 'demo', start: '/demo' }])).toEqual([]);
    expect(check(files, [{ handbook: 'demo', start: 'demo-two/start' }])).toHaveLength(1);
  });

  it('reports two files that give one id (x.mdx and x/index.mdx, x.yaml and x.yml) against the second', () => {
    const problems = check([
      file('handbook', 'demo'), file('scale', 'demo'),
      file('runbook', 'demo/x', 'content/docs/demo/x.mdx'), file('runbook', 'demo/x', 'content/docs/demo/x/index.mdx'),
      file('scale', 'demo', 'content/scales/demo.yml'),
    ]);
    expect(problems).toEqual([
      { file: 'content/docs/demo/x/index.mdx', path: [], message: 'Two files give the runbook id "demo/x": content/docs/demo/x.mdx and this one. Rename or remove one of them' },
      { file: 'content/scales/demo.yml', path: [], message: 'Two files give the scale id "demo": content/scales/demo.yaml and this one. Rename or remove one of them' },
    ]);
  });

  it('reports every problem: ids, then handbooks, then scales, then start pages', () => {
    const problems = check([file('handbook', 'a'), file('handbook', 'b'), file('scale', 'b'), file('scale', 'c')], [{ handbook: 'b', start: 'a/x' }]);
    expect(problems.map((problem) => problem.file)).toEqual(['content/handbooks/a.yaml', 'content/scales/c.yaml', 'content/handbooks/b.yaml']);
  });
});
