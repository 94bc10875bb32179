/**
 * The checklist plugin on real Markdown, through Astro's Sätteri processor (the one the site uses):
 * task lists become labelled checkboxes with stable ids, grouped per heading, with the toolbar and
 * page summary. Sätteri writes boolean attributes bare (`data-checklist-reset`, not `=""`).
 */
import { describe, expect, it } from 'vitest';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { mdxToJs } from 'satteri';
import { checklists } from '../../src/plugins/checklists';

const DOCS = '/site/content/docs';

async function render(markdown: string, path = `${DOCS}/demo/process/verify.md`) {
  const processor = await createSatteriMarkdownProcessor({
    syntaxHighlight: false,
    hastPlugins: [checklists({ docsDir: DOCS })],
  });
  const { code } = await processor.render(markdown, { fileURL: new URL(`file://${path}`), frontmatter: { title: 'Verify' } });
  const doc = new DOMParserLite(code);
  return { html: code, doc };
}

/** The text of the first match's group, tags removed. */
function textOf(html: string, pattern: RegExp): string | undefined {
  return pattern.exec(html)?.[1].replace(/<[^>]+>/g, '');
}

/** Just enough querying for assertions, without a DOM library. */
class DOMParserLite {
  constructor(readonly html: string) {}
  inputs() {
    return [...this.html.matchAll(/<input([^>]*data-item-id[^>]*)>/g)].map((m) => ({
      id: /id="([^"]+)"/.exec(m[1])?.[1],
      itemId: /data-item-id="([^"]+)"/.exec(m[1])?.[1],
      disabled: /\sdisabled/.test(m[1]),
    }));
  }
  labelFor(id: string) {
    // The checkbox is named by the element its aria-labelledby points at.
    if (!new RegExp(`id="${id}"[^>]*aria-labelledby="${id}-text"`).test(this.html)) return undefined;
    const m = new RegExp(`<span class="checklist-text" id="${id}-text">([\\s\\S]*?)</span>(?![^<]*</span>)`).exec(this.html);
    return m?.[1];
  }
  sections() {
    return [...this.html.matchAll(/<section class="checklist"([^>]*)>/g)].map((m) => ({
      id: /data-checklist="([^"]+)"/.exec(m[1])?.[1],
      heading: /data-checklist-heading="([^"]*)"/.exec(m[1])?.[1],
    }));
  }
}

