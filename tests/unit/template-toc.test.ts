import { describe, expect, it } from 'vitest';
// Starlight's own "On this page" builder (not exported by the package: imported by path, so a
// Starlight upgrade that changes it shows up here).
import { generateToC } from '../../node_modules/@astrojs/starlight/dist/utils/generateToC.js';
import { nestToc, withTemplateHeadings, type Heading } from '../../src/lib/template-toc';

const TEMPLATES: Record<string, { id: string; title: string }[]> = {
  'agency-platform': [
    { id: 'agency-platform/declare-incident', title: 'Declare an incident' },
    { id: 'agency-platform/internal-update', title: 'Internal update' },
    { id: 'agency-platform/post-mortem', title: 'Post-mortem' },
  ],
  'customer-portal': [{ id: 'customer-portal/status-page', title: 'Status page update' }],
};
const lookup = {
  templates: (handbook: string) => TEMPLATES[handbook] ?? [],
  title: (id: string) => Object.values(TEMPLATES).flat().find((t) => t.id === id)?.title,
};

const h = (depth: number, text: string): Heading => ({ depth, slug: text.toLowerCase().replace(/[^a-z0-9]+/g, '-'), text });
const t = (depth: number, id: string): Heading => ({ depth, slug: `template-${id.replace(/[^a-z0-9]+/gi, '-')}`, text: lookup.title(id)! });
const mdx = (...lines: string[]) => lines.join('\n');
const texts = (headings: Heading[]) => headings.map((heading) => `${heading.depth} ${heading.text}`);

