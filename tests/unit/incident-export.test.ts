import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { cellText, exportFileName, fencedBlock, incidentToMarkdown, inlineText, isFollowUp, type ExportIncident, type IncidentExportInput } from '../../src/lib/incident-export';
import type { Incident } from '../../src/state/persistence/schema';

/** The incident as stored fits the export's structural input (a type error here, caught by astro check, means they drifted). */
export const storedIncidentExports = (incident: Incident): ExportIncident => incident;

/**
 * Markdown rendered the way GitHub, GitLab and most ticket tools render it (CommonMark + GFM), with
 * raw HTML allowed through: any tag or link in the output then came from the export, not from a
 * sanitiser downstream.
 */
const render = (markdown: string) => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

const AGENCY_LEVELS = { 'SEV-1': 'Service down', 'SEV-2': 'Major feature broken', 'SEV-3': 'Minor feature impacted', 'SEV-4': 'Cosmetic / low impact' };
const at = (hhmm: string) => `2026-11-24T${hhmm}:00.000Z`;
const TRIAGE = 'agency-platform/respond-now#triage-1';
const MITIGATE = 'agency-platform/scenarios/outage#mitigate-1';
const MESSAGE_TEXT = [
  '*SEV-1* Checkout is down for ~30% of customers.',
  'Workaround: run `kubectl rollout undo deploy/checkout`, or see:',
  '```',
  'error: 502 <script>alert(1)</script>',
  '```',
  'Next update: 10:00 UTC',
].join('\n');

/** A closed agency SEV-1 with entries of every kind, as the store keeps it. */
const INCIDENT: ExportIncident = {
  id: 'INC-2026-11-24-001',
  title: 'Checkout returns 502',
  startedAt: at('09:00'),
  closedAt: at('10:45'),
  severity: 'SEV-1',
  classification: { at: at('09:14'), handbook: 'agency-platform', level: 'SEV-1', reasons: ['Service accessible?: No', 'Revenue impacted?: Yes'] },
  checklists: {
    [TRIAGE]: { page: 'agency-platform/respond-now', pageTitle: 'Respond now', heading: 'Triage', total: 3 },
    [MITIGATE]: { page: 'agency-platform/scenarios/outage', pageTitle: 'Service outage', heading: 'Mitigate', total: 6 },
  },
  ticks: {
    t3: { at: at('09:31'), by: 'Ana', label: 'Post in #incidents', page: 'agency-platform/respond-now', pageTitle: 'Respond now', checklist: TRIAGE, heading: 'Triage' },
    t1: { at: at('09:05'), by: 'Ana', label: 'Acknowledge the page', page: 'agency-platform/respond-now', pageTitle: 'Respond now', checklist: TRIAGE, heading: 'Triage' },
    t2: { at: at('09:10'), label: 'Assess severity', page: 'agency-platform/respond-now', pageTitle: 'Respond now', checklist: TRIAGE, heading: 'Triage' },
    m1: { at: at('09:20'), by: 'Bo', label: 'Roll back the last deploy', page: 'agency-platform/scenarios/outage', pageTitle: 'Service outage', checklist: MITIGATE, heading: 'Mitigate' },
    m2: { at: at('09:35'), by: 'Bo', label: 'Check the <b>payment</b> queue', page: 'agency-platform/scenarios/outage', pageTitle: 'Service outage', checklist: MITIGATE, heading: 'Mitigate' },
  },
  timeline: [
    { id: 'e1', at: at('09:00'), kind: 'started', by: 'Ana', declaredAt: at('09:07') },
    { id: 'e2', at: at('09:07'), kind: 'severity', by: 'Ana', to: 'SEV-2', reasons: ['Service accessible?: Partial'] },
    { id: 'e3', at: at('09:08'), kind: 'note', by: 'Ana', text: 'Checkout returns 502 for ~30% of requests' },
    { id: 'e4', at: at('09:09'), kind: 'escalated', by: 'Ana', to: 'Escalation contacts' },
    { id: 'e5', at: at('09:12'), kind: 'note', by: 'Ana', text: 'TODO: add an alert on the 502 rate' },
    { id: 'e6', at: at('09:15'), kind: 'severity', by: 'Bo', from: 'SEV-2', to: 'SEV-1', reasons: ['Service accessible?: No', 'Revenue impacted?: Yes'] },
    { id: 'e7', at: at('09:16'), kind: 'note', by: 'Bo', text: 'Rolled back deploy 4812', edits: [{ at: at('09:22'), text: 'Rolling back deploy 4812' }] },
    { id: 'e8', at: at('09:18'), kind: 'note', by: 'Bo', text: 'Paged the wrong team', deletedAt: at('09:19') },
    { id: 'e9', at: at('09:25'), kind: 'message-sent', by: 'Ana', title: 'Internal update', template: 'internal-update', channel: 'Slack #incidents', audience: 'Internal', text: MESSAGE_TEXT },
    { id: 'e10', at: at('09:31'), kind: 'checklist-completed', by: 'Ana', checklist: TRIAGE, heading: 'Triage', page: 'agency-platform/respond-now', pageTitle: 'Respond now', total: 3 },
    { id: 'e11', at: at('09:33'), kind: 'escalated', by: 'Ana', to: 'Tech Lead', note: 'Dana joined the bridge' },
    { id: 'e12', at: at('09:40'), kind: 'note', by: 'Ana', text: '  todo: write the post-mortem', doneAt: at('10:30') },
    { id: 'e13', at: at('09:55'), kind: 'message-sent', by: 'Ana', title: 'Status update' },
    { id: 'e14', at: at('10:05'), kind: 'closed', by: 'Ana' },
    { id: 'e15', at: at('10:10'), kind: 'reopened', by: 'Bo' },
    { id: 'e16', at: at('10:12'), kind: 'note', text: 'TODO: deleted follow-up', deletedAt: at('10:13') },
    { id: 'e17', at: at('09:01'), kind: 'pager-acknowledged', by: 'Ana' },
    { id: 'e18', at: at('10:45'), kind: 'closed', by: 'Bo' },
  ],
};

