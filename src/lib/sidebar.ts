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

/** A link before the page it is shown on is known. */
interface Place {
  label: string;
  href: string;
}

/**
 * The part of a handbook's sidebar that is the same on all of its pages, as entries with no link
 * current, and where each page's own link is.
 */
interface HandbookLayout {
  top: SidebarLinkEntry[];
  folders: { label: string; entries: SidebarLinkEntry[] }[];
  /** A page's address -> its list (-1: top, otherwise the folder's index) and place in it. */
  at: Map<string, { list: number; index: number }>;
}

/**
 * The sidebars of a site: the order and labels of each handbook's pages are worked out once, and
 * each page gets them with its own link marked current (sorting every handbook again on each of
 * a thousand pages made the build quadratic). The entries are shared between pages: only the list
 * that holds the page's own link is copied, with that one link replaced (a thousand new entries per
 * page were a thousand pages' worth of garbage). Nothing downstream changes them: Starlight's
 * sidebar components only read.
 */
export function handbookSidebars(
  pages: readonly SidebarPage[],
  handbooks: readonly { id: string; name: string }[],
): (handbook: { id: string; name: string } | undefined, currentHref: string) => SidebarEntry[] {
  const layouts = new Map<string, HandbookLayout>();
  const layoutOf = (handbook: { id: string; name: string }) => {
    let layout = layouts.get(handbook.id);
    if (!layout) layouts.set(handbook.id, (layout = handbookLayout(handbook, pages)));
    return layout;
  };
  return (handbook, currentHref) => {
    // The incidents kept in this browser are one click away from any page (src/pages/incidents.astro).
    const entries: SidebarEntry[] = [link('All handbooks', '/', currentHref), link('Incidents', '/incidents/', currentHref)];
    if (handbook) {
      const { top, folders, at } = layoutOf(handbook);
      const current = at.get(currentHref);
      const marked = (list: SidebarLinkEntry[], which: number) => {
        if (current?.list !== which) return list;
        const copy = list.slice();
        copy[current.index] = { ...copy[current.index], isCurrent: true };
        return copy;
      };
      entries.push({
        type: 'group',
        label: handbook.name,
        collapsed: false,
        badge: undefined,
        entries: [
          ...marked(top, -1),
          ...folders.map((folder, which): SidebarGroupEntry => ({ type: 'group', label: folder.label, collapsed: false, badge: undefined, entries: marked(folder.entries, which) })),
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
  };
}

/** One page's sidebar; for many pages of one site, make them with handbookSidebars(). */
export function handbookSidebar(
  handbook: { id: string; name: string } | undefined,
  pages: readonly SidebarPage[],
  handbooks: readonly { id: string; name: string }[],
  currentHref: string,
): SidebarEntry[] {
  return handbookSidebars(pages, handbooks)(handbook, currentHref);
}

function handbookLayout(handbook: { id: string; name: string }, pages: readonly SidebarPage[]): HandbookLayout {
  const own = pages.filter((page) => page.handbook === handbook.id && !page.hidden);
  const top = own.filter((page) => page.id.split('/').length <= 2).sort((a, b) => {
    // The overview (the handbook's index) always leads.
    if (a.id === handbook.id) return -1;
    if (b.id === handbook.id) return 1;
    return byOrder(a, b);
  });
  const groups = new Map<string, SidebarPage[]>();
  for (const page of own) {
    if (page.id.split('/').length <= 2) continue;
    const folder = page.id.split('/')[1];
    const group = groups.get(folder);
    if (group) group.push(page);
    else groups.set(folder, [page]);
  }
  const folders = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const entriesOf = (places: Place[]) => places.map(({ label, href }) => link(label, href, ''));
  const layout: HandbookLayout = {
    top: entriesOf(top.map((page) => ({ label: page.id === handbook.id ? 'Overview' : page.label ?? page.title, href: hrefOf(page.id) }))),
    folders: folders.map((folder) => ({
      label: GROUP_LABELS[folder] ?? folder.charAt(0).toUpperCase() + folder.slice(1).replace(/-/g, ' '),
      entries: entriesOf(groups.get(folder)!.sort(byOrder).map((page) => ({ label: page.label ?? page.title, href: hrefOf(page.id) }))),
    })),
    at: new Map(),
  };
  layout.top.forEach((entry, index) => layout.at.set(entry.href, { list: -1, index }));
  layout.folders.forEach((folder, list) => folder.entries.forEach((entry, index) => layout.at.set(entry.href, { list, index })));
  return layout;
}

function rank(folder: string): number {
  const index = GROUP_ORDER.indexOf(folder);
  return index === -1 ? GROUP_ORDER.length : index;
}

/** Every link of a sidebar, depth first: the order pagination follows. */
export function flattenLinks(entries: SidebarEntry[]): SidebarLinkEntry[] {
  return entries.flatMap((entry) => (entry.type === 'link' ? [entry] : flattenLinks(entry.entries)));
}

/**
 * The key under which the browser keeps a sidebar's state (open groups, scroll): Starlight's own
 * getSidebarHash (utils/navigation.ts, 0.42), a hash of every label and address, so that saved state
 * is dropped when the sidebar changes. Which link is current is not part of it.
 */
export function sidebarHash(entries: SidebarEntry[]): string {
  const identity = (list: SidebarEntry[]): string => list.map((entry) => (entry.type === 'group' ? entry.label + identity(entry.entries) : entry.label + entry.href)).join('');
  const text = identity(entries);
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash << 5) - hash + text.charCodeAt(i);
  return (hash >>> 0).toString(36).padStart(7, '0');
}