describe('withTemplateHeadings', () => {
  it('puts a MessageTemplate among the Markdown headings, depth 3 by default, slug and title of the template', () => {
    const source = mdx(
      "import MessageTemplate from '~/components/content/MessageTemplate.astro';",
      '',
      '## Before you declare',
      'Some text.',
      '',
      '## Declare',
      '',
      '<MessageTemplate id="agency-platform/declare-incident" />',
      '',
      '### After declaring',
      '## Next steps',
    );
    const headings = [h(2, 'Before you declare'), h(2, 'Declare'), h(3, 'After declaring'), h(2, 'Next steps')];
    expect(withTemplateHeadings(source, headings, lookup)).toEqual([
      h(2, 'Before you declare'),
      h(2, 'Declare'),
      { depth: 3, slug: 'template-agency-platform-declare-incident', text: 'Declare an incident' },
      h(3, 'After declaring'),
      h(2, 'Next steps'),
    ]);
  });

  it('a TemplateList adds its handbook\'s templates in their order, at headingLevel={2}', () => {
    const source = mdx('## When to send what', '', '<TemplateList handbook="agency-platform" headingLevel={2} />', '', '## Channels');
    const headings = [h(2, 'When to send what'), h(2, 'Channels')];
    expect(withTemplateHeadings(source, headings, lookup)).toEqual([
      h(2, 'When to send what'),
      t(2, 'agency-platform/declare-incident'),
      t(2, 'agency-platform/internal-update'),
      t(2, 'agency-platform/post-mortem'),
      h(2, 'Channels'),
    ]);
  });

  it('reads headingLevel as {n}, "n" or \'n\', and single-quoted ids and handbooks', () => {
    const source = mdx(
      "<MessageTemplate id='agency-platform/post-mortem' headingLevel=\"4\" />",
      "<TemplateList headingLevel={2} handbook='customer-portal'/>",
      '<MessageTemplate headingLevel={2} id="agency-platform/internal-update"></MessageTemplate>',
    );
    expect(texts(withTemplateHeadings(source, [], lookup))).toEqual(['4 Post-mortem', '2 Status page update', '2 Internal update']);
  });

  it('slugs are template- plus the id with every run of other characters as one hyphen', () => {
    const odd = { templates: () => [{ id: 'Team A/Status update (v2)', title: 'Odd' }], title: () => undefined };
    expect(withTemplateHeadings('<TemplateList handbook="x" />', [], odd)[0].slug).toBe('template-Team-A-Status-update-v2-');
  });

  it('skips an unknown template id and a handbook without templates', () => {
    const source = mdx('## A', '<MessageTemplate id="agency-platform/nope" />', '<TemplateList handbook="nope" />', '<MessageTemplate id="customer-portal/status-page" />', '## B');
    expect(texts(withTemplateHeadings(source, [h(2, 'A'), h(2, 'B')], lookup))).toEqual(['2 A', '3 Status page update', '2 B']);
  });

  describe('fenced code', () => {
    const HEADINGS = [h(2, 'Run this'), h(2, 'Then')];
    const scan = (...lines: string[]) => texts(withTemplateHeadings(mdx('## Run this', ...lines, '## Then'), HEADINGS, lookup));

    it('does not count `#` lines inside ``` or ~~~ fences, nor template tags there', () => {
      expect(scan('```bash', '# restart the pods', '## not a heading', '<MessageTemplate id="agency-platform/post-mortem" />', '```')).toEqual(['2 Run this', '2 Then']);
      expect(scan('~~~md', '## A heading in an example', '<TemplateList handbook="agency-platform" />', '~~~')).toEqual(['2 Run this', '2 Then']);
      // Up to three spaces before the fence (a fence inside a list item).
      expect(scan('   ```yaml', '   # a YAML comment', '   <MessageTemplate id="agency-platform/post-mortem" />', '   ```')).toEqual(['2 Run this', '2 Then']);
    });

    it('counts what follows a closed fence', () => {
      expect(scan('```', '# comment', '```', '<MessageTemplate id="agency-platform/declare-incident" />')).toEqual(['2 Run this', '3 Declare an incident', '2 Then']);
      expect(scan('~~~', '# comment', '~~~~', '<MessageTemplate id="agency-platform/declare-incident" />')).toEqual(['2 Run this', '3 Declare an incident', '2 Then']);
    });

    it('a fence is closed only by the same character, at least as long', () => {
      const example = (open: string, notClosing: string, close: string) =>
        scan(open, notClosing, '## Example heading', '<MessageTemplate id="agency-platform/post-mortem" />', close, '<MessageTemplate id="agency-platform/declare-incident" />');
      const fenced = ['2 Run this', '3 Declare an incident', '2 Then'];
      expect(example('````md', '```', '````')).toEqual(fenced);
      expect(example('~~~~', '~~~', '~~~~~')).toEqual(fenced);
      expect(example('```', '~~~', '```')).toEqual(fenced);
      expect(example('~~~', '```', '~~~')).toEqual(fenced);
    });
  });

  it('counts ATX headings only: "#tag", an indented code line or text are not headings', () => {
    const source = mdx('## One', '#hashtag in a paragraph', '    # indented four: code, not a heading', '<MessageTemplate id="agency-platform/post-mortem" />', '   ### Three spaces is a heading');
    expect(texts(withTemplateHeadings(source, [h(2, 'One'), h(3, 'Three spaces is a heading')], lookup))).toEqual([
      '2 One',
      '3 Post-mortem',
      '3 Three spaces is a heading',
    ]);
  });

  it('keeps headings the scan did not reach at the end, and the page\'s list alone when there are no templates', () => {
    // A heading written as HTML is in Astro's list but not a `#` line.
    const source = mdx('## A', '<MessageTemplate id="agency-platform/post-mortem" />', '<h2 id="b">B</h2>');
    expect(texts(withTemplateHeadings(source, [h(2, 'A'), h(2, 'B')], lookup))).toEqual(['2 A', '3 Post-mortem', '2 B']);
    const plain = [h(2, 'A'), h(3, 'B')];
    expect(withTemplateHeadings('## A\n### B', plain, lookup)).toEqual(plain);
    expect(withTemplateHeadings('', plain, lookup)).toEqual(plain);
  });

  it('keeps the heading objects it was given (slugs as Astro made them)', () => {
    const given = [{ depth: 2, slug: 'custom-slug-2', text: 'A' }];
    const out = withTemplateHeadings('## A\n<MessageTemplate id="agency-platform/post-mortem" />', given, lookup);
    expect(out[0]).toBe(given[0]);
  });

  // A tag split over lines, as Prettier writes long JSX, is read as one.
  it('finds a template tag written over several lines', () => {
    const source = mdx('## A', '<TemplateList', '  handbook="customer-portal"', '  headingLevel={2}', '/>', '## B');
    expect(texts(withTemplateHeadings(source, [h(2, 'A'), h(2, 'B')], lookup))).toEqual(['2 A', '2 Status page update', '2 B']);
  });

  // LIMITATION (same scan): a setext heading ("Title" underlined with --- or ===) is in Astro's
  // headings but not a `#` line, so each later `#` line takes the heading before its own and a
  // template lands above the heading it stands under. No page uses setext headings today.
  //   input    "Intro\n-----\n<MessageTemplate id=\"agency-platform/post-mortem\" />\n## Later"
  //   expected ["2 Intro", "3 Post-mortem", "2 Later"]   actual ["3 Post-mortem", "2 Intro", "2 Later"]
  it.fails('places templates after a setext heading', () => {
    const source = mdx('Intro', '-----', '<MessageTemplate id="agency-platform/post-mortem" />', '## Later');
    expect(texts(withTemplateHeadings(source, [h(2, 'Intro'), h(2, 'Later')], lookup))).toEqual(['2 Intro', '3 Post-mortem', '2 Later']);
  });
});

