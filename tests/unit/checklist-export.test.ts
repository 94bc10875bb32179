/**
 * A checklist exported as Markdown: one `- [x]` / `- [ ]` line per item with who ticked it and when,
 * progress, and ticks whose item has left the runbook listed instead of dropped.
 */
import { describe, expect, it } from 'vitest';
import { checklistToMarkdown, escapeMarkdownText, formatUtc, type ChecklistExport, type ExportTick } from '../../src/lib/checklist-export';

const LIST = 'demo/process/verify#verify';

function tick(at: string, label: string, extra: Partial<ExportTick> = {}): ExportTick {
  return { at, label, checklist: LIST, ...extra };
}

function input(overrides: Partial<ChecklistExport> = {}): ChecklistExport {
  return {
    pageTitle: 'Verify',
    pageUrl: 'https://handbook.example/demo/process/verify/',
    heading: 'Verify backups',
    checklistId: LIST,
    scope: 'INC-2026-11-23-001 Payment outage',
    items: [
      { id: `${LIST}/health`, label: 'Health checks green', depth: 0 },
      { id: `${LIST}/api`, label: 'API', depth: 1 },
      { id: `${LIST}/worker`, label: 'Worker', depth: 1 },
      { id: `${LIST}/replica`, label: 'Replica lag', depth: 2 },
      { id: `${LIST}/errors`, label: 'Error rate < 0.1%', depth: 0 },
    ],
    ticks: {},
    exportedAt: new Date('2026-11-23T11:00:00Z'),
    ...overrides,
  };
}

describe('formatUtc', () => {
  it('formats an ISO string as "YYYY-MM-DD HH:MM UTC"', () => {
    expect(formatUtc('2026-11-23T10:02:00.000Z')).toBe('2026-11-23 10:02 UTC');
  });

  it('drops seconds without rounding up', () => {
    expect(formatUtc('2026-11-23T10:02:59.999Z')).toBe('2026-11-23 10:02 UTC');
  });

  it('converts an offset time to UTC', () => {
    expect(formatUtc('2026-11-23T23:30:00-02:00')).toBe('2026-11-24 01:30 UTC');
  });

  it('accepts a Date', () => {
    expect(formatUtc(new Date(Date.UTC(2026, 0, 5, 7, 9)))).toBe('2026-01-05 07:09 UTC');
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatUtc('yesterday')).toBe('yesterday');
    expect(formatUtc('')).toBe('');
  });
});

