/**
 * Checklists in a real Chromium: the 100K-user handbook's recovery validation checklist, ticked,
 * reloaded, reopened in a new browser, in two tabs, with broken or missing storage, without
 * JavaScript, reset, exported, and operated from the keyboard.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { axe, CHROMIUM, FLAGS, layoutShift, start, watchErrors, watchLayoutShift } from './harness.mjs';

const PAGE = '/hundred-k-platform/process/recovery-validation/';
const FIRST = 'All services responding to health checks';
const SECOND = 'Error rates back to normal levels (< 0.1%)';
const STATE_KEY = 'incident-handbook:state';

let h;
before(async () => { h = await start(); });
after(async () => { await h.close(); });

/** Opens the page in a fresh profile and waits until the checklists are live (boxes enabled). */
async function open(context, path = PAGE) {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(path);
  await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
  return { page, errors };
}

const firstList = (page) => page.locator('section[data-checklist]').first();
/** What a screen reader reads: the text content, visually hidden words included. */
const spoken = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();
/** What is on screen: the rendered text, without visually hidden words (class sr-only). */
const shown = (locator) => locator.evaluate((root) => {
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (node.nodeType !== Node.ELEMENT_NODE || node.classList.contains('sr-only') || getComputedStyle(node).clip === 'rect(0px, 0px, 0px, 0px)') return '';
    const style = getComputedStyle(node);
    if (style.display === 'none' || node.closest('details:not([open]) > :not(summary)')) return '';
    const before = getComputedStyle(node, '::before').content;
    const after = getComputedStyle(node, '::after').content;
    const text = (c) => (c && c !== 'none' && c !== 'normal' ? ` ${c.replace(/^"|"$/g, '')} ` : '');
    return text(before) + [...node.childNodes].map(walk).join('') + text(after);
  };
  return walk(root).replace(/\s+/g, ' ').trim();
});

