/**
 * One incident as one Markdown document that pastes cleanly into a post-mortem or a ticket: summary,
 * severity and why, the timeline as a table, checklists, follow-ups and messages sent. Pure: the
 * input is the incident as stored (structurally: src/lib does not import src/state), the export
 * time and time zone are parameters. Everything a reader typed is escaped so it reads as text.
 */
import { escapeMarkdownText, formatUtc } from './checklist-export';
import { formatDurationMs } from './time-format';
import { followUpText, isFollowUp } from './follow-up';

/** A timeline entry as stored: id, time and kind, plus the fields of its kind (all optional here,
 * since entries of kinds a newer build added must not break an export). */
export interface ExportEntry {
  id?: string;
  at: string;
  kind: string;
  by?: string;
  [field: string]: unknown;
}

export interface ExportTick {
  at: string;
  by?: string;
  label: string;
  page: string;
  pageTitle: string;
  checklist: string;
  heading: string;
}

/** The parts of a stored incident the export reads. */
export interface ExportIncident {
  id: string;
  title: string;
  startedAt: string;
  closedAt?: string;
  severity?: string;
  ticks: Record<string, ExportTick>;
  classification?: { at: string; handbook?: string; level?: string; reasons: readonly string[] };
  timeline: readonly ExportEntry[];
  /** Checklists touched, by checklist id, with their size (recorded on tick). */
  checklists?: Record<string, { page: string; pageTitle: string; heading: string; total: number }>;
}

export interface IncidentExportInput {
  incident: ExportIncident;
  handbook?: { id: string; name: string };
  /** Level names of the incident's scale by id: "P0" -> "Critical system down". */
  levelNames?: Record<string, string>;
  /** The address of a runbook page by its id ("agency-platform/respond-now"), to link checklists. */
  pageUrl?: (page: string) => string | undefined;
  exportedAt: Date;
  /** Adds a local-time column to the timeline (IANA name), for readers in one office; UTC always shows. */
  timeZone?: string;
}

// ---------------------------------------------------------------------------------------------
// Text a reader typed

/** Typed text inside a line: escaped, each line break shown as " / " (a line break would end the line). */
export function inlineText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdownText(line))
    .filter((line) => line !== '')
    .join(' / ');
}

