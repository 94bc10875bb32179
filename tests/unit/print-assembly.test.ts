/**
 * The printed handbook of a build, filled from the runbook pages' own rendering: placeholders
 * replaced in order, the sections' stylesheets added to the head once, scripts and styles that
 * repeat from page to page kept once, and every mismatch an error naming the page. Also the build
 * side's readers: a page's head read in steps, a page's written file found.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addPrintJob, captureContent, endPrintAssembly, headStylesOf, pageKey, printAssembly, PrintDocument, startPrintAssembly, type PrintAssembly } from '../../src/lib/print-assembly';
import type { RewriteOptions } from '../../src/lib/print-html';
import { builtFileOf, readHead } from '../../src/build/print-integration';

const SITE = 'https://handbook.example';
const targets: RewriteOptions['targets'] = new Map([
  ['/demo/a/', { anchor: 'print-a', number: '1' }],
  ['/demo/b/', { anchor: 'print-b', number: '2' }],
]);
const options = (page: string, anchor: string, number: string): RewriteOptions => ({ anchor, href: page, targets, site: SITE, number });

/** A print page's shell with two sections registered, as print.astro and PrintSection.astro make it. */
function shellWithTwoSections(assembly: PrintAssembly) {
  const job = addPrintJob(assembly, '/demo/print/');
  const first = job.add({ page: '/demo/a/', options: options('/demo/a/', 'print-a', '1') });
  const second = job.add({ page: '/demo/b/', options: options('/demo/b/', 'print-b', '2') });
  const shell = `<html><head><link rel="stylesheet" href="/_astro/common.css"><style>.print{}</style></head><body><main><section id="print-a">${first}</section><section id="print-b">${second}</section></main></body></html>`;
  return { job: assembly.jobs[0], shell };
}

afterEach(() => endPrintAssembly());

describe('the assembly hand-over', () => {
  it('is there only once a build starts it, and gone when it ends', () => {
    expect(printAssembly()).toBeUndefined();
    const assembly = startPrintAssembly();
    expect(printAssembly()).toBe(assembly);
    captureContent(assembly, '/demo/a/index.html', '<p>A</p>');
    expect(assembly.contents.get('/demo/a/')).toBe('<p>A</p>');
    endPrintAssembly();
    expect(printAssembly()).toBeUndefined();
  });

  it('gives every build its own placeholder token', () => {
    expect(startPrintAssembly().token).not.toBe(startPrintAssembly().token);
  });

  it('keys pages by address whatever the build format', () => {
    for (const page of ['/demo/a', '/demo/a/', '/demo/a/index.html', '/demo/a.html']) expect(pageKey(page)).toBe('/demo/a/');
    expect(pageKey('/')).toBe('/');
  });
});

