/**
 * Fits one runbook's rendered HTML into the printed handbook (src/pages/[handbook]/print.astro),
 * where every page of the handbook shares one document:
 * - element ids get the section's prefix (`print-severity--p1`), and so does every attribute that
 *   points at an id (`for`, `aria-labelledby`...) and every `#fragment` link: two runbooks both have
 *   a "Symptoms" heading, and their ids must not collide;
 * - a link to a page that is in the document points to its section (`#print-scenarios-x` or the
 *   prefixed fragment) and is followed by its section number, "(see 5.2)", for the paper reader;
 *   a link to any other page of the site becomes absolute, so print writes out a URL that works;
 * - headings go down a level or two (the section title is the document's h2 or h3), and headings,
 *   captions and named landmarks carry the section number for screen readers ("Symptoms (5.2)"):
 *   every runbook has a "Symptoms", and one document may hold the same table twice;
 * - a runbook's named sections become groups, not landmarks (the document's regions are its runbooks);
 * - islands are not hydrated (their server HTML is what prints) and checklists are not brought to
 *   life (the binder's boxes stay empty, to tick by pen).
 *
 * Pure string work over well-formed HTML as Astro renders it: tags are read with their quoted
 * attributes (a `>` inside a copy button's command is no tag end), and the text, comments, scripts
 * and styles are passed through untouched. Nothing is parsed into a DOM, so a 1,000-page handbook
 * costs one pass per page.
 */

export interface PrintTarget {
  /** The section's anchor in the document. */
  anchor: string;
  /** Its number, "5.2". */
  number: string;
}

export interface RewriteOptions {
  /** This section's anchor: the prefix of its ids. */
  anchor: string;
  /** The page's own address (`/h/scenarios/x/`): relative links resolve against it. */
  href: string;
  /** Sections of the document by page address, with a trailing slash (`/h/severity/`). */
  targets: ReadonlyMap<string, PrintTarget>;
  /** The site's origin (`https://handbook.example`), for links to pages not in the document. */
  site: string;
  /** How many levels headings go down (1: an h2 becomes an h3); at most h6. */
  headingShift?: number;
  /**
   * The section's number ("5.2"): added, for screen readers and the PDF outline only, to its headings,
   * table captions and named landmarks, whose names repeat from one runbook to the next ("Symptoms").
   */
  number?: string;
  /**
   * Scripts, styles and stylesheet links the document already has, updated: one met again is left
   * out. Astro writes each once per page, and the document holds many pages (src/lib/print-assembly.ts).
   */
  once?: Set<string>;
}

/** Attributes whose value is one id, or a list of ids. */
const ID_REF_ATTRIBUTES = new Set(['for', 'list', 'form', 'popovertarget', 'commandfor', 'aria-activedescendant', 'aria-details', 'aria-errormessage']);
const ID_LIST_ATTRIBUTES = new Set(['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-flowto', 'headers']);
/** Links that are tags, not references: a level badge, the "site guidance" mark. No "(see N)" after them. */
const UNREFERENCED_LINKS = new Set(['level-badge', 'site-note']);
/** Astro's island elements: printed as plain containers that nothing hydrates. */
const ISLAND_TAGS = new Set(['astro-island', 'astro-slot', 'astro-static-slot']);

/** Tags and attributes a rewrite can touch; a tag with neither is left as it is. */
const REWRITTEN_TAGS = /^(a|area|nav|aside|form|section)$/i;
const REWRITTEN_ATTRIBUTES = /(?:^|\s)(?:id|for|list|form|popovertarget|commandfor|headers|role|href|aria-[\w-]+|data-checklist-page)\s*=/i;

/**
 * Expressive Code's `<pre data-language>` (the code itself: lines, token spans, copy buttons) holds
 * nothing to rewrite, no id, no link, no heading; it is a third of a runbook's HTML, passed through
 * whole (the first alternative below), not tag by tag.
 */
const TOKEN =
  /<pre data-language="[^"<>]*">[\s\S]*?<\/pre>|<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<\/([A-Za-z][\w:-]*)\s*>|<([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

type Attribute = [name: string, value: string | undefined];

