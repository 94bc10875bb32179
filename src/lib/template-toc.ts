/**
 * "On this page" for pages that show message templates. A template's heading is drawn by its
 * component, so Astro's list of a page's headings (Markdown only) misses it; this puts each template
 * back in, where its component stands among the Markdown headings, and nests the list the way
 * Starlight does. Pure: the route middleware feeds it the page's source and headings.
 */
import { templateAnchor } from './template-anchor';

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem extends Heading {
  children: TocItem[];
}

/** A template component in a page's source: one template (`id`) or all of a handbook's (`handbook`). */
const COMPONENT = /<(TemplateList|MessageTemplate)\b([^>]*)\/?>/g;
const attr = (attrs: string, name: string) => new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|\\{\\s*(\\d)\\s*\\})`).exec(attrs)?.slice(1).find((v) => v !== undefined);

/**
 * The page's headings with its templates' headings put in. `templates(handbook)` lists a handbook's
 * templates in the order TemplateList shows them; `title(id)` names one (undefined: skipped, the
 * build reports an unknown id on its own).
 */
export function withTemplateHeadings(
  source: string,
  headings: readonly Heading[],
  lookup: { templates(handbook: string): { id: string; title: string }[]; title(id: string): string | undefined },
): Heading[] {
  const out: Heading[] = [];
  let taken = 0;
  let fence: string | undefined;
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence !== undefined) continue;
    if (/^\s{0,3}#{1,6}\s/.test(line)) {
      if (taken < headings.length) out.push(headings[taken++]);
      continue;
    }
    // A tag written over several lines (as Prettier writes long JSX) is read as one.
    while (/<(TemplateList|MessageTemplate)\b[^>]*$/.test(line) && i + 1 < lines.length) line += ` ${lines[++i]}`;
    for (const match of line.matchAll(COMPONENT)) {
      const depth = Number(attr(match[2], 'headingLevel') ?? 3);
      const found =
        match[1] === 'TemplateList'
          ? lookup.templates(attr(match[2], 'handbook') ?? '')
          : [{ id: attr(match[2], 'id') ?? '', title: lookup.title(attr(match[2], 'id') ?? '') ?? '' }].filter((t) => t.title);
      for (const template of found) out.push({ depth, slug: templateAnchor(template.id), text: template.title });
    }
  }
  // Headings the scan did not reach (a heading written as HTML, say) keep their place at the end.
  return out.concat(headings.slice(taken));
}

/** Headings nested into Starlight's "On this page" tree: "Overview" (`_top`) first. */
export function nestToc(headings: readonly Heading[], { minHeadingLevel, maxHeadingLevel, title }: { minHeadingLevel: number; maxHeadingLevel: number; title: string }): TocItem[] {
  const toc: TocItem[] = [{ depth: 2, slug: '_top', text: title, children: [] }];
  const inject = (items: TocItem[], item: TocItem) => {
    const last = items.at(-1);
    if (!last || last.depth >= item.depth) items.push(item);
    else inject(last.children, item);
  };
  for (const heading of headings) {
    if (heading.depth >= minHeadingLevel && heading.depth <= maxHeadingLevel) inject(toc, { ...heading, children: [] });
  }
  return toc;
}