describe('PrintDocument', () => {
  it('puts each section\'s content where its placeholder is, rewritten for the document', () => {
    const assembly = startPrintAssembly();
    const { job, shell } = shellWithTwoSections(assembly);
    const document = new PrintDocument(job, assembly.token, shell);
    document.addSection('<head></head>', '<h2 id="symptoms">Symptoms</h2><p>See <a href="/demo/b/">B</a>.</p>');
    document.addSection('<head></head>', '<h2 id="symptoms">Symptoms</h2><p>Back to <a href="/demo/a/#symptoms">A</a>.</p>');
    const html = document.build();
    expect(html).not.toContain('handbook:print-section');
    expect(html).toContain('<section id="print-a"><h3 id="print-a--symptoms">Symptoms<span class="sr-only"> (1)</span></h3><p>See <a href="#print-b">B</a><span class="print-see"> (see 2)</span>.</p></section>');
    expect(html).toContain('<section id="print-b"><h3 id="print-b--symptoms">Symptoms<span class="sr-only"> (2)</span></h3><p>Back to <a href="#print-a--symptoms">A</a><span class="print-see"> (see 1)</span>.</p></section>');
  });

  it('adds the stylesheets of the sections\' pages that the shell lacks, once each, before </head>', () => {
    const assembly = startPrintAssembly();
    const { job, shell } = shellWithTwoSections(assembly);
    const document = new PrintDocument(job, assembly.token, shell);
    const scale = '<link rel="stylesheet" href="/_astro/Scale.css">';
    document.addSection(`<head><link rel="stylesheet" href="/_astro/common.css">${scale}<style>.x{}</style><script>boot()</script></head>`, '<p>A</p>');
    document.addSection(`<head><link rel="stylesheet" href="/_astro/common.css">${scale}</head>`, '<p>B</p>');
    const head = document.build().split('</head>')[0];
    expect(head).toBe(`<html><head><link rel="stylesheet" href="/_astro/common.css"><style>.print{}</style>${scale}<style>.x{}</style>`);
  });

  it('keeps a script, style or stylesheet that every page writes once, and different ones all', () => {
    const assembly = startPrintAssembly();
    const { job, shell } = shellWithTwoSections(assembly);
    const document = new PrintDocument(job, assembly.token, shell);
    const ec = '<link rel="stylesheet" href="/_astro/ec.css"><script type="module" src="/_astro/ec.js"></script>';
    document.addSection('<head></head>', `${ec}<pre>a</pre><script>one()</script>`);
    document.addSection('<head></head>', `${ec}<pre>b</pre><script>two()</script><link rel="stylesheet" href="/_astro/common.css">`);
    const body = document.build().split('<main>')[1];
    expect(body).toBe(`<section id="print-a">${ec}<pre>a</pre><script>one()</script></section><section id="print-b"><pre>b</pre><script>two()</script></section></main></body></html>`);
  });

  it('leaves a comment in the content that looks like a placeholder of another build as it is', () => {
    const assembly = startPrintAssembly();
    const { job, shell } = shellWithTwoSections(assembly);
    const document = new PrintDocument(job, assembly.token, shell);
    const fake = '<!--handbook:print-section:not-this-build:1-->';
    document.addSection('<head></head>', `<p>A</p>${fake}`);
    document.addSection('<head></head>', '<p>B</p>');
    const html = document.build();
    expect(html).toContain(`<p>A</p>${fake}</section>`);
    expect(html).toContain('<p>B</p></section>');
  });

  it('keeps an empty section (a page with no content) in its place', () => {
    const assembly = startPrintAssembly();
    const { job, shell } = shellWithTwoSections(assembly);
    const document = new PrintDocument(job, assembly.token, shell);
    document.addSection('<head></head>', '');
    document.addSection('<head></head>', '<p>B</p>');
    expect(document.build()).toContain('<section id="print-a"></section><section id="print-b"><p>B</p></section>');
  });

  it('fails naming the printed handbook when sections and placeholders do not match', () => {
    const assembly = startPrintAssembly();
    const { job, shell } = shellWithTwoSections(assembly);
    const short = new PrintDocument(job, assembly.token, shell);
    short.addSection('<head></head>', '<p>A</p>');
    expect(() => short.build()).toThrow('The printed handbook /demo/print/ has 2 sections; 1 were added.');
    const extra = new PrintDocument(job, assembly.token, shell);
    extra.addSection('<head></head>', '');
    extra.addSection('<head></head>', '');
    expect(() => extra.addSection('<head></head>', '')).toThrow('/demo/print/ has 2 sections; a page more was added');
    const lost = new PrintDocument(job, assembly.token, shell.replace(/<!--handbook:print-section:[^:]+:1-->/, ''));
    lost.addSection('<head></head>', '');
    lost.addSection('<head></head>', '');
    expect(() => lost.build()).toThrow('/demo/print/ is missing 1 of its 2 section placeholders');
  });
});

describe('headStylesOf', () => {
  it('finds stylesheet links and style elements in the head only', () => {
    const html = '<head><meta charset="utf-8"><link rel="icon" href="/f.svg"><link rel="stylesheet" href="/a.css"><link href="/b.css" rel=stylesheet media="print"><style>a{}</style></head><body><style>b{}</style></body>';
    expect(headStylesOf(html)).toEqual(['<link rel="stylesheet" href="/a.css">', '<link href="/b.css" rel=stylesheet media="print">', '<style>a{}</style>']);
  });
});

describe('the build\'s readers', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a page up to its </head>, however long the head, and all of a page without one', () => {
    dir = mkdtempSync(join(tmpdir(), 'print-head-'));
    const long = `<html><head>${'<meta name="x" content="é">'.repeat(2000)}<link rel="stylesheet" href="/a.css"></head><body>${'x'.repeat(50_000)}</body></html>`;
    writeFileSync(join(dir, 'long.html'), long);
    expect(readHead(join(dir, 'long.html'))).toBe(long.slice(0, long.indexOf('</head>') + 7));
    writeFileSync(join(dir, 'none.html'), '<p>no head</p>');
    expect(readHead(join(dir, 'none.html'))).toBe('<p>no head</p>');
  });

  it('finds a page\'s written file in the directory and file formats, and names what it looked for when there is none', () => {
    dir = mkdtempSync(join(tmpdir(), 'print-files-'));
    mkdirSync(join(dir, 'demo/a'), { recursive: true });
    writeFileSync(join(dir, 'demo/a/index.html'), '');
    writeFileSync(join(dir, 'demo/b.html'), '');
    writeFileSync(join(dir, 'index.html'), '');
    expect(builtFileOf(dir, '/demo/a/')).toBe('demo/a/index.html');
    expect(builtFileOf(dir, '/demo/a')).toBe('demo/a/index.html');
    expect(builtFileOf(dir, '/demo/b')).toBe('demo/b.html');
    expect(builtFileOf(dir, '/')).toBe('index.html');
    expect(() => builtFileOf(dir, '/demo/c/')).toThrow('No written page for /demo/c/ (looked for demo/c/index.html).');
  });
});
