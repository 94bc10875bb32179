/**
 * Paper, in a real Chromium: a single runbook printed with a ticked item, and a whole handbook
 * printed from /<handbook>/print/ (contents, numbered sections each on a new sheet, link targets,
 * blank incident-log and follow-up sheets, team values), both in a dark theme; the handbook as a PDF
 * whose outline says where each section starts; axe on the print page's screen view.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axe, start, watchErrors } from './harness.mjs';

const RUNBOOK = '/agency-platform/scenarios/application-down/';
const TICKED = 'Health check passing';
const PRINT = '/agency-platform/print/';
const BRIDGE = 'https://meet.example.com/printed-bridge';
// Looks like HTML on purpose: the printed handbook shows it as the text it is.
const ON_CALL = 'Grace <b>Printed</b>';

let h;
before(async () => { h = await start(); });
after(async () => { await h.close(); });

/** A dark-theme profile, as a reader who prints from a dark screen. */
async function darkContext() {
  const context = await h.context({ colorScheme: 'dark' });
  await context.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  return context;
}

/** Ticks an item of the runbook through its checkbox, as a reader does. */
async function tick(context) {
  const page = await context.newPage();
  await page.goto(RUNBOOK);
  await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
  await page.getByRole('checkbox', { name: TICKED, exact: true }).check();
  await page.close();
}