describe('checklists', () => {
  it('turns a task list into a labelled, disabled-until-loaded checklist with stable ids', async () => {
    const { doc, html } = await render('## Verify backups\n\n- [ ] Check `pg_dump` ran\n- [x] Read [the runbook](/demo/)\n');
    const inputs = doc.inputs().filter((i) => i.itemId);
    expect(inputs.map((i) => i.itemId)).toEqual([
      'demo/process/verify#verify-backups/check-pg-dump-ran',
      'demo/process/verify#verify-backups/read-the-runbook',
    ]);
    expect(inputs.every((i) => i.disabled)).toBe(true);
    // The label holds the item's own inline content (code, links), so it names the checkbox.
    expect(doc.labelFor(inputs[0].id!)).toBe('Check <code>pg_dump</code> ran');
    expect(doc.labelFor(inputs[1].id!)).toBe('Read <a href="/demo/">the runbook</a>');
    expect(doc.sections()).toEqual([{ id: 'demo/process/verify#verify-backups', heading: 'Verify backups' }]);
    expect(html).toContain('<button type="button" class="checklist-button" data-checklist-reset>Reset checklist</button>');
    expect(html).toContain('data-checklist-export aria-expanded="false">Export checklist</button>');
    expect(html).toContain('2 items');
    // Authors' "[x]" is not a saved tick: the box starts unticked; ticks come from the store.
    expect(html).not.toMatch(/<input[^>]*checked/);
  });

  it('adds one page summary, counting every list and item', async () => {
    const { html } = await render('- [ ] a\n- [ ] b\n\n## Two\n\n- [ ] c\n');
    expect(html.match(/data-checklist-page=/g)).toHaveLength(1);
    // A short line on screen, a full sentence for screen readers.
    // The default state the browser code will show (nothing ticked, no incident), so nothing moves.
    expect(textOf(html, /<span data-checklist-page-progress style="[^"]*">([\s\S]*?)<\/span><\/p>/)).toBe('Checklists on this page: 0 of 3 done.');
    expect(html).toMatch(/<span class="sr-only">Checklists on this page: <\/span>0 of 3 done<span class="sr-only">\.<\/span>/);
    expect(html).toContain('style="min-inline-size: 13ch"');
    expect(html).toContain('data-checklist-page="demo/process/verify" data-page-title="Verify"');
    expect(html.indexOf('data-checklist-page=')).toBeLessThan(html.indexOf('<section'));
  });

  it('keeps the page strip to one line: the name field sits behind a disclosure, still labelled', async () => {
    const { html } = await render('- [ ] a\n');
    const details = /<details class="checklist-responder">([\s\S]*?)<\/details>/.exec(html)?.[1] ?? '';
    expect(textOf(details, /<summary>([\s\S]*?)<\/summary>/)).toBe('Your name');
    expect(details).toContain('<label for="checklist-responder">Your name (optional, recorded with your ticks)</label>');
    expect(details).toMatch(/<input type="text" id="checklist-responder"[^>]*disabled>/);
    expect(textOf(html, /<p class="checklist-scope" data-checklist-scope>([\s\S]*?)<\/p>/)).toBe('Ticks are saved in this browser under Practice (no active incident).');
  });

  it('puts a checklist\'s items before its bar, so the first item sits right under the heading', async () => {
    const { html } = await render('## Verify\n\n- [ ] a\n');
    const section = /<section[\s\S]*?<\/section>/.exec(html)![0];
    expect(section.indexOf('<ul')).toBeGreaterThan(-1);
    expect(section.indexOf('<ul')).toBeLessThan(section.indexOf('class="checklist-bar'));
  });

  it('keeps nested items in their parent checklist, with their own labels', async () => {
    const { doc } = await render('## Restore\n\n- [ ] Services in order\n  - [ ] Authentication\n  - [ ] Payments\n- [ ] Traffic back\n');
    const ids = doc.inputs().map((i) => i.itemId);
    expect(ids).toEqual([
      'demo/process/verify#restore/services-in-order',
      'demo/process/verify#restore/authentication',
      'demo/process/verify#restore/payments',
      'demo/process/verify#restore/traffic-back',
    ]);
    expect(doc.sections()).toHaveLength(1);
    const nested = doc.inputs()[1];
    expect(doc.labelFor(nested.id!)).toBe('Authentication');
    // The parent's label does not swallow the nested list.
    expect(doc.labelFor(doc.inputs()[0].id!)).toBe('Services in order');
  });

  it('keeps a code block of a tight list item out of the label', async () => {
    const { doc, html } = await render('- [ ] Restart the service\n  ```bash\n  railway restart\n  ```\n- [ ] Check health\n');
    const [first] = doc.inputs();
    expect(doc.labelFor(first.id!)).toBe('Restart the service');
    expect(html).toMatch(/Restart the service<\/span>\s*<pre/);
  });

  it('handles loose lists (items separated by blank lines)', async () => {
    const { doc } = await render('- [ ] First\n\n- [ ] Second\n');
    const [first, second] = doc.inputs();
    expect(doc.labelFor(first.id!)).toBe('First');
    expect(doc.labelFor(second.id!)).toBe('Second');
  });

  it('keeps ids when items are reordered, and changes only the edited one', async () => {
    const before = (await render('## H\n\n- [ ] Alpha\n- [ ] Beta\n- [ ] Gamma\n')).doc.inputs().map((i) => i.itemId);
    const reordered = (await render('## H\n\n- [ ] Gamma\n- [ ] Alpha\n- [ ] Beta\n')).doc.inputs().map((i) => i.itemId);
    expect(new Set(reordered)).toEqual(new Set(before));
    const edited = (await render('## H\n\n- [ ] Alpha\n- [ ] Beta, reworded\n- [ ] Gamma\n')).doc.inputs().map((i) => i.itemId);
    expect(edited[0]).toBe(before[0]);
    expect(edited[2]).toBe(before[2]);
    expect(edited[1]).not.toBe(before[1]);
  });

  it('uses an explicit [#id] and removes the marker from the text', async () => {
    const { doc, html } = await render('## H\n\n- [ ] Backups verified [#backups]\n');
    const [input] = doc.inputs();
    expect(input.itemId).toBe('demo/process/verify#@backups');
    expect(doc.labelFor(input.id!)).toBe('Backups verified');
    expect(html).not.toContain('[#backups]');
  });

  it('gives two lists under one heading different ids, and duplicate items ~2', async () => {
    const { doc } = await render('## H\n\n- [ ] Same\n- [ ] Same\n\nText between.\n\n- [ ] Other\n');
    expect(doc.sections().map((s) => s.id)).toEqual(['demo/process/verify#h', 'demo/process/verify#h~2']);
    expect(doc.inputs().map((i) => i.itemId)).toEqual(['demo/process/verify#h/same', 'demo/process/verify#h/same~2', 'demo/process/verify#h~2/other']);
    expect(new Set(doc.inputs().map((i) => i.id)).size).toBe(3);
  });

  it('leaves ordinary lists and files outside the runbooks folder alone', async () => {
    expect((await render('- plain\n- list\n')).html).not.toContain('data-checklist');
    expect((await render('- [ ] task\n', '/site/content/templates/demo/x.md')).html).not.toContain('data-checklist');
  });

  it('names an index page by its folder', async () => {
    const { doc } = await render('- [ ] a\n', `${DOCS}/demo/index.mdx`);
    expect(doc.inputs()[0].itemId).toBe('demo#top/a');
  });
});

describe('checklists in MDX (the runbooks)', () => {
  async function compile(mdx: string) {
    const { code } = await mdxToJs(mdx, {
      hastPlugins: [checklists({ docsDir: DOCS })],
      fileURL: new URL(`file://${DOCS}/demo/process/verify.mdx`),
      data: { astro: { frontmatter: { title: 'Verify' }, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
    });
    return code;
  }

  it('turns task lists into checklists, naming the page by its frontmatter title', async () => {
    const code = await compile('## Verify backups\n\n- [ ] Check backups\n');
    expect(code).toContain('demo/process/verify#verify-backups/check-backups');
    expect(code).toContain('Verify');
    expect(code).toMatch(/data-checklist-page[^,]*demo\/process\/verify/);
  });

  it('leaves task lists inside MDX components alone, as the site always has', async () => {
    const code = await compile('<Steps>\n\n- [ ] Inside a component\n\n</Steps>\n\n- [ ] Outside\n');
    expect(code).toContain('demo/process/verify#top/outside');
    expect(code).not.toContain('inside-a-component');
  });
});