/** Typed text on a heading line: a `#` at its end would be taken for the heading's closing sequence. */
function headingText(text: string): string {
  return inlineText(text).replace(/#/g, '\\#');
}

/** Typed text inside a table cell: as `inlineText`, and a `|` would end the cell. */
export function cellText(text: string): string {
  return inlineText(text).replace(/\|/g, '\\|');
}

/**
 * A fenced code block that shows `text` exactly: the fence is one backtick longer than the longest
 * run of backticks inside, so nothing in the text can close it (CommonMark: a closing fence must be
 * at least as long as the opening one).
 */
export function fencedBlock(text: string, info = 'text'): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${fence}`;
}

/** A URL as a Markdown link target: characters that would end the target are percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

// ---------------------------------------------------------------------------------------------
// Entries

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const time = (iso: string) => Date.parse(iso);

export { isFollowUp } from './follow-up';

/** "2026-11-24 09:12" (the table header says UTC). */
const cellTime = (iso: string) => formatUtc(iso).replace(/ UTC$/, '');

function severityLabel(id: string, levelNames: Record<string, string> | undefined): string {
  const name = levelNames?.[id];
  return name ? `${id} · ${name}` : id;
}

const reasonsOf = (entry: ExportEntry): string[] => (Array.isArray(entry.reasons) ? entry.reasons.filter((r): r is string => typeof r === 'string') : []);

/** " (Ana)" after an event, when the responder's name is known. */
const byWhom = (by: unknown, escape: (text: string) => string) => (typeof by === 'string' && by.trim() ? ` (${escape(by)})` : '');

interface Row {
  at: string;
  order: number;
  event: string;
}

/** The timeline rows of one entry (a follow-up ticked off adds a row at the time it was done). */
/**
 * Whether "Start incident" was pressed a minute or more after the start time: the start field counts
 * in minutes, so a gap of seconds is the time spent typing a title, not a late declaration.
 */
function declaredLater(startedAt: string, declaredAt: string | undefined): declaredAt is string {
  return declaredAt !== undefined && time(declaredAt) - time(startedAt) >= 60_000;
}

function rowsOf(entry: ExportEntry, input: IncidentExportInput, esc: (text: string) => string): { at: string; event: string }[] {
  const names = input.levelNames;
  const by = byWhom(entry.by, esc);
  switch (entry.kind) {
    case 'started': {
      const rows = [{ at: entry.at, event: `Incident started${by}` }];
      const declaredAt = str(entry.declaredAt);
      if (declaredLater(entry.at, declaredAt)) {
        // The start time was set earlier than the moment "Start incident" was pressed.
        rows.push({ at: declaredAt, event: `Incident declared, ${formatDurationMs(time(declaredAt) - time(entry.at))} after it started${by}` });
      }
      return rows;
    }
    case 'severity': {
      const to = severityLabel(str(entry.to) ?? '?', names);
      const from = str(entry.from);
      const reasons = reasonsOf(entry);
      const why = reasons.length ? `. Why: ${reasons.map(esc).join('; ')}` : '';
      return [{ at: entry.at, event: `Severity ${from ? `changed from ${esc(severityLabel(from, names))} to` : 'set to'} ${esc(to)}${why}${by}` }];
    }
    case 'note': {
      const text = str(entry.text) ?? '';
      const deletedAt = str(entry.deletedAt);
      const edits = Array.isArray(entry.edits) ? entry.edits : [];
      // An edit keeps the record: the earlier words and when they were replaced.
      const earlier = edits
        .filter((edit): edit is { at: string; text: string } => typeof edit?.text === 'string' && typeof edit?.at === 'string')
        .map((edit) => `"${esc(edit.text)}" until ${formatUtc(edit.at)}`);
      const mark = [deletedAt && `deleted ${formatUtc(deletedAt)}`, earlier.length && `edited; earlier: ${earlier.join(', then ')}`].filter(Boolean).join('; ');
      const rows = [{ at: entry.at, event: `${isFollowUp(text) ? `Follow-up: ${esc(followUpText(text))}` : `Note: ${esc(text)}`}${mark ? ` (${mark})` : ''}${by}` }];
      const doneAt = str(entry.doneAt);
      if (doneAt && !deletedAt && isFollowUp(text)) rows.push({ at: doneAt, event: `Follow-up done: ${esc(followUpText(text))}` });
      return rows;
    }
    case 'checklist-completed': {
      const heading = str(entry.heading) || str(entry.checklist) || 'a checklist';
      const pageTitle = str(entry.pageTitle);
      const total = num(entry.total);
      return [{ at: entry.at, event: `Checklist completed: ${esc(heading)}${pageTitle ? ` (${esc(pageTitle)})` : ''}${total !== undefined ? `, ${total} of ${total} done` : ''}${by}` }];
    }
    case 'message-sent': {
      const details = [str(entry.channel), str(entry.audience)].filter((d): d is string => Boolean(d));
      return [{ at: entry.at, event: `Message sent: ${esc(str(entry.title) || 'Update')}${details.length ? ` (${details.map(esc).join(', ')})` : ''}${by}` }];
    }
    case 'escalated': {
      const note = str(entry.note);
      return [{ at: entry.at, event: `Escalated to ${esc(str(entry.to) ?? '?')}${note ? `: ${esc(note)}` : ''}${by}` }];
    }
    case 'closed':
      return [{ at: entry.at, event: `Incident closed${by}` }];
    case 'reopened':
      return [{ at: entry.at, event: `Incident reopened${by}` }];
    default:
      // A kind a newer build added: shown by name rather than dropped.
      return [{ at: entry.at, event: `${esc(entry.kind)}${by}` }];
  }
}

/**
 * The timeline as plain lines, "2026-11-24 14:05 UTC Severity set to P0 · Critical", oldest first:
 * what a template's timeline field is prefilled with. Texts stay as typed (the message escapes them).
 */
export function timelineLines(input: IncidentExportInput): string[] {
  return timelineRows(input, (text) => text).map((row) => `${formatUtc(row.at)} ${row.event}`);
}

/** Rows in time order; entries at the same instant keep the order they were recorded in. */
function timelineRows(input: IncidentExportInput, esc: (text: string) => string = cellText): Row[] {
  const rows: Row[] = [];
  for (const entry of input.incident.timeline) for (const row of rowsOf(entry, input, esc)) rows.push({ ...row, order: rows.length });
  return rows.sort((a, b) => (time(a.at) || 0) - (time(b.at) || 0) || a.order - b.order);
}

// ---------------------------------------------------------------------------------------------
// Sections

function summary(input: IncidentExportInput): string[] {
  const { incident, handbook, levelNames, exportedAt } = input;
  const started = incident.timeline.find((entry) => entry.kind === 'started');
  const declaredAt = started && str(started.declaredAt);
  const end = incident.closedAt ? time(incident.closedAt) : exportedAt.getTime();
  const duration = formatDurationMs(end - time(incident.startedAt));
  return [
    '## Summary',
    '',
    `- **Incident:** ${inlineText(incident.id)}`,
    `- **Title:** ${inlineText(incident.title)}`,
    ...(handbook ? [`- **Handbook:** ${inlineText(handbook.name)}`] : []),
    `- **Severity:** ${incident.severity ? inlineText(severityLabel(incident.severity, levelNames)) : 'not set'}`,
    `- **Started:** ${formatUtc(incident.startedAt)}${declaredLater(incident.startedAt, declaredAt) ? ` (declared ${formatUtc(declaredAt)})` : ''}`,
    `- **Ended:** ${incident.closedAt ? formatUtc(incident.closedAt) : 'open'}`,
    `- **Duration:** ${incident.closedAt ? duration : `${duration} so far (open when exported)`}`,
    `- **Exported:** ${formatUtc(exportedAt)}`,
  ];
}

function severitySection(input: IncidentExportInput): string[] {
  const { incident, levelNames } = input;
  const changes = incident.timeline.filter((entry) => entry.kind === 'severity').sort((a, b) => time(a.at) - time(b.at));
  const classification = incident.classification;
  if (!incident.severity && !changes.length && !classification) return [];
  const lines = ['## Severity', ''];
  lines.push(incident.severity ? `${inlineText(severityLabel(incident.severity, levelNames))}.` : 'No severity set.');
  if (classification) {
    const result = classification.level ? `gave ${inlineText(severityLabel(classification.level, levelNames))}` : 'pointed at no level';
    lines.push('', `Classification (${formatUtc(classification.at)}) ${result}, because:`, '');
    if (classification.reasons.length) for (const reason of classification.reasons) lines.push(`- ${inlineText(reason)}`);
    else lines.push('- (no answer pointed at a level)');
  }
  if (changes.length) {
    lines.push('', 'Changes:', '');
    for (const change of changes) {
      const to = inlineText(severityLabel(str(change.to) ?? '?', levelNames));
      const from = str(change.from);
      const reasons = reasonsOf(change);
      lines.push(`- ${formatUtc(change.at)}: ${from ? `${inlineText(severityLabel(from, levelNames))} to ${to}` : `set to ${to}`}${byWhom(change.by, inlineText)}${reasons.length ? ', because:' : ''}`);
      for (const reason of reasons) lines.push(`  - ${inlineText(reason)}`);
    }
  }
  return lines;
}

function timelineSection(input: IncidentExportInput): string[] {
  const rows = timelineRows(input);
  // A reader in UTC gets one time column, not "Time (UTC) | Time (UTC)".
  const zone = input.timeZone && !/^(Etc\/)?(UTC|UCT|GMT|Zulu|Universal)(\+0|-0|0)?$/i.test(input.timeZone) ? input.timeZone : undefined;
  const local = zone
    ? (() => {
        // "2026-11-24 10:12" in the zone; sv-SE writes dates the ISO way.
        const format = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
        return (iso: string) => (Number.isNaN(time(iso)) ? iso : format.format(new Date(iso)));
      })()
    : undefined;
  const lines = ['## Timeline', ''];
  if (local) {
    lines.push(`| Time (UTC) | Time (${cellText(zone!)}) | Event |`, '| --- | --- | --- |');
    for (const row of rows) lines.push(`| ${cellText(cellTime(row.at))} | ${cellText(local(row.at))} | ${row.event} |`);
  } else {
    lines.push('| Time (UTC) | Event |', '| --- | --- |');
    for (const row of rows) lines.push(`| ${cellText(cellTime(row.at))} | ${row.event} |`);
  }
  return lines;
}

interface ChecklistSummary {
  id: string;
  page: string;
  pageTitle: string;
  heading: string;
  total?: number;
  ticks: ExportTick[];
}

function checklistsSection(input: IncidentExportInput): string[] {
  const { incident } = input;
  const lists = new Map<string, ChecklistSummary>();
  const listOf = (id: string, from: { page: string; pageTitle: string; heading: string }) => {
    let list = lists.get(id);
    if (!list) lists.set(id, (list = { id, page: from.page, pageTitle: from.pageTitle, heading: from.heading, ticks: [] }));
    return list;
  };
  for (const [id, meta] of Object.entries(incident.checklists ?? {})) listOf(id, meta).total = meta.total;
  for (const entry of incident.timeline) {
    if (entry.kind !== 'checklist-completed' || !str(entry.checklist)) continue;
    const list = listOf(entry.checklist as string, { page: str(entry.page) ?? '', pageTitle: str(entry.pageTitle) ?? '', heading: str(entry.heading) ?? '' });
    list.total ??= num(entry.total);
  }
  for (const tick of Object.values(incident.ticks)) listOf(tick.checklist, tick).ticks.push(tick);
  if (!lists.size) return [];

  const lines = ['## Checklists'];
  for (const list of lists.values()) {
    const ticks = list.ticks.sort((a, b) => time(a.at) - time(b.at));
    const url = list.page ? input.pageUrl?.(list.page) : undefined;
    const page = list.pageTitle || list.page;
    const title = headingText(list.heading || page || list.id);
    const done = list.total !== undefined ? `${ticks.length} of ${list.total} done` : `${ticks.length} ticked`;
    lines.push('', `### ${title}`, '');
    if (page) lines.push(`Runbook: ${url ? `[${inlineText(page)}](${linkTarget(url)})` : inlineText(page)}  `);
    lines.push(`Progress: ${done}`);
    if (ticks.length) {
      lines.push('');
      for (const tick of ticks) lines.push(`- [x] ${inlineText(tick.label)} (${formatUtc(tick.at)}${tick.by ? `, ${inlineText(tick.by)}` : ''})`);
    }
    // Only ticks are stored, not the words of the items left unticked: say how many, and where they are.
    const open = list.total !== undefined ? list.total - ticks.length : 0;
    if (open > 0) lines.push(`- [ ] ${open} more not ticked${url ? ' (see the runbook)' : ''}`);
  }
  return lines;
}