const INPUT: IncidentExportInput = {
  incident: INCIDENT,
  handbook: { id: 'agency-platform', name: 'Agency platform' },
  levelNames: AGENCY_LEVELS,
  pageUrl: (page) => `https://handbook.example/${page}/`,
  exportedAt: new Date(at('11:00')),
};

describe('incidentToMarkdown: a realistic incident', () => {
  it('reads like a ready incident log', () => {
    expect(incidentToMarkdown(INPUT)).toMatchInlineSnapshot(`
      "# INC-2026-11-24-001: Checkout returns 502

      ## Summary

      - **Incident:** INC-2026-11-24-001
      - **Title:** Checkout returns 502
      - **Handbook:** Agency platform
      - **Severity:** SEV-1 · Service down
      - **Started:** 2026-11-24 09:00 UTC (declared 2026-11-24 09:07 UTC)
      - **Ended:** 2026-11-24 10:45 UTC
      - **Duration:** 1 h 45 min
      - **Exported:** 2026-11-24 11:00 UTC

      ## Severity

      SEV-1 · Service down.

      Classification (2026-11-24 09:14 UTC) gave SEV-1 · Service down, because:

      - Service accessible?: No
      - Revenue impacted?: Yes

      Changes:

      - 2026-11-24 09:07 UTC: set to SEV-2 · Major feature broken (Ana), because:
        - Service accessible?: Partial
      - 2026-11-24 09:15 UTC: SEV-2 · Major feature broken to SEV-1 · Service down (Bo), because:
        - Service accessible?: No
        - Revenue impacted?: Yes

      ## Timeline

      | Time (UTC) | Event |
      | --- | --- |
      | 2026-11-24 09:00 | Incident started (Ana) |
      | 2026-11-24 09:01 | pager-acknowledged (Ana) |
      | 2026-11-24 09:07 | Incident declared, 7 min after it started (Ana) |
      | 2026-11-24 09:07 | Severity set to SEV-2 · Major feature broken. Why: Service accessible?: Partial (Ana) |
      | 2026-11-24 09:08 | Note: Checkout returns 502 for \\~30% of requests (Ana) |
      | 2026-11-24 09:09 | Escalated to Escalation contacts (Ana) |
      | 2026-11-24 09:12 | Follow-up: add an alert on the 502 rate (Ana) |
      | 2026-11-24 09:15 | Severity changed from SEV-2 · Major feature broken to SEV-1 · Service down. Why: Service accessible?: No; Revenue impacted?: Yes (Bo) |
      | 2026-11-24 09:16 | Note: Rolled back deploy 4812 (edited; earlier: "Rolling back deploy 4812" until 2026-11-24 09:22 UTC) (Bo) |
      | 2026-11-24 09:18 | Note: Paged the wrong team (deleted 2026-11-24 09:19 UTC) (Bo) |
      | 2026-11-24 09:25 | Message sent: Internal update (Slack #incidents, Internal) (Ana) |
      | 2026-11-24 09:31 | Checklist completed: Triage (Respond now), 3 of 3 done (Ana) |
      | 2026-11-24 09:33 | Escalated to Tech Lead: Dana joined the bridge (Ana) |
      | 2026-11-24 09:40 | Follow-up: write the post-mortem (Ana) |
      | 2026-11-24 09:55 | Message sent: Status update (Ana) |
      | 2026-11-24 10:05 | Incident closed (Ana) |
      | 2026-11-24 10:10 | Incident reopened (Bo) |
      | 2026-11-24 10:12 | Follow-up: deleted follow-up (deleted 2026-11-24 10:13 UTC) |
      | 2026-11-24 10:30 | Follow-up done: write the post-mortem |
      | 2026-11-24 10:45 | Incident closed (Bo) |

      ## Checklists

      ### Triage

      Runbook: [Respond now](https://handbook.example/agency-platform/respond-now/)  
      Progress: 3 of 3 done

      - [x] Acknowledge the page (2026-11-24 09:05 UTC, Ana)
      - [x] Assess severity (2026-11-24 09:10 UTC)
      - [x] Post in #incidents (2026-11-24 09:31 UTC, Ana)

      ### Mitigate

      Runbook: [Service outage](https://handbook.example/agency-platform/scenarios/outage/)  
      Progress: 2 of 6 done

      - [x] Roll back the last deploy (2026-11-24 09:20 UTC, Bo)
      - [x] Check the \\<b\\>payment\\</b\\> queue (2026-11-24 09:35 UTC, Bo)
      - [ ] 4 more not ticked (see the runbook)

      ## Follow-ups

      Open (1):

      - [ ] add an alert on the 502 rate (added 2026-11-24 09:12 UTC by Ana)

      Done (1):

      - [x] write the post-mortem (added 2026-11-24 09:40 UTC by Ana; done 2026-11-24 10:30 UTC)

      ## Messages sent

      ### 2026-11-24 09:25 UTC: Internal update

      Template: internal-update  
      Channel: Slack #incidents  
      Audience: Internal  
      Sent by: Ana

      \`\`\`\`text
      *SEV-1* Checkout is down for ~30% of customers.
      Workaround: run \`kubectl rollout undo deploy/checkout\`, or see:
      \`\`\`
      error: 502 <script>alert(1)</script>
      \`\`\`
      Next update: 10:00 UTC
      \`\`\`\`

      ### 2026-11-24 09:55 UTC: Status update

      Sent by: Ana

      Marked as sent; the text was not recorded.
      "
    `);
  });

  it('an open incident, with a local-time column', () => {
    const open: ExportIncident = {
      id: 'INC-2026-11-24-002',
      title: 'Slow search',
      startedAt: at('23:10'),
      ticks: {},
      timeline: [
        { id: 'e1', at: at('23:10'), kind: 'started' },
        { id: 'e2', at: '2026-11-25T00:20:00.000Z', kind: 'note', text: 'Index rebuild started' },
      ],
    };
    expect(incidentToMarkdown({ incident: open, exportedAt: new Date('2026-11-25T01:15:30Z'), timeZone: 'Europe/Berlin' })).toMatchInlineSnapshot(`
      "# INC-2026-11-24-002: Slow search

      ## Summary

      - **Incident:** INC-2026-11-24-002
      - **Title:** Slow search
      - **Severity:** not set
      - **Started:** 2026-11-24 23:10 UTC
      - **Ended:** open
      - **Duration:** 2 h 05 min so far (open when exported)
      - **Exported:** 2026-11-25 01:15 UTC

      ## Timeline

      | Time (UTC) | Time (Europe/Berlin) | Event |
      | --- | --- | --- |
      | 2026-11-24 23:10 | 2026-11-25 00:10 | Incident started |
      | 2026-11-25 00:20 | 2026-11-25 01:20 | Note: Index rebuild started |
      "
    `);
  });

  it('a reader in UTC gets one time column, and a start declared within the minute is not a late declaration', () => {
    const incident: ExportIncident = {
      id: 'INC-2026-11-24-003',
      title: 'Queue backlog',
      startedAt: at('09:00'),
      ticks: {},
      timeline: [{ id: 'e1', at: at('09:00'), kind: 'started', declaredAt: '2026-11-24T09:00:40.000Z' }],
    };
    for (const timeZone of ['UTC', 'Etc/UTC', 'GMT']) {
      const markdown = incidentToMarkdown({ incident, exportedAt: new Date(at('09:30')), timeZone });
      expect(markdown).toContain('| Time (UTC) | Event |');
      expect(markdown).not.toContain('declared');
    }
    const late = { ...incident, timeline: [{ id: 'e1', at: at('09:00'), kind: 'started' as const, declaredAt: at('09:12') }] };
    const markdown = incidentToMarkdown({ incident: late, exportedAt: new Date(at('09:30')), timeZone: 'Europe/London' });
    expect(markdown).toContain('| Time (UTC) | Time (Europe/London) | Event |');
    expect(markdown).toContain('Incident declared, 12 min after it started');
    expect(markdown).toContain('(declared 2026-11-24 09:12 UTC)');
  });

  it('lists the timeline in time order, keeping the recorded order at the same instant', () => {
    const markdown = incidentToMarkdown(INPUT);
    const rows = markdown.split('\n').filter((line) => /^\| 2026-/.test(line)).map((line) => line.slice(2, 18));
    expect(rows).toEqual([...rows].sort());
    const sameTime = markdown.split('\n').filter((line) => line.startsWith('| 2026-11-24 09:31'));
    expect(sameTime).toEqual(['| 2026-11-24 09:31 | Checklist completed: Triage (Respond now), 3 of 3 done (Ana) |']);
  });

  it('renders with no HTML and no link but the runbook links', () => {
    const html = render(incidentToMarkdown(INPUT));
    expect(html).not.toMatch(/<script|<b>/);
    expect([...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'https://handbook.example/agency-platform/respond-now/',
      'https://handbook.example/agency-platform/scenarios/outage/',
    ]);
    // The message text survives exactly, inside its code block.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/<table>[\s\S]*<th>Time \(UTC\)<\/th>\s*<th>Event<\/th>/);
  });

  it('a checklist whose size is unknown says how many were ticked', () => {
    const { checklists: _, ...incident } = INCIDENT;
    const markdown = incidentToMarkdown({ ...INPUT, incident });
    expect(markdown).toContain('### Mitigate\n\nRunbook: [Service outage](https://handbook.example/agency-platform/scenarios/outage/)  \nProgress: 2 ticked\n');
    // The completed checklist's entry still knows its size.
    expect(markdown).toContain('### Triage\n\nRunbook: [Respond now](https://handbook.example/agency-platform/respond-now/)  \nProgress: 3 of 3 done\n');
  });

  it('a bare incident: no empty sections', () => {
    const markdown = incidentToMarkdown({
      incident: { id: 'INC-2026-11-24-003', title: 'Quiet', startedAt: at('09:00'), ticks: {}, timeline: [{ at: at('09:00'), kind: 'started' }] },
      exportedAt: new Date(at('09:30')),
    });
    expect(markdown.match(/^## .*/gm)).toEqual(['## Summary', '## Timeline']);
    expect(markdown).toContain('- **Severity:** not set\n');
    expect(markdown).toContain('- **Duration:** 30 min so far (open when exported)\n');
  });

  it('a classification that pointed at no level, and a severity with no known name', () => {
    const markdown = incidentToMarkdown({
      incident: { ...INCIDENT, severity: 'SEV-9', classification: { at: at('09:14'), reasons: [] }, timeline: [] },
      exportedAt: new Date(at('11:00')),
    });
    expect(markdown).toContain('## Severity\n\nSEV-9.\n\nClassification (2026-11-24 09:14 UTC) pointed at no level, because:\n\n- (no answer pointed at a level)');
  });
});

describe('incidentToMarkdown: everything typed is escaped', () => {
  const NASTY = 'a | pipe <b>bold</b> [x](javascript:alert(1)) `code` *em* _u_ ~~s~~ &amp; #\nsecond line';
  const markdown = incidentToMarkdown({
    incident: {
      id: 'INC-2026-11-24-004',
      title: NASTY,
      startedAt: at('09:00'),
      severity: 'P1',
      ticks: { a: { at: at('09:05'), by: NASTY, label: NASTY, page: 'x/y', pageTitle: NASTY, checklist: 'x/y#c', heading: NASTY } },
      classification: { at: at('09:01'), level: 'P1', reasons: [NASTY] },
      timeline: [
        { at: at('09:00'), kind: 'started', by: NASTY },
        { at: at('09:01'), kind: 'severity', to: 'P1', reasons: [NASTY], by: NASTY },
        { at: at('09:02'), kind: 'note', text: NASTY, by: NASTY },
        { at: at('09:03'), kind: 'note', text: `TODO: ${NASTY}`, by: NASTY },
        { at: at('09:04'), kind: 'escalated', to: NASTY, note: NASTY },
        { at: at('09:06'), kind: 'message-sent', title: NASTY, channel: NASTY, audience: NASTY, template: NASTY, text: NASTY },
        { at: at('09:07'), kind: NASTY },
      ],
    },
    handbook: { id: 'h', name: NASTY },
    levelNames: { P1: NASTY },
    exportedAt: new Date(at('10:00')),
  });
  const html = render(markdown);

  it('renders no tag, link, emphasis or code span from typed text', () => {
    // The only <code> is the message's own block (a <pre>), which shows the text as typed.
    expect(html.match(/<code[^>]*>/g)).toEqual(['<code class="language-text">']);
    const outsideTheBlock = html.replace(/<pre>[\s\S]*?<\/pre>/, '');
    expect(outsideTheBlock.match(/<(b|a|em|del|code|script)[ >][^<]*/g)).toBeNull();
    // Bold only for the summary's own labels.
    expect([...outsideTheBlock.matchAll(/<strong>([^<]*)<\/strong>/g)].map((m) => m[1])).toEqual(['Incident:', 'Title:', 'Handbook:', 'Severity:', 'Started:', 'Ended:', 'Duration:', 'Exported:']);
  });

  it('keeps every table row to two cells (a typed | does not split a cell)', () => {
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => (row[1].match(/<t[dh]>/g) ?? []).length);
    expect(rows.length).toBe(8); // the header and seven entries
    expect(new Set(rows)).toEqual(new Set([2]));
  });

  it('shows the typed characters as text, line breaks as " / "', () => {
    const shown = 'a | pipe &lt;b&gt;bold&lt;/b&gt; [x](javascript:alert(1)) `code` *em* _u_ ~~s~~ &amp;amp; # / second line';
    expect(html).toContain(`<h1>INC-2026-11-24-004: ${shown}</h1>`);
    expect(html).toContain(`<td>Note: ${shown} (${shown})</td>`);
  });

  it('escapes the pieces one by one', () => {
    expect(cellText('| pipe')).toBe('\\| pipe');
    expect(cellText('<b>x</b>')).toBe('\\<b\\>x\\</b\\>');
    expect(cellText('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(cellText('run `ls`')).toBe('run \\`ls\\`');
    expect(cellText('one\ntwo\r\n\r\nthree  ')).toBe('one / two / three');
    expect(inlineText('a | b')).toBe('a | b');
  });
});

describe('fencedBlock', () => {
  it.each([
    ['no backticks', 'plain', '```'],
    ['a code span', 'run `ls`', '```'],
    ['a fence inside', 'a\n```\nb\n```', '````'],
    ['a long run', 'x ````` y', '``````'],
  ])('%s: a fence longer than any run inside', (_, text, fence) => {
    const block = fencedBlock(text);
    expect(block).toBe(`${fence}text\n${text}\n${fence}`);
    expect(render(block)).toBe(`<pre><code class="language-text">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}\n</code></pre>`);
  });
});

describe('isFollowUp', () => {
  it.each([['TODO: x', true], ['  todo:x', true], ['Todo:', true], ['TODO x', false], ['a TODO: x', false], ['', false]])('%j -> %s', (text, expected) => {
    expect(isFollowUp(text)).toBe(expected);
  });
});

describe('exportFileName', () => {
  it('carries the id and the export date (UTC), safe characters only', () => {
    expect(exportFileName({ id: 'INC-2026-11-24-001' }, new Date('2026-11-24T23:30:00Z'))).toBe('INC-2026-11-24-001-2026-11-24.md');
    expect(exportFileName({ id: 'INC-2026-11-24-001' }, new Date('2026-11-25T00:30:00+02:00'))).toBe('INC-2026-11-24-001-2026-11-24.md');
    expect(exportFileName({ id: '../../etc/pass wd?*' }, new Date('2026-11-24T10:00:00Z'))).toBe('etc-pass-wd-2026-11-24.md');
    expect(exportFileName({ id: '' }, new Date('2026-11-24T10:00:00Z'))).toBe('incident-2026-11-24.md');
  });
});
