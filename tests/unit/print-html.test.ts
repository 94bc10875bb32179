/**
 * Fitting a runbook's rendered HTML into the printed handbook: ids prefixed per section, links to
 * pages in the document pointed at their sections with "(see 5.2)", other site links made absolute,
 * headings shifted, islands and checklists left static. Text and attribute values pass unchanged.
 */
import { describe, expect, it } from 'vitest';
import { rewriteSectionHtml, splitSiteLink, type RewriteOptions } from '../../src/lib/print-html';

const OPTIONS: RewriteOptions = {
  anchor: 'print-scenarios-db',
  href: '/demo/scenarios/db/',
  site: 'https://handbook.example',
  targets: new Map([
    ['/demo/severity/', { anchor: 'print-severity', number: '3' }],
    ['/demo/scenarios/db/', { anchor: 'print-scenarios-db', number: '5.2' }],
    ['/demo/scenarios/api/', { anchor: 'print-scenarios-api', number: '5.1' }],
  ]),
};
const rewrite = (html: string, options: Partial<RewriteOptions> = {}) => rewriteSectionHtml(html, { ...OPTIONS, ...options });

describe('rewriteSectionHtml: ids', () => {
  it('prefixes ids and the attributes that point at ids', () => {
    expect(rewrite('<input id="a" aria-labelledby="b c" aria-describedby="d"><label for="a">x</label>')).toBe(
      '<input id="print-scenarios-db--a" aria-labelledby="print-scenarios-db--b print-scenarios-db--c" aria-describedby="print-scenarios-db--d"><label for="print-scenarios-db--a">x</label>',
    );
  });

  it('points fragment links at the prefixed ids', () => {
    expect(rewrite('<a class="sl-anchor-link" href="#symptoms">#</a>')).toBe('<a class="sl-anchor-link" href="#print-scenarios-db--symptoms">#</a>');
  });

  it('leaves text that looks like markup alone, and a > inside an attribute value', () => {
    const html = '<p>id="x" and href="/demo/severity/"</p><button data-code="echo 1 > out" id="b">Copy</button>';
    expect(rewrite(html)).toBe('<p>id="x" and href="/demo/severity/"</p><button data-code="echo 1 > out" id="print-scenarios-db--b">Copy</button>');
  });

  it('passes scripts, styles and comments through', () => {
    const html = '<script>document.getElementById("x") && "<a href=\'/demo/severity/\'>"</script><style>#x{}</style><!-- <a id="c"> -->';
    expect(rewrite(html)).toBe(html);
  });
});

describe('rewriteSectionHtml: links', () => {
  it('points a link to a page in the document at its section, and prints its number', () => {
    expect(rewrite('<a href="/demo/severity/">severity</a>')).toBe('<a href="#print-severity">severity</a><span class="print-see"> (see 3)</span>');
  });

  it('keeps the fragment, prefixed with the target section', () => {
    expect(rewrite('<a href="/demo/severity/#p1">P1</a>')).toBe('<a href="#print-severity--p1">P1</a><span class="print-see"> (see 3)</span>');
  });

  it('resolves addresses without a trailing slash and relative ones', () => {
    expect(rewrite('<a href="/demo/scenarios/api">a</a>')).toContain('href="#print-scenarios-api"');
    expect(rewrite('<a href="../api/">a</a>')).toContain('href="#print-scenarios-api"');
  });

  it('does not print a number for a link inside its own section, nor for a level badge or a site-guidance tag', () => {
    expect(rewrite('<a href="/demo/scenarios/db/#fix">below</a>')).toBe('<a href="#print-scenarios-db--fix">below</a>');
    expect(rewrite('<a class="level-badge" href="/demo/severity/#p1">P1</a>')).toBe('<a class="level-badge" href="#print-severity--p1">P1</a>');
    expect(rewrite('<a class="site-note" href="/demo/severity/#about">site guidance</a>')).toBe('<a class="site-note" href="#print-severity--about">site guidance</a>');
  });

  it('makes links to other pages of the site absolute', () => {
    expect(rewrite('<a href="/demo/onboarding/drills/#path">drills</a>')).toBe('<a href="https://handbook.example/demo/onboarding/drills/#path">drills</a>');
    expect(rewrite('<a href="/settings/">settings</a>', { site: 'https://handbook.example/' })).toBe('<a href="https://handbook.example/settings/">settings</a>');
  });

  it('leaves external, mailto and tel links alone', () => {
    const html = '<a href="https://status.example.com/x">s</a><a href="mailto:a@b.c">m</a><a href="tel:+4420">t</a>';
    expect(rewrite(html)).toBe(html);
  });

  it('writes "(see N)" after the link, with the link text and markup inside it unchanged', () => {
    expect(rewrite('<li><a href="/demo/scenarios/api/"><strong>API</strong> down</a>: first</li>')).toBe(
      '<li><a href="#print-scenarios-api"><strong>API</strong> down</a><span class="print-see"> (see 5.1)</span>: first</li>',
    );
  });
});

