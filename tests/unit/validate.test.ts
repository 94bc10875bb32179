/**
 * The validator on whole content folders: each fixture of tests/fixtures/invalid/content/ (one
 * mistake each) laid over a copy of the valid fixture. The full report of the eight most common
 * mistakes is pinned, as authors see it; the rest check where a mistake is reported and that
 * nothing else is.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport, validateContent } from '../../src/build/validate';

const VALID = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));
const MISTAKES = fileURLToPath(new URL('../fixtures/invalid/content/', import.meta.url));
const made: string[] = [];

/** A project folder whose content/ is the valid fixture with the given mistake folders laid over it. */
function project(...mistakes: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'handbook-validate-'));
  made.push(root);
  cpSync(VALID, join(root, 'content'), { recursive: true });
  for (const mistake of mistakes) cpSync(join(MISTAKES, mistake), join(root, 'content'), { recursive: true });
  return root;
}

function validate(...mistakes: string[]) {
  const root = project(...mistakes);
  return validateContent({ root, contentDir: join(root, 'content') });
}

const report = (...mistakes: string[]) => formatReport(validate(...mistakes).problems);

afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('validateContent', () => {
  it('finds nothing wrong in the valid fixture, and counts what it read', () => {
    const result = validate();
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({ handbook: 1, scale: 1, template: 1, drill: 1, runbook: 3 });
  });

  it('has a fixture folder for every mistake tested here', () => {
    const used = new Set(['unknown-field-in-yaml', 'unknown-field-in-frontmatter', 'unknown-severity', 'unparseable-duration', 'duplicate-level-id',
      'broken-link', 'placeholder-without-field', 'unknown-kind', 'unknown-nested-field', 'broken-heading-link', 'yaml-syntax-error', 'missing-title',
      'unknown-runbook-in-drill']);
    expect(readdirSync(MISTAKES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()).toEqual([...used].sort());
  });

  describe('the eight most common mistakes, as authors read them', () => {
    it('a mistyped field name in a YAML file', () => {
      expect(report('unknown-field-in-yaml')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/handbooks/demo.yaml
          - reveiwEvery, line 5: Unknown field \`reveiwEvery\` in \`content/handbooks/demo.yaml\`: did you mean \`reviewEvery\`?"
      `);
    });

    it('a mistyped field name in a runbook\'s frontmatter', () => {
      expect(report('unknown-field-in-frontmatter')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/docs/demo/respond-now.mdx
          - lastReveiwed, line 8: Unknown field \`lastReveiwed\` in \`content/docs/demo/respond-now.mdx\`: did you mean \`lastReviewed\`?"
      `);
    });

    it('a severity the handbook\'s scale does not have', () => {
      expect(report('unknown-severity')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/docs/demo/scenarios/outage.mdx
          - severity, line 6: Unknown severity "P3" for handbook "demo": expected one of P1, P2. Did you mean "P1"?"
      `);
    });

    it('a duration that does not parse', () => {
      expect(report('unparseable-duration')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/scales/demo.yaml
          - levels.0.response, line 7: Cannot read "quickly" as a duration: expected a duration such as "5m", "15 min", "1h 30m", "2 hours", "3 days", "1 month", "3 business days", "next business day" or "immediate""
      `);
    });

    it('a level id used twice: reported against the scale only, not the runbook that uses the level', () => {
      expect(report('duplicate-level-id')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/scales/demo.yaml
          - levels.1.id, line 16: Duplicate level id "P1": each level of a scale needs its own id
          Note: the severities used in this scale's questions and thresholds, and in the runbooks, templates and drills of "demo", are checked once its level ids are fixed."
      `);
    });

    it('a link to a page that does not exist', () => {
      expect(report('broken-link')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/docs/demo/scenarios/outage.mdx
          - body, line 15: Broken link "/demo/respond-nwo/": there is no page /demo/respond-nwo/ (no runbook content/docs/demo/respond-nwo.mdx). Did you mean "/demo/respond-now/"?"
      `);
    });

    it('a template placeholder without a field', () => {
      expect(report('placeholder-without-field')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/templates/demo/update.md
          - body, line 16: Placeholder {{next_update}} has no field: add a field with id "next_update" to "fields", or fix the placeholder (fields: severity, summary)"
      `);
    });

    it('a value that is not one of the allowed ones', () => {
      expect(report('unknown-kind')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/docs/demo/scenarios/outage.mdx
          - kind, line 5: Received "scenaro": expected one of overview, scenario, process, reference, onboarding. Did you mean "scenario"?"
      `);
    });
  });

  it('reports every mistake of every file in one run, each against its file', () => {
    const mistakes = ['unknown-field-in-yaml', 'unknown-field-in-frontmatter', 'unparseable-duration', 'placeholder-without-field', 'unknown-runbook-in-drill', 'broken-heading-link'];
    const problems = validate(...mistakes).problems;
    expect(problems.map((problem) => `${problem.file} ${problem.path.join('.')}`)).toEqual([
      'content/scales/demo.yaml levels.0.response',
      'content/handbooks/demo.yaml reveiwEvery',
      'content/templates/demo/update.md body',
      'content/drills/demo/outage.yaml runbooks.0',
      'content/docs/demo/respond-now.mdx lastReveiwed',
      'content/docs/demo/scenarios/outage.mdx body',
    ]);
  });

  it('names the path of an unknown field inside a nested object, its line, and the required field the typo left out', () => {
    expect(validate('unknown-nested-field').problems).toEqual([
      { file: 'content/scales/demo.yaml', path: ['levels', 0, 'name'], line: 3, message: 'Missing field `name`: expected text' },
      { file: 'content/scales/demo.yaml', path: ['levels', 0, 'nmae'], line: 4, message: 'Unknown field `nmae` in `levels.0` of `content/scales/demo.yaml`: did you mean `name`?' },
    ]);
  });

  it('checks a link\'s #fragment against the target page\'s headings, suggesting the close one', () => {
    expect(validate('broken-heading-link').problems).toEqual([
      {
        file: 'content/docs/demo/scenarios/outage.mdx',
        path: ['body'],
        line: 15,
        message: 'Broken link "/demo/respond-now/#verfiy": /demo/respond-now/ has no heading with the id "verfiy". Did you mean "#verify"?',
      },
    ]);
  });

  it('reports a YAML syntax error with its line, and goes on with the other files', () => {
    const problems = validate('yaml-syntax-error', 'unknown-severity').problems;
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['content/drills/demo/outage.yaml', 7],
      ['content/docs/demo/scenarios/outage.mdx', 6],
    ]);
    expect(problems[0].message).toMatch(/^Not valid YAML: /);
  });

  it('reports a missing required field of Starlight\'s (title)', () => {
    expect(validate('missing-title').problems).toMatchObject([
      { file: 'content/docs/demo/scenarios/outage.mdx', path: ['title'], message: 'Missing field `title`: expected text' },
    ]);
  });

  it('reports a drill\'s unknown runbook with the close one', () => {
    expect(validate('unknown-runbook-in-drill').problems).toMatchObject([
      { file: 'content/drills/demo/outage.yaml', path: ['runbooks', 0], line: 5, message: 'Unknown runbook "demo/scenarios/outgae": no page content/docs/demo/scenarios/outgae.mdx (or .md, or demo/scenarios/outgae/index.mdx). Did you mean "demo/scenarios/outage"?' },
    ]);
  });

  it('reports two files that give one page id', () => {
    const root = project();
    writeFileSync(join(root, 'content/docs/demo/respond-now.md'), '---\ntitle: Again\nhandbook: demo\nkind: process\n---\n');
    const problems = validateContent({ root, contentDir: join(root, 'content') }).problems;
    expect(problems).toMatchObject([{ file: 'content/docs/demo/respond-now.mdx', message: expect.stringContaining('Two files give the runbook id "demo/respond-now"') }]);
  });

  it('does not report a link to one of the site\'s own routes (src/pages) or public files', () => {
    const root = project();
    const outage = '---\ntitle: T\nhandbook: demo\nkind: scenario\n---\n[a](/reviews/) [b](/reviews.json) [c](/print/demo/) [d](/favicon.svg) [e](/nope/)\n';
    writeFileSync(join(root, 'content/docs/demo/scenarios/outage.mdx'), outage);
    for (const path of ['src/pages/reviews.astro', 'src/pages/reviews.json.ts', 'src/pages/print/[handbook].astro', 'public/favicon.svg']) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), '');
    }
    const problems = validateContent({ root, contentDir: join(root, 'content') }).problems;
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringContaining('Broken link "/nope/"')]);
  });
});
