/**
 * The link checker over built HTML: every internal href must reach a page, every #fragment an id on
 * that page; external links, build assets and search files are left alone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closestPage, findBrokenLinks, fromLatin1, hrefsOf, idsOf, newHrefsOf, scanHtml, type BuiltPage } from '../../src/build/link-check';
import { brokenLinksHint, brokenLinksReport } from '../../src/build/link-check-integration';
import { pageSources } from '../../src/build/page-sources';

const built = (path: string, ids: string[], hrefs: string[]): BuiltPage => ({ path, ids: new Set(ids), hrefs });

describe('scanHtml', () => {
  it('collects element ids and anchor hrefs', () => {
    const page = scanHtml(
      '/demo/',
      `<h2 id="verify">Verify</h2><section class="x" id='top'></section>
       <a href="/demo/respond-now/">Respond</a> <a class="c" href='#verify'>Verify</a>
       <a target="_blank" href="https://stripe.com/status">Stripe</a>`,
    );
    expect(page.path).toBe('/demo/');
    expect([...page.ids].sort()).toEqual(['top', 'verify']);
    expect(page.hrefs).toEqual(['/demo/respond-now/', '#verify', 'https://stripe.com/status']);
  });

  it('decodes HTML entities in ids and hrefs', () => {
    const page = scanHtml('/demo/', '<h2 id="q&amp;a">Q&amp;A</h2><a href="/search/?q=a&amp;b=&quot;c&quot;">s</a><a href="/x/#it&#39;s">x</a>');
    expect(page.ids.has('q&a')).toBe(true);
    expect(page.hrefs).toEqual(['/search/?q=a&b="c"', "/x/#it's"]);
  });

  it('does not read data-id attributes as ids', () => {
    const page = scanHtml('/demo/', '<li data-id="not-an-id"><input data-item-id="x" id="cb-1"></li>');
    expect([...page.ids]).toEqual(['cb-1']);
  });

  it('only reads hrefs of <a> elements, not of <link> or <area> elements or <abbr>', () => {
    const page = scanHtml('/demo/', '<link rel="stylesheet" href="/_astro/x.css"><abbr href="/nope/">n</abbr><a\nhref="/yes/">y</a>');
    expect(page.hrefs).toEqual(['/yes/']);
  });

  it('reads a page read as latin1 (as the build does) to the same ids and links as its UTF-8 text', () => {
    const page = '<p>“Quoted” ⌘K</p><h2 id="café-opening">Café</h2><a href="/menu/#crème-brûlée">x</a><a href="/plain/">y</a><h3 id="日本">z</h3>';
    const asLatin1 = Buffer.from(page, 'utf8').toString('latin1');
    expect(idsOf(asLatin1, fromLatin1)).toEqual(idsOf(page));
    expect([...idsOf(asLatin1, fromLatin1)]).toEqual(['café-opening', '日本']);
    expect(hrefsOf(asLatin1, fromLatin1)).toEqual(['/menu/#crème-brûlée', '/plain/']);
    // Without the decoding, the same bytes would be other text.
    expect([...idsOf(asLatin1)]).not.toContain('café-opening');
  });

  it('keeps an empty href', () => {
    expect(scanHtml('/demo/', '<a href="">self</a>').hrefs).toEqual(['']);
  });
});

/** The rule newHrefsOf follows, written plainly: each absolute address once, on the first page that has it. */
function newLinks(hrefs: readonly string[], seen: Set<string>): string[] {
  return hrefs.filter((href) => {
    if (!href.startsWith('/') || href.startsWith('//')) return true;
    if (seen.has(href)) return false;
    seen.add(href);
    return true;
  });
}
/** A page with these links, as Astro writes them. */
const pageWith = (hrefs: string[]) => hrefs.map((href) => `<a href="${href}">x</a>`).join('');

describe('newHrefsOf', () => {
  it('gives what newLinks(hrefsOf(...)) gives, page after page, entities and non-ASCII included', () => {
    const pages = [
      '<a href="/demo/a/">a</a><a class="x" href="/demo/b/#x">b</a><a href="#top">t</a><a href="/q?x=1&amp;y=2">q</a>',
      '<a href="/demo/a/">a</a><a href="/q?x=1&amp;y=2">q</a><a href="/q?x=1&y=2">same</a><a href="#top">t</a><a href="/menu/#crème">m</a><a href=\'../c/\'>c</a>',
      '<a href="/menu/#crème">m</a><a href="/demo/b/#x">b</a><a href="//cdn.example/y">y</a><a href="//cdn.example/y">y</a>',
    ].map((html) => Buffer.from(html, 'utf8').toString('latin1'));
    const seen = new Set<string>();
    const seenRaw = new Set<string>();
    const expected = new Set<string>();
    for (const html of pages) {
      expect(newHrefsOf(html, seen, seenRaw, fromLatin1)).toEqual(newLinks(hrefsOf(html, fromLatin1), expected));
    }
    expect(seen).toEqual(expected);
  });
});

