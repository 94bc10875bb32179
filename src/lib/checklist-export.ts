/** A checklist as Markdown: `- [x]` / `- [ ]` lines with who ticked what and when. Pure. */

export interface ExportItem {
  id: string;
  label: string;
  /** 0 for top-level items, 1 for items nested one level, ... */
  depth: number;
}

export interface ExportTick {
  at: string;
  by?: string;
  label: string;
  checklist: string;
}

export interface ChecklistExport {
  pageTitle: string;
  pageUrl?: string;
  heading: string;
  checklistId: string;
  /** "Practice (no active incident)" or "INC-2026-11-23-001 Payment outage". */
  scope: string;
  items: ExportItem[];
  /** Every item id on the page: a tick for an id found elsewhere on the page is not an orphan. */
  pageItemIds?: Iterable<string>;
  ticks: Record<string, ExportTick>;
  exportedAt: Date;
}

/** "2026-11-23 10:02 UTC" */
export function formatUtc(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return String(iso);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Text a reader typed (a name, an incident title), made literal in Markdown: a backslash before each
 * character that could start inline markup mid-line (this text never starts a line), so `Ana <b>` or
 * `[x](javascript:...)` pastes into a ticket or a post-mortem as those characters, not as HTML or a
 * link. CommonMark lets any ASCII punctuation be escaped.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_\[\]<>~&]/g, '\\$&').replace(/\s+/g, ' ').trim();
}

function tickNote(tick: ExportTick): string {
  return ` (ticked ${formatUtc(tick.at)}${tick.by ? ` by ${escapeMarkdownText(tick.by)}` : ''})`;
}

/** One line per item; nested items are indented two spaces per level. */
export function checklistToMarkdown(input: ChecklistExport): string {
  const done = input.items.filter((item) => input.ticks[item.id]).length;
  const title = input.heading || input.pageTitle;
  const lines = [
    `### ${title}`,
    '',
    `Runbook: ${input.pageUrl ? `[${input.pageTitle}](${input.pageUrl})` : input.pageTitle}  `,
    `Incident: ${escapeMarkdownText(input.scope)}  `,
    `Progress: ${done} of ${input.items.length} done  `,
    `Exported: ${formatUtc(input.exportedAt)}`,
    '',
  ];
  for (const item of input.items) {
    const tick = input.ticks[item.id];
    lines.push(`${'  '.repeat(item.depth)}- [${tick ? 'x' : ' '}] ${item.label}${tick ? tickNote(tick) : ''}`);
  }
  const onPage = new Set([...(input.pageItemIds ?? []), ...input.items.map((item) => item.id)]);
  const orphans = Object.entries(input.ticks).filter(([id, tick]) => tick.checklist === input.checklistId && !onPage.has(id));
  if (orphans.length) {
    lines.push('', 'No longer in the runbook (ticked, but the item has since been removed or reworded):', '');
    for (const [, tick] of orphans.sort(([, a], [, b]) => a.at.localeCompare(b.at))) {
      lines.push(`- [x] ${tick.label}${tickNote(tick)}`);
    }
  }
  return lines.join('\n') + '\n';
}