/** Paper's palette: the page background and body text as the printer gets them. */
const palette = (page) => page.evaluate(() => {
  const lum = (s) => {
    const [r, g, b] = s.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const body = getComputedStyle(document.body);
  const paragraph = document.querySelector('.sl-markdown-content p');
  return { background: lum(body.backgroundColor), text: lum(getComputedStyle(paragraph).color), scheme: getComputedStyle(document.documentElement).colorScheme };
});

/** Chrome that must not reach paper: header, search, "Start incident", sidebars, copy buttons, the incident bar. */
const CHROME = ['header', 'site-search', '[data-start-incident]', 'nav[aria-label="Main"]', '.right-sidebar-container', '.sl-anchor-link', '.expressive-code .copy', '.cmd-copy', '.incident-bar', '.pagination-links'];
async function visibleChrome(page) {
  const shown = [];
  for (const selector of CHROME) {
    const all = page.locator(selector);
    for (let i = 0; i < (await all.count()); i++) if (await all.nth(i).isVisible()) { shown.push(selector); break; }
  }
  return shown;
}

/** `::after` text of an element, as print shows it. */
const after_ = (locator) => locator.evaluate((el) => getComputedStyle(el, '::after').content);

describe('a single runbook on paper', () => {
  it('prints without chrome, in the light palette from a dark theme, its ticked box ticked and its links written out', async () => {
    const context = await darkContext();
    await tick(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(RUNBOOK);
    const ticked = page.getByRole('checkbox', { name: TICKED, exact: true });
    await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
    assert.equal(await ticked.isChecked(), true, 'the stored tick is applied');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });

    assert.deepEqual(await visibleChrome(page), []);
    const colours = await palette(page);
    assert.ok(colours.background > 0.9 && colours.text < 0.1, `light paper, dark text (background ${colours.background.toFixed(2)}, text ${colours.text.toFixed(2)})`);

    // Ticked reads as ticked without colour: a filled box with a tick mark; the others are empty boxes.
    const box = (locator) => locator.evaluate((el) => ({ image: getComputedStyle(el).backgroundImage, background: getComputedStyle(el).backgroundColor, border: getComputedStyle(el).borderTopStyle, visible: el.checkVisibility() }));
    const on = await box(ticked);
    assert.equal(on.visible, true);
    assert.match(on.image, /svg/, 'the ticked box carries a tick mark');
    const off = await box(page.getByRole('checkbox', { name: 'Health check passing', exact: true }).locator('xpath=ancestor::ul[1]').getByRole('checkbox').first());
    assert.equal(off.image, 'none', 'an unticked box is empty');
    assert.equal(off.border, 'solid');

    // Links show where they go: a site link its path, an external one its URL.
    const siteLink = page.locator('.sl-markdown-content a[href="/agency-platform/reference/contacts-escalation/"]').first();
    assert.match(await after_(siteLink), /\/agency-platform\/reference\/contacts-escalation\//);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('the printed handbook', () => {
  let context;
  let page;
  let errors;
  before(async () => {
    context = await darkContext();
    await tick(context);
    // Team values set on /settings/ (this browser's) show in the printed document.
    const settings = await context.newPage();
    await settings.goto('/settings/');
    await settings.getByLabel('Bridge link', { exact: true }).fill(BRIDGE);
    await settings.getByLabel('On-Call: name', { exact: true }).fill(ON_CALL);
    await settings.close();
    page = await context.newPage();
    errors = watchErrors(page);
    await page.goto(PRINT);
    await page.locator('[data-print-button]').waitFor();
  });
  after(async () => { await context.close(); });

  it('is linked from the handbook overview, as "Print handbook"', async () => {
    const overview = await context.newPage();
    await overview.goto('/agency-platform/');
    await overview.getByRole('link', { name: 'Print handbook', exact: true }).click();
    await overview.waitForURL(`**${PRINT}`);
    await overview.close();
  });

  it('has a Print button on screen that opens the print dialog, and prints without chrome in the light palette', async () => {
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    const button = page.getByRole('button', { name: 'Print', exact: true });
    assert.equal(await button.isVisible(), true);
    await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
    await button.click();
    assert.equal(await page.evaluate(() => window.__printed), true, 'the button calls window.print()');

    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    assert.deepEqual(await visibleChrome(page), []);
    assert.equal(await button.isVisible(), false, 'the button does not print');
    const colours = await palette(page);
    assert.ok(colours.background > 0.9 && colours.text < 0.1, `light paper, dark text (background ${colours.background.toFixed(2)}, text ${colours.text.toFixed(2)})`);
  });

  it('opens with contents whose links all lead to numbered sections of this document', async () => {
    const toc = page.getByRole('navigation', { name: 'Contents' });
    const links = await toc.getByRole('link').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent.trim() })));
    assert.ok(links.length >= 20, `every page of the handbook is listed (${links.length})`);
    for (const link of links) {
      assert.match(link.href, /^#print-/, link.text);
      const target = await page.evaluate((id) => {
        const el = document.getElementById(id);
        return el && el.textContent.replace(/\s+/g, ' ').trim();
      }, link.href.slice(1));
      assert.ok(target, `${link.href} is in the document`);
      assert.ok(target.startsWith(link.text.split(' ')[0]), `${link.href} leads to section ${link.text}`);
    }
    const texts = links.map((link) => link.text);
    for (const title of ['Respond now', 'Severity levels and assessment', 'Escalation and contacts', 'Messages', 'Incident log', 'Follow-up actions']) {
      assert.ok(texts.some((text) => new RegExp(`^\\d+(\\.\\d+)? ${title}$`).test(text)), `contents list ${title}: ${texts.join(' | ')}`);
    }
    assert.ok(!texts.some((text) => /Drills|Onboarding/i.test(text)), 'the drills stay out of the binder');
    assert.ok(texts.some((text) => /^\d+\.\d+ Incident commander$/.test(text)), 'role cards are in it');
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((el) => el.id));
    assert.deepEqual(ids.filter((id, n) => ids.indexOf(id) !== n), [], 'no id twice in the document');
  });

  it('points links to pages in the document at their sections with "(see N)", and writes other links out', async () => {
    const internal = await page.locator('.print-section a[href^="#print-"]:not(.sl-anchor-link):not(.level-badge)').evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute('href'), see: a.nextElementSibling?.matches('.print-see') ? a.nextElementSibling.textContent : null, exists: Boolean(document.getElementById(a.getAttribute('href').slice(1))) })));
    assert.ok(internal.length >= 20, `links between runbooks point into the document (${internal.length})`);
    assert.deepEqual(internal.filter((link) => !link.exists).map((link) => link.href), [], 'every in-document link resolves');
    assert.ok(internal.filter((link) => link.see).every((link) => /^ \(see \d+(\.\d+)?\)$/.test(link.see)), 'with its section number');
    assert.ok(internal.filter((link) => link.see).length >= 20);
    assert.equal(await page.locator('.print-section a[href^="/"]').count(), 0, 'no site-relative link is left');
    const drills = page.locator('.print-section a[href$="/agency-platform/onboarding/drills/"]').first();
    assert.match(await drills.getAttribute('href'), /^https?:\/\/[^/]+\/agency-platform\/onboarding\/drills\/$/, 'a page not in the document: its absolute address');
    assert.match(await after_(drills), /https?:\/\/[^/]+\/agency-platform\/onboarding\/drills\//, 'written out on paper');
  });

  it('prints checklists as empty boxes to tick by pen, even where this browser has ticks', async () => {
    const boxes = page.locator('.print-section .checklist-box');
    assert.ok((await boxes.count()) >= 30);
    assert.equal(await page.locator('.print-section .checklist-box:checked').count(), 0);
    assert.equal(await boxes.first().isVisible(), true);
    assert.equal(await boxes.first().evaluate((el) => getComputedStyle(el).borderTopStyle), 'solid');
  });

  it('ends with a blank incident log (time, event, who) and a blank follow-up sheet (action, owner, due, done)', async () => {
    const sheet = async (id) => {
      const table = page.locator(`#${id} table`);
      return {
        heads: await table.locator('thead th').allInnerTexts(),
        rows: await table.locator('tbody tr').count(),
        filled: await table.locator('tbody td').evaluateAll((cells) => cells.filter((cell) => cell.textContent.trim()).length),
        rowHeight: await table.locator('tbody tr').first().evaluate((tr) => tr.getBoundingClientRect().height),
        visible: await table.isVisible(),
      };
    };
    const log = await sheet('print-incident-log');
    assert.deepEqual(log.heads, ['Time', 'Event', 'Who']);
    assert.ok(log.rows >= 15 && log.filled === 0 && log.rowHeight >= 35 && log.visible, JSON.stringify(log));
    const followUp = await sheet('print-follow-up');
    assert.deepEqual(followUp.heads, ['Action', 'Owner', 'Due', 'Done']);
    assert.ok(followUp.rows >= 15 && followUp.filled === 0 && followUp.visible, JSON.stringify(followUp));
  });

  it('shows the team values set in this browser, and a blank line to write on where none is set', async () => {
    const slots = page.locator('.print-section [data-setting="team.bridge"]');
    assert.ok((await slots.count()) >= 1);
    for (const text of await slots.allInnerTexts()) assert.equal(text, BRIDGE);
    const onCall = page.locator('.print-section [data-setting="agency-platform.contacts.on-call.name"]');
    assert.ok((await onCall.count()) >= 1);
    for (const text of await onCall.allInnerTexts()) assert.equal(text, ON_CALL);
    assert.equal(await page.locator('.print-section [data-setting] b').count(), 0, 'a typed value is never markup');
    const unset = page.locator('.print-section mark.placeholder').first();
    const look = await unset.evaluate((el) => ({ color: getComputedStyle(el).color, line: getComputedStyle(el).borderBottomStyle, label: getComputedStyle(el, '::after').content, width: el.getBoundingClientRect().width }));
    assert.equal(look.color, 'rgba(0, 0, 0, 0)', 'the [marker] text does not print');
    assert.equal(look.line, 'solid', 'a line to write on');
    assert.ok(look.width > 80, `long enough to write on (${look.width}px)`);
    assert.notEqual(look.label, 'none', 'labelled with what to write');
  });

  it('as a PDF: several pages, each section starting a new one (the PDF outline, from the tagged headings, says where)', async () => {
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const pdf = (await page.pdf({ format: 'A4', outline: true, tagged: true })).toString('latin1');
    const pages = pageOrder(pdf);
    const outline = outlineOf(pdf).map((entry) => ({ ...entry, page: pages.indexOf(entry.pageRef) }));
    const sections = await page.locator('.print-section-title, .print-part-title').allTextContents();
    assert.ok(pages.length > sections.length, `${pages.length} pages for ${sections.length} sections`);
    let previous;
    // As the PDF outline writes them: spaces collapsed, a part's title in the capitals it prints in.
    const same = (text) => text.replace(/\s+/g, ' ').trim().toLowerCase();
    for (const title of sections.map(same)) {
      const entry = outline.find((item) => same(item.title) === title);
      assert.ok(entry, `"${title}" is in the PDF outline`);
      assert.ok(entry.page >= 0);
      const partTitle = /^\d+ /.test(previous?.title ?? '') && /^\d+\.1 /.test(title);
      // A section begins a sheet: nothing of the outline above it on that page (a part's title may be).
      const above = outline.filter((item) => item.page === entry.page && item.y > entry.y + 1);
      if (partTitle) assert.ok(above.every((item) => item === previous), `"${title}" follows its part's title only`);
      else assert.deepEqual(above.map((item) => item.title), [], `"${title}" starts page ${entry.page + 1}`);
      previous = entry;
    }
    assert.deepEqual(errors, []);
  });
});

