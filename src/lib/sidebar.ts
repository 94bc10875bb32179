/**
 * The sidebar of a handbook: its own pages only, grouped by folder (scenarios, process...), then
 * links to the other handbooks. A responder in the middle of an incident sees one handbook, not five.
 * Pure: the route middleware feeds it the collections.
 */
import { pageHref } from '../schemas/ids';

export interface SidebarPage {
  id: string;
  title: string;
  label?: string;
  order?: number;
  hidden?: boolean;
  handbook: string;
}

export interface SidebarLinkEntry {
  type: 'link';
  label: string;
  href: string;
  isCurrent: boolean;
  badge: undefined;
  attrs: Record<string, string>;
}

export interface SidebarGroupEntry {
  type: 'group';
  label: string;
  entries: SidebarEntry[];
  collapsed: boolean;
  badge: undefined;
}

export type SidebarEntry = SidebarLinkEntry | SidebarGroupEntry;

/** Folder names shown as group labels; unknown folders get a capitalised name. */
const GROUP_LABELS: Record<string, string> = {
  scenarios: 'Scenarios',
  process: 'Process',
  reference: 'Reference',
  onboarding: 'Onboarding',
};
const GROUP_ORDER = ['scenarios', 'process', 'reference', 'onboarding'];

/** A page's address (the one rule: src/schemas/ids.ts). */
export const hrefOf = pageHref;

function link(label: string, href: string, currentHref: string): SidebarLinkEntry {
  return { type: 'link', label, href, isCurrent: href === currentHref, badge: undefined, attrs: {} };
}

const byOrder = (a: SidebarPage, b: SidebarPage) =>
  (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || (a.label ?? a.title).localeCompare(b.label ?? b.title);

export function handbookSidebar(
  handbook: { id: string; name: string } | undefined,
  pages: SidebarPage[],
  handbooks: { id: string; name: string }[],
  currentHref: string,
): SidebarEntry[] {
  // The incidents kept in this browser are one click away from any page (src/pages/incidents.astro).
  const entries: SidebarEntry[] = [link('All handbooks', '/', currentHref), link('Incidents', '/incidents/', currentHref)];
  if (handbook) {
    const own = pages.filter((page) => page.handbook === handbook.id && !page.hidden);
    const top = own.filter((page) => page.id.split('/').length <= 2).sort((a, b) => {
      // The overview (the handbook's index) always leads.
      if (a.id === handbook.id) return -1;
      if (b.id === handbook.id) return 1;
      return byOrder(a, b);
    });
    const groups = new Map<string, SidebarPage[]>();
    for (const page of own.filter((page) => page.id.split('/').length > 2)) {
      const folder = page.id.split('/')[1];
      groups.set(folder, [...(groups.get(folder) ?? []), page]);
    }
    const folders = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    entries.push({
      type: 'group',
      label: handbook.name,
      collapsed: false,
      badge: undefined,
      entries: [
        ...top.map((page) => link(page.id === handbook.id ? 'Overview' : page.label ?? page.title, hrefOf(page.id), currentHref)),
        ...folders.map((folder): SidebarGroupEntry => ({
          type: 'group',
          label: GROUP_LABELS[folder] ?? folder.charAt(0).toUpperCase() + folder.slice(1).replace(/-/g, ' '),
          collapsed: false,
          badge: undefined,
          entries: groups.get(folder)!.sort(byOrder).map((page) => link(page.label ?? page.title, hrefOf(page.id), currentHref)),
        })),
      ],
    });
  }
  const others = handbooks.filter((other) => other.id !== handbook?.id);
  if (others.length) {
    entries.push({
      type: 'group',
      label: handbook ? 'Other handbooks' : 'Handbooks',
      collapsed: Boolean(handbook),
      badge: undefined,
      entries: others.map((other) => link(other.name, hrefOf(other.id), currentHref)),
    });
  }
  return entries;
}

function rank(folder: string): number {
  const index = GROUP_ORDER.indexOf(folder);
  return index === -1 ? GROUP_ORDER.length : index;
}

/** Every link of a sidebar, depth first: the order pagination follows. */
export function flattenLinks(entries: SidebarEntry[]): SidebarLinkEntry[] {
  return entries.flatMap((entry) => (entry.type === 'link' ? [entry] : flattenLinks(entry.entries)));
}
