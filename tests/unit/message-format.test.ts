/**
 * Message templates as text for each channel: the exact message, Slack mrkdwn, an HTML clipboard
 * fragment and SMS. What a responder types is reproduced literally in every format, escaped only as
 * the format needs; only the template's own Markdown is converted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  formatValue,
  messageParts,
  missingRequired,
  renderMessage,
  type MessageField,
  type MessageFormat,
  type MessageValues,
} from '../../src/lib/message-format';

const FORMATS: MessageFormat[] = ['plain', 'slack', 'html', 'sms'];
const text = (id: string, label = id): MessageField => ({ id, label, type: 'text' });
const list = (id: string, label = id): MessageField => ({ id, label, type: 'list' });
const render = (body: string, fields: MessageField[], values: MessageValues) =>
  Object.fromEntries(FORMATS.map((format) => [format, renderMessage(body, fields, values, format)]));

describe('formatValue', () => {
  it('trims text, choice, duration and severity values and keeps them literal', () => {
    for (const type of ['text', 'choice', 'duration', 'severity'] as const) {
      expect(formatValue({ id: 'x', label: 'X', type }, '  **SEV-1** <b> {{y}}  ')).toBe('**SEV-1** <b> {{y}}');
    }
  });

  it('returns undefined for a missing, empty or whitespace-only value of every type', () => {
    for (const type of ['text', 'multiline', 'choice', 'time', 'duration', 'severity', 'list'] as const) {
      const field: MessageField = { id: 'x', label: 'X', type };
      expect(formatValue(field, undefined)).toBeUndefined();
      expect(formatValue(field, '')).toBeUndefined();
      expect(formatValue(field, ' \n\t\r\n ')).toBeUndefined();
    }
  });

  it('keeps the lines of a multiline value, trimming trailing whitespace and reading Windows line ends', () => {
    const field: MessageField = { id: 'x', label: 'X', type: 'multiline' };
    expect(formatValue(field, 'First line\r\n  indented\r\n\r\nafter a blank  \n\n')).toBe('First line\n  indented\n\nafter a blank');
    expect(formatValue(field, '  - indented first line\nsecond\t ')).toBe('  - indented first line\nsecond');
  });

  it('joins list items with ", ", trimming them and dropping blank lines', () => {
    expect(formatValue(list('x'), '  checkout \n\n\r\n payments\r\nsearch  \n')).toBe('checkout, payments, search');
  });

  it('writes an ISO instant as "YYYY-MM-DD HH:MM UTC"', () => {
    const time: MessageField = { id: 't', label: 'T', type: 'time' };
    expect(formatValue(time, '2026-11-24T14:05:00.000Z')).toBe('2026-11-24 14:05 UTC');
    expect(formatValue(time, ' 2026-11-24T14:05Z ')).toBe('2026-11-24 14:05 UTC');
    // An offset is converted to UTC, across midnight and into the next year.
    expect(formatValue(time, '2026-12-31T23:30:00+01:00')).toBe('2026-12-31 22:30 UTC');
    expect(formatValue(time, '2026-12-31T20:30:00-05:00')).toBe('2027-01-01 01:30 UTC');
    expect(formatValue(time, '1970-01-01T00:00:00Z')).toBe('1970-01-01 00:00 UTC');
  });

  it('writes a time that is not an ISO instant as typed, and never throws', () => {
    const time: MessageField = { id: 't', label: 'T', type: 'time' };
    for (const raw of ['14:05 UTC', 'tomorrow at 3pm', '2026-11-24 14:05 UTC', '2026-11-24', '2026-11-24T14:05', '2026-02-30T10:00:00Z', '2026-13-01T10:00:00Z', '<script>', '9999999']) {
      expect(formatValue(time, raw)).toBe(raw);
    }
    // The same instant in a text field is not converted.
    expect(formatValue(text('t'), '2026-11-24T14:05:00.000Z')).toBe('2026-11-24T14:05:00.000Z');
  });
});

describe('missingRequired', () => {
  const fields: MessageField[] = [
    { id: 'a', label: 'A', type: 'text', required: true },
    { id: 'b', label: 'B', type: 'list', required: true },
    { id: 'c', label: 'C', type: 'multiline' },
    { id: 'd', label: 'D', type: 'time', required: true },
  ];

  it('lists the required fields that are empty, in field order', () => {
    expect(missingRequired(fields, {}).map((f) => f.id)).toEqual(['a', 'b', 'd']);
    expect(missingRequired(fields, { a: '  ', b: '\n\n', c: '', d: 'x' }).map((f) => f.id)).toEqual(['a', 'b']);
  });

  it('is empty when every required field has a value, whatever the optional ones hold', () => {
    expect(missingRequired(fields, { a: 'x', b: 'one', d: '2026-11-24T14:05:00Z' })).toEqual([]);
  });
});

describe('messageParts and the plain message', () => {
  const fields = [text('id', 'Incident ID'), text('sev', 'Severity')];

  it('keeps the body as authored, Markdown included, with values substituted literally', () => {
    expect(renderMessage('# {{id}}\n\n**Severity:** {{sev}}\n- [Runbook](https://x.example)', fields, { id: 'INC-1', sev: 'SEV-1' }, 'plain')).toBe(
      '# INC-1\n\n**Severity:** SEV-1\n- [Runbook](https://x.example)',
    );
  });

  it('leaves a "[Label]" marker for a missing or empty value', () => {
    expect(renderMessage('{{id}} ({{ sev }})', fields, { id: ' ' }, 'plain')).toBe('[Incident ID] ([Severity])');
  });

  it('marks values and markers with their field, template text without', () => {
    expect(messageParts('Declared: {{id}} ({{sev}})', fields, { id: 'INC-1' })).toEqual([
      { text: 'Declared: ' },
      { text: 'INC-1', field: 'id' },
      { text: ' (' },
      { text: '[Severity]', field: 'sev', missing: true },
      { text: ')' },
    ]);
  });

  it('fills a placeholder without a declared field from its value, or marks it with its name', () => {
    expect(renderMessage('{{known}} {{unknown}}', [], { known: 'yes' }, 'plain')).toBe('yes [unknown]');
  });

  it('substitutes in one pass: a value holding a placeholder stays as typed', () => {
    const values = { id: '{{sev}}', sev: '{{id}}' };
    expect(renderMessage('{{id}}/{{sev}}', fields, values, 'plain')).toBe('{{sev}}/{{id}}');
    expect(messageParts('{{id}}', fields, values)).toEqual([{ text: '{{sev}}', field: 'id' }]);
  });
});

describe('list values', () => {
  const fields = [list('svc', 'Services')];
  const values = { svc: 'checkout\n\n  payments  \nsearch' };

  it('are inline, joined with ", ", where the placeholder shares its line', () => {
    expect(renderMessage('Affected: {{svc}}.', fields, values, 'plain')).toBe('Affected: checkout, payments, search.');
    expect(renderMessage('- Affected services: {{svc}}', fields, values, 'plain')).toBe('- Affected services: checkout, payments, search');
  });

  it('are one item per line with a "- " bullet where the placeholder is alone on its line', () => {
    expect(renderMessage('Affected:\n{{svc}}\nEnd', fields, values, 'plain')).toBe('Affected:\n- checkout\n- payments\n- search\nEnd');
    expect(renderMessage('Affected:\n  {{ svc }}  ', fields, values, 'plain')).toBe('Affected:\n  - checkout\n  - payments\n  - search');
  });

  it('keep the line\'s own bullet and indentation, and count up from its number', () => {
    expect(renderMessage('  * {{svc}}', fields, values, 'plain')).toBe('  * checkout\n  * payments\n  * search');
    expect(renderMessage('- {{svc}}', fields, values, 'plain')).toBe('- checkout\n- payments\n- search');
    expect(renderMessage('3. {{svc}}', fields, values, 'plain')).toBe('3. checkout\n4. payments\n5. search');
  });

  it('get no second bullet when an item brings its own, or is a table row', () => {
    expect(renderMessage('{{svc}}', fields, { svc: '- 10:00 alert\n* 10:05 declared\n1. first\n| a | b |\nplain' }, 'plain')).toBe(
      '- 10:00 alert\n* 10:05 declared\n1. first\n| a | b |\n- plain',
    );
  });

  it('leave the line as authored, with a marker, when empty', () => {
    expect(renderMessage('Affected:\n- {{svc}}', fields, { svc: ' \n ' }, 'plain')).toBe('Affected:\n- [Services]');
  });

  it('mark each item as a part of the field', () => {
    expect(messageParts('{{svc}}', fields, { svc: 'a\nb' })).toEqual([
      { text: '- ' },
      { text: 'a', field: 'svc' },
      { text: '\n- ' },
      { text: 'b', field: 'svc' },
    ]);
  });

  it('become list items in HTML and bullets in Slack and SMS', () => {
    expect(render('Affected:\n{{svc}}', fields, values)).toEqual({
      plain: 'Affected:\n- checkout\n- payments\n- search',
      slack: 'Affected:\n• checkout\n• payments\n• search',
      html: '<p>Affected:</p>\n<ul><li>checkout</li><li>payments</li><li>search</li></ul>',
      sms: 'Affected:\n- checkout\n- payments\n- search',
    });
  });
});

describe('escaping: a value is reproduced literally in every format', () => {
  const fields = [text('x', 'Title'), text('other', 'Other')];
  const body = '**Title:** {{x}}';
  const cases: Array<[string, Record<MessageFormat, string>]> = [
    [
      '<script>alert(1)</script>',
      {
        plain: '**Title:** <script>alert(1)</script>',
        slack: '*Title:* &lt;script&gt;alert(1)&lt;/script&gt;',
        html: '<p><strong>Title:</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>',
        sms: 'Title: <script>alert(1)</script>',
      },
    ],
    [
      '`rm -rf`',
      {
        plain: '**Title:** `rm -rf`',
        slack: '*Title:* `rm -rf`',
        html: '<p><strong>Title:</strong> `rm -rf`</p>',
        sms: 'Title: `rm -rf`',
      },
    ],
    [
      '{{other}}',
      {
        plain: '**Title:** {{other}}',
        slack: '*Title:* {{other}}',
        html: '<p><strong>Title:</strong> {{other}}</p>',
        sms: 'Title: {{other}}',
      },
    ],
    [
      '**bold**',
      {
        plain: '**Title:** **bold**',
        slack: '*Title:* **bold**',
        html: '<p><strong>Title:</strong> **bold**</p>',
        sms: 'Title: **bold**',
      },
    ],
    [
      '[a](javascript:alert(1))',
      {
        plain: '**Title:** [a](javascript:alert(1))',
        slack: '*Title:* [a](javascript:alert(1))',
        html: '<p><strong>Title:</strong> [a](javascript:alert(1))</p>',
        sms: 'Title: [a](javascript:alert(1))',
      },
    ],
    [
      'a & b',
      {
        plain: '**Title:** a & b',
        slack: '*Title:* a &amp; b',
        html: '<p><strong>Title:</strong> a &amp; b</p>',
        sms: 'Title: a & b',
      },
    ],
    [
      `"quoted" it's _em_ https://x.example/?a=1&b=2`,
      {
        plain: `**Title:** "quoted" it's _em_ https://x.example/?a=1&b=2`,
        slack: `*Title:* "quoted" it's _em_ https://x.example/?a=1&amp;b=2`,
        html: '<p><strong>Title:</strong> &quot;quoted&quot; it&#39;s _em_ https://x.example/?a=1&amp;b=2</p>',
        sms: `Title: "quoted" it's _em_ https://x.example/?a=1&b=2`,
      },
    ],
  ];

  for (const [value, expected] of cases) {
    it(`${value}`, () => {
      expect(render(body, fields, { x: value, other: 'SUBSTITUTED AGAIN' })).toEqual(expected);
    });
  }

  it('keeps Markdown block syntax in a multiline value as text', () => {
    const fields = [{ id: 'notes', label: 'Notes', type: 'multiline' } as MessageField];
    expect(render('Notes:\n{{notes}}', fields, { notes: '# h\n- item\n1. one\n> quote' })).toEqual({
      plain: 'Notes:\n# h\n- item\n1. one\n> quote',
      slack: 'Notes:\n# h\n- item\n1. one\n&gt; quote',
      html: '<p>Notes:<br># h<br>- item<br>1. one<br>&gt; quote</p>',
      sms: 'Notes:\n# h\n- item\n1. one\n> quote',
    });
  });

  it('escapes a value inside the template\'s bold, code and link label', () => {
    const body = '**{{x}}** `{{x}}` [{{x}}](https://x.example)';
    expect(render(body, fields, { x: '<i>&' })).toEqual({
      plain: '**<i>&** `<i>&` [<i>&](https://x.example)',
      slack: '*&lt;i&gt;&amp;* `&lt;i&gt;&amp;` &lt;i&gt;&amp; (https://x.example)',
      html: '<p><strong>&lt;i&gt;&amp;</strong> <code>&lt;i&gt;&amp;</code> <a href="https://x.example">&lt;i&gt;&amp;</a></p>',
      sms: '<i>& <i>& <i>& https://x.example',
    });
  });

  it('escapes a marker\'s label as text', () => {
    expect(render('{{x}}', [text('x', 'Owner <team> & "role"')], {})).toEqual({
      plain: '[Owner <team> & "role"]',
      slack: '[Owner &lt;team&gt; &amp; "role"]',
      html: '<p>[Owner &lt;team&gt; &amp; &quot;role&quot;]</p>',
      sms: '[Owner <team> & "role"]',
    });
  });

  it('cannot be confused with the sentinels that stand for placeholders', () => {
    const sentinel = '\uE0000\uE001';
    expect(renderMessage('A{{x}}B', fields, { x: sentinel }, 'html')).toBe(`<p>A${sentinel}B</p>`);
    expect(renderMessage(`A${sentinel}{{x}}`, fields, { x: 'v' }, 'slack')).toBe('A0v');
  });
});

describe('Slack', () => {
  it('converts the template\'s Markdown to mrkdwn and escapes & < > everywhere', () => {
    const body = [
      '# Incident {{x}} <declared>',
      '**bold** and __bold__, *em* and _em_, `code <x>`, ***both***',
      '[Runbook](https://example.com/a?b=1&c=2), [https://example.com](https://example.com), https://bare.example/x',
      '- dash',
      '* star',
      '  - nested',
      '1. one',
      '2) two',
      'snake_case_name, 2 * 3 * 4, a*b, \\*not em\\*',
    ].join('\n');
    expect(renderMessage(body, [text('x')], { x: 'INC-1' }, 'slack')).toBe(
      [
        '*Incident INC-1 &lt;declared&gt;*',
        '*bold* and *bold*, _em_ and _em_, `code &lt;x&gt;`, *_both_*',
        'Runbook (https://example.com/a?b=1&amp;c=2), https://example.com, https://bare.example/x',
        '• dash',
        '• star',
        '  • nested',
        '1. one',
        '2) two',
        'snake_case_name, 2 * 3 * 4, a*b, *not em*',
      ].join('\n'),
    );
  });

  it('puts bold around a value and writes bold once inside a heading', () => {
    expect(renderMessage('**{{x}}**\n## Status: **{{x}}**', [text('x')], { x: 'Resolved' }, 'slack')).toBe('*Resolved*\n*Status: Resolved*');
  });
});

describe('HTML', () => {
  it('builds headings, paragraphs with <br>, lists, strong, em, code and links', () => {
    const body = [
      '# Post-mortem: {{x}}',
      '',
      '**Date:** {{x}}',
      '_Author:_ `ops`',
      'See [the runbook](https://example.com/rb?a=1&b=2) and https://status.example.com.',
      '- one',
      '* two',
      '',
      '3. three',
      '4. four',
      '1. again',
      '###### Small',
      'Mail [us](mailto:ops@example.com), call [us](tel:+4420), [home](/x/), [bad](javascript:alert(1))',
    ].join('\n');
    expect(renderMessage(body, [text('x')], { x: 'Checkout' }, 'html')).toBe(
      [
        '<h1>Post-mortem: Checkout</h1>',
        '<p><strong>Date:</strong> Checkout<br><em>Author:</em> <code>ops</code><br>See <a href="https://example.com/rb?a=1&amp;b=2">the runbook</a> and <a href="https://status.example.com">https://status.example.com</a>.</p>',
        '<ul><li>one</li><li>two</li></ul>',
        '<ol start="3"><li>three</li><li>four</li><li>again</li></ol>',
        '<h6>Small</h6>',
        '<p>Mail <a href="mailto:ops@example.com">us</a>, call us (tel:+4420), home (/x/), [bad](javascript:alert(1))</p>',
      ].join('\n'),
    );
  });

  it('turns a multiline value into <br>s inside its paragraph or list item', () => {
    const fields: MessageField[] = [{ id: 'm', label: 'M', type: 'multiline' }];
    expect(renderMessage('Impact: {{m}}\n- Now: {{m}}', fields, { m: 'a\n\nb' }, 'html')).toBe('<p>Impact: a<br><br>b</p>\n<ul><li>Now: a<br><br>b</li></ul>');
  });

  it('does not link a URL that runs into a value, rather than cut it short', () => {
    expect(renderMessage('https://status.example.com/{{x}} and https://a.example/', [text('x')], { x: 'inc/1' }, 'html')).toBe(
      '<p>https://status.example.com/inc/1 and <a href="https://a.example/">https://a.example/</a></p>',
    );
  });

  it('keeps a template link with an unsafe target as the text the author wrote, in every format', () => {
    const body = 'See [docs](javascript:alert) and [x](//evil.example) and [y](data:text/html,hi)';
    expect(render(body, [], {})).toEqual({
      plain: body,
      slack: body,
      html: `<p>${body}</p>`,
      sms: body,
    });
  });

  it('reads underscores and asterisks glued to a placeholder as text, like those inside a word', () => {
    const fields = [text('a'), text('b')];
    expect(renderMessage('{{a}}_{{b}}_ and _{{a}}_{{b}} and {{a}}*{{b}}*', fields, { a: 'svc', b: 'env' }, 'html')).toBe('<p>svc_env_ and _svc_env and svc*env*</p>');
  });

  it('escapes the template\'s own text too', () => {
    expect(renderMessage('Use <b> & "quotes" in \'text\'', [], {}, 'html')).toBe('<p>Use &lt;b&gt; &amp; &quot;quotes&quot; in &#39;text&#39;</p>');
  });
});

describe('SMS', () => {
  it('drops Markdown markers, writes links as "text url" and headings as their text', () => {
    const body = '## Update {{x}}\n\n**Status:** _investigating_ `db`\nSee [runbook](https://x.example/rb) or [https://x.example](https://x.example)\n* star\n- dash\n1. one';
    expect(renderMessage(body, [text('x')], { x: '#4 <b>' }, 'sms')).toBe(
      'Update #4 <b>\n\nStatus: investigating db\nSee runbook https://x.example/rb or https://x.example\n- star\n- dash\n1. one',
    );
  });

  it('collapses runs of blank lines to one blank line', () => {
    expect(renderMessage('A\n\n\n\nB\n \n\t\nC\n\nD', [], {}, 'sms')).toBe('A\n\nB\n\nC\n\nD');
    expect(renderMessage('A\n\n\n\nB', [], {}, 'plain')).toBe('A\n\n\n\nB');
    expect(renderMessage('A\n\n\n\nB', [], {}, 'slack')).toBe('A\n\n\n\nB');
  });
});

// --- Every template of the example content ------------------------------------------------------

interface ExampleTemplate {
  file: string;
  body: string;
  fields: MessageField[];
  options: Record<string, string[]>;
}

const TEMPLATES = fileURLToPath(new URL('../../content/templates/', import.meta.url));
const PLACEHOLDER_NAMES = /\{\{\s*([^{}\s]+)\s*\}\}/g;

function loadTemplates(): ExampleTemplate[] {
  return readdirSync(TEMPLATES, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      const source = readFileSync(TEMPLATES + file, 'utf8').replace(/\r\n/g, '\n');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
      if (!match) throw new Error(`${file}: no frontmatter`);
      const data = parse(match[1]) as { fields?: Array<MessageField & { options?: unknown[] }> };
      const fields = (data.fields ?? []).map((f) => ({ id: f.id, label: f.label, type: f.type ?? 'text', required: f.required }));
      const options = Object.fromEntries((data.fields ?? []).map((f) => [f.id, (f.options ?? []).map(String)]));
      return { file, body: match[2].replace(/^\n+/, '').trimEnd(), fields, options };
    });
}

function sample(field: MessageField, options: string[]): string {
  switch (field.type) {
    case 'multiline': return `First line of ${field.label} & <more>\nSecond line`;
    case 'choice': return options[0] ?? 'Chosen';
    case 'time': return '2026-11-24T14:05:00.000Z';
    case 'duration': return '1h 30m';
    case 'severity': return 'SEV-1';
    case 'list': return `${field.label} one\n${field.label} two`;
    default: return `${field.label} value`;
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const markerIn = (format: MessageFormat, label: string) =>
  format === 'html' ? escapeHtml(`[${label}]`) : format === 'slack' ? `[${label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}]` : `[${label}]`;

/** Every element opened is closed, in order (br excepted). */
function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const [, close, name] of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>/g)) {
    if (name === 'br') continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe('the example content', () => {
  const templates = loadTemplates();

  it('has templates to render', () => {
    expect(templates.length).toBeGreaterThanOrEqual(20);
  });

  for (const { file, body, fields, options } of templates) {
    const used = [...new Set([...body.matchAll(PLACEHOLDER_NAMES)].map((m) => m[1]))];
    const labelOf = (id: string) => fields.find((f) => f.id === id)!.label;

    it(`${file}: with every field empty, each placeholder is a [Label] marker in every format`, () => {
      expect(renderMessage(body, fields, {}, 'plain')).toBe(body.replace(PLACEHOLDER_NAMES, (_, id: string) => `[${labelOf(id)}]`));
      expect(missingRequired(fields, {}).map((f) => f.id)).toEqual(fields.filter((f) => f.required).map((f) => f.id));
      for (const format of FORMATS) {
        const out = renderMessage(body, fields, {}, format);
        expect(out).not.toContain('{{');
        for (const id of used) expect(out).toContain(markerIn(format, labelOf(id)));
        if (format === 'html') expect(balanced(out)).toBe(true);
      }
    });

    it(`${file}: with every field filled, no placeholder and no marker is left`, () => {
      const values = Object.fromEntries(fields.map((f) => [f.id, sample(f, options[f.id])]));
      expect(missingRequired(fields, values)).toEqual([]);
      expect(messageParts(body, fields, values).filter((p) => p.missing)).toEqual([]);
      for (const format of FORMATS) {
        const out = renderMessage(body, fields, values, format);
        expect(out).not.toMatch(/\{\{|[\uE000\uE001]/);
        for (const id of used) expect(out).not.toContain(markerIn(format, labelOf(id)));
        if (format === 'html') {
          expect(balanced(out)).toBe(true);
          expect(out).not.toMatch(/<(?!\/?(h[1-6]|p|br|ul|ol|li|strong|em|code|a)[ >])/);
        }
      }
      const plain = renderMessage(body, fields, values, 'plain');
      const uses = (type: MessageField['type']) => used.some((id) => fields.find((f) => f.id === id)?.type === type);
      if (uses('multiline')) expect(plain).toMatch(/First line of .*\nSecond line/);
      if (uses('time')) expect(plain).toContain('2026-11-24 14:05 UTC');
    });
  }
});
