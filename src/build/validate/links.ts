/**
 * Internal links written in runbooks, checked from the source so that a mistyped link is reported
 * in the same run as every other content mistake (the build stops before rendering when content is
 * invalid, so the check of the built HTML, src/build/link-check.ts, would never see it).
 *
 * Checked: absolute links to pages (`[text](/x/y/)`, `[text]: /x/y/`, `href="/x/y/"`) against the
 * runbooks and the site's own routes, and their `#fragment` against the target runbook's headings,
 * slugged as Astro slugs them. Left to the check of the built site: links to files (with an
 * extension), relative links, and fragments on pages whose ids come from components or HTML.
 */
import { join } from 'node:path';
import { parseInline, type InlineToken } from '../../lib/inline-markdown';
import { closest } from '../../schemas/context';
import { normalisePageId, pageHref } from '../../schemas/ids';
import { listFiles } from '../files';
import { closestPage } from '../link-check';
import type { Problem } from './problem';

export interface LinkSource {
  id: string;
  /** The file as reports name it. */
  path: string;
  /** The Markdown below the frontmatter, and the file line it starts on. */
  body: string;
  bodyLine: number;
}

export interface Link {
  href: string;
  line: number;
}

/** The site's addresses that are not runbooks: src/pages routes ("/reviews/", "/reviews.json") and public/ files. */
export interface Routes {
  exact: Set<string>;
  /**
   * Addresses served by a dynamic route, as patterns: `[handbook]/print.astro` matches "/<one segment>/print/",
   * `[...slug].astro` any path below its folder.
   */
  patterns: RegExp[];
}

/** A dynamic route's file path (without extension) as a pattern of the addresses it serves. */
export function routePattern(route: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|\\]/g, '\\$&');
  const parts = route.split(/(\[\.\.\.[^\]]+\]|\[[^\]]+\])/).map((part) => (part.startsWith('[...') ? '.*' : part.startsWith('[') ? '[^/]+' : escape(part)));
  const endpoint = /\.[a-z0-9]+$/i.test(route);
  return new RegExp(`^/${parts.join('')}${endpoint ? '' : '/'}$`.replace(/\/\.\*\/\$$/, '(?:/.*)?/$').replace('^//', '^/'));
}

export function siteRoutes(root: string): Routes {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const { relative } of listFiles(join(root, 'src/pages'), (path) => /\.(astro|md|mdx|ts|js)$/.test(path))) {
    const route = relative.replace(/\.(astro|md|mdx|ts|js)$/, '').replace(/(^|\/)index$/, '');
    if (route.includes('[')) patterns.push(routePattern(route));
    else if (/\.[a-z0-9]+$/i.test(route)) exact.add(`/${route}`); // an endpoint: reviews.json.ts -> /reviews.json
    else exact.add(route === '' ? '/' : `/${route}/`);
  }
  for (const { relative } of listFiles(join(root, 'public'))) exact.add(`/${relative}`);
  return { exact, patterns };
}

/** Every link of a Markdown body with its file line; code blocks, inline code and comments are skipped. */
export function linksOf(body: string, firstLine = 1): Link[] {
  const text = blankOutCode(body);
  const links: Link[] = [];
  const patterns = [
    /\]\(\s*<?([^\s)>]+)>?(?:\s+["'(][^)]*)?\)/g, // [text](href "title")
    /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm, // [label]: href
    /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g, // href="..." in HTML or JSX
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const href = match[1] ?? match[2] ?? match[3];
      if (href === undefined) continue;
      links.push({ href, line: firstLine + countLines(text, match.index + match[0].indexOf(href)) });
    }
  }
  return links.sort((a, b) => a.line - b.line);
}

/** Heading ids of a Markdown body, as Astro gives them (github-slugger over the heading's text). */
export function headingIdsOf(body: string): string[] {
  const seen = new Map<string, number>();
  const ids: string[] = [];
  for (const match of blankOutCode(body, { keepInlineCode: true }).matchAll(/^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm)) {
    const base = slug(headingText(match[1]));
    let id = base;
    while (seen.has(id)) {
      const next = (seen.get(base) ?? 0) + 1;
      seen.set(base, next);
      id = `${base}-${next}`;
    }
    seen.set(id, 0);
    ids.push(id);
  }
  return ids;
}

/**
 * Whether every id a page can be linked to comes from its Markdown headings: no components, no
 * HTML with ids, no setext (underlined) headings. Only then is a missing fragment certain.
 */
export function idsKnownFromSource(body: string): boolean {
  const text = blankOutCode(body);
  return !/<[A-Z]/.test(text) && !/\sid\s*=/.test(text) && !/^\S.*\n {0,3}(=+|-+)[ \t]*$/m.test(text);
}

export function findSourceLinkProblems(pages: readonly LinkSource[], routes: Routes): Problem[] {
  const check = linkChecker(pages, routes);
  const problems: Problem[] = [];
  for (const page of pages) {
    for (const { href, line } of linksOf(page.body, page.bodyLine)) {
      const problem = check(href, page);
      if (problem) problems.push({ file: page.path, path: ['body'], line, message: problem });
    }
  }
  return problems;
}

