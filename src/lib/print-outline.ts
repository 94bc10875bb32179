/**
 * The printed handbook's outline: which pages of a handbook go into the binder, in what order, and
 * the section number each gets ("5.2"). Pure: the print page (src/pages/[handbook]/print.astro)
 * feeds it the docs collection.
 *
 * The order is close to the sidebar's (src/lib/sidebar.ts): the overview, the handbook's top pages by
 * their sidebar order (respond now, severity, messages), then one numbered part per folder, its pages
 * numbered within it: reference first (contacts and escalation right after the severity scale), then
 * scenarios, process and roles. Onboarding pages (the drills and the reading path) stay out: a quiz is
 * for the screen, and its answers in the binder would spoil it. Hidden pages stay out too.
 */
import { pageHref } from '../schemas/ids';

export interface OutlinePage {
  id: string;
  title: string;
  label?: string;
  order?: number;
  hidden?: boolean;
  kind?: string;
}

export interface PrintSection {
  /** The page id (`customer-portal/scenarios/high-error-rate`). */
  id: string;
  title: string;
  /** "3" for a top page, "5.2" for a page in a folder. */
  number: string;
  /** The in-document anchor of the section (`print-scenarios-high-error-rate`). */
  anchor: string;
  /** The page's address on the site (`/customer-portal/scenarios/high-error-rate/`). */
  href: string;
}

export interface PrintPart {
  number: string;
  title: string;
  /** A top page is a part of one section; a folder is a part of several. */
  sections: PrintSection[];
  /** Set for a folder's part: the anchor of its heading. */
  anchor?: string;
}

/** Kinds of page left out of the printed handbook. */
export const NOT_PRINTED_KINDS: ReadonlySet<string> = new Set(['onboarding']);

const FOLDER_TITLES: Record<string, string> = {
  scenarios: 'Scenarios',
  process: 'Process',
  reference: 'Reference',
  roles: 'Roles',
  onboarding: 'Onboarding',
};
// Reference first: the contacts and the escalation policy follow the severity scale, as a binder needs them.
const FOLDER_ORDER = ['reference', 'scenarios', 'process', 'roles', 'onboarding'];

const byOrder = (a: OutlinePage, b: OutlinePage) =>
  (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || (a.label ?? a.title).localeCompare(b.label ?? b.title);

const folderRank = (folder: string) => {
  const rank = FOLDER_ORDER.indexOf(folder);
  return rank === -1 ? FOLDER_ORDER.length : rank;
};

/** `print-` and the page id without its handbook, slashes as hyphens: an id no heading of a runbook takes. */
export function sectionAnchor(handbook: string, pageId: string): string {
  const rest = pageId === handbook ? 'overview' : pageId.slice(handbook.length + 1);
  return `print-${rest.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

export function folderTitle(folder: string): string {
  return FOLDER_TITLES[folder] ?? folder.charAt(0).toUpperCase() + folder.slice(1).replace(/-/g, ' ');
}

/**
 * The parts of a handbook's printed document, numbered from 1. `pages` may hold other handbooks'
 * pages: only `handbook`'s are used. The overview is titled as its page is (its sidebar says "Overview").
 */
export function printOutline(handbook: string, pages: OutlinePage[]): PrintPart[] {
  const own = pages.filter((page) => (page.id === handbook || page.id.startsWith(`${handbook}/`)) && !page.hidden && !NOT_PRINTED_KINDS.has(page.kind ?? ''));
  const top = own.filter((page) => page.id.split('/').length <= 2).sort((a, b) => {
    if (a.id === handbook) return -1;
    if (b.id === handbook) return 1;
    return byOrder(a, b);
  });
  const folders = new Map<string, OutlinePage[]>();
  for (const page of own.filter((page) => page.id.split('/').length > 2)) {
    const folder = page.id.split('/')[1];
    folders.set(folder, [...(folders.get(folder) ?? []), page]);
  }
  const section = (page: OutlinePage, number: string): PrintSection => ({
    id: page.id,
    title: page.title,
    number,
    anchor: sectionAnchor(handbook, page.id),
    href: pageHref(page.id),
  });
  const parts: PrintPart[] = top.map((page, n) => ({ number: String(n + 1), title: page.title, sections: [section(page, String(n + 1))] }));
  const folderNames = [...folders.keys()].sort((a, b) => folderRank(a) - folderRank(b) || a.localeCompare(b));
  for (const folder of folderNames) {
    const number = String(parts.length + 1);
    parts.push({
      number,
      title: folderTitle(folder),
      anchor: `print-part-${folder.replace(/[^A-Za-z0-9_-]+/g, '-')}`,
      sections: folders.get(folder)!.sort(byOrder).map((page, n) => section(page, `${number}.${n + 1}`)),
    });
  }
  return parts;
}

/** Every section of an outline, in document order. */
export function sectionsOf(parts: PrintPart[]): PrintSection[] {
  return parts.flatMap((part) => part.sections);
}

/** The address of the printed handbook. */
export function printHref(handbook: string): string {
  return `/${handbook}/print/`;
}

/**
 * Text as a CSS string literal (`"Customer Portal"`), for a stylesheet's `content:`. Every character
 * but ASCII letters, digits and spaces is written as a hex escape, so no text can end the string,
 * the rule or the `<style>` element it sits in.
 */
export function cssString(text: string): string {
  return `"${[...text].map((char) => (/^[A-Za-z0-9 ]$/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `)).join('')}"`;
}
