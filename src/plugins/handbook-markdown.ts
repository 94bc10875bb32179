/**
 * Our two hast transforms as one Sätteri plugin: task lists become checklists (./checklists.ts, in
 * the runbooks only) and tables get their scroll wrapper (./table-scroll.ts, everywhere). Each
 * plugin is a pass of its own over every document (a walk, and its changes applied before the next
 * one), about half a second of a 1,000-runbook build each; one plugin with both visitors is one
 * pass. Sätteri composes the two when a table sits in a task list: the checklist keeps the
 * original table node, and the wrapper queued on that node still applies.
 */
import type { HastPluginDefinition, HastPluginEntry, PluginFactoryContext } from 'satteri';
import { checklists, type ChecklistOptions } from './checklists.ts';
import { tableScroll } from './table-scroll.ts';

export function handbookMarkdown(options: ChecklistOptions): HastPluginEntry {
  const checklistsOf = checklists(options) as (context: PluginFactoryContext) => HastPluginDefinition | undefined;
  const tables = tableScroll();
  return (context) => {
    const runbook = checklistsOf(context);
    if (!runbook) return tables;
    return {
      name: 'handbook-markdown',
      // Both visitor lists in one walk (Sätteri takes an array of filtered visitors).
      element: [tables.element, runbook.element].flat() as HastPluginDefinition['element'],
      after: runbook.after,
    };
  };
}