describe('checklistToMarkdown', () => {
  it('writes a header with the heading, a link to the runbook, the incident, progress and export time', () => {
    const md = checklistToMarkdown(input({ ticks: { [`${LIST}/health`]: tick('2026-11-23T10:02:00Z', 'Health checks green') } }));
    expect(md.split('\n').slice(0, 7)).toEqual([
      '### Verify backups',
      '',
      'Runbook: [Verify](https://handbook.example/demo/process/verify/)  ',
      'Incident: INC-2026-11-23-001 Payment outage  ',
      'Progress: 1 of 5 done  ',
      'Exported: 2026-11-23 11:00 UTC',
      '',
    ]);
  });

  it('falls back to the page title without a heading, and to plain text without a URL', () => {
    const md = checklistToMarkdown(input({ heading: '', pageUrl: undefined }));
    expect(md).toMatch(/^### Verify\n/);
    expect(md).toContain('\nRunbook: Verify  \n');
  });

  it('writes "- [x]" for ticked and "- [ ]" for open items, nested items indented two spaces per level', () => {
    const md = checklistToMarkdown(
      input({
        ticks: {
          [`${LIST}/api`]: tick('2026-11-23T10:02:00Z', 'API', { by: 'Ana' }),
          [`${LIST}/replica`]: tick('2026-11-23T10:05:30Z', 'Replica lag'),
        },
      }),
    );
    const lines = md.split('\n');
    expect(lines.slice(7, 12)).toEqual([
      '- [ ] Health checks green',
      '  - [x] API (ticked 2026-11-23 10:02 UTC by Ana)',
      '  - [ ] Worker',
      '    - [x] Replica lag (ticked 2026-11-23 10:05 UTC)',
      '- [ ] Error rate < 0.1%',
    ]);
    expect(md).toContain('Progress: 2 of 5 done');
  });

  it('shows the tick time in UTC and the name of who ticked it', () => {
    const md = checklistToMarkdown(input({ ticks: { [`${LIST}/health`]: tick('2026-11-23T10:02:00Z', 'Health checks green', { by: 'Ana' }) } }));
    expect(md).toContain('- [x] Health checks green (ticked 2026-11-23 10:02 UTC by Ana)');
  });

  it('makes what a reader typed (name, incident title) literal text in the Markdown, never HTML or a link', () => {
    const md = checklistToMarkdown(input({
      scope: 'INC-2026-11-23-001 <img src=x onerror=alert(1)> [click](javascript:alert(1))',
      ticks: { [`${LIST}/health`]: tick('2026-11-23T10:02:00Z', 'Health checks green', { by: 'Ana <b>on-call</b> *lead*' }) },
    }));
    expect(md).toContain('by Ana \\<b\\>on-call\\</b\\> \\*lead\\*)');
    expect(md).toContain('Incident: INC-2026-11-23-001 \\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(1))  ');
    expect(md).not.toMatch(/[^\\]<b>|[^\\]<img/);
    expect(escapeMarkdownText('Practice (no active incident)')).toBe('Practice (no active incident)');
    expect(escapeMarkdownText('a\\b & c_d `e` ~f~')).toBe('a\\\\b \\& c\\_d \\`e\\` \\~f\\~');
  });

  it('counts all items done when every item is ticked, and none for an empty checklist', () => {
    const all = Object.fromEntries(input().items.map((item) => [item.id, tick('2026-11-23T10:00:00Z', item.label)]));
    expect(checklistToMarkdown(input({ ticks: all }))).toContain('Progress: 5 of 5 done');
    expect(checklistToMarkdown(input({ items: [] }))).toContain('Progress: 0 of 0 done');
  });

  it('ends with exactly one newline and has no orphan section when nothing is orphaned', () => {
    const md = checklistToMarkdown(input());
    expect(md.endsWith('- [ ] Error rate < 0.1%\n')).toBe(true);
    expect(md).not.toContain('No longer in the runbook');
  });

  it('lists ticks of this checklist whose item is gone under "No longer in the runbook", oldest first', () => {
    const md = checklistToMarkdown(
      input({
        ticks: {
          [`${LIST}/health`]: tick('2026-11-23T10:00:00Z', 'Health checks green'),
          [`${LIST}/old-b`]: tick('2026-11-23T10:09:00Z', 'Queue drained'),
          [`${LIST}/old-a`]: tick('2026-11-23T10:01:00Z', 'Cache warmed', { by: 'Bo' }),
        },
      }),
    );
    const tail = md.slice(md.indexOf('No longer in the runbook'));
    expect(tail).toBe(
      'No longer in the runbook (ticked, but the item has since been removed or reworded):\n\n' +
        '- [x] Cache warmed (ticked 2026-11-23 10:01 UTC by Bo)\n' +
        '- [x] Queue drained (ticked 2026-11-23 10:09 UTC)\n',
    );
    // Orphans do not count towards progress.
    expect(md).toContain('Progress: 1 of 5 done');
  });

  it('does not list a tick as an orphan when its item is elsewhere on the page', () => {
    const moved = 'demo/process/verify#@backups';
    const md = checklistToMarkdown(
      input({
        pageItemIds: [moved, 'demo/process/verify#other/x'],
        ticks: { [moved]: tick('2026-11-23T10:00:00Z', 'Backups OK') },
      }),
    );
    expect(md).not.toContain('No longer in the runbook');
    expect(md).not.toContain('Backups OK');
  });

  it('does not list ticks that belong to another checklist', () => {
    const md = checklistToMarkdown(
      input({ ticks: { 'demo/process/verify#other/gone': tick('2026-11-23T10:00:00Z', 'Other list item', { checklist: 'demo/process/verify#other' }) } }),
    );
    expect(md).not.toContain('No longer in the runbook');
    expect(md).not.toContain('Other list item');
  });

  it('accepts pageItemIds as any iterable (a Set)', () => {
    const moved = 'demo/process/verify#@backups';
    const md = checklistToMarkdown(input({ pageItemIds: new Set([moved]), ticks: { [moved]: tick('2026-11-23T10:00:00Z', 'Backups OK') } }));
    expect(md).not.toContain('No longer in the runbook');
  });
});
