/**
 * The validator on whole content folders: each fixture of tests/fixtures/invalid/content/ (one
 * mistake each) laid over a copy of the valid fixture. The full report of the eight most common
 * mistakes is pinned, as authors see it; the rest check where a mistake is reported and that
 * nothing else is.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport, validateContent } from '../../src/build/validate';

const VALID = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));
const MISTAKES = fileURLToPath(new URL('../fixtures/invalid/content/', import.meta.url));
/** Our content components: runbooks import them as `~/components/content/...` (`~` is the project's src/). */
const COMPONENTS = fileURLToPath(new URL('../../src/components/content/', import.meta.url));
const made: string[] = [];

/** A project folder whose content/ is the valid fixture with the given mistake folders laid over it. */
function project(...mistakes: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'handbook-validate-'));
  made.push(root);
  cpSync(COMPONENTS, join(root, 'src/components/content'), { recursive: true });
  cpSync(VALID, join(root, 'content'), { recursive: true });
  for (const mistake of mistakes) cpSync(join(MISTAKES, mistake), join(root, 'content'), { recursive: true });
  return root;
}

function validate(...mistakes: string[]) {
  const root = project(...mistakes);
  return validateContent({ root, contentDir: join(root, 'content') });
}

const report = (...mistakes: string[]) => formatReport(validate(...mistakes).problems);

const MDX_MISTAKES = ['mdx-unclosed-expression', 'mdx-unfinished-tag', 'misspelt-import', 'unknown-handbook-prop', 'unknown-template-id'];
const DATE_MISTAKES = ['impossible-date', 'review-date-in-future', 'ambiguous-date', 'short-review-interval'];

afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('validateContent', () => {
  it('finds nothing wrong in the valid fixture, and counts what it read', () => {
    const result = validate();
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({ handbook: 1, scale: 1, template: 1, drill: 1, runbook: 4 });
  });

  it('has a fixture folder for every mistake tested here', () => {
    const used = new Set(['unknown-field-in-yaml', 'unknown-field-in-frontmatter', 'unknown-severity', 'unparseable-duration', 'duplicate-level-id',
      'broken-link', 'placeholder-without-field', 'unknown-kind', 'unknown-nested-field', 'broken-heading-link', 'yaml-syntax-error', 'missing-title',
      'unknown-runbook-in-drill', ...MDX_MISTAKES, ...DATE_MISTAKES, 'link-in-yaml', 'unknown-severity-with-repeated-level', 'template-in-wrong-folder',
      'drill-in-wrong-folder', 'misspelt-required-field', 'misspelt-duration-field', 'unknown-handbook-in-folder', 'entry-path-written', 'choice-field-mistakes']);
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
          - severity, line 6: Unknown severity "P3" for handbook "demo": expected one of P1, P2"
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
          Note: until each level has its own id, the severities P0 and P2 (which the repeated level may be meant to have) are not reported in this scale or in the runbooks, templates and drills of "demo"; any other unknown severity is."
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
          - body, line 17: Placeholder {{next_update}} has no field: add a field with id "next_update" to \`fields\`, or fix the placeholder (fields: severity, summary)"
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

  it('names the path of an unknown field inside a nested object and its line; the required field the typo left out is the same mistake', () => {
    expect(validate('unknown-nested-field').problems).toEqual([
      {
        file: 'content/scales/demo.yaml',
        path: ['levels', 0, 'nmae'],
        line: 4,
        message: 'Unknown field `nmae` in `levels.0` of `content/scales/demo.yaml`: did you mean `name`? (`name` is required)',
      },
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
  describe('MDX bodies and component properties', () => {
    it('an unclosed {expression: the compiler\'s message, with the file line and what to write instead', () => {
      expect(report('mdx-unclosed-expression')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/docs/demo/scenarios/outage.mdx
          - body, line 11: The MDX does not compile: Unexpected end of file in expression, expected a corresponding closing brace for \`{\` (a \`{\` starts a JavaScript expression in MDX: close it with \`}\`, or write \`\\{\` for a brace in the text)"
      `);
    });

    it('an unfinished component tag', () => {
      expect(report('mdx-unfinished-tag')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/docs/demo/scenarios/outage.mdx
          - body, line 13: The MDX does not compile: Unexpected character after \`<\`, expected a valid JSX tag (note: to create a link in MDX, use \`[text](url)\`) (a \`<\` followed by a letter starts a component tag: finish it with \`/>\` or \`>\`, or write \`\\<\` for the character in the text)"
      `);
    });

    it('an import of a file that does not exist, with the file of that folder it was meant to be', () => {
      expect(report('misspelt-import')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/docs/demo/scenarios/outage.mdx
          - body, line 9: Cannot import \`~/components/content/SiteNot.astro\`: there is no file src/components/content/SiteNot.astro. Did you mean \`~/components/content/SiteNote.astro\`?"
      `);
    });

    it('a handbook="..." that is no handbook', () => {
      expect(report('unknown-handbook-prop')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/docs/demo/index.mdx
          - body, line 17: \`<SeverityScale handbook="dmeo">\`: there is no handbook "dmeo": expected one of demo (a file in content/handbooks/). Did you mean "demo"?"
      `);
    });

    it('a <MessageTemplate id="..."> that is no template', () => {
      expect(report('unknown-template-id')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/docs/demo/index.mdx
          - body, line 23: \`<MessageTemplate id="demo/updte">\`: there is no message template "demo/updte" (no file content/templates/demo/updte.md). Did you mean "demo/update"?"
      `);
    });

    it('reports every MDX mistake of every runbook in one run, with the other files\' mistakes', () => {
      const root = project('unknown-field-in-yaml');
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
        writeFileSync(join(root, 'content', path), text);
      };
      const page = (body: string) => `---\ntitle: T\nhandbook: demo\nkind: process\n---\n${body}\n`;
      write('docs/demo/a.mdx', page('Unclosed {expression\n\nThen [a broken link](/demo/nowhere/).'));
      write('docs/demo/b.mdx', page('A check <SiteNote \n\nMore.'));
      write('docs/demo/c.mdx', page("import SiteNote from '~/components/content/SiteNot.astro';\n\nA check. <SiteNote />"));
      write('docs/demo/d.mdx', page("import SeverityScale from '~/components/content/SeverityScale.astro';\nimport MessageTemplate from '~/components/content/MessageTemplate.astro';\n\n<SeverityScale handbook=\"dmeo\" />\n\n<MessageTemplate\n  id=\"demo/updte\" />\n\n<Contacts handbook=\"demo\" />"));
      const problems = validateContent({ root, contentDir: join(root, 'content') }).problems;
      expect(problems.map((p) => `${p.file}:${p.line} ${p.message.split(': ')[0]}`)).toEqual([
        'content/handbooks/demo.yaml:5 Unknown field `reveiwEvery` in `content/handbooks/demo.yaml`',
        'content/docs/demo/a.mdx:6 The MDX does not compile',
        'content/docs/demo/a.mdx:8 Broken link "/demo/nowhere/"',
        'content/docs/demo/b.mdx:6 The MDX does not compile',
        'content/docs/demo/c.mdx:6 Cannot import `~/components/content/SiteNot.astro`',
        'content/docs/demo/d.mdx:9 `<SeverityScale handbook="dmeo">`',
        'content/docs/demo/d.mdx:12 `<MessageTemplate id="demo/updte">`',
        'content/docs/demo/d.mdx:14 `<Contacts>` is used but not imported',
      ]);
    });

    it('checks the imports and properties of a body that does not compile too', () => {
      const root = project();
      writeFileSync(
        join(root, 'content/docs/demo/scenarios/outage.mdx'),
        "---\ntitle: T\nhandbook: demo\nkind: scenario\n---\nimport DrillList from '~/components/content/DrilList.astro';\nimport SeverityScale from '~/components/content/SeverityScale.astro';\n\n<SeverityScale handbook=\"dmeo\" />\n\nUnclosed {here\n",
      );
      expect(validateContent({ root, contentDir: join(root, 'content') }).problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
        [6, 'Cannot import `~/components/content/DrilList.astro`'],
        [9, '`<SeverityScale handbook="dmeo">`'],
        [11, 'The MDX does not compile'],
      ]);
    });

    it('a broken import line, a closing tag that does not match and an HTML comment: the compiler\'s message at the file line', () => {
      const root = project();
      const write = (name: string, body: string) =>
        writeFileSync(join(root, `content/docs/demo/${name}.mdx`), `---\ntitle: T\nhandbook: demo\nkind: process\n---\n${body}\n`);
      write('esm', "import SeverityScale from '~/components/content/SeverityScale.astro';\nimport { from '~/components/content/SiteNote.astro';\n\nText.");
      write('closing', 'Text.\n\n<details>\n\nInside.\n\n</detals>');
      write('comment', 'Text.\n\n<!-- a comment -->');
      const problems = validateContent({ root, contentDir: join(root, 'content') }).problems;
      expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
        expect.stringMatching(/^content\/docs\/demo\/closing.mdx:12 The MDX does not compile: Unexpected closing tag `<\/detals>`, expected corresponding closing tag for `<details>` \(line 8\) \(a `<`/),
        expect.stringMatching(/^content\/docs\/demo\/comment.mdx:8 The MDX does not compile: .*to create a comment in MDX, use `\{\/\* text \*\/\}`/),
        expect.stringMatching(/^content\/docs\/demo\/esm.mdx:7 The MDX does not compile: Expected `,` or `}` but found `string` in an `import` or `export` line \(check the `import` and `export` lines/),
      ]);
    });

    it('reads a property on a line of its own, and a {\'string\'} as its text', () => {
      const root = project();
      writeFileSync(
        join(root, 'content/docs/demo/scenarios/outage.mdx'),
        "---\ntitle: T\nhandbook: demo\nkind: scenario\n---\nimport SeverityScale from '~/components/content/SeverityScale.astro';\n\nText <SeverityScale\n  title=\"handbook\"\n  handbook={'dmeo'}\n/> and <SeverityScale handbook={`demo`} />.\n",
      );
      expect(validateContent({ root, contentDir: join(root, 'content') }).problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
        [10, '`<SeverityScale handbook="dmeo">`'],
      ]);
    });

    it('asks for the property a content component needs, and accepts expressions, spreads and relative imports', () => {
      const root = project();
      mkdirSync(join(root, 'content/docs/demo/parts'), { recursive: true });
      writeFileSync(join(root, 'content/docs/demo/parts/_note.mdx'), 'A shared note.');
      writeFileSync(
        join(root, 'content/docs/demo/scenarios/outage.mdx'),
        "---\ntitle: T\nhandbook: demo\nkind: scenario\n---\nimport SeverityScale from '~/components/content/SeverityScale.astro';\nimport Note from '../parts/_note.mdx';\nimport Missing from './nothing.mdx';\nexport const props = { handbook: 'demo' };\n\n<SeverityScale />\n<SeverityScale handbook={'demo'} />\n<SeverityScale handbook={props.handbook} />\n<SeverityScale {...props} />\n<Note />\n",
      );
      expect(validateContent({ root, contentDir: join(root, 'content') }).problems.map((p) => [p.line, p.message])).toEqual([
        [8, 'Cannot import `./nothing.mdx`: there is no file content/docs/demo/scenarios/nothing.mdx'],
        [11, '`<SeverityScale>` needs `handbook="..."`: the id of a handbook, one of demo'],
      ]);
    });
  });

  describe('dates and review intervals', () => {
    it('a date that is not on the calendar, though the YAML reader moves it to one', () => {
      expect(report('impossible-date')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/docs/demo/respond-now.mdx
          - lastReviewed, line 8: Cannot read "2025-13-45" as a date: there is no month 13: expected a date written YYYY-MM-DD, such as 2024-01-20"
      `);
    });

    it('a review date in the future', () => {
      expect(report('review-date-in-future')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/docs/demo/respond-now.mdx
          - lastReviewed, line 8: 2999-01-20 is in the future: a review date is when someone checked the page (expected today or an earlier day)"
      `);
    });

    it('a date that reads two ways', () => {
      expect(report('ambiguous-date')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/handbooks/demo.yaml
          - sourceUpdated, line 5: Cannot read "1/2/2026" as a date: expected a date written YYYY-MM-DD, such as 2024-01-20"
      `);
    });

    it('a review interval shorter than a day', () => {
      expect(report('short-review-interval')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/handbooks/demo.yaml
          - reviewEvery, line 5: "5m" is too short for a review interval: expected a review interval of a day or more, such as "90 days", "3 months" or "1 year""
      `);
    });

    it('names the day count of the month, accepts a quoted date, and refuses a time of day', () => {
      const root = project();
      const respond = join(root, 'content/docs/demo/respond-now.mdx');
      const text = readFileSync(respond, 'utf8');
      const messages = (lastReviewed: string) => {
        writeFileSync(respond, text.replace('lastReviewed: 2024-01-20', `lastReviewed: ${lastReviewed}`));
        return validateContent({ root, contentDir: join(root, 'content') }).problems.map((p) => `${p.path.join('.')}, line ${p.line}: ${p.message}`);
      };
      expect(messages('2025-02-30')).toEqual(['lastReviewed, line 8: Cannot read "2025-02-30" as a date: February 2025 has 28 days: expected a real calendar date written YYYY-MM-DD']);
      expect(messages('"2024-02-29"')).toEqual([]);
      expect(messages('2024-01-20T10:00:00Z')).toEqual(['lastReviewed, line 8: Cannot read "2024-01-20T10:00:00Z" as a date: expected a date written YYYY-MM-DD, such as 2024-01-20']);
      expect(messages('immediate\nreviewEvery: immediate')[0]).toMatch(/^lastReviewed, line 8: Cannot read "immediate" as a date/);
      expect(messages('2024-01-20\nreviewEvery: immediate')).toEqual([
        'reviewEvery, line 9: "immediate" is too short for a review interval: expected a review interval of a day or more, such as "90 days", "3 months" or "1 year"',
      ]);
    });
  });

  describe('links in YAML text', () => {
    it('checks links in a handbook\'s description and a drill\'s scenario like links in runbooks, against the file and field', () => {
      expect(report('link-in-yaml')).toMatchInlineSnapshot(`
        "2 content errors in 2 files

        content/handbooks/demo.yaml
          - description, line 2: Broken link "/demo/respond-nwo/": there is no page /demo/respond-nwo/ (no runbook content/docs/demo/respond-nwo.mdx). Did you mean "/demo/respond-now/"?

        content/drills/demo/outage.yaml
          - scenario, line 3: Broken link "/demo/scenarios/nowhere/": there is no page /demo/scenarios/nowhere/ (no runbook content/docs/demo/scenarios/nowhere.mdx)"
      `);
    });

    it('checks links at any depth (a level\'s notification, a template field\'s help), leaving fragments and a template\'s body alone', () => {
      const root = project();
      const scale = join(root, 'content/scales/demo.yaml');
      writeFileSync(scale, readFileSync(scale, 'utf8').replace('        how: SMS', '        how: SMS, see [the rota](/demo/rota/) and [levels](#level-p1)'));
      const template = join(root, 'content/templates/demo/update.md');
      writeFileSync(template, readFileSync(template, 'utf8').replace('    type: multiline', '    type: multiline\n    help: As in [the log](/demo/log/)').replace('{{summary}}', '{{summary}} [not checked](/demo/body-link/)'));
      expect(validateContent({ root, contentDir: join(root, 'content') }).problems.map((p) => `${p.file} ${p.path.join('.')}, line ${p.line}: ${p.message.split(':')[0]}`)).toEqual([
        'content/scales/demo.yaml levels.0.notify.0.how, line 12: Broken link "/demo/rota/"',
        'content/templates/demo/update.md fields.1.help, line 12: Broken link "/demo/log/"',
      ]);
    });
  });

  describe('one mistake, one error, reported at its source', () => {
    it('a repeated level id leaves the other ids valid: a severity that matches no level is still reported', () => {
      expect(report('unknown-severity-with-repeated-level')).toMatchInlineSnapshot(`
        "2 content errors in 2 files

        content/scales/demo.yaml
          - levels.1.id, line 16: Duplicate level id "P1": each level of a scale needs its own id
          Note: until each level has its own id, the severities P0 and P2 (which the repeated level may be meant to have) are not reported in this scale or in the runbooks, templates and drills of "demo"; any other unknown severity is.

        content/docs/demo/scenarios/outage.mdx
          - severity, line 6: Unknown severity "P9" for handbook "demo": expected one of P1. Did you mean "P1"?"
      `);
    });

    it('a template or a drill in another handbook\'s folder: the handbook is reported, not the severities that follow from it', () => {
      expect(report('template-in-wrong-folder', 'drill-in-wrong-folder')).toMatchInlineSnapshot(`
        "2 content errors in 2 files

        content/templates/other/update.md
          - handbook, line 2: Handbook "demo" does not match the template's folder "other": templates live in content/templates/<handbook>/

        content/drills/other/outage.yaml
          - handbook, line 1: Handbook "demo" does not match the drill's folder "other": drills live in content/drills/<handbook>/"
      `);
    });

    it('a misspelt required field is one error, naming the field it was meant to be', () => {
      expect(report('misspelt-required-field', 'misspelt-duration-field')).toMatchInlineSnapshot(`
        "2 content errors in 2 files

        content/scales/demo.yaml
          - levels.0.responce, line 7: Unknown field \`responce\` in \`levels.0\` of \`content/scales/demo.yaml\`: did you mean \`response\`? (\`response\` is required)

        content/drills/demo/outage.yaml
          - handbok, line 1: Unknown field \`handbok\` in \`content/drills/demo/outage.yaml\`: did you mean \`handbook\`? (\`handbook\` is required)"
      `);
    });

    it('a missing duration says a duration is expected', () => {
      const root = project();
      const scale = join(root, 'content/scales/demo.yaml');
      writeFileSync(scale, readFileSync(scale, 'utf8').replace('    response: 1h\n', ''));
      expect(validateContent({ root, contentDir: join(root, 'content') }).problems.map((p) => p.message)).toEqual([
        'Missing field `response`: expected a duration such as "5m", "15 min", "1h 30m", "2 hours", "3 days", "1 month", "3 business days", "next business day" or "immediate"',
      ]);
    });

    it('an unknown handbook in a handbook\'s folder is reported as unknown only, suggesting the folder', () => {
      expect(report('unknown-handbook-in-folder')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/docs/demo/scenarios/outage.mdx
          - handbook, line 4: Unknown handbook "dmeo": expected one of demo (a file in content/handbooks/). Did you mean "demo"?"
      `);
    });

    it('entryPath is the build\'s, not a field: not offered as a known field, and an error when written', () => {
      expect(report('entry-path-written')).toMatchInlineSnapshot(`
        "1 content error in 1 file

        content/docs/demo/scenarios/outage.mdx
          - entryPath, line 6: Unknown field \`entryPath\`: the build sets it from the file's place. Remove this field"
      `);
      const root = project();
      const respond = join(root, 'content/docs/demo/respond-now.mdx');
      writeFileSync(respond, readFileSync(respond, 'utf8').replace('owner: Demo team', 'owner: Demo team\nzzzzzz: 1'));
      const [listed] = validateContent({ root, contentDir: join(root, 'content') }).problems;
      expect(listed.message).toMatch(/^Unknown field `zzzzzz` in `content\/docs\/demo\/respond-now.mdx`: expected one of `handbook`, .*`lastReviewed`, .*`title`, /);
      expect(listed.message).not.toContain('entryPath');
      writeFileSync(respond, readFileSync(respond, 'utf8').replace('zzzzzz: 1\n', ''));
      const drill = join(root, 'content/drills/demo/outage.yaml');
      writeFileSync(drill, `${readFileSync(drill, 'utf8')}whay: typo\n`);
      const [problem] = validateContent({ root, contentDir: join(root, 'content') }).problems;
      expect(problem.message).toBe('Unknown field `whay` in `content/drills/demo/outage.yaml`: did you mean `why`?');
      writeFileSync(drill, `${readFileSync(drill, 'utf8').replace('whay: typo\n', '')}zzz: 1\n`);
      expect(validateContent({ root, contentDir: join(root, 'content') }).problems[0].message).toBe(
        'Unknown field `zzz` in `content/drills/demo/outage.yaml`: expected one of `handbook`, `title`, `scenario`, `expected`, `runbooks`, `why`, `classifier`',
      );
    });

    it('a choice default close to an option gets a did-you-mean; an option listed twice is an error', () => {
      expect(report('choice-field-mistakes')).toMatchInlineSnapshot(`
        "2 content errors in 1 file

        content/templates/demo/update.md
          - fields.1.options.2, line 12: Option "Investigating" of "status" is listed twice: list each option once
          - fields.1.default, line 13: Default "Investigatng" is not one of the options of "status": Investigating, Identified, Resolved. Did you mean "Investigating"?"
      `);
    });

    it('names files relative to the project, also when the content folder is an absolute path outside it', () => {
      const root = project();
      const outside = project('unknown-severity');
      const problems = validateContent({ root, contentDir: join(outside, 'content') }).problems;
      expect(problems.map((p) => p.file)).toEqual([`${relative(root, outside).split(sep).join('/')}/content/docs/demo/scenarios/outage.mdx`]);
      expect(problems[0].file.startsWith('../')).toBe(true);
    });
  });
});