describe('newHrefsOf: which links are kept', () => {
  it('keeps an absolute address on the first page that has it only, and relative links and fragments on every page', () => {
    const seen = new Set<string>();
    const seenRaw = new Set<string>();
    expect(newHrefsOf(pageWith(['/demo/a/', '/demo/b/#x', '#top', '../c/', 'https://x.example/', '//cdn.example/y']), seen, seenRaw)).toEqual(['/demo/a/', '/demo/b/#x', '#top', '../c/', 'https://x.example/', '//cdn.example/y']);
    expect(newHrefsOf(pageWith(['/demo/a/', '/demo/b/', '/demo/b/#x', '#top', '../c/', '//cdn.example/y']), seen, seenRaw)).toEqual(['/demo/b/', '#top', '../c/', '//cdn.example/y']);
    expect([...seen].sort()).toEqual(['/demo/a/', '/demo/b/', '/demo/b/#x']);
  });

  it('finds the same broken links as the full list does, once each', () => {
    const pages = [built('/a/', [], ['/nope/', '/b/#gone', '#here']), built('/b/', ['here'], ['/nope/', '/a/', '#here'])];
    const seen = new Set<string>();
    const seenRaw = new Set<string>();
    const deduped = pages.map((page) => ({ ...page, hrefs: newHrefsOf(pageWith(page.hrefs), seen, seenRaw) }));
    const broken = (list: BuiltPage[]) => new Set(findBrokenLinks(list).map((link) => link.href));
    expect(broken(deduped)).toEqual(broken(pages));
    expect(findBrokenLinks(deduped)).toHaveLength(3);
    expect(findBrokenLinks(pages)).toHaveLength(4);
  });
});

describe('findBrokenLinks', () => {
  const respondNow = built('/demo/respond-now/', ['verify', '_top'], []);
  const home = built('/', [], []);

  it('accepts links to existing pages and existing fragments', () => {
    const page = built('/demo/', ['intro'], ['/demo/respond-now/', '/demo/respond-now/#verify', '#intro', '/', '']);
    expect(findBrokenLinks([page, respondNow, home])).toEqual([]);
  });

  it('reports a link to a page that does not exist', () => {
    const page = built('/demo/', [], ['/demo/respond-nwo/', '/demo/nothing-like-it/']);
    expect(findBrokenLinks([page, respondNow])).toEqual([
      { page: '/demo/', href: '/demo/respond-nwo/', reason: 'no such page', guess: '/demo/respond-now/' },
      { page: '/demo/', href: '/demo/nothing-like-it/', reason: 'no such page' },
    ]);
  });

  it('reports a missing #fragment, naming the id and the target page', () => {
    const page = built('/demo/', [], ['/demo/respond-now/#verfiy']);
    expect(findBrokenLinks([page, respondNow])).toEqual([
      { page: '/demo/', href: '/demo/respond-now/#verfiy', reason: 'no element with id "verfiy" on /demo/respond-now/', guess: '#verify' },
    ]);
  });

  it('checks a same-page #fragment against the page itself', () => {
    const page = built('/demo/', ['intro'], ['#intro', '#missing']);
    expect(findBrokenLinks([page])).toEqual([{ page: '/demo/', href: '#missing', reason: 'no element with id "missing" on /demo/' }]);
  });

  it('accepts "#_top" and a bare "#"', () => {
    expect(findBrokenLinks([built('/demo/', [], ['#_top', '#', '/demo/respond-now/#_top']), built('/demo/respond-now/', [], [])])).toEqual([]);
  });

  it('decodes percent-encoded fragments before looking them up', () => {
    const target = built('/demo/respond-now/', ['étape-1'], []);
    expect(findBrokenLinks([built('/demo/', [], ['/demo/respond-now/#%C3%A9tape-1']), target])).toEqual([]);
  });

  it('ignores external links, protocol-relative links, mailto:, tel: and javascript:', () => {
    const page = built('/demo/', [], [
      'https://status.stripe.com/',
      'http://example.com/missing/',
      '//cdn.example.com/lib.js',
      'mailto:oncall@example.com',
      'tel:+441234567890',
      'javascript:void(0)',
      'HTTPS://EXAMPLE.COM/',
    ]);
    expect(findBrokenLinks([page])).toEqual([]);
  });

  it('ignores build assets under /_astro/ and the search index under /pagefind/', () => {
    const page = built('/demo/', [], ['/_astro/index.abc123.css', '/pagefind/pagefind-ui.js', '../_astro/x.js']);
    expect(findBrokenLinks([page])).toEqual([]);
  });

  it('accepts links to other files in the output (assets), including encoded names', () => {
    const page = built('/demo/', [], ['/favicon.svg', '/files/run%20book.pdf', '/missing.pdf']);
    expect(findBrokenLinks([page], new Set(['/favicon.svg', '/files/run book.pdf']))).toEqual([
      { page: '/demo/', href: '/missing.pdf', reason: 'no such page' },
    ]);
  });

  it('resolves relative links against the page path', () => {
    const outage = built('/demo/scenarios/outage/', [], ['../db-down/', 'details/', '../../respond-now/#verify', './', '../../../other/']);
    const pages = [outage, built('/demo/scenarios/db-down/', [], []), built('/demo/scenarios/outage/details/', [], []), respondNow];
    expect(findBrokenLinks(pages)).toEqual([{ page: '/demo/scenarios/outage/', href: '../../../other/', reason: 'no such page' }]);
  });

  it('finds a page from a link without the trailing slash', () => {
    const page = built('/demo/', [], ['/demo/respond-now', '/demo/respond-now#verify', '/demo/respond-now#nope']);
    expect(findBrokenLinks([page, respondNow])).toEqual([
      { page: '/demo/', href: '/demo/respond-now#nope', reason: 'no element with id "nope" on /demo/respond-now/' },
    ]);
  });

  it('ignores the query string when finding the page', () => {
    expect(findBrokenLinks([built('/demo/', [], ['/demo/respond-now/?from=demo#verify']), respondNow])).toEqual([]);
  });

  it('reports a repeated broken href once per page, and once for each page that has it', () => {
    const a = built('/a/', [], ['/gone/', '/gone/']);
    const b = built('/b/', [], ['/gone/']);
    expect(findBrokenLinks([a, b])).toEqual([
      { page: '/a/', href: '/gone/', reason: 'no such page' },
      { page: '/b/', href: '/gone/', reason: 'no such page' },
    ]);
  });

  it('returns nothing for no pages', () => {
    expect(findBrokenLinks([])).toEqual([]);
  });

  // decodeURIComponent("100%") throws URIError: the whole build would stop with "URI malformed"
  // and no page named, instead of the link being reported.
  it('reports a malformed percent-escape in a fragment or path instead of throwing', () => {
    const page = built('/demo/', [], ['/demo/respond-now/#100%', '/files/50%.pdf']);
    let result: ReturnType<typeof findBrokenLinks> = [];
    expect(() => {
      result = findBrokenLinks([page, respondNow]);
    }).not.toThrow();
    expect(result.map((broken) => broken.href)).toEqual(['/demo/respond-now/#100%', '/files/50%.pdf']);
    expect(result.every((broken) => broken.page === '/demo/')).toBe(true);
  });
});

