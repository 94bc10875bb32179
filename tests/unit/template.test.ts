/**
 * Message-template placeholders: which `{{field}}`s a body uses, and filling them in. A half-filled
 * message must never read as finished, and what a responder types is inserted as typed.
 */
import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholdersOf } from '../../src/lib/template';

describe('placeholdersOf', () => {
  it('lists placeholders in order of first use, each once', () => {
    expect(placeholdersOf('[{{severity}}] {{summary}}\nSeverity again: {{severity}}\nNext: {{next_update}}')).toEqual([
      'severity',
      'summary',
      'next_update',
    ]);
  });

  it('allows spaces inside the braces', () => {
    expect(placeholdersOf('{{ incident_id }} and {{status  }}')).toEqual(['incident_id', 'status']);
  });

  it('treats {{ x }} and {{x}} as the same placeholder', () => {
    expect(placeholdersOf('{{x}} {{ x }}')).toEqual(['x']);
  });

  it('keeps hyphens, dots and other non-space characters in names', () => {
    expect(placeholdersOf('{{eta-utc}} {{a.b}}')).toEqual(['eta-utc', 'a.b']);
  });

  it('ignores text that only looks like a placeholder', () => {
    expect(placeholdersOf('{single} {{two words}} {{}} {{ }} { {x} }')).toEqual([]);
  });

  it('returns an empty list for a body without placeholders', () => {
    expect(placeholdersOf('All clear.')).toEqual([]);
    expect(placeholdersOf('')).toEqual([]);
  });
});

describe('fillTemplate', () => {
  const body = 'INCIDENT: {{incident_id}}\nSTATUS: {{status}}\nSUMMARY: {{summary}}';
  const labels = { incident_id: 'Incident ID', status: 'Status', summary: 'Summary' };

  it('replaces every placeholder with its value', () => {
    expect(fillTemplate(body, { incident_id: 'INC-2026-11-23-001', status: 'Investigating', summary: 'Checkout down' }, labels)).toBe(
      'INCIDENT: INC-2026-11-23-001\nSTATUS: Investigating\nSUMMARY: Checkout down',
    );
  });

  it('replaces every occurrence of a repeated placeholder', () => {
    expect(fillTemplate('{{a}}-{{ a }}-{{a}}', { a: 'x' })).toBe('x-x-x');
  });

  it('leaves a visible "[Label]" marker for a missing value', () => {
    expect(fillTemplate(body, { incident_id: 'INC-1', status: 'Resolved' }, labels)).toBe(
      'INCIDENT: INC-1\nSTATUS: Resolved\nSUMMARY: [Summary]',
    );
  });

  it('leaves the marker for an empty or whitespace-only value', () => {
    expect(fillTemplate('{{status}}|{{summary}}', { status: '', summary: '   \n ' }, labels)).toBe('[Status]|[Summary]');
  });

  it('falls back to the field id when there is no label', () => {
    expect(fillTemplate('ETA: {{eta}}', {})).toBe('ETA: [eta]');
    expect(fillTemplate('ETA: {{eta}}', { eta: undefined }, { other: 'Other' })).toBe('ETA: [eta]');
  });

  it('inserts a value with surrounding spaces as typed (only blank values count as missing)', () => {
    expect(fillTemplate('[{{a}}]', { a: '  padded ' })).toBe('[  padded ]');
  });

  it('inserts user text containing HTML verbatim (escaping is the renderer\'s job, not the filler\'s)', () => {
    expect(fillTemplate('Summary: {{summary}}', { summary: '<script>alert(1)</script>' })).toBe('Summary: <script>alert(1)</script>');
  });

  it('does not expand placeholders that appear inside a value', () => {
    expect(fillTemplate('{{summary}} / {{status}}', { summary: 'literally {{status}}', status: 'Resolved' })).toBe(
      'literally {{status}} / Resolved',
    );
    expect(fillTemplate('{{summary}}', { summary: '{{missing}}' }, { missing: 'Missing' })).toBe('{{missing}}');
  });

  it('does not interpret replacement patterns such as "$&" or "$1" in a value', () => {
    expect(fillTemplate('Cost: {{cost}}', { cost: "$& and $1 and $' and $$" })).toBe("Cost: $& and $1 and $' and $$");
  });

  it('keeps multi-line values and the text around placeholders untouched', () => {
    expect(fillTemplate('Steps:\n{{steps}}\n-- end', { steps: '1. Restart\n2. Verify' })).toBe('Steps:\n1. Restart\n2. Verify\n-- end');
  });

  it('ignores values for fields the body does not use', () => {
    expect(fillTemplate('Hello', { unused: 'x' })).toBe('Hello');
  });
});
