/**
 * Builds the example content (content/) into dist/, as `npm run build` does, and checks the output:
 * a clean build, every handbook reachable, search index and filters present, checklists rendered,
 * and every command of the five source handbooks on the site verbatim. The browser tests then run
 * against this dist/.
 */
import { readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INCIDENT_BOOT_SCRIPT } from '../../src/state/boot';
import { build, ROOT, type BuildResult } from './build';

// E2E_DIST lets a second checkout of the work build and test beside this one (the browser tests read it too).
const DIST = process.env.E2E_DIST ?? join(ROOT, 'dist');
const CONTENT = join(ROOT, 'content');
const handbooks = readdirSync(join(CONTENT, 'handbooks')).map((f) => f.replace(/\.ya?ml$/, ''));

let result: BuildResult;
beforeAll(() => {
  rmSync(DIST, { recursive: true, force: true });
  result = build({ outDir: DIST });
  const pages = readdirSync(DIST, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  console.log(`example content: ${pages} pages built in ${(result.ms / 1000).toFixed(1)} s`);
});

const html = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
/** The visible text of built pages, entities decoded, white space folded. */
function textOf(markup: string): string {
  return markup
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
/** The runbook pages of a handbook: its folder's pages but the printed handbook (`<handbook>/print/`), which repeats them. */
function pagesOf(handbook: string): string[] {
  return readdirSync(join(DIST, handbook), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('index.html') && f !== 'print/index.html')
    .map((f) => `${handbook}/${f.replace(/\/?index\.html$/, '')}`.replace(/\/$/, ''));
}

describe('astro build of the example content', () => {
  it('succeeds with no warnings or errors', () => {
    expect(result.status, result.output.slice(-3000)).toBe(0);
    expect(result.output).not.toMatch(/\[WARN\]|\[ERROR\]/);
    expect(result.output).toMatch(/All internal links resolve \(\d+ pages checked\)/);
  });

  it('has five handbooks, each with an overview, a start page and a severity page', () => {
    expect(handbooks.sort()).toEqual(['agency-platform', 'customer-portal', 'foundation-platform', 'hundred-k-platform', 'manufacturing-platform']);
    const home = html('');
    for (const id of handbooks) {
      const handbook = parse(readFileSync(join(CONTENT, 'handbooks', `${id}.yaml`), 'utf8'));
      expect(existsSync(join(DIST, id, 'index.html')), id).toBe(true);
      expect(existsSync(join(DIST, handbook.start, 'index.html')), handbook.start).toBe(true);
      expect(home).toContain(`href="/${handbook.start}/"`);
      const scale = parse(readFileSync(join(CONTENT, 'scales', `${id}.yaml`), 'utf8'));
      const severity = html(`${id}/severity`);
      for (const level of scale.levels) expect(severity, `${id} ${level.id}`).toContain(`data-level="${level.id}"`);
    }
  });

  it('ships the production search box, not the dev-server notice', () => {
    for (const page of ['', 'hundred-k-platform/respond-now']) {
      expect(html(page), page || '/').toContain('id="starlight__search"');
      expect(html(page), page || '/').not.toContain('only available in production builds');
    }
  });

  it('renders every :::note / :::caution / :::danger of a runbook as a Starlight aside, none as plain text', () => {
    const docs = join(CONTENT, 'docs');
    let asides = 0;
    for (const file of readdirSync(docs, { recursive: true }).map(String).filter((f) => f.endsWith('.mdx'))) {
      const expected = readFileSync(join(docs, file), 'utf8').match(/^:::(note|tip|caution|danger)/gm)?.length ?? 0;
      const page = file.replace(/\.mdx$/, '').replace(/(^|\/)index$/, '');
      const markup = html(page);
      expect(markup.match(/<aside[^>]*class="starlight-aside/g)?.length ?? 0, page).toBe(expected);
      expect(textOf(markup), page).not.toMatch(/(^|\s):::/);
      asides += expected;
    }
    expect(asides).toBeGreaterThan(10);
  });

  it('marks every runbook page with its handbook for search filters, and indexes them', () => {
    expect(existsSync(join(DIST, 'pagefind', 'pagefind.js'))).toBe(true);
    for (const id of handbooks) {
      const pages = pagesOf(id);
      expect(pages.length, id).toBeGreaterThan(10);
      for (const page of pages) {
        const markup = html(page);
        expect(markup, page).toMatch(/data-pagefind-filter="handbook"[^>]*>[^<]+</);
        expect(markup, page).toContain('data-pagefind-body');
      }
    }
  });

  it('leaves each printed handbook out of search: its text is every runbook again', () => {
    for (const id of handbooks) {
      const markup = html(`${id}/print`);
      expect(markup, id).toContain('class="print-document"');
      expect(markup, id).not.toContain('data-pagefind-body');
    }
    // Pagefind indexes exactly the pages that mark a search body: the print pages add none.
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    const indexed = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((sum, language) => sum + language.page_count, 0);
    const withBody = readdirSync(DIST, { recursive: true }).map(String)
      .filter((f) => f.endsWith('.html') && readFileSync(join(DIST, f), 'utf8').includes('data-pagefind-body')).length;
    expect(indexed).toBe(withBody);
  });

  it('prints each runbook as its page renders it: every section filled, each script once, the sections\' stylesheets in the head', () => {
    const sheet = /<link rel="stylesheet"[^>]*>/g;
    for (const id of handbooks) {
      const markup = html(`${id}/print`);
      expect(markup, id).not.toContain('handbook:print-section');
      // Each page writes its scripts once; the document of many pages, too (the page around it has its own).
      const scripts = markup.split('<div class="print-document"')[1].match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
      expect(new Set(scripts).size, `${id}: a script written twice`).toBe(scripts.length);
      const head = markup.split('</head>')[0];
      const sections = markup.split('<section class="print-section" ').slice(1).filter((part) => part.includes('class="print-source"'));
      expect(sections.length, id).toBeGreaterThan(10);
      for (const section of sections) {
        const url = /<p class="print-source">Online: <a href="([^"]+)"/.exec(section)![1];
        const page = html(new URL(url).pathname.replace(/^\/|\/$/g, ''));
        const content = page.split('<div class="sl-markdown-content">')[1];
        const paragraph = /<p>([\s\S]*?)<\/p>/.exec(content)?.[1];
        // The page's first paragraph, as the printed section reads without its "(see 2)" references.
        if (paragraph) expect(textOf(section).replace(/ \(see [\d.]+\)/g, ''), url).toContain(textOf(paragraph).trim());
        const boxes = (text: string) => text.match(/<input type="checkbox"/g)?.length ?? 0;
        expect(boxes(section), url).toBe(boxes(content.split('</main>')[0]));
        for (const link of page.split('</head>')[0].match(sheet) ?? []) expect(head, `${id}: ${url}'s ${link}`).toContain(link);
      }
    }
  });

  it('turns the 100K recovery validation checklist into 26 named checkboxes in three checklists', () => {
    const markup = html('hundred-k-platform/process/recovery-validation');
    expect(markup.match(/<section class="checklist"/g)).toHaveLength(3);
    const boxes = [...markup.matchAll(/<input type="checkbox" id="([^"]+)"[^>]*aria-labelledby="([^"]+)"/g)];
    expect(boxes).toHaveLength(26);
    for (const [, id, labelledBy] of boxes) expect(markup).toContain(`id="${labelledBy}"`), expect(labelledBy).toBe(`${id}-text`);
    expect(textOf(markup)).toContain('Error rates back to normal levels (< 0.1%)');
  });

  it('has every command of the five source handbooks, verbatim, on the site', () => {
    const seeds: Record<string, string> = {
      'agency-platform': 'agency-platform.txt',
      'customer-portal': 'customer-portal.txt',
      'foundation-platform': 'foundation-platform.txt',
      'hundred-k-platform': 'hundred-k-platform.txt',
      'manufacturing-platform': 'manufacturing-platform.txt',
    };
    const missing: string[] = [];
    let checked = 0;
    for (const [id, file] of Object.entries(seeds)) {
      const site = pagesOf(id).map((page) => textOf(html(page))).join(' ');
      const source = readFileSync(join(ROOT, 'tests/fixtures/seeds', file), 'utf8');
      // Lines inside code fences (where the source has them; one source lost its fences in
      // conversion and its commands are checked by the content review instead).
      let inFence = false;
      for (const raw of source.split('\n')) {
        if (/^\s*```/.test(raw)) { inFence = !inFence; continue; }
        const line = raw.trim().replace(/\s+/g, ' ');
        // Commands only: comments may be reworded, message templates became {{fields}}, and
        // lines with broken emoji or [placeholders] are template text, not commands.
        if (!inFence || !line || /^(#|--|- )/.test(line) || /[^\x00-\x7f]/.test(line) || /\[[^\]]+\]/.test(line) || /^[A-Z][A-Za-z0-9 /]*: /.test(line)) continue;
        checked += 1;
        // The one documented rewrite (README, "Commands in code blocks"): an API path with no host
        // gets the `$API_URL` placeholder, `curl -X GET /api/x` -> `curl -X GET "$API_URL/api/x"`.
        const shown = /^curl\b/.test(line) ? line.replace(/(\s)(\/api\/\S*)/g, '$1"$$API_URL$2"') : line;
        if (!site.includes(shown)) missing.push(`${id}: ${line}`);
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });
});

describe('the before-paint incident line (set:html in src/components/Header.astro)', () => {
  it('is the same constant on every built page: no page or content data is written into it', () => {
    const files = readdirSync(DIST, { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    const found = new Set<string>();
    for (const file of files) {
      const scripts = [...readFileSync(join(DIST, file), 'utf8').matchAll(/<script>([^<]*data-incident[^<]*)<\/script>/g)].map((m) => m[1]);
      expect(scripts, file).toHaveLength(1);
      found.add(scripts[0]);
    }
    expect([...found]).toEqual([INCIDENT_BOOT_SCRIPT]);
  });
});

describe('inline Markdown from YAML (drills, scales, help texts, contacts)', () => {
  it('leaves no literal `backtick pair` on any built page outside code, pre, script and style', () => {
    const offenders: string[] = [];
    const files = readdirSync(DIST, { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    for (const file of files) {
      const prose = readFileSync(join(DIST, file), 'utf8')
        .replace(/<(script|style|pre|code)\b[\s\S]*?<\/\1>/gi, ' ')
        // Tags with their attribute values (which may hold backticks or ">"), before textOf's simpler strip.
        .replace(/<[a-zA-Z!/](?:[^>"']|"[^"]*"|'[^']*')*>/g, ' ');
      for (const [pair] of textOf(prose).matchAll(/`[^`]+`/g)) offenders.push(`${file}: ${pair}`);
    }
    expect(files.length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });

  it('marks the site\'s own guidance with the quiet "site guidance" tag, not with inline notes', () => {
    const noisy: string[] = [];
    let tags = 0;
    for (const file of readdirSync(DIST, { recursive: true }).map(String).filter((f) => f.endsWith('.html'))) {
      const markup = readFileSync(join(DIST, file), 'utf8');
      const found = textOf(markup).match(/not part of the source handbook|not in the source[,:]|general guidance, not/gi);
      if (found) noisy.push(`${file}: ${found.join(' | ')}`);
      tags += markup.match(/class="site-note"/g)?.length ?? 0;
    }
    expect(noisy).toEqual([]);
    expect(tags).toBeGreaterThan(50);
  });
});
