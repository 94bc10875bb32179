/**
 * The content schemas on fixture files: each bad-content fixture (tests/fixtures/invalid/) must fail
 * at the right field with a message that says what was found and what was expected; the valid
 * fixtures (tests/fixtures/valid/, the same files the build test uses) parse, with their transforms.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import {
  closest,
  drillSchema,
  durationSchema,
  handbookSchema,
  makeContentIndex,
  normalisePageId,
  oneOf,
  runbookSchema,
  scaleSchema,
  STARLIGHT_FRONTMATTER_KEYS,
  templateSchema,
} from '../../src/schemas';
import { splitFrontmatter } from '../../src/build/frontmatter';
import { readYaml } from '../../src/build/yaml';

const INVALID = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));
const VALID = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));

const INDEX = makeContentIndex({ levels: { demo: ['P1', 'P2'] }, runbooks: ['demo', 'demo/respond-now'] });
/** The pages of tests/fixtures/valid/docs/, for the valid fixtures (the drill names the outage page). */
const VALID_INDEX = makeContentIndex({ levels: { demo: ['P1', 'P2'] }, runbooks: ['demo', 'demo/respond-now', 'demo/scenarios/outage'] });

/** A YAML file read as Astro reads it (dates are dates). */
const yamlAt = (dir: string, path: string): unknown => readYaml(readFileSync(`${dir}${path}`, 'utf8')).data;
const invalidYaml = (path: string) => yamlAt(INVALID, path);
function templateAt(dir: string, path: string) {
  const { data, body } = splitFrontmatter(readFileSync(`${dir}${path}`, 'utf8'));
  return { ...data, body };
}
/** A runbook's frontmatter as the docs loader hands it to the schema (with entryPath = entry id). */
function docAt(path: string, entryPath: string) {
  return { ...splitFrontmatter(readFileSync(`${VALID}docs/${path}`, 'utf8')).data, entryPath };
}

type Issue = { path: PropertyKey[]; message: string };

/** The issues of a failed parse; fails the test if the data parsed. */
function issuesOf(schema: z.ZodType, data: unknown): Issue[] {
  const result = schema.safeParse(data);
  expect(result.success, `expected ${JSON.stringify(data)} to be rejected`).toBe(false);
  return result.error!.issues.map(({ path, message }) => ({ path, message }));
}

/** The message of the one issue at `path`; fails the test if there is none. */
function messageAt(issues: Issue[], path: PropertyKey[]): string {
  const found = issues.filter((issue) => JSON.stringify(issue.path) === JSON.stringify(path));
  expect(found, `no issue at ${JSON.stringify(path)}; issues: ${JSON.stringify(issues, null, 2)}`).toHaveLength(1);
  return found[0].message;
}

function parsed<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(`expected to parse, got ${JSON.stringify(result.error.issues, null, 2)}`);
  return result.data;
}