function parseAttributes(source: string): Attribute[] {
  return [...source.matchAll(ATTRIBUTE)].map((m) => [m[1], m[2] ?? (m[3] ?? m[4])?.replace(/"/g, '&quot;')]);
}

function serialise(tag: string, attributes: Attribute[], selfClosing: string): string {
  const text = attributes.map(([name, value]) => (value === undefined ? ` ${name}` : ` ${name}="${value}"`)).join('');
  return `<${tag}${text}${selfClosing ? ' /' : ''}>`;
}

/** `/a/b/` for `/a/b`, `/a/b/index.html`; the pathname and the fragment of a site link, or undefined for another site. */
export function splitSiteLink(href: string, base: string): { path: string; hash: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(href.replace(/&amp;/g, '&'), `https://site.invalid${base}`);
  } catch {
    return undefined;
  }
  let path = url.pathname.replace(/\/index\.html$/, '/');
  if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) path += '/';
  return { path, hash: decodeURIComponent(url.hash.slice(1)) };
}

const prefixed = (anchor: string, id: string) => `${anchor}--${id}`;

export function rewriteSectionHtml(html: string, options: RewriteOptions): string {
  const { anchor, href, targets, site, headingShift = 1, number, once } = options;
  /** The token, or nothing when `once` already has it. */
  const firstTime = (token: string) => {
    if (!once) return token;
    if (once.has(token)) return '';
    once.add(token);
    return token;
  };
  const where = number ? `<span class="sr-only"> (${number})</span>` : '';
  const shifted = (level: string) => `h${Math.min(6, Number(level) + headingShift)}`;
  const origin = site.replace(/\/+$/, '');
  /** The "(see 5.2)" to write after the link being read, once its end tag comes. */
  let pendingReference: string | undefined;
  return html.replace(TOKEN, (token, rawTag: string | undefined, endTag: string | undefined, tag: string | undefined, attributeText: string | undefined, selfClosing: string) => {
    if (rawTag !== undefined) return firstTime(token);
    // A comment, or a code block passed through whole.
    if (token.startsWith('<!--') || token.startsWith('<pre data-language=')) return token;
    if (endTag !== undefined) {
      const name = endTag.toLowerCase();
      if (ISLAND_TAGS.has(name)) return '</div>';
      const heading = /^h([2-6])$/.exec(name);
      if (heading) return `${where}</${shifted(heading[1])}>`;
      if (name === 'caption') return `${where}${token}`;
      if (name === 'a' && pendingReference) {
        const reference = pendingReference;
        pendingReference = undefined;
        return `</a><span class="print-see"> (see ${reference})</span>`;
      }
      return token;
    }
    let name = tag!;
    if (once && /^link$/i.test(name) && /\brel\s*=\s*["']?stylesheet\b/i.test(attributeText ?? '')) return firstTime(token);
    if (ISLAND_TAGS.has(name.toLowerCase())) return '<div class="print-island">';
    const heading = /^h([2-6])$/i.exec(name);
    // Most tags (a code block's many spans) have nothing to rewrite: left as they are, unparsed.
    if (!heading && !REWRITTEN_TAGS.test(name) && !REWRITTEN_ATTRIBUTES.test(attributeText ?? '')) return token;
    let attributes = parseAttributes(attributeText ?? '');
    if (heading) name = shifted(heading[1]);
    const classes = attributes.find(([key]) => key === 'class')?.[1]?.split(/\s+/) ?? [];
    attributes = attributes.map(([key, value]): Attribute => {
      if (value === undefined) return [key, value];
      const lower = key.toLowerCase();
      if (lower === 'id' || ID_REF_ATTRIBUTES.has(lower)) return [key, prefixed(anchor, value)];
      if (ID_LIST_ATTRIBUTES.has(lower)) return [key, value.split(/\s+/).filter(Boolean).map((id) => prefixed(anchor, id)).join(' ')];
      // The page's checklist strip: without it the checklist code leaves the document alone.
      if (lower === 'data-checklist-page') return ['data-print-checklist-page', value];
      if (lower === 'href' && (/^(a|area)$/i.test(name))) {
        if (value.startsWith('#')) return [key, value.length > 1 ? `#${prefixed(anchor, value.slice(1))}` : `#${anchor}`];
        const link = splitSiteLink(value, href);
        if (!link) return [key, value];
        const target = targets.get(link.path);
        if (!target) return [key, `${origin}${value.startsWith('/') ? value : link.path + (link.hash ? `#${link.hash}` : '')}`];
        if (target.anchor !== anchor && /^a$/i.test(name) && !classes.some((name) => UNREFERENCED_LINKS.has(name))) pendingReference = target.number;
        return [key, `#${link.hash ? prefixed(target.anchor, link.hash) : target.anchor}`];
      }
      return [key, value];
    });
    // A runbook's named sections and regions (each severity level, each template's preview) are
    // landmarks on its own page; here the same scale can be printed twice, and the document's
    // regions are its runbooks.
    if (number && /^(nav|aside|form)$/i.test(name)) {
      attributes = attributes.map(([key, value]): Attribute => (key.toLowerCase() === 'aria-label' && value ? [key, `${value} (${number})`] : [key, value]));
    }
    const role = attributes.find(([key]) => key.toLowerCase() === 'role');
    if (role?.[1] === 'region') role[1] = 'group';
    else if (!role && /^section$/i.test(name) && attributes.some(([key]) => /^aria-label(ledby)?$/i.test(key))) attributes.push(['role', 'group']);
    return serialise(name, attributes, selfClosing);
  });
}