describe('the print page on screen', () => {
  it('has zero axe violations in the light and the dark theme, and is left out of search', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const context = await h.context({ colorScheme });
      await context.addInitScript((theme) => localStorage.setItem('starlight-theme', theme), colorScheme);
      const page = await context.newPage();
      const response = await page.goto(PRINT);
      assert.equal(response.status(), 200);
      assert.match(await page.locator('h1').innerText(), /printed handbook/);
      assert.deepEqual(await axe(page), [], colorScheme);
      assert.equal(await page.locator('[data-pagefind-body]').count(), 0, 'not indexed by Pagefind');
      await context.close();
    }
  });
});

/** The page objects of a PDF in page order (the /Pages tree walked depth first). */
function pageOrder(pdf) {
  const object = (id) => {
    const match = new RegExp(`(?:^|\\n)${id} 0 obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(pdf);
    return match ? match[1] : '';
  };
  const root = /\/Type\s*\/Catalog[\s\S]*?\/Pages (\d+) 0 R/.exec(pdf)[1];
  const walk = (id) => {
    const body = object(id);
    if (!/\/Type\s*\/Pages\b/.test(body)) return [id];
    return [...body.match(/\/Kids\s*\[([^\]]*)\]/)[1].matchAll(/(\d+) 0 R/g)].flatMap((m) => walk(m[1]));
  };
  return walk(root);
}

/** Every entry of a PDF's outline (Chromium writes one per heading): title, page object, height on the page. */
function outlineOf(pdf) {
  const text = (raw) => {
    if (raw.startsWith('<')) {
      const hex = raw.slice(1, -1).replace(/^FEFF/i, '');
      let out = '';
      for (let i = 0; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
      return out;
    }
    return raw.slice(1, -1).replace(/\\([()\\])/g, '$1');
  };
  return [...pdf.matchAll(/\/Title ((?:\((?:\\.|[^\\)])*\))|<[0-9A-Fa-f]*>)\s*\/Dest \[(\d+) 0 R \/XYZ [\d.]+ ([\d.]+)/g)].map((m) => ({ title: text(m[1]), pageRef: m[2], y: Number(m[3]) }));
}