describe('checklists', () => {
  it('renders every task item as a native checkbox named by its text, with progress and buttons', async () => {
    const context = await h.context();
    const { page, errors } = await open(context);
    const boxes = page.getByRole('checkbox');
    assert.ok((await boxes.count()) >= 26, 'the three recovery validation lists have 26 items');
    await assert.doesNotReject(page.getByRole('checkbox', { name: FIRST, exact: true }).waitFor());
    await assert.doesNotReject(page.getByRole('checkbox', { name: SECOND, exact: true }).waitFor());
    const list = firstList(page);
    assert.match(await list.locator('.checklist-progress').innerText(), /^0 of 10 done$/);
    assert.equal(await list.getByRole('button', { name: 'Reset checklist' }).count(), 1);
    assert.equal(await list.getByRole('button', { name: 'Export checklist' }).count(), 1);
    // The page strip: a short line on screen, full sentences for screen readers (the text content).
    assert.match(await spoken(page.locator('[data-checklist-page-progress]')), /^Checklists on this page: 0 of \d+ done\.$/);
    assert.match(await spoken(page.locator('[data-checklist-scope]')), /^Ticks are saved in this browser under Practice \(no active incident\)\.$/);
    assert.match(await shown(page.locator('.checklist-page')), /^0 of \d+ done · saved under Practice\s*Your name ▸$/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('keeps ticks across a reload, with progress per checklist and per page', async () => {
    const context = await h.context();
    const { page } = await open(context);
    await page.getByRole('checkbox', { name: FIRST, exact: true }).check();
    await page.getByRole('checkbox', { name: SECOND, exact: true }).check();
    assert.equal(await firstList(page).locator('.checklist-progress').innerText(), '2 of 10 done');
    await page.reload();
    await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
    assert.equal(await page.getByRole('checkbox', { name: FIRST, exact: true }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: SECOND, exact: true }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: 'Database performance normal', exact: true }).isChecked(), false);
    assert.equal(await firstList(page).locator('.checklist-progress').innerText(), '2 of 10 done');
    assert.match(await spoken(page.locator('[data-checklist-page-progress]')), /: 2 of \d+ done/);
    await context.close();
  });

  it('finds every tick after the browser is closed and started again', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'handbook-profile-'));
    const launch = () => chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, baseURL: h.baseUrl, serviceWorkers: 'block', args: FLAGS,
    });
    let browser = await launch();
    let { page } = await open(browser);
    await page.getByRole('checkbox', { name: 'Payment flows operational', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Backup systems verified', exact: true }).check();
    await browser.close();

    browser = await launch();
    ({ page } = await open(browser));
    assert.equal(await page.getByRole('checkbox', { name: 'Payment flows operational', exact: true }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: 'Backup systems verified', exact: true }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: FIRST, exact: true }).isChecked(), false);
    await browser.close();
  });

  it('shows a tick made in one tab in a second tab without reloading', async () => {
    const context = await h.context();
    const { page: a } = await open(context);
    const { page: b } = await open(context);
    await a.getByRole('checkbox', { name: FIRST, exact: true }).check();
    await b.waitForFunction((name) => [...document.querySelectorAll('input[data-item-id]')].find((i) => document.getElementById(i.getAttribute('aria-labelledby')).textContent.trim() === name)?.checked, FIRST);
    assert.equal(await firstList(b).locator('.checklist-progress').innerText(), '1 of 10 done');
    // And back: unticking in the second tab clears it in the first.
    await b.getByRole('checkbox', { name: FIRST, exact: true }).uncheck();
    await a.waitForFunction((name) => ![...document.querySelectorAll('input[data-item-id]')].find((i) => document.getElementById(i.getAttribute('aria-labelledby')).textContent.trim() === name)?.checked, FIRST);
    await context.close();
  });

  it('resets a checklist and offers to undo the reset', async () => {
    const context = await h.context();
    const { page } = await open(context);
    await page.getByRole('checkbox', { name: FIRST, exact: true }).check();
    await page.getByRole('checkbox', { name: SECOND, exact: true }).check();
    // A tick in another checklist on the page is not touched by the reset.
    await page.getByRole('checkbox', { name: 'Order processing working', exact: true }).check();
    await firstList(page).getByRole('button', { name: 'Reset checklist' }).click();
    assert.equal(await page.getByRole('checkbox', { name: FIRST, exact: true }).isChecked(), false);
    assert.equal(await page.getByRole('checkbox', { name: 'Order processing working', exact: true }).isChecked(), true);
    assert.match(await firstList(page).locator('.checklist-progress').innerText(), /Checklist reset: 2 ticks cleared/);
    await firstList(page).getByRole('button', { name: 'Undo reset' }).click();
    assert.equal(await page.getByRole('checkbox', { name: FIRST, exact: true }).isChecked(), true);
    assert.equal(await firstList(page).locator('.checklist-progress').innerText(), '2 of 10 done');
    await page.reload();
    await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
    assert.equal(await page.getByRole('checkbox', { name: SECOND, exact: true }).isChecked(), true);
    await context.close();
  });

  it('exports the checklist as Markdown: copy to clipboard and download', async () => {
    const context = await h.context({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = await open(context);
    await page.getByRole('checkbox', { name: FIRST, exact: true }).check();
    await firstList(page).getByRole('button', { name: 'Export checklist' }).click();
    const text = await page.getByLabel('Checklist as Markdown').first().inputValue();
    assert.match(text, /^### Service restoration verification$/im);
    assert.match(text, /Runbook: \[.*Recovery.*\]\(http:\/\/127\.0\.0\.1:\d+\/hundred-k-platform\/process\/recovery-validation\/\)/i);
    assert.match(text, /Incident: Practice \(no active incident\)/);
    assert.match(text, /Progress: 1 of 10 done/);
    assert.match(text, new RegExp(`^- \\[x\\] ${FIRST} \\(ticked \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)$`, 'm'));
    assert.match(text, /^- \[ \] Error rates back to normal levels \(< 0\.1%\)$/m);
    assert.match(text, /^- \[ \] Response times under threshold \(< 200ms\)$/m);

    await firstList(page).getByRole('button', { name: 'Copy to clipboard' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      firstList(page).getByRole('button', { name: 'Download .md' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'service-restoration-verification.md');
    const { readFile } = await import('node:fs/promises');
    assert.equal(await readFile(await download.path(), 'utf8'), text);
    await context.close();
  });

  it('keeps a tick whose item left the runbook and lists it in the export', async () => {
    const context = await h.context();
    const { page } = await open(context);
    const checklist = await firstList(page).getAttribute('data-checklist');
    const pageId = checklist.split('#')[0];
    await page.evaluate(({ key, checklist, pageId }) => {
      const state = JSON.parse(localStorage.getItem(key) ?? 'null') ?? { version: 2, activeIncident: null, incidents: { practice: { id: 'practice', title: 'Practice (no active incident)', startedAt: new Date(0).toISOString(), ticks: {} } } };
      state.incidents.practice.ticks[`${checklist}/old-item`] = {
        at: '2026-11-20T08:15:00.000Z', label: 'Old item <b>that was removed</b>', page: pageId, pageTitle: 'Recovery', checklist, heading: 'Service Restoration Verification',
      };
      localStorage.setItem(key, JSON.stringify(state));
    }, { key: STATE_KEY, checklist, pageId });
    await page.reload();
    await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
    await firstList(page).getByRole('button', { name: 'Export checklist' }).click();
    const text = await page.getByLabel('Checklist as Markdown').first().inputValue();
    assert.match(text, /No longer in the runbook/);
    assert.match(text, /^- \[x\] Old item <b>that was removed<\/b> \(ticked 2026-11-20 08:15 UTC\)$/m);
    // Stored text is never rendered as HTML.
    assert.equal(await page.locator('b', { hasText: 'that was removed' }).count(), 0);
    await context.close();
  });

  it('saves ticks to the active incident, says which, and keeps practice ticks apart', async () => {
    const context = await h.context();
    const id = 'INC-2026-11-23-001';
    await context.addInitScript(({ key, id }) => {
      if (sessionStorage.getItem('seeded')) return;
      const practice = { id: 'practice', title: 'Practice (no active incident)', startedAt: new Date(0).toISOString(), ticks: {} };
      const incident = { id, title: 'Checkout <i>down</i>', startedAt: '2026-11-23T02:55:00.000Z', handbook: 'hundred-k-platform', severity: 'P0', ticks: {} };
      localStorage.setItem(key, JSON.stringify({ version: 2, activeIncident: id, incidents: { practice, [id]: incident } }));
      sessionStorage.setItem('seeded', '1');
    }, { key: STATE_KEY, id });
    const { page, errors } = await open(context);
    assert.equal(await spoken(page.locator('[data-checklist-scope]')), `Ticks are saved in this browser under incident ${id} Checkout <i>down</i>.`);
    assert.equal(await page.locator('i', { hasText: 'down' }).count(), 0, 'the incident title is text, not HTML');
    await page.getByRole('checkbox', { name: FIRST, exact: true }).check();
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STATE_KEY);
    assert.deepEqual(Object.values(stored.incidents[id].ticks).map((t) => t.label), [FIRST]);
    assert.deepEqual(stored.incidents.practice.ticks, {});
    await firstList(page).getByRole('button', { name: 'Export checklist' }).click();
    assert.match(await page.getByLabel('Checklist as Markdown').first().inputValue(), new RegExp(`^Incident: ${id} Checkout \\\\<i\\\\>down\\\\</i\\\\>  $`, 'm'));
    // Back to practice (as the incident bar will do): the incident's ticks are not shown there.
    await page.evaluate((key) => {
      const state = JSON.parse(localStorage.getItem(key));
      state.activeIncident = null;
      localStorage.setItem(key, JSON.stringify(state));
    }, STATE_KEY);
    await page.reload();
    await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
    assert.equal(await page.getByRole('checkbox', { name: FIRST, exact: true }).isChecked(), false);
    assert.match(await spoken(page.locator('[data-checklist-scope]')), /under Practice \(no active incident\)/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('keeps corrupt saved data aside, says so, and still works', async () => {
    const context = await h.context();
    await context.addInitScript((key) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, '{"version": 2, "incidents": <img src=x onerror=alert(1)>');
        sessionStorage.setItem('seeded', '1');
      }
    }, STATE_KEY);
    const { page, errors } = await open(context);
    const notice = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await notice.waitFor();
    assert.match(await notice.innerText(), /Nothing was deleted/);
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'the stored text is not rendered as HTML');
    const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('incident-handbook:backup:')).map((k) => localStorage.getItem(k)));
    assert.deepEqual(backups, ['{"version": 2, "incidents": <img src=x onerror=alert(1)>']);
    // The page still works and saves.
    await page.getByRole('checkbox', { name: FIRST, exact: true }).check();
    await page.reload();
    await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
    assert.equal(await page.getByRole('checkbox', { name: FIRST, exact: true }).isChecked(), true);
    // The kept data can be downloaded, and dismissing the notice keeps the data.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the kept data' }).click()]);
    const { readFile } = await import('node:fs/promises');
    assert.equal(await readFile(await download.path(), 'utf8'), backups[0]);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await page.getByRole('alert').filter({ hasText: 'could not be read' }).count(), 0);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('incident-handbook:backup:')).length), 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('keeps foreign data under the same key aside (written by something else)', async () => {
    const context = await h.context();
    await context.addInitScript((key) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, JSON.stringify({ theme: 'dark', todo: [1, 2, 3] }));
        sessionStorage.setItem('seeded', '1');
      }
    }, STATE_KEY);
    const { page } = await open(context);
    await page.getByRole('alert').filter({ hasText: 'not written by this site' }).waitFor();
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('incident-handbook:backup:')).map((k) => localStorage.getItem(k)));
    assert.deepEqual(kept.map((raw) => JSON.parse(raw)), [{ theme: 'dark', todo: [1, 2, 3] }]);
    await context.close();
  });

  it('works in memory with a visible notice when storage is unavailable', async () => {
    const context = await h.context();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
    });
    const { page, errors } = await open(context);
    await page.getByRole('alert').filter({ hasText: 'not letting the site save data' }).waitFor();
    // Starlight's own inline theme script reads localStorage without a guard and throws here;
    // that is Starlight's code, not ours: only errors from elsewhere count.
    const ours = () => errors.filter((e) => !/The operation is insecure|StarlightThemeProvider is not defined/.test(e));
    await page.getByRole('checkbox', { name: FIRST, exact: true }).check();
    assert.equal(await firstList(page).locator('.checklist-progress').innerText(), '1 of 10 done');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
    const { readFile } = await import('node:fs/promises');
    const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.ok(Object.values(backup.state.incidents.practice.ticks).some((tick) => tick.label === FIRST));
    assert.deepEqual(ours(), []);
    await context.close();
  });

  it('keeps ticks in the tab and offers a backup when storage is full', async () => {
    const context = await h.context();
    await context.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (String(key).startsWith('incident-handbook:') && window.__full) throw new DOMException('Quota exceeded', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    const { page, errors } = await open(context);
    await page.evaluate(() => { window.__full = true; });
    await page.getByRole('checkbox', { name: FIRST, exact: true }).check();
    await page.getByRole('alert').filter({ hasText: 'Browser storage is full' }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: FIRST, exact: true }).isChecked(), true);
    assert.equal(await firstList(page).locator('.checklist-progress').innerText(), '1 of 10 done');
    assert.equal(await page.getByRole('button', { name: 'Download backup' }).count(), 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('reads as a plain list without JavaScript, with no dead buttons', async () => {
    const context = await h.context({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(PAGE);
    const boxes = page.getByRole('checkbox');
    assert.ok((await boxes.count()) >= 26);
    assert.equal(await page.getByRole('checkbox', { name: FIRST, exact: true }).isChecked(), false);
    assert.equal(await page.getByRole('button', { name: 'Reset checklist' }).first().isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Export checklist' }).first().isVisible(), false);
    assert.match(await firstList(page).locator('.checklist-progress').innerText(), /^10 items$/);
    await context.close();
  });

  it('toggles an item by a click on its text, but follows a link in it', async () => {
    const context = await h.context();
    const { page } = await open(context);
    await page.locator('.checklist-text', { hasText: FIRST }).click();
    assert.equal(await page.getByRole('checkbox', { name: FIRST, exact: true }).isChecked(), true);
    await page.locator('.checklist-text', { hasText: FIRST }).click();
    assert.equal(await page.getByRole('checkbox', { name: FIRST, exact: true }).isChecked(), false);
    // An item whose text holds a link (and an explicit id): the link navigates, the box stays as it was.
    const { page: workflow } = await open(context, '/customer-portal/process/workflow/');
    const item = workflow.getByRole('checkbox', { name: 'Determine the severity, P1 to P4 (severity)', exact: true });
    assert.equal(await item.isChecked(), false);
    await workflow.locator('.checklist-text').getByRole('link', { name: 'severity', exact: true }).click();
    await workflow.waitForURL('**/customer-portal/severity/');
    await workflow.goBack();
    await workflow.locator('input[data-item-id]:not([disabled])').first().waitFor();
    assert.equal(await item.isChecked(), false);
    await context.close();
  });

  it('is operable with the keyboard, with a visible focus ring', async () => {
    const context = await h.context();
    const { page } = await open(context);
    const box = page.getByRole('checkbox', { name: FIRST, exact: true });
    await box.focus();
    await page.keyboard.press('Space');
    assert.equal(await box.isChecked(), true);
    const outline = await box.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, 'none');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.getElementById(document.activeElement?.getAttribute('aria-labelledby'))?.textContent.trim()), SECOND);
    await context.close();
  });

  it('hydrates without layout shift when ticks are stored', async () => {
    const context = await h.context();
    const { page } = await open(context);
    for (const name of [FIRST, SECOND, 'Cache systems functioning']) await page.getByRole('checkbox', { name, exact: true }).check();
    await watchLayoutShift(context);
    await page.reload();
    await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
    await page.waitForTimeout(500);
    assert.equal(await layoutShift(page), 0);
    await context.close();
  });

  it('has no axe-core violations, with the export panel open', async () => {
    const context = await h.context();
    const { page } = await open(context);
    await page.getByRole('checkbox', { name: FIRST, exact: true }).check();
    await firstList(page).getByRole('button', { name: 'Export checklist' }).click();
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
});

describe('who ticked', () => {
  it('records the responder name with ticks, as text only', async () => {
    const context = await h.context();
    const { page } = await open(context);
    const name = '<img src=x onerror="window.__pwned=1">Ana';
    // The name field sits behind a small disclosure in the page strip.
    await page.locator('.checklist-page summary', { hasText: 'Your name' }).click();
    await page.getByLabel('Your name (optional, recorded with your ticks)').fill(name);
    await page.getByLabel('Your name (optional, recorded with your ticks)').press('Tab');
    await page.getByRole('checkbox', { name: FIRST, exact: true }).check();
    await firstList(page).getByRole('button', { name: 'Export checklist' }).click();
    const text = await page.getByLabel('Checklist as Markdown').first().inputValue();
    // In the Markdown the name is escaped, so pasting the export into a ticket renders no HTML either.
    assert.ok(text.includes(`(ticked `) && text.includes(' by \\<img src=x onerror="window.\\_\\_pwned=1"\\>Ana)'), text);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    await page.reload();
    await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
    assert.equal(await page.getByLabel('Your name (optional, recorded with your ticks)').inputValue(), name);
    await context.close();
  });
});

describe('checklists on a phone', () => {
  const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
  const row = (page, name) => page.locator('li.task-list-item').filter({ has: page.getByRole('checkbox', { name, exact: true }) }).last();

  it('makes every item row at least 44 px tall and as wide as its list', async () => {
    const context = await h.context(PHONE);
    const { page } = await open(context);
    const rows = await page.locator('section[data-checklist] li.task-list-item').evaluateAll((items) => items.map((li) => {
      const own = li.getBoundingClientRect();
      const list = li.parentElement.getBoundingClientRect();
      // A row with nested items: its own part ends where the nested list starts.
      const nested = li.querySelector(':scope > ul, :scope > ol');
      const height = (nested ? nested.getBoundingClientRect().top : own.bottom) - own.top;
      return { text: li.querySelector('.checklist-text').textContent.trim(), height, wide: own.width >= list.width - 1 };
    }));
    assert.ok(rows.length >= 26);
    assert.deepEqual(rows.filter((r) => r.height < 44 || !r.wide), [], 'rows under 44 px or narrower than their list');
    await context.close();
  });

  it('ticks an item by a tap anywhere on its row: the text, the end of the row, the space around the box', async () => {
    const context = await h.context(PHONE);
    const { page, errors } = await open(context);
    const box = page.getByRole('checkbox', { name: FIRST, exact: true });
    await row(page, FIRST).locator('.checklist-text').tap();
    assert.equal(await box.isChecked(), true, 'a tap on the text ticks');
    const r = await row(page, FIRST).boundingBox();
    await page.touchscreen.tap(r.x + r.width - 6, r.y + r.height / 2);
    assert.equal(await box.isChecked(), false, 'a tap at the end of the row, past the text, unticks');
    await page.touchscreen.tap(r.x + 3, r.y + 3);
    assert.equal(await box.isChecked(), true, 'a tap in the corner of the row, beside the box, ticks');
    assert.equal(await firstList(page).locator('.checklist-progress').innerText(), '1 of 10 done');
    // Saved as any tick is.
    await page.reload();
    await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
    assert.equal(await box.isChecked(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('follows a link in an item without ticking it', async () => {
    const context = await h.context(PHONE);
    const { page } = await open(context, '/customer-portal/process/workflow/');
    const text = page.locator('.checklist-text').filter({ has: page.getByRole('link', { name: 'severity', exact: true }) }).first();
    const id = await text.getAttribute('id');
    const box = page.locator(`input[aria-labelledby="${id}"]`);
    assert.equal(await box.isChecked(), false);
    await text.getByRole('link', { name: 'severity', exact: true }).tap();
    await page.waitForURL('**/customer-portal/severity/');
    await page.goBack();
    await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
    assert.equal(await box.isChecked(), false);
    await context.close();
  });

  it('leaves a code block in an item and its copy button alone', async () => {
    const context = await h.context({ ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = await open(context, '/manufacturing-platform/process/mitigation/');
    const item = row(page, '1. Service restart');
    const box = page.getByRole('checkbox', { name: '1. Service restart', exact: true });
    await item.locator('pre').tap();
    assert.equal(await box.isChecked(), false, 'a tap on the command does not tick');
    await item.locator('.expressive-code button').first().click();
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /railway restart --service/);
    assert.equal(await box.isChecked(), false, 'copying the command does not tick');
    // The item's own text still ticks it.
    await item.locator('.checklist-text').tap();
    assert.equal(await box.isChecked(), true);
    await context.close();
  });

  it('ticks a nested item, not its parent, and indents it under the parent text', async () => {
    const context = await h.context(PHONE);
    const { page } = await open(context, '/manufacturing-platform/process/resolution/');
    const parent = page.getByRole('checkbox', { name: '2. Test the critical paths', exact: true });
    const child = page.getByRole('checkbox', { name: 'User login', exact: true });
    await row(page, 'User login').locator('.checklist-text').tap();
    assert.equal(await child.isChecked(), true);
    assert.equal(await parent.isChecked(), false);
    const [p, c] = [await parent.boundingBox(), await child.boundingBox()];
    assert.ok(c.x >= p.x + 24, `nested box at x=${c.x}, parent box at x=${p.x}`);
    const parentText = await row(page, '2. Test the critical paths').locator('.checklist-text').first().boundingBox();
    assert.ok(Math.abs(c.x - parentText.x) < 4, 'the nested box lines up with the parent text');
    await context.close();
  });

  it('does not tick when text is selected with the mouse', async () => {
    const context = await h.context();
    const { page } = await open(context);
    const text = row(page, SECOND).locator('.checklist-text');
    const r = await text.boundingBox();
    await page.mouse.move(r.x + 2, r.y + r.height / 2);
    await page.mouse.down();
    await page.mouse.move(r.x + r.width - 2, r.y + r.height / 2, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await page.evaluate(() => getSelection().toString()), '');
    assert.equal(await page.getByRole('checkbox', { name: SECOND, exact: true }).isChecked(), false);
    // A click that selects nothing (here on the selected text) ticks as usual.
    await text.click();
    assert.equal(await page.getByRole('checkbox', { name: SECOND, exact: true }).isChecked(), true);
    await context.close();
  });

  it('has no axe-core violations on a phone, with the name field open', async () => {
    const context = await h.context(PHONE);
    const { page } = await open(context);
    await page.locator('.checklist-page summary').tap();
    await page.getByLabel('Your name (optional, recorded with your ticks)').waitFor();
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
});