/** A text field of a YAML file (or of a template's frontmatter), for the links written in it. */
export interface YamlLinkSource {
  /** The file as reports name it. */
  path: string;
  /** The data as read; every string in it is read as inline Markdown, except at `skip` keys. */
  data: unknown;
  /** The line of the value at a path. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * Links written in YAML text fields (`[see](/x/y/)` in a handbook's description, a drill's scenario,
 * a level's definition), read with the inline Markdown tokenizer the site renders them with, and
 * checked like links in runbooks, against the file and field. A link that is only a `#fragment` is
 * left to the check of the built site: which page it lands on depends on where the text is shown.
 */
export function findYamlLinkProblems(files: readonly YamlLinkSource[], pages: readonly LinkSource[], routes: Routes): Problem[] {
  const check = linkChecker(pages, routes);
  const problems: Problem[] = [];
  for (const file of files) {
    for (const { path, text } of textFields(file.data)) {
      for (const href of linkTargets(parseInline(text))) {
        if (href.startsWith('#')) continue;
        const problem = check(href);
        if (problem) problems.push({ file: file.path, path, line: file.lineOf(path), message: problem });
      }
    }
  }
  return problems;
}

/** Keys whose text is not inline Markdown: a template's body (shown as written) and the loaders' own. */
const NOT_MARKDOWN = new Set(['body', 'entryPath']);

function textFields(data: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; text: string }[] {
  if (typeof data === 'string') return [{ path, text: data }];
  if (Array.isArray(data)) return data.flatMap((item, i) => textFields(item, [...path, i]));
  if (data === null || typeof data !== 'object' || data instanceof Date) return [];
  return Object.entries(data).flatMap(([key, value]) => (path.length === 0 && NOT_MARKDOWN.has(key) ? [] : textFields(value, [...path, key])));
}

function linkTargets(tokens: readonly InlineToken[]): string[] {
  return tokens.flatMap((token) => [...(token.type === 'link' ? [token.href] : []), ...('children' in token ? linkTargets(token.children) : [])]);
}

/**
 * Checks one link against the runbooks and the site's routes: the reason it is broken, or nothing.
 * `from` is the page the link is on, for links that are only a `#fragment` or start with one.
 */
export function linkChecker(pages: readonly LinkSource[], routes: Routes): (href: string, from?: LinkSource) => string | undefined {
  const byId = new Map(pages.map((page) => [page.id, page]));
  const headings = new Map<string, string[]>();
  const headingsOf = (page: LinkSource) => {
    if (!headings.has(page.id)) headings.set(page.id, headingIdsOf(page.body));
    return headings.get(page.id)!;
  };
  const hrefs = [...byId.keys()].map(pageHref);
  return (href, from) => {
    if (!href.startsWith('/') && !href.startsWith('#')) return undefined; // external, mailto:, relative
    if (href.startsWith('//')) return undefined;
    const [rawPath, rawFragment = ''] = href.split('#', 2);
    if (rawPath === '' && !from) return undefined;
    let path: string;
    let fragment: string;
    try {
      path = rawPath === '' ? pageHref(from!.id) : decodeURI(rawPath.split('?')[0]);
      fragment = decodeURIComponent(rawFragment);
    } catch {
      return `Broken link "${href}": malformed address (check the % escapes)`;
    }
    const last = path.replace(/\/$/, '').split('/').pop() ?? '';
    if (last.includes('.')) return undefined; // a file: checked in the built site
    const target = byId.get(normalisePageId(path));
    if (!target) {
      const address = path.endsWith('/') ? path : `${path}/`;
      if (routes.exact.has(address) || routes.patterns.some((pattern) => pattern.test(address))) return undefined;
      const guess = closestPage(address, hrefs);
      return `Broken link "${href}": there is no page ${address} (no runbook content/docs${address.replace(/\/$/, '')}.mdx)${guess ? `. Did you mean "${guess}"?` : ''}`;
    }
    if (!fragment || fragment === '_top' || !idsKnownFromSource(target.body)) return undefined;
    const ids = headingsOf(target);
    if (ids.includes(fragment)) return undefined;
    const guess = closest(fragment, ids);
    return `Broken link "${href}": ${pageHref(target.id)} has no heading with the id "${fragment}"` + (guess ? `. Did you mean "#${guess}"?` : ids.length ? ` (its headings: ${ids.map((id) => `#${id}`).join(', ')})` : ' (it has no headings)');
  };
}

/** Heading Markdown to the text Astro slugs: link and image syntax, emphasis, HTML tags and escapes removed. */
function headingText(markdown: string): string {
  return markdown
    .split(/(`+[^`]*`+)/)
    .map((part, i) => {
      if (i % 2 === 1) return part.replace(/^`+\s?|\s?`+$/g, '');
      return part
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
        .replace(/<\/?[A-Za-z][^>]*>/g, '')
        .replace(/(\*+|~~)/g, '')
        .replace(/(^|[^\p{L}\p{N}_])_+(?=\S)/gu, '$1')
        .replace(/(\S)_+(?=$|[^\p{L}\p{N}_])/gu, '$1')
        .replace(/\\([!-/:-@[-`{-~])/g, '$1');
    })
    .join('');
}

/** github-slugger's rule: lower case, drop everything but letters, marks, numbers, `_`, `-` and spaces, spaces to `-`. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Replaces fenced code, inline code (unless kept) and comments with spaces, keeping line breaks. */
export function blankOutCode(body: string, options: { keepInlineCode?: boolean } = {}): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  let text = body
    .replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\2[ \t]*$|(?![\s\S]))/gm, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
  if (!options.keepInlineCode) text = text.replace(/(`+)[^`\n][\s\S]*?\1/g, blank);
  return text;
}

function countLines(text: string, index: number): number {
  let lines = 0;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}