describe('rewriteSectionHtml: headings, islands, checklists', () => {
  it('moves headings down one level by default, two when asked, never past h6', () => {
    expect(rewrite('<h2 id="s">S</h2><h3>T</h3><h6>U</h6>')).toBe('<h3 id="print-scenarios-db--s">S</h3><h4>T</h4><h6>U</h6>');
    expect(rewrite('<h2>S</h2><h5>T</h5>', { headingShift: 2 })).toBe('<h4>S</h4><h6>T</h6>');
  });

  it('turns islands into plain containers that nothing hydrates', () => {
    expect(rewrite('<astro-island uid="1" component-url="/x.js" client="visible"><form id="f"></form></astro-island>')).toBe(
      '<div class="print-island"><form id="print-scenarios-db--f"></form></div>',
    );
  });

  it('makes the named sections and regions of a runbook groups, not landmarks that repeat in the document', () => {
    expect(rewrite('<section class="severity-level" aria-labelledby="t"><section data-checklist="x"><div role="region" aria-label="y"><nav aria-label="z">')).toBe(
      '<section class="severity-level" aria-labelledby="print-scenarios-db--t" role="group"><section data-checklist="x"><div role="group" aria-label="y"><nav aria-label="z">',
    );
  });

  it('names headings, captions and landmarks with the section number, for screen readers only', () => {
    expect(rewrite('<h2 id="s">Symptoms</h2><table><caption>Levels</caption></table><aside aria-label="Caution"><nav aria-label="Templates">', { number: '5.2' })).toBe(
      '<h3 id="print-scenarios-db--s">Symptoms<span class="sr-only"> (5.2)</span></h3><table><caption>Levels<span class="sr-only"> (5.2)</span></caption></table><aside aria-label="Caution (5.2)"><nav aria-label="Templates (5.2)">',
    );
  });

  it('detaches the checklist strip, so the checklist code leaves the boxes empty', () => {
    expect(rewrite('<div class="checklist-page" data-checklist-page="demo/scenarios/db">')).toBe('<div class="checklist-page" data-print-checklist-page="demo/scenarios/db">');
  });

  it('keeps boolean and single-quoted attributes of a tag it rewrites, escaping quotes it moves into double quotes', () => {
    expect(rewrite(`<input type="checkbox" id="c1" disabled data-x='say "hi"'>`)).toBe('<input type="checkbox" id="print-scenarios-db--c1" disabled data-x="say &quot;hi&quot;">');
  });

  it('leaves a tag with nothing to rewrite exactly as it was (a code block is mostly such spans)', () => {
    const untouched = `<span style="--0:#24292E;--1:#E1E4E8" class="x"><input type="checkbox" disabled data-x='say "hi"' data-id="x" data-ids='a b'><img src="/a.png" alt="a > b"><br/>`;
    expect(rewrite(untouched)).toBe(untouched);
    // An attribute whose name only ends like one that is rewritten is no reason to rewrite.
    expect(rewrite('<div data-for="x" data-role="y" data-aria-x="z">')).toBe('<div data-for="x" data-role="y" data-aria-x="z">');
    // Names are matched whatever their case.
    expect(rewrite('<div ID="x">')).toBe('<div ID="print-scenarios-db--x">');
  });
});

describe('splitSiteLink', () => {
  it('gives the path with a trailing slash and the decoded fragment', () => {
    expect(splitSiteLink('/demo/severity#p1', '/demo/')).toEqual({ path: '/demo/severity/', hash: 'p1' });
    expect(splitSiteLink('/demo/index.html', '/')).toEqual({ path: '/demo/', hash: '' });
  });

  it('gives nothing for another site or scheme', () => {
    expect(splitSiteLink('https://x.example/', '/')).toBeUndefined();
    expect(splitSiteLink('//x.example/', '/')).toBeUndefined();
    expect(splitSiteLink('mailto:a@b.c', '/')).toBeUndefined();
  });
});

describe('rewriteSectionHtml: once', () => {
  it('leaves out the scripts, styles and stylesheet links already in the document, and remembers new ones', () => {
    const once = new Set(['<script type="module" src="/_astro/ec.js"></script>']);
    const html = '<script type="module" src="/_astro/ec.js"></script><link rel="stylesheet" href="/_astro/ec.css"><style>a{}</style><p>x</p>';
    expect(rewrite(html, { once })).toBe('<link rel="stylesheet" href="/_astro/ec.css"><style>a{}</style><p>x</p>');
    expect(rewrite(html, { once })).toBe('<p>x</p>');
    expect(once.size).toBe(3);
  });

  it('keeps other links, and markup that only looks like a script inside an attribute', () => {
    const once = new Set(['<script>x()</script>']);
    const html = '<link rel="icon" href="/f.svg"><button data-code="<script>x()</script>">Copy</button>';
    expect(rewrite(html, { once })).toBe(html);
    expect(rewrite(html, { once })).toBe(html);
  });

  it('without `once`, keeps every repeat', () => {
    const html = '<script>x()</script><script>x()</script>';
    expect(rewrite(html)).toBe(html);
  });
});

describe('rewriteSectionHtml: code blocks', () => {
  it('passes Expressive Code\'s <pre data-language> through whole, and rewrites around it', () => {
    const code = '<pre data-language="bash"><code><div class="ec-line"><button class="cmd-copy" aria-label="Copy command: echo &quot;a > b&quot;" data-code="echo 1 > out">x</button><span style="--0:#fff">echo</span></div></code></pre>';
    expect(rewrite(`<h2 id="run">Run</h2>${code}<a href="/demo/severity/">scale</a>`)).toBe(
      `<h3 id="print-scenarios-db--run">Run</h3>${code}<a href="#print-severity">scale</a><span class="print-see"> (see 3)</span>`,
    );
  });

  it('still rewrites a <pre> that is not a code block of Expressive Code', () => {
    expect(rewrite('<pre id="out"><a href="#x">x</a></pre>')).toBe('<pre id="print-scenarios-db--out"><a href="#print-scenarios-db--x">x</a></pre>');
  });
});
