/**
 * Internal link checking over the built site: every `href` to a page of this site must reach a
 * page that exists, and every `#fragment` an element id on that page. Working on the output (not on
 * the Markdown) also covers the links components generate. Pure: give it the pages, get the problems.
 */
import { closest } from '../schemas/context';

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
  return {
    path,
    ids: new Set([...html.matchAll(ID)].map((m) => decodeEntities(m[1]))),
    hrefs: [...html.matchAll(HREF)].map((m) => decodeEntities(m[1])),
  };
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** `assets` are other files in the output ("/favicon.svg"), valid link targets without ids. */
export function findBrokenLinks(pages: BuiltPage[], assets: Set<string> = new Set()): BrokenLink[] {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    for (const href of new Set(page.hrefs)) {
      if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue; // external, mailto:, tel:
      let url: URL;
      let pathname: string;
      let fragment: string;
      try {
        url = new URL(href, `http://site${page.path}`);
        pathname = decodeURI(url.pathname);
        fragment = decodeURIComponent(url.hash.slice(1));
      } catch {
        broken.push({ page: page.path, href, reason: 'malformed address (check % escapes)' });
        continue;
      }
      if (url.pathname.startsWith('/_astro/') || url.pathname.startsWith('/pagefind/')) continue;
      const target = byPath.get(url.pathname) ?? byPath.get(url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
      if (!target) {
        if (assets.has(pathname)) continue;
        const guess = pathname.endsWith('/') || !/\.[a-z0-9]+$/i.test(pathname) ? closestPage(pathname.endsWith('/') ? pathname : `${pathname}/`, [...byPath.keys()]) : undefined;
        broken.push({ page: page.path, href, reason: 'no such page', ...(guess ? { guess: `${guess}${url.hash}` } : {}) });
        continue;
      }
      if (fragment && fragment !== '_top' && !target.ids.has(fragment)) {
        const guess = closest(fragment, target.ids);
        broken.push({ page: page.path, href, reason: `no element with id "${fragment}" on ${target.path}`, ...(guess ? { guess: `#${guess}` } : {}) });
      }
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
