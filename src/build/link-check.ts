/**
 * Internal link checking over the built site: every `href` to a page of this site must reach a
 * page that exists, and every `#fragment` an element id on that page. Working on the output (not on
 * the Markdown) also covers the links components generate. Pure: give it the pages, get the problems.
 */
import { closest } from '../schemas/context.ts';

export interface BuiltPage {
  /** URL path of the page: "/agency-platform/severity/". */
  path: string;
  ids: Set<string>;
  hrefs: string[];
}

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
  /** What the link was probably meant to be, when one is close: "/demo/respond-now/", "#level-p1". */
  guess?: string;
}

const ID = /\sid=["']([^"']+)["']/g;
const HREF = /<a\s[^>]*?href=["']([^"']*)["']/g;

/** The ids and link targets of one HTML document. */
export function scanHtml(path: string, html: string): BuiltPage {
  return { path, ids: idsOf(html), hrefs: hrefsOf(html) };
}

/**
 * The ids of one HTML document, as strings of their own: a match is a slice that keeps the whole
 * page's text alive, and the ids of every page are kept until all links are checked (at 5,000
 * pages of 0.9 MB each that ran the build out of memory). `decode` turns a matched value into its
 * text: fromLatin1 for a page read as latin1.
 */
export function idsOf(html: string, decode: (value: string) => string = (value) => value): Set<string> {
  return new Set([...html.matchAll(ID)].map((m) => ownCopy(decodeEntities(decode(m[1])))));
}

/** The link targets of one HTML document (`decode` as for idsOf). */
export function hrefsOf(html: string, decode: (value: string) => string = (value) => value): string[] {
  return [...html.matchAll(HREF)].map((m) => decodeEntities(decode(m[1])));
}

/**
 * A value matched in a page read as latin1 (`readFileSync(file, 'latin1')`, one byte per character),
 * as the UTF-8 text it is. The build reads pages that way: decoding them as UTF-8 makes a two-byte
 * string of any page with one non-ASCII character (Starlight's quotes, the ⌘ of its search key),
 * and the link check's patterns run about 1.6 times slower over those.
 */
export function fromLatin1(value: string): string {
  return /[\x80-\xff]/.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value;
}

/**
 * The links of one page that are worth checking (`decode` as for idsOf), given the absolute
 * addresses (`/demo/x/`) already kept from earlier pages (`seen`, updated): an absolute address means
 * the same on every page, and the sidebar repeats every address of a handbook on each of its pages,
 * so it is kept once, on the first page that has it. Relative links and #fragments are kept on every
 * page. Kept texts are copies. Nearly every link of a big handbook's page was seen on an earlier
 * page, so an absolute address is looked up as written (`seenRaw`, updated) before anything is
 * decoded or copied.
 */
export function newHrefsOf(html: string, seen: Set<string>, seenRaw: Set<string>, decode: (value: string) => string = (value) => value): string[] {
  const kept: string[] = [];
  HREF.lastIndex = 0;
  for (let match = HREF.exec(html); match; match = HREF.exec(html)) {
    const raw = match[1];
    const absolute = raw.charCodeAt(0) === 47 /* / */ && raw.charCodeAt(1) !== 47;
    if (absolute) {
      if (seenRaw.has(raw)) continue;
      seenRaw.add(ownCopy(raw));
    }
    const href = decodeEntities(decode(raw));
    if (absolute) {
      if (seen.has(href)) continue;
      seen.add(ownCopy(href));
    }
    kept.push(ownCopy(href));
  }
  return kept;
}

function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Why a link is broken, without the page it is on. */
type Verdict = Pick<BrokenLink, 'reason' | 'guess'>;

/**
 * `assets` are other files in the output ("/favicon.svg"), valid link targets without ids.
 * `linksOf` gives a page's links: by default its `hrefs`; the build reads them from the page's file
 * one page at a time, so that only the ids of all pages are in memory at once.
 */
export function findBrokenLinks(pages: BuiltPage[], assets: Set<string> = new Set(), linksOf: (page: BuiltPage) => string[] = (page) => page.hrefs): BrokenLink[] {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const check = (href: string, from: string): Verdict | null => {
    let url: URL;
    let pathname: string;
    let fragment: string;
    try {
      url = new URL(href, `http://site${from}`);
      pathname = decodeURI(url.pathname);
      fragment = decodeURIComponent(url.hash.slice(1));
    } catch {
      return { reason: 'malformed address (check % escapes)' };
    }
    if (url.pathname.startsWith('/_astro/') || url.pathname.startsWith('/pagefind/')) return null;
    const target = byPath.get(url.pathname) ?? byPath.get(url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
    if (!target) {
      if (assets.has(pathname)) return null;
      const guess = pathname.endsWith('/') || !/\.[a-z0-9]+$/i.test(pathname) ? closestPage(pathname.endsWith('/') ? pathname : `${pathname}/`, [...byPath.keys()]) : undefined;
      return { reason: 'no such page', ...(guess ? { guess: `${guess}${url.hash}` } : {}) };
    }
    if (fragment && fragment !== '_top' && !target.ids.has(fragment)) {
      const guess = closest(fragment, target.ids);
      return { reason: `no element with id "${fragment}" on ${target.path}`, ...(guess ? { guess: `#${guess}` } : {}) };
    }
    return null;
  };
  // An absolute address ("/demo/x/") means the same on every page, and the sidebar repeats every
  // page's address on every page of its handbook: each is checked once, not once per page.
  const absolute = new Map<string, Verdict | null>();
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    for (const href of new Set(linksOf(page))) {
      if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue; // external, mailto:, tel:
      let verdict = href.startsWith('/') ? absolute.get(href) : undefined;
      if (verdict === undefined) {
        verdict = check(href, page.path);
        if (href.startsWith('/')) absolute.set(ownCopy(href), verdict);
      }
      if (verdict) broken.push({ page: page.path, href: ownCopy(href), ...verdict });
    }
  }
  return broken;
}

/**
 * The page an address was probably meant to be, for "did you mean": the closest page name in the
 * same folder ("/demo/respond-nwo/" -> "/demo/respond-now/"), or in the closest folder when the
 * folder itself is misspelt ("/demo/scenarois/outage/"). Nothing when no name is close:
 * "/demo/process/nothing/" is not "/demo/process/post-mortem/".
 */
export function closestPage(address: string, hrefs: readonly string[]): string | undefined {
  const split = (href: string): [string, string] => {
    const trimmed = href.replace(/\/$/, '');
    const at = trimmed.lastIndexOf('/');
    return [trimmed.slice(0, at + 1), trimmed.slice(at + 1)];
  };
  const folders = new Map<string, string[]>();
  for (const href of hrefs) {
    const [folder, name] = split(href);
    folders.set(folder, [...(folders.get(folder) ?? []), name]);
  }
  const [folder, name] = split(address);
  const near = folders.has(folder) ? folder : closest(folder, folders.keys());
  if (near === undefined) return undefined;
  const names = folders.get(near)!;
  const guess = names.includes(name) ? name : closest(name, names);
  return guess === undefined ? undefined : `${near}${guess}/`;
}