function followUpsSection(input: IncidentExportInput): string[] {
  const notes = input.incident.timeline
    .filter((entry) => entry.kind === 'note' && !entry.deletedAt && isFollowUp(str(entry.text) ?? ''))
    .sort((a, b) => time(a.at) - time(b.at));
  if (!notes.length) return [];
  const line = (entry: ExportEntry) => {
    const doneAt = str(entry.doneAt);
    const by = str(entry.by)?.trim();
    const added = `added ${formatUtc(entry.at)}${by ? ` by ${inlineText(by)}` : ''}`;
    return `- [${doneAt ? 'x' : ' '}] ${inlineText(followUpText(str(entry.text)!)) || '(no text)'} (${added}${doneAt ? `; done ${formatUtc(doneAt)}` : ''})`;
  };
  const open = notes.filter((entry) => !entry.doneAt);
  const done = notes.filter((entry) => entry.doneAt);
  const lines = ['## Follow-ups', ''];
  lines.push(open.length ? `Open (${open.length}):` : 'Open: none.');
  if (open.length) lines.push('', ...open.map(line));
  if (done.length) lines.push('', `Done (${done.length}):`, '', ...done.map(line));
  return lines;
}

function messagesSection(input: IncidentExportInput): string[] {
  const messages = input.incident.timeline.filter((entry) => entry.kind === 'message-sent').sort((a, b) => time(a.at) - time(b.at));
  if (!messages.length) return [];
  const lines = ['## Messages sent'];
  for (const message of messages) {
    const details = [
      ['Template', str(message.template)],
      ['Channel', str(message.channel)],
      ['Audience', str(message.audience)],
      ['Status', str(message.status)],
      ['Sent by', str(message.by)],
    ].filter((pair): pair is [string, string] => Boolean(pair[1]));
    lines.push('', `### ${formatUtc(message.at)}: ${headingText(str(message.title) || 'Update')}`, '');
    if (details.length) lines.push(details.map(([label, value]) => `${label}: ${inlineText(value)}`).join('  \n'), '');
    const text = str(message.text);
    lines.push(text ? fencedBlock(text) : 'Marked as sent; the text was not recorded.');
  }
  return lines;
}

/** The whole incident as one Markdown document (ends with a newline). */
export function incidentToMarkdown(input: IncidentExportInput): string {
  const sections = [
    [`# ${headingText(input.incident.id)}: ${headingText(input.incident.title)}`],
    summary(input),
    severitySection(input),
    timelineSection(input),
    checklistsSection(input),
    followUpsSection(input),
    messagesSection(input),
  ].filter((section) => section.length);
  return sections.map((section) => section.join('\n')).join('\n\n') + '\n';
}

/**
 * "INC-2026-11-24-001-2026-11-24.md": the id and the export's UTC date, with anything but letters,
 * digits, dots and hyphens turned into a hyphen, so the name is safe on every file system.
 */
export function exportFileName(incident: { id: string }, exportedAt: Date): string {
  const id = incident.id.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'incident';
  return `${id}-${exportedAt.toISOString().slice(0, 10)}.md`;
}