describe('schemas', () => {
  describe('helpers', () => {
    it('makeContentIndex counts every scale\'s handbook as a handbook', () => {
      expect([...INDEX.handbooks]).toEqual(['demo']);
      expect(INDEX.levels.get('demo')).toEqual(['P1', 'P2']);
      expect([...makeContentIndex({ handbooks: ['a'], levels: { b: [] } }).handbooks].sort()).toEqual(['a', 'b']);
    });

    it('oneOf lists values with commas, each once, and says when there are none', () => {
      expect(oneOf(['P1', 'P2', 'P3'])).toBe('P1, P2, P3');
      expect(oneOf(['SEV-1', 'SEV-1', 'SEV-3'])).toBe('SEV-1, SEV-3');
      expect(oneOf([])).toBe('(none defined)');
    });

    it('makeContentIndex keeps each level id once', () => {
      expect(makeContentIndex({ levels: { demo: ['P1', 'P1', 'P2'] } }).levels.get('demo')).toEqual(['P1', 'P2']);
    });

    it('closest suggests a near value (ignoring case) and nothing for a far one', () => {
      expect(closest('dmeo', ['demo', 'other'])).toBe('demo');
      expect(closest('DEMO', ['demo'])).toBe('demo');
      expect(closest('billing-platform-eu', ['demo'])).toBeUndefined();
      expect(closest('x', [])).toBeUndefined();
    });

    it('normalisePageId accepts "x/y", "/x/y/" and "x/y/index" for the same page', () => {
      expect(normalisePageId('demo/respond-now')).toBe('demo/respond-now');
      expect(normalisePageId('/demo/respond-now/')).toBe('demo/respond-now');
      expect(normalisePageId('demo/index')).toBe('demo');
      expect(normalisePageId('/demo/')).toBe('demo');
      expect(normalisePageId('index')).toBe('index');
      expect(normalisePageId('/')).toBe('index');
    });
  });

  describe('durationSchema', () => {
    it('parses strings and numbers into typed durations', () => {
      expect(parsed(durationSchema, '1h 30m')).toEqual({ kind: 'elapsed', text: '1h 30m', minutes: 90 });
      expect(parsed(durationSchema, 'next business day')).toEqual({ kind: 'business-days', text: 'next business day', days: 1 });
      expect(parsed(durationSchema, 0)).toEqual({ kind: 'immediate', text: '0', minutes: 0 });
    });

    it('rejects an unparseable duration, quoting it and listing the grammar', () => {
      const message = messageAt(issuesOf(durationSchema, 'soonish'), []);
      expect(message).toContain('Cannot read "soonish" as a duration');
      expect(message).toContain('expected a duration such as "5m"');
      expect(message).toContain('"next business day"');
    });
  });

  describe('scaleSchema', () => {
    it('parses the valid fixture, with every duration parsed and defaults filled in', () => {
      const scale = parsed(scaleSchema, yamlAt(VALID, 'scales/demo.yaml'));
      expect(scale.name).toBe('Priority levels');
      expect(scale.levels.map((level) => level.id)).toEqual(['P1', 'P2']);
      const [p1, p2] = scale.levels;
      expect(p1.response).toEqual({ kind: 'elapsed', text: '15m', minutes: 15 });
      expect(p1.resolution).toEqual({ kind: 'elapsed', text: '4h', minutes: 240 });
      expect(p1.updates).toMatchObject({ kind: 'elapsed', minutes: 30 });
      expect(p1.escalation).toEqual([{ after: { kind: 'elapsed', text: '30m', minutes: 30 }, to: 'Technical lead' }]);
      expect(p2).toMatchObject({ response: { kind: 'elapsed', minutes: 60 }, examples: [], notify: [], escalation: [] });
      // An answer without a level does not raise the severity.
      expect(scale.questions[0].answers).toEqual([{ label: 'Yes', level: 'P1' }, { label: 'No', level: undefined }]);
      expect(scale.thresholds[0]).toMatchObject({ metric: 'Error rate', for: { kind: 'elapsed', minutes: 5 }, level: 'P1' });
    });

    it('names a scale without a title "Severity levels"', () => {
      expect(parsed(scaleSchema, { levels: [{ id: 'P1', name: 'x', definition: 'y', response: '5m' }] }).name).toBe('Severity levels');
    });

    it('rejects duplicate level ids at levels.1.id', () => {
      const message = messageAt(issuesOf(scaleSchema, invalidYaml('scales/duplicate-level-ids.yaml')), ['levels', 1, 'id']);
      expect(message).toContain('Duplicate level id "P1"');
      expect(message).toContain('each level of a scale needs its own id');
    });

    it('rejects a scale with no levels', () => {
      expect(messageAt(issuesOf(scaleSchema, invalidYaml('scales/no-levels.yaml')), ['levels'])).toBe('A severity scale needs at least one level');
    });

    it('rejects a question answer that points at an unknown level, listing the scale\'s levels', () => {
      const message = messageAt(issuesOf(scaleSchema, invalidYaml('scales/unknown-answer-level.yaml')), ['questions', 0, 'answers', 1, 'level']);
      expect(message).toContain('Unknown severity "P0"');
      expect(message).toContain('expected one of P1, P2');
    });

    it('rejects a threshold that points at an unknown level, listing the scale\'s levels', () => {
      const message = messageAt(issuesOf(scaleSchema, invalidYaml('scales/unknown-threshold-level.yaml')), ['thresholds', 1, 'level']);
      expect(message).toContain('Unknown severity "SEV-1"');
      expect(message).toContain('expected one of P1, P2');
    });

    it('rejects an unparseable response target at levels.0.response', () => {
      const message = messageAt(issuesOf(scaleSchema, invalidYaml('scales/unparseable-response.yaml')), ['levels', 0, 'response']);
      expect(message).toContain('Cannot read "quickly" as a duration');
    });

    it('rejects level ids that are not short codes, and duplicate question ids', () => {
      const base = { name: 'x', definition: 'y', response: '5m' };
      expect(messageAt(issuesOf(scaleSchema, { levels: [{ ...base, id: 'P 1' }] }), ['levels', 0, 'id'])).toContain('Level ids are short codes');
      const question = { id: 'down', text: 'Down?', answers: [{ label: 'Yes', level: 'P1' }, { label: 'No' }] };
      const issues = issuesOf(scaleSchema, { levels: [{ ...base, id: 'P1' }], questions: [question, question] });
      expect(messageAt(issues, ['questions', 1, 'id'])).toBe('Duplicate question id "down"');
    });

    describe('thresholds, for the classifier', () => {
      const levels = [{ id: 'P1', name: 'x', definition: 'y', response: '5m' }];
      const threshold = (extra: Record<string, unknown>) => ({ metric: 'Error rate', level: 'P1', ...extra });

      it('parses the condition into operator, number and unit, with the metric as key', () => {
        const scale = parsed(scaleSchema, { levels, thresholds: [threshold({ condition: '>= 500 ms', for: '2 minutes' })] });
        expect(scale.thresholds[0]).toMatchObject({ key: 'error-rate', comparison: { operator: '>=', value: 500, unit: 'ms', text: '>= 500 ms' }, freeText: false });
      });

      it('fails on a condition it cannot compare, naming it and the fix', () => {
        const message = messageAt(issuesOf(scaleSchema, { levels, thresholds: [threshold({ condition: 'about 1%' })] }), ['thresholds', 0, 'condition']);
        expect(message).toBe('Cannot read "about 1%" as a threshold condition: expected a comparison such as "> 1%", "< 95%", ">= 500 ms" or "> 2x" (or mark the threshold `freeText: true`)');
      });

      it('accepts words as a condition when the author marks them as free text', () => {
        const scale = parsed(scaleSchema, { levels, thresholds: [threshold({ condition: 'traffic looks like an attack', freeText: true })] });
        expect(scale.thresholds[0]).toMatchObject({ key: 'error-rate', freeText: true });
        expect(scale.thresholds[0].comparison).toBeUndefined();
      });

      it('rejects two metrics with the same key, and a metric keyed like a question', () => {
        const question = { id: 'error-rate', text: 'Errors?', answers: [{ label: 'Yes', level: 'P1' }, { label: 'No' }] };
        const clash = issuesOf(scaleSchema, { levels, questions: [question], thresholds: [threshold({ condition: '> 1%' })] });
        expect(messageAt(clash, ['thresholds', 0, 'metric'])).toBe('Metric "Error rate" has the same key ("error-rate") as a question id: rename one of them');
        const twice = issuesOf(scaleSchema, { levels, thresholds: [threshold({ condition: '> 1%' }), threshold({ metric: 'Error-rate', condition: '> 2%' })] });
        expect(messageAt(twice, ['thresholds', 1, 'metric'])).toBe('Metric "Error-rate" reads the same as "Error rate" ("error-rate"): each metric needs its own name');
      });

      it('rejects answers that would read the same in a link, and an author\'s own "Not sure"', () => {
        const question = { id: 'down', text: 'Down?', answers: [{ label: 'Yes', level: 'P1' }, { label: 'yes!' }, { label: 'Not sure' }] };
        const issues = issuesOf(scaleSchema, { levels, questions: [question] });
        expect(messageAt(issues, ['questions', 0, 'answers', 1, 'label'])).toBe('Answer "yes!" reads the same as "Yes" in a link ("yes"): word one of them differently');
        expect(messageAt(issues, ['questions', 0, 'answers', 2, 'label'])).toBe('The classifier adds "Not sure" to every question itself: remove this answer');
      });
    });

    it('requires at least two answers per question', () => {
      const issues = issuesOf(scaleSchema, {
        levels: [{ id: 'P1', name: 'x', definition: 'y', response: '5m' }],
        questions: [{ id: 'down', text: 'Down?', answers: [{ label: 'Yes', level: 'P1' }] }],
      });
      expect(messageAt(issues, ['questions', 0, 'answers'])).toBe('A question needs at least two answers');
    });
  });

  describe('handbookSchema', () => {
    const schema = handbookSchema(INDEX);

    it('parses the valid fixture, with durations parsed and contacts without a name kept as placeholders', () => {
      const handbook = parsed(schema, yamlAt(VALID, 'handbooks/demo.yaml'));
      expect(handbook).toMatchObject({ name: 'Demo Platform', start: 'demo/respond-now', stack: ['Redis', 'PostgreSQL'] });
      expect(handbook.reviewEvery).toEqual({ kind: 'elapsed', text: '1 month', minutes: 43200 });
      expect(handbook.escalation[0].after).toBeUndefined();
      expect(handbook.escalation[1].after).toEqual({ kind: 'elapsed', text: '30m', minutes: 30 });
      expect(handbook.contacts[0]).toMatchObject({ role: 'Primary on-call', reach: 'Slack / PagerDuty', backup: '[Phone]' });
      expect(handbook.contacts[0].name).toBeUndefined();
    });

    it('turns a null contact name into undefined, a numeric version into a string, and reads dates', () => {
      const handbook = parsed(schema, {
        name: 'x',
        description: 'y',
        start: '/demo/respond-now/',
        version: 1.1,
        sourceUpdated: '2024-01-20',
        contacts: [{ role: 'Lead', name: null }],
      });
      expect(handbook.version).toBe('1.1');
      expect(handbook.sourceUpdated).toEqual(new Date('2024-01-20'));
      expect(handbook.contacts[0].name).toBeUndefined();
      expect(handbook.stack).toEqual([]);
      expect(handbook.escalation).toEqual([]);
    });

    it('rejects a start page that does not exist, suggesting the close one', () => {
      const message = messageAt(issuesOf(schema, invalidYaml('handbooks/missing-start.yaml')), ['start']);
      expect(message).toContain('Unknown runbook "demo/respond-nwo"');
      expect(message).toContain('no page content/docs/demo/respond-nwo.mdx');
      expect(message).toContain('Did you mean "demo/respond-now"?');
    });

    it('rejects an unparseable reviewEvery', () => {
      const message = messageAt(issuesOf(schema, invalidYaml('handbooks/unparseable-review-every.yaml')), ['reviewEvery']);
      expect(message).toContain('Cannot read "soonish" as a duration');
    });
  });

  describe('runbookSchema', () => {
    const schema = runbookSchema(INDEX);
    /** Frontmatter with the title Starlight requires. */
    const page = (fields: Record<string, unknown>) => ({ title: 'A runbook', ...fields });

    it('parses the valid fixtures, turning one severity into a list', () => {
      const outage = parsed(runbookSchema(VALID_INDEX), docAt('demo/scenarios/outage.mdx', 'demo/scenarios/outage'));
      expect(outage).toMatchObject({ handbook: 'demo', kind: 'scenario', severity: ['P1'], services: ['nginx'], tags: [] });
      const respond = parsed(runbookSchema(VALID_INDEX), docAt('demo/respond-now.mdx', 'demo/respond-now'));
      expect(respond).toMatchObject({ handbook: 'demo', kind: 'process', severity: ['P1', 'P2'], owner: 'Demo team' });
      expect(respond.lastReviewed).toEqual(new Date('2024-01-20'));
      const overview = parsed(runbookSchema(VALID_INDEX), docAt('demo/index.mdx', 'demo'));
      expect(overview).toMatchObject({ handbook: 'demo', kind: 'overview', severity: [] });
    });

    it('parses reviewEvery into { kind, minutes }', () => {
      const runbook = parsed(schema, page({ handbook: 'demo', kind: 'scenario', reviewEvery: '2 weeks', entryPath: 'demo/x' }));
      expect(runbook.reviewEvery).toEqual({ kind: 'elapsed', text: '2 weeks', minutes: 20160 });
    });

    it('rejects an unknown severity, naming it, the handbook and the known levels', () => {
      const message = messageAt(issuesOf(schema, invalidYaml('runbooks/unknown-severity.yaml')), ['severity']);
      expect(message).toContain('Unknown severity "P5" for handbook "demo"');
      expect(message).toContain('expected one of P1, P2');
    });

    it('points at the item of a severity list: severity.1', () => {
      const issues = issuesOf(schema, invalidYaml('runbooks/unknown-severity-in-list.yaml'));
      expect(issues).toHaveLength(1);
      const message = messageAt(issues, ['severity', 1]);
      expect(message).toContain('Unknown severity "P5"');
      expect(message).toContain('expected one of P1, P2');
    });

    it('rejects an unparseable reviewEvery', () => {
      const message = messageAt(issuesOf(schema, invalidYaml('runbooks/unparseable-review-every.yaml')), ['reviewEvery']);
      expect(message).toContain('Cannot read "soonish" as a duration');
    });

    it('rejects an unknown handbook, suggesting the close one', () => {
      const message = messageAt(issuesOf(schema, invalidYaml('runbooks/unknown-handbook-typo.yaml')), ['handbook']);
      expect(message).toContain('Unknown handbook "dmeo"');
      expect(message).toContain('expected one of demo (a file in content/handbooks/)');
      expect(message).toContain('Did you mean "demo"?');
    });

    it('rejects an unknown handbook without a suggestion when none is close', () => {
      const message = messageAt(issuesOf(schema, invalidYaml('runbooks/unknown-handbook-far.yaml')), ['handbook']);
      expect(message).toContain('Unknown handbook "billing-platform-eu"');
      expect(message).not.toContain('Did you mean');
    });

    it('requires handbook and kind of a page under content/docs/<handbook>/, naming the folder', () => {
      const issues = issuesOf(schema, invalidYaml('runbooks/missing-handbook-and-kind.yaml'));
      expect(messageAt(issues, ['kind'])).toBe('Missing field `kind`: expected one of overview, scenario, process, reference, onboarding');
      const handbook = messageAt(issues, ['handbook']);
      expect(handbook).toContain('Missing field `handbook`');
      expect(handbook).toContain('here "demo" (the page\'s folder)');
      expect(handbook).toContain('known handbooks: demo');
    });

    it('rejects a handbook that does not match the page\'s folder', () => {
      const message = messageAt(issuesOf(schema, invalidYaml('runbooks/handbook-not-folder.yaml')), ['handbook']);
      expect(message).toBe('Handbook "demo" does not match the page\'s folder "other": runbooks live in content/docs/<handbook>/');
    });

    it('requires a handbook\'s index page (entry id "demo") to say handbook: demo', () => {
      const issues = issuesOf(schema, invalidYaml('runbooks/handbook-index-without-handbook.yaml'));
      expect(messageAt(issues, ['handbook'])).toContain('Missing field `handbook`: expected the id of a handbook, here "demo"');
      expect(parsed(schema, page({ handbook: 'demo', kind: 'overview', entryPath: 'demo' }))).toMatchObject({ handbook: 'demo' });
    });

    it('rejects a page at the top of content/docs/ that claims a handbook', () => {
      const message = messageAt(issuesOf(schema, page({ handbook: 'demo', kind: 'process', entryPath: 'stray' })), ['handbook']);
      expect(message).toContain('does not match the page\'s folder "stray"');
    });

    it('lets site pages (404, the home page) through without handbook or kind', () => {
      expect(parsed(schema, { title: 'Not found', entryPath: '404' })).toMatchObject({ severity: [], services: [], tags: [] });
      expect(parsed(schema, page({ entryPath: 'index' })).handbook).toBeUndefined();
    });

    it('lets pages built in code (no entryPath) through without handbook or kind', () => {
      expect(parsed(schema, page({})).severity).toEqual([]);
    });

    it('does not blame a page for its handbook\'s missing or unreadable scale (the scale or the handbook is reported)', () => {
      const missing = makeContentIndex({ handbooks: ['bare'], runbooks: [] });
      expect(parsed(runbookSchema(missing), page({ handbook: 'bare', kind: 'scenario', severity: 'P1', entryPath: 'bare/x' })).severity).toEqual(['P1']);
      const unreadable = makeContentIndex({ handbooks: ['broken'], unreadableScales: ['broken'] });
      expect(parsed(runbookSchema(unreadable), page({ handbook: 'broken', kind: 'scenario', severity: 'SEV-9', entryPath: 'broken/x' })).severity).toEqual(['SEV-9']);
    });

    it('rejects an unknown kind, listing the kinds', () => {
      const issues = issuesOf(schema, page({ handbook: 'demo', kind: 'playbook', entryPath: 'demo/x' }));
      expect(issues.map((issue) => issue.path)).toEqual([['kind']]);
    });

    it('rejects a frontmatter key that is neither Starlight\'s nor ours, at its own path', () => {
      const issues = issuesOf(schema, page({ handbook: 'demo', kind: 'scenario', lastReveiwed: '2024-01-20', entryPath: 'demo/x' }));
      expect(issues).toMatchObject([{ path: [], message: 'Unrecognized key: "lastReveiwed"' }]);
    });

    it('still runs the checks against other files when a field is invalid (every mistake in one run)', () => {
      const issues = issuesOf(schema, page({ handbook: 'demo', kind: 'scenario', severity: 'P5', reviewEvery: 'soonish', owners: 'x', entryPath: 'demo/x' }));
      expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual(['', 'reviewEvery', 'severity']);
    });

    it('accepts every one of Starlight\'s own frontmatter keys, and knows them all', () => {
      const starlight = {
        title: 'T', description: 'D', editUrl: false, head: [], tableOfContents: false, template: 'doc', hero: { title: 'H' },
        lastUpdated: new Date('2024-01-20'), prev: false, next: false, sidebar: { order: 1, label: 'L' }, banner: { content: 'B' },
        pagefind: true, draft: false,
      };
      expect(Object.keys(starlight).sort()).toEqual([...STARLIGHT_FRONTMATTER_KEYS].sort());
      expect(parsed(schema, { ...starlight, handbook: 'demo', kind: 'scenario', entryPath: 'demo/x' })).toMatchObject({ title: 'T', kind: 'scenario' });
      // The list is Starlight's schema's own keys: an upgrade that adds one shows here.
      const starlightSchema = docsSchema()({ image: () => z.string() } as never) as unknown as z.ZodObject;
      expect(Object.keys(starlightSchema.shape).sort()).toEqual([...STARLIGHT_FRONTMATTER_KEYS].sort());
    });
  });

  describe('templateSchema', () => {
    const schema = templateSchema(INDEX);
    const invalidTemplate = (path: string) => templateAt(INVALID, path);

    it('parses the valid fixture with its body and defaults', () => {
      const template = parsed(schema, templateAt(VALID, 'templates/demo/update.md'));
      expect(template).toMatchObject({ handbook: 'demo', purpose: 'internal-update', audience: 'internal', body: '[{{severity}}] {{summary}}' });
      expect(template.fields).toEqual([
        { id: 'severity', label: 'Severity', type: 'severity', required: false, default: undefined },
        { id: 'summary', label: 'Summary', type: 'multiline', required: true, default: undefined },
      ]);
    });

    it('turns list and number defaults and number options into strings', () => {
      const template = parsed(schema, {
        handbook: 'demo', title: 't', purpose: 'other', kind: 'chat', body: '{{steps}} {{level}}',
        fields: [
          { id: 'steps', label: 'Steps', type: 'list', default: ['Restart', 'Verify'] },
          { id: 'level', label: 'Level', type: 'choice', options: [1, 2, 3], default: 2 },
        ],
      });
      expect(template.fields[0].default).toBe('Restart\nVerify');
      expect(template.fields[1]).toMatchObject({ options: ['1', '2', '3'], default: '2' });
    });

    it('requires the channel kind, naming the kinds there are', () => {
      const { kind: _, ...withoutKind } = templateAt(VALID, 'templates/demo/update.md') as Record<string, unknown>;
      const message = messageAt(issuesOf(schema, withoutKind), ['kind']);
      expect(message).toMatch(/chat/);
      expect(message).toMatch(/sms/);
      const wrong = messageAt(issuesOf(schema, { ...withoutKind, kind: 'slack' }), ['kind']);
      expect(wrong).toMatch(/chat/);
    });

    it('keeps prefill, limit and origin, and rejects a prefill that does not fit the field type', () => {
      const base = { handbook: 'demo', title: 't', purpose: 'internal-update', kind: 'sms', body: '{{at}} {{id}}' };
      const ok = parsed(schema, {
        ...base, origin: 'site', limit: 'pagerduty-summary',
        fields: [
          { id: 'at', label: 'At', type: 'time', prefill: 'incident.next-update' },
          { id: 'id', label: 'Id', prefill: 'incident.id', limit: 'slack-channel-name' },
        ],
      });
      expect(ok).toMatchObject({ origin: 'site', limit: 'pagerduty-summary', fields: [{ prefill: 'incident.next-update' }, { prefill: 'incident.id', limit: 'slack-channel-name' }] });
      expect(parsed(schema, { ...base, fields: [{ id: 'at', label: 'At', type: 'time' }, { id: 'id', label: 'Id' }] }).origin).toBe('handbook');
      const message = messageAt(issuesOf(schema, { ...base, fields: [{ id: 'at', label: 'At', type: 'text', prefill: 'incident.start' }, { id: 'id', label: 'Id' }] }), ['fields', 0, 'prefill']);
      expect(message).toBe('Field "at" is a text field, but prefill "incident.start" gives a time: make the field\'s type time, or remove `prefill`');
      const unknown = messageAt(issuesOf(schema, { ...base, fields: [{ id: 'at', label: 'At', type: 'time', prefill: 'incident.nope' }, { id: 'id', label: 'Id' }] }), ['fields', 0, 'prefill']);
      expect(unknown).toMatch(/incident\.start/);
    });

    it('rejects a placeholder with no field, at body, naming the placeholder and the fields there are', () => {
      const message = messageAt(issuesOf(schema, invalidTemplate('templates/placeholder-without-field.md')), ['body']);
      expect(message).toContain('Placeholder {{missing}} has no field');
      expect(message).toContain('add a field with id "missing"');
      expect(message).toContain('(fields: summary)');
    });

    it('rejects a choice field without options', () => {
      const message = messageAt(issuesOf(schema, invalidTemplate('templates/choice-without-options.md')), ['fields', 1, 'options']);
      expect(message).toBe('Field "status" is a choice: list its options');
    });

    it('rejects duplicate field ids at the second one', () => {
      const message = messageAt(issuesOf(schema, invalidTemplate('templates/duplicate-field-ids.md')), ['fields', 1, 'id']);
      expect(message).toBe('Duplicate field id "summary"');
    });

    it('rejects an unknown handbook, suggesting the one that differs only in case', () => {
      const message = messageAt(issuesOf(schema, invalidTemplate('templates/unknown-handbook.md')), ['handbook']);
      expect(message).toContain('Unknown handbook "Demo"');
      expect(message).toContain('expected one of demo');
      expect(message).toContain('Did you mean "demo"?');
    });

    it('rejects a choice default that is not one of the options, listing them', () => {
      const message = messageAt(issuesOf(schema, invalidTemplate('templates/choice-default-not-an-option.md')), ['fields', 0, 'default']);
      expect(message).toBe('Default "Fixed" is not one of the options of "status": Investigating, Identified, Monitoring, Resolved');
    });

    it('rejects a severity default that is not a level of the handbook', () => {
      const message = messageAt(issuesOf(schema, invalidTemplate('templates/unknown-severity-default.md')), ['fields', 0, 'default']);
      expect(message).toContain('Unknown severity "P0" for handbook "demo"');
      expect(message).toContain('expected one of P1, P2');
    });

    it('rejects a template without a body', () => {
      expect(messageAt(issuesOf(schema, invalidTemplate('templates/empty-body.md')), ['body'])).toBe('A template needs a body below its frontmatter');
    });
  });

  describe('drillSchema', () => {
    const schema = drillSchema(INDEX);

    it('parses the valid fixture', () => {
      expect(parsed(drillSchema(VALID_INDEX), yamlAt(VALID, 'drills/demo/outage.yaml'))).toEqual({
        handbook: 'demo',
        title: 'Everything is down',
        scenario: 'Every request returns 502.',
        expected: 'P1',
        runbooks: ['demo/scenarios/outage'],
        why: 'A complete outage is P1.',
      });
    });

    it('normalises runbook ids written as URLs or index paths', () => {
      const drill = parsed(schema, { handbook: 'demo', title: 't', scenario: 's', expected: 'P1', why: 'w', runbooks: ['/demo/respond-now/', 'demo/index', '/demo/'] });
      expect(drill.runbooks).toEqual(['demo/respond-now', 'demo', 'demo']);
    });

    it('rejects a missing runbook at runbooks.1, suggesting the close one', () => {
      const issues = issuesOf(schema, invalidYaml('drills/unknown-runbook.yaml'));
      expect(issues).toHaveLength(1);
      const message = messageAt(issues, ['runbooks', 1]);
      expect(message).toContain('Unknown runbook "demo/respond-nwo"');
      expect(message).toContain('Did you mean "demo/respond-now"?');
    });

    it('rejects an unknown handbook, suggesting the close one, and does not check the level against it', () => {
      const issues = issuesOf(schema, invalidYaml('drills/unknown-handbook.yaml'));
      expect(issues).toHaveLength(1);
      const message = messageAt(issues, ['handbook']);
      expect(message).toContain('Unknown handbook "dem"');
      expect(message).toContain('Did you mean "demo"?');
    });

    it('rejects an expected level that is not on the handbook\'s scale', () => {
      const message = messageAt(issuesOf(schema, invalidYaml('drills/unknown-expected-level.yaml')), ['expected']);
      expect(message).toContain('Unknown severity "SEV-2" for handbook "demo"');
      expect(message).toContain('expected one of P1, P2');
    });

    it('requires at least one runbook', () => {
      expect(messageAt(issuesOf(schema, invalidYaml('drills/no-runbooks.yaml')), ['runbooks'])).toBe('A drill names at least one runbook that applies');
    });
  });
});
