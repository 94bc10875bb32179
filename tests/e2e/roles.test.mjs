/**
 * Role cards (content/docs/<handbook>/roles/<role>.mdx): every card of every handbook, found in the
 * built site, says what the role does before, during and after an incident, links to a page with a
 * checklist and to the message templates it sends (anchors that exist on the handbook's Messages
 * page), prints on one sheet (A4 and Letter) and is axe-clean on a phone.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, DIST, start, watchErrors } from './harness.mjs';

const SECTIONS = ['before-an-incident', 'during-an-incident', 'after-an-incident', 'checklists-and-templates'];

/** Every role card in the build, as { handbook, path }. */
function roleCards() {
  const cards = [];
  for (const handbook of readdirSync(DIST)) {
    const dir = join(DIST, handbook, 'roles');
    if (!existsSync(dir)) continue;
    for (const role of readdirSync(dir)) {
      if (existsSync(join(dir, role, 'index.html'))) cards.push({ handbook, path: `/${handbook}/roles/${role}/` });
    }
  }
  return cards.sort((a, b) => a.path.localeCompare(b.path));
}

/** The built HTML of a site path ("/x/y/" -> DIST/x/y/index.html), or undefined. */
function builtHtml(path) {
  const file = join(DIST, path, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** A PDF's page count: its page objects (/Type /Page, not /Pages). */
const pdfPages = (buffer) => (buffer.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;

let h;
let context;
const cards = roleCards();
before(async () => {
  h = await start();
  context = await h.context();
});
after(async () => {
  await context.close();
  await h.close();
});

describe('role cards', () => {
  it('exist for every handbook', () => {
    const withCards = new Set(cards.map((c) => c.handbook));
    assert.deepEqual([...withCards].sort(), ['agency-platform', 'customer-portal', 'foundation-platform', 'hundred-k-platform', 'manufacturing-platform']);
    assert.ok(cards.length >= 20, `expected a card per role the sources name, found ${cards.length}`);
  });

  it('have the three phases and the links section, in order, each with content', async () => {
    const page = await context.newPage();
    const failures = [];
    for (const { path } of cards) {
      await page.goto(path);
      const ids = await page.locator('.sl-markdown-content h2').evaluateAll((hs) => hs.map((h2) => h2.id));
      if (JSON.stringify(ids) !== JSON.stringify(SECTIONS)) failures.push(`${path}: sections ${ids.join(', ')}`);
      const summary = await page.locator('.sl-markdown-content > p').first().innerText();
      if (summary.split(/\s+/).length < 15) failures.push(`${path}: no one-paragraph summary before the sections`);
      // Each phase has something under it (a list, a checklist or a paragraph) before the next heading.
      const empty = await page.evaluate((sections) => sections.filter((id) => {
        const wrapper = document.getElementById(id)?.closest('.sl-heading-wrapper') ?? document.getElementById(id);
        const next = wrapper?.nextElementSibling;
        return !next || next.matches('.sl-heading-wrapper, h2');
      }), SECTIONS);
      for (const id of empty) failures.push(`${path}: #${id} is empty`);
    }
    await page.close();
    assert.deepEqual(failures, []);
  });

  it('link to at least one checklist page and to template anchors that exist on the Messages page', async () => {
    const failures = [];
    for (const { handbook, path } of cards) {
      const page = await context.newPage();
      await page.goto(path);
      // The links under "Checklists and templates": everything after its heading (or heading wrapper).
      const hrefs = await page.evaluate(() => {
        const heading = document.getElementById('checklists-and-templates');
        const hrefs = [];
        for (let el = (heading.closest('.sl-heading-wrapper') ?? heading).nextElementSibling; el; el = el.nextElementSibling) {
          for (const a of el.querySelectorAll('a[href]')) hrefs.push(a.getAttribute('href'));
        }
        return hrefs;
      });
      const site = hrefs.filter((href) => href.startsWith('/'));
      const checklistPages = site.filter((href) => {
        const html = builtHtml(href.split('#')[0]);
        return html?.includes('data-checklist=') && !href.startsWith(`/${handbook}/roles/`);
      });
      if (checklistPages.length === 0) failures.push(`${path}: no link to a page with a checklist (links: ${site.join(' ')})`);
      const templates = site.filter((href) => href.startsWith(`/${handbook}/messages/#template-`));
      if (templates.length === 0) failures.push(`${path}: no link to a message template`);
      const messages = builtHtml(`/${handbook}/messages/`) ?? '';
      for (const href of templates) {
        const id = href.split('#')[1];
        if (!messages.includes(`id="${id}"`)) failures.push(`${path}: ${href} is not a template on the Messages page`);
      }
      if (site.some((href) => href.startsWith('/') && !href.startsWith(`/${handbook}/`))) failures.push(`${path}: links into another handbook`);
      await page.close();
    }
    assert.deepEqual(failures, []);
  });

  it('give the incident commander the first place in the Roles group of the sidebar', async () => {
    const page = await context.newPage();
    for (const handbook of new Set(cards.map((c) => c.handbook))) {
      const own = cards.filter((c) => c.handbook === handbook).map((c) => c.path);
      await page.goto(own[0]);
      const order = await page.locator(`nav.sidebar a[href^="/${handbook}/roles/"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual([...order].sort(), [...own].sort(), `${handbook}: every role card is in the sidebar`);
      if (own.includes(`/${handbook}/roles/incident-commander/`)) assert.equal(order[0], `/${handbook}/roles/incident-commander/`, `${handbook}: commander first`);
    }
    await page.close();
  });

  it('print on one sheet, A4 and Letter', async () => {
    const page = await context.newPage();
    const counts = {};
    for (const { path } of cards) {
      await page.goto(path);
      await page.emulateMedia({ media: 'print' });
      counts[path] = [pdfPages(await page.pdf({ format: 'A4' })), pdfPages(await page.pdf({ format: 'Letter' }))];
    }
    await page.close();
    const over = Object.entries(counts).filter(([, [a4, letter]]) => a4 !== 1 || letter !== 1);
    assert.deepEqual(over.map(([path, [a4, letter]]) => `${path}: ${a4} A4 pages, ${letter} Letter pages`), []);
  });

  it('pass axe-core at 390 px, light and dark, with no console errors', async () => {
    const phone = await h.context({ viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    const errors = watchErrors(page);
    const failures = [];
    for (const [i, { path }] of cards.entries()) {
      await page.goto(path);
      if (i % 2) await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
      for (const v of await axe(page)) failures.push(`${path}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
      if (wide) failures.push(`${path}: scrolls sideways at 390 px`);
    }
    assert.deepEqual([...failures, ...errors], []);
    await phone.close();
  });
  it("name the team's contacts once team settings fill them, and the marked placeholder until then", async () => {
    const values = {
      'agency-platform.contacts.devops.name': 'Dana <b>Devops</b>',
      'agency-platform.contacts.devops.backup.name': 'Bob Backup',
    };
    const summary = (page) => page.locator('.sl-markdown-content > p').first();
    const page = await context.newPage();
    await page.goto('/agency-platform/roles/devops/');
    assert.match(await summary(page).innerText(), /primary \[Name\], backup \[Name\]/);
    assert.equal(await summary(page).locator('mark.placeholder').count(), 2, 'both marked while unset');
    const filled = await h.context();
    await filled.addInitScript((v) => localStorage.setItem('incident-handbook:settings', JSON.stringify({ version: 1, values: v })), values);
    const team = await filled.newPage();
    await team.goto('/agency-platform/roles/devops/');
    await summary(team).getByText('Bob Backup').waitFor();
    // A value is text: the tags show as typed, and no element is made from them.
    assert.match(await summary(team).innerText(), /primary Dana <b>Devops<\/b>, backup Bob Backup/);
    assert.equal(await summary(team).locator('b').count(), 0);
    await filled.close();
    await page.close();
  });
});