describe('nestToc', () => {
  const options = { minHeadingLevel: 2, maxHeadingLevel: 3, title: 'Overview' };

  it('"Overview" (_top) first, depth 3 under the depth 2 before it, levels outside min..max dropped', () => {
    const headings = [h(3, 'Orphan'), h(2, 'A'), h(3, 'A1'), h(4, 'Too deep'), h(3, 'A2'), h(1, 'Too high'), h(2, 'B'), h(3, 'B1')];
    const leaf = (heading: Heading) => ({ ...heading, children: [] });
    expect(nestToc(headings, options)).toEqual([
      // A depth-3 before any depth-2 nests under "Overview", as in Starlight.
      { depth: 2, slug: '_top', text: 'Overview', children: [leaf(h(3, 'Orphan'))] },
      { ...h(2, 'A'), children: [leaf(h(3, 'A1')), leaf(h(3, 'A2'))] },
      { ...h(2, 'B'), children: [leaf(h(3, 'B1'))] },
    ]);
  });

  it('gives what Starlight\'s generateToC gives for the same headings', () => {
    const page = withTemplateHeadings(
      mdx('## Declare', '<MessageTemplate id="agency-platform/declare-incident" />', '### Aftercare', '#### Detail', '## Messages', '<TemplateList handbook="agency-platform" headingLevel={2} />', '## Last'),
      [h(2, 'Declare'), h(3, 'Aftercare'), h(4, 'Detail'), h(2, 'Messages'), h(2, 'Last')],
      lookup,
    );
    for (const levels of [
      { minHeadingLevel: 2, maxHeadingLevel: 3 },
      { minHeadingLevel: 2, maxHeadingLevel: 4 },
      { minHeadingLevel: 3, maxHeadingLevel: 4 },
      { minHeadingLevel: 2, maxHeadingLevel: 2 },
    ]) {
      const opts = { ...levels, title: 'On this page' };
      expect(nestToc(page, opts)).toEqual(generateToC(page, opts));
    }
    expect(nestToc([], options)).toEqual(generateToC([], options));
  });

  it('matches generateToC on many random heading lists', () => {
    // A small fixed-seed generator: the same lists every run.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 300; run++) {
      const headings = Array.from({ length: Math.floor(random() * 12) }, (_, i) => h(1 + Math.floor(random() * 6), `H${run}-${i}`));
      const min = 1 + Math.floor(random() * 3);
      const opts = { minHeadingLevel: min, maxHeadingLevel: min + Math.floor(random() * 4), title: 'Overview' };
      expect(nestToc(headings, opts)).toEqual(generateToC(headings, opts));
    }
  });

  it('does not change the headings it is given', () => {
    const headings = [h(2, 'A'), h(3, 'B')];
    const copy = structuredClone(headings);
    nestToc(headings, options);
    expect(headings).toEqual(copy);
  });
});
