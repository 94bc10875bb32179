/**
 * Links checked from the Markdown source: which links are found (and which are not: code, comments),
 * their lines, and heading ids computed exactly as Astro computes them, checked against Astro's own
 * Markdown processor on every example runbook.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { listContent } from '../../src/build/content-files';
import { readFrontmatter } from '../../src/build/frontmatter';
import { findSourceLinkProblems, headingIdsOf, idsKnownFromSource, linksOf, routePattern, slug } from '../../src/build/validate/links';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NO_ROUTES = { exact: new Set<string>(['/']), patterns: [] };

describe('linksOf', () => {
  it('finds inline, reference and href links with their lines', () => {
    const body = [
      'See [a](/x/a/) and [b](/x/b/#part "Title").', // line 10
      '',
      '[ref]: /x/ref/',
      '<a href="/x/html/">html</a> <Card href={"/x/jsx/"} />',
    ].join('\n');
    expect(linksOf(body, 10)).toEqual([
      { href: '/x/a/', line: 10 },
      { href: '/x/b/#part', line: 10 },
      { href: '/x/ref/', line: 12 },
      { href: '/x/html/', line: 13 },
      { href: '/x/jsx/', line: 13 },
    ]);
  });

  it('skips links in fenced code, inline code and comments, keeping line numbers right', () => {
    const body = ['```md', '[no](/in/fence/)', '```', '`[no](/in/code/)` <!-- [no](/in/comment/) -->', '{/* [no](/in/mdx-comment/) */}', '[yes](/after/)'].join('\n');
    expect(linksOf(body)).toEqual([{ href: '/after/', line: 6 }]);
  });
});

describe('heading ids', () => {
  it('slugs as github-slugger does: lower case, punctuation dropped, spaces to dashes, duplicates numbered', () => {
    expect(slug('5. Review & close (P1/P2)')).toBe('5-review--close-p1p2');
    expect(slug('Über café_déjà-vu')).toBe('über-café_déjà-vu');
    expect(headingIdsOf('## Verify\n\n## Verify\n\n### Verify')).toEqual(['verify', 'verify-1', 'verify-2']);
  });

  it('takes the text of links, code and emphasis, not their markup', () => {
    expect(headingIdsOf('## Check `redis-cli PING` on **all** [nodes](/x/) _now_ snake_case')).toEqual(['check-redis-cli-ping-on-all-nodes-now-snake_case']);
  });

  it('ignores "#" lines inside code blocks', () => {
    expect(headingIdsOf('```bash\n# not a heading\n```\n## Real')).toEqual(['real']);
  });

  it('gives every example runbook the heading ids Astro\'s Markdown processor gives it', async () => {
    const processor = await createSatteriMarkdownProcessor({ syntaxHighlight: false });
    const runbooks = listContent(ROOT, `${ROOT}content`, 'runbook');
    expect(runbooks.length).toBeGreaterThan(50);
    for (const runbook of runbooks) {
      const body = readFrontmatter(readFileSync(runbook.file, 'utf8'))!.body;
      // MDX's import lines are not Markdown; what remains renders as Markdown renders it.
      const { metadata } = await processor.render(body.replace(/^import\s.+$/gm, ''));
      expect(headingIdsOf(body), runbook.path).toEqual(metadata.headings.map((heading) => heading.slug));
    }
  });
});

describe('findSourceLinkProblems', () => {
  const page = (id: string, body: string) => ({ id, path: `content/docs/${id}.mdx`, body, bodyLine: 5 });

  it('reports a link to a missing page, with the close one', () => {
    const problems = findSourceLinkProblems([page('demo/respond-now', '## Verify'), page('demo/x', 'x\n[go](/demo/respond-nwo/)')], NO_ROUTES);
    expect(problems).toEqual([
      {
        file: 'content/docs/demo/x.mdx',
        path: ['body'],
        line: 6,
        message: 'Broken link "/demo/respond-nwo/": there is no page /demo/respond-nwo/ (no runbook content/docs/demo/respond-nwo.mdx). Did you mean "/demo/respond-now/"?',
      },
    ]);
  });

  it('accepts a page written without its trailing slash, an index page, the home page and external links', () => {
    const pages = [page('demo', '# Overview'), page('demo/a', '[1](/demo/a) [2](/demo/) [3](/) [4](https://example.com/x/) [5](mailto:x@example.com) [6](./relative/)')];
    expect(findSourceLinkProblems(pages, NO_ROUTES)).toEqual([]);
  });

  it('checks fragments against headings, on the same page too, when all the page\'s ids come from headings', () => {
    const pages = [page('demo/a', '## First step\n\n[here](#first-step) [there](#frist-step) [b](/demo/b/#verify) [top](#_top)'), page('demo/b', '## Verify')];
    expect(findSourceLinkProblems(pages, NO_ROUTES).map((problem) => problem.message)).toEqual([
      'Broken link "#frist-step": /demo/a/ has no heading with the id "frist-step". Did you mean "#first-step"?',
    ]);
  });

  it('leaves fragments on pages with components or HTML ids to the check of the built site', () => {
    expect(idsKnownFromSource('## A\n\n<SeverityScale handbook="x" />')).toBe(false);
    expect(idsKnownFromSource('<div id="anchor"></div>')).toBe(false);
    expect(idsKnownFromSource('## A\n\n```tsx\n<Example />\n```')).toBe(true);
    const pages = [page('demo/a', '[x](/demo/b/#level-p1)'), page('demo/b', '## Levels\n\n<SeverityScale handbook="demo" />')];
    expect(findSourceLinkProblems(pages, NO_ROUTES)).toEqual([]);
  });

  it('reports a malformed % escape', () => {
    expect(findSourceLinkProblems([page('demo/a', '[x](/demo/%E0%A4%A/)')], NO_ROUTES)[0].message).toContain('malformed address');
  });
});

describe('routePattern', () => {
  it('matches one segment for a [param] and nothing else', () => {
    const pattern = routePattern('[handbook]/print');
    expect(pattern.test('/demo/print/')).toBe(true);
    expect(pattern.test('/demo/respond-nwo/')).toBe(false);
    expect(pattern.test('/demo/x/print/')).toBe(false);
  });
  it('matches any depth (and none) for a [...rest]', () => {
    const pattern = routePattern('guides/[...slug]');
    expect(pattern.test('/guides/')).toBe(true);
    expect(pattern.test('/guides/a/b/')).toBe(true);
    expect(pattern.test('/other/a/')).toBe(false);
  });
  it('matches an endpoint without a trailing slash', () => {
    expect(routePattern('[handbook]/data.json').test('/demo/data.json')).toBe(true);
  });
});