describe('closestPage', () => {
  const pages = ['/demo/', '/demo/respond-now/', '/demo/process/post-mortem/', '/demo/process/declare/', '/demo/scenarios/outage/', '/other/process/nothing-else/'];

  it('suggests the close name in the same folder', () => {
    expect(closestPage('/demo/respond-nwo/', pages)).toBe('/demo/respond-now/');
    expect(closestPage('/demo/process/declar/', pages)).toBe('/demo/process/declare/');
  });

  it('suggests nothing when no name in the folder is close, even if a page elsewhere is', () => {
    expect(closestPage('/demo/process/nothing/', pages)).toBeUndefined();
  });

  it('looks in the closest folder when the folder itself is misspelt', () => {
    expect(closestPage('/demo/scenarois/outage/', pages)).toBe('/demo/scenarios/outage/');
  });
});

describe('the build\'s broken-link report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-pages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const path of ['content/docs/demo/index.mdx', 'content/docs/demo/scenarios/outage.mdx', 'src/pages/index.astro', 'src/pages/reviews.astro', 'src/pages/404.astro', 'src/pages/print/[handbook].astro']) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), '');
  }

  it('names the source file of each page: the runbook, or the page of the code', () => {
    const sourceOf = pageSources(dir, join(dir, 'content'));
    expect(['/demo/', '/demo/scenarios/outage/', '/', '/reviews/', '/404.html', '/print/demo/', '/nowhere/'].map(sourceOf)).toEqual([
      'content/docs/demo/index.mdx', 'content/docs/demo/scenarios/outage.mdx', 'src/pages/index.astro', 'src/pages/reviews.astro', 'src/pages/404.astro',
      'src/pages/print/[handbook].astro', undefined,
    ]);
  });

  it('lists each link with its source file, the reason and the likely fix, and a hint for the kinds of failure found', () => {
    const broken = findBrokenLinks([
      built('/demo/scenarios/outage/', [], ['/demo/#levle-p1', '/demo/respond-nwo/']),
      built('/demo/', ['level-p1', 'level-p2'], []),
      built('/demo/respond-now/', [], []),
    ]);
    expect(brokenLinksReport(broken, pageSources(dir, join(dir, 'content')))).toBe(
      '2 broken internal links:\n' +
        '  - content/docs/demo/scenarios/outage.mdx (/demo/scenarios/outage/): /demo/#levle-p1 (no element with id "levle-p1" on /demo/). Did you mean "#level-p1"?\n' +
        '  - content/docs/demo/scenarios/outage.mdx (/demo/scenarios/outage/): /demo/respond-nwo/ (no such page). Did you mean "/demo/respond-now/"?',
    );
    const hint = brokenLinksHint(broken);
    expect(hint).toContain('with a trailing slash');
    expect(hint).toContain('A #fragment must be an id on the target page');
    expect(hint).not.toContain('/agency-platform/severity/');
    expect(brokenLinksHint(broken.slice(0, 1))).not.toContain('trailing slash');
  });
});
