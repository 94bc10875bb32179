/**
 * The offline copy (src/build/offline/, src/components/OfflineNotice.astro): a reader who visited
 * once keeps every page, search and every tool with the network cut and the host down; an update
 * waits for "Reload to update" and never reloads a page by itself; the site is installable; the
 * notices pass axe at phone and desktop widths; and other test files' profiles get no worker.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axe, DIST, serve, start, watchErrors } from './harness.mjs';
import { bar, startIncident } from './incident-helpers.mjs';

const RUNBOOK = '/hundred-k-platform/process/recovery-validation/';
const SCENARIO = '/agency-platform/scenarios/database-connection-failure/';
const FIRST = 'All services responding to health checks';
const OFFLINE = "Offline: pages, search and your tools work from this browser's copy.";
const TOOLS = ['/hundred-k-platform/severity/', '/agency-platform/messages/', '/agency-platform/onboarding/drills/', '/settings/', '/incidents/', '/reviews/'];

let h;
before(async () => { h = await start(); });
after(async () => { await h.close(); });

/** A server of its own for `root` that a test can stop: { baseUrl, stop() }. */
async function ownServer(root = DIST) {
  const server = await serve(root.replace(/\/?$/, '/'));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }),
  };
}

/** A profile on `baseUrl` whose pages may run the service worker. */
async function workerProfile(baseUrl, options = {}) {
  const ctx = await h.context({ baseURL: baseUrl, serviceWorkers: 'allow', ...options });
  ctx.setDefaultTimeout(15_000);
  return ctx;
}

/** Opens `path`, collecting errors and failed requests (offline, a failed request is a file the copy lacks). */
async function open(ctx, path) {
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  page.on('requestfailed', (request) => {
    // ERR_ABORTED: a navigation cancelled a lazy import still in flight; a missing file fails otherwise.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`requestfailed: ${request.url()} ${request.failure()?.errorText}`);
  });
  await page.goto(path);
  return { page, errors };
}

/** Waits until the worker is active (its precache complete) and controls the page. */
async function controlled(page) {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  }, null, { timeout: 30_000 });
}

const offlineNotice = (page) => page.getByRole('status').filter({ hasText: OFFLINE });
const updateButton = (page) => page.getByRole('button', { name: 'Reload to update' });

describe('offline copy', () => {
  it('after one visit, with the network cut and the host down: every page, search, checklists, the incident bar and every tool work', async () => {
    const server = await ownServer();
    const ctx = await workerProfile(server.baseUrl);
    const { page, errors } = await open(ctx, '/');
    await controlled(page);
    assert.equal(await updateButton(page).isVisible(), false, 'the first install is not an update');
    assert.equal(await offlineNotice(page).isVisible(), false, 'no offline notice while online');

    await ctx.setOffline(true);
    await server.stop();

    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await offlineNotice(page).waitFor();

    // A page never visited, reached by its address.
    await page.goto(SCENARIO);
    assert.match(await page.locator('h1').first().innerText(), /database/i);
    await offlineNotice(page).waitFor();

    // Search with Starlight's dialog (Pagefind's index, its wasm and pagefind-entry.json?ts=...).
    await page.locator('#starlight__search input').waitFor({ state: 'attached' });
    await page.locator('button[data-open-modal]').click();
    const dialog = page.locator('site-search dialog[open]');
    await dialog.getByPlaceholder('Search', { exact: true }).fill('database');
    await dialog.locator('.pagefind-ui__message', { hasText: /^\d+ results? for database$/ }).waitFor();
    // Pagefind writes the count first, then each result once its fragment has loaded (from the
    // worker's copy): wait for the first, as tests/e2e/search.test.mjs does.
    await dialog.locator('.pagefind-ui__result-link').first().waitFor();
    assert.ok(await dialog.locator('.pagefind-ui__result-link').count() > 0, 'search gives results offline');
    await page.goto(await dialog.locator('.pagefind-ui__result-link').last().getAttribute('href'));
    await page.locator('h1').first().waitFor();

    // A checklist: tick, see progress.
    await page.goto(RUNBOOK);
    await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
    await page.getByRole('checkbox', { name: FIRST, exact: true }).check();
    assert.equal(await page.locator('section[data-checklist]').first().locator('.checklist-progress').innerText(), '1 of 10 done');

    // An incident, started from the header and exported as Markdown (a download).
    const id = await startIncident(page, { title: 'Host down', severity: 'P1' });
    await bar(page).getByRole('button', { name: 'Export as Markdown' }).click();
    const exportDialog = page.getByRole('dialog', { name: `Export ${id} as Markdown` });
    await exportDialog.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exportDialog.getByRole('button', { name: /^Download / }).click(),
    ]);
    assert.match(readFileSync(await download.path(), 'utf8'), new RegExp(`${id}`));
    await page.keyboard.press('Escape');

    // Every tool page opens and its islands hydrate.
    for (const path of TOOLS) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      // Islands hydrate when seen (client:visible): bring each into view, wait for its code.
      const islands = page.locator('astro-island');
      for (let i = 0; i < await islands.count(); i++) {
        await islands.nth(i).scrollIntoViewIfNeeded();
        await page.waitForFunction((n) => !document.querySelectorAll('astro-island')[n].hasAttribute('ssr'), i);
      }
      await offlineNotice(page).waitFor();
    }

    // Back online (the host still down): the notice goes.
    await ctx.setOffline(false);
    await offlineNotice(page).waitFor({ state: 'hidden' });
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('an update waits for "Reload to update": the incident and typed text stay, nothing reloads by itself, the click reloads into the new worker (only in that tab)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'offline-update-'));
    cpSync(DIST, root, { recursive: true });
    const server = await ownServer(root);
    const ctx = await workerProfile(server.baseUrl);
    try {
      const { page, errors } = await open(ctx, RUNBOOK);
      await controlled(page);
      const id = await startIncident(page, { title: 'Update during an incident' });
      const note = page.getByRole('textbox', { name: 'Timeline note' });
      await note.fill('half-typed note');
      const other = (await open(ctx, '/')).page;
      await controlled(other);
      // A page that reloads loses these.
      await page.evaluate(() => { window.__sameDocument = true; });
      await other.evaluate(() => { window.__sameDocument = true; });

      // A new version of the site: the same worker with one more line.
      appendFileSync(join(root, 'sw.js'), '\n// a newer build\n');
      await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
      await updateButton(page).waitFor();
      await page.getByRole('status').filter({ hasText: 'A newer version of the handbook is ready.' }).waitFor();
      await updateButton(other).waitFor();
      await page.waitForTimeout(1500);
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page did not reload by itself');
      assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting?.state), 'installed', 'the new worker waits');
      assert.equal(await bar(page).locator('.incident-id').innerText(), id);
      assert.equal(await note.inputValue(), 'half-typed note');

      await Promise.all([page.waitForEvent('load'), updateButton(page).click()]);
      assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'the click reloaded the page');
      const after = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: registration.waiting, active: registration.active?.state, controlled: navigator.serviceWorker.controller !== null };
      });
      assert.deepEqual(after, { waiting: null, active: 'activated', controlled: true }, 'the waiting worker took over');
      assert.equal(await updateButton(page).isVisible(), false);
      assert.equal(await bar(page).locator('.incident-id').innerText(), id, 'the incident is still active');

      // The other tab did not reload: it still offers the update, now a plain reload.
      await other.waitForTimeout(500);
      assert.equal(await other.evaluate(() => window.__sameDocument), true, 'the other tab did not reload');
      assert.equal(await updateButton(other).isVisible(), true);
      await Promise.all([other.waitForEvent('load'), updateButton(other).click()]);
      assert.equal(await other.evaluate(() => window.__sameDocument), undefined);
      assert.deepEqual(errors, []);
    } finally {
      await ctx.close();
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is installable: every page links the manifest, which parses, and its icons are PNGs of their stated sizes (one maskable)', async () => {
    const ctx = await h.context();
    const page = await ctx.newPage();
    await page.goto(RUNBOOK);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const response = await ctx.request.get(href);
    assert.equal(response.status(), 200);
    const manifest = JSON.parse(await response.text());
    assert.equal(manifest.name, 'Incident Handbook');
    assert.equal(manifest.start_url, '/');
    assert.equal(manifest.display, 'standalone');
    assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
    assert.ok(manifest.icons.some((icon) => icon.purpose === 'maskable'));
    for (const size of ['192x192', '512x512']) assert.ok(manifest.icons.some((icon) => icon.sizes === size), size);
    for (const icon of manifest.icons) {
      const file = await ctx.request.get(icon.src);
      assert.equal(file.status(), 200, icon.src);
      const png = await file.body();
      assert.equal(png.subarray(1, 4).toString(), 'PNG', icon.src);
      assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
    }
    assert.equal(await page.locator('meta[name="theme-color"]').count(), 2);
    await ctx.close();
  });

  it('the notices: fixed above the incident bar in space the page keeps free, 44 px button, not printed, zero axe violations at 390 and 1280 px', async () => {
    for (const width of [390, 1280]) {
      for (const colorScheme of ['light', 'dark']) {
        const ctx = await h.context({ viewport: { width, height: 800 }, colorScheme });
        const { page, errors } = await open(ctx, RUNBOOK);
        await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
        await startIncident(page, { title: 'Notice layout' });
        await ctx.setOffline(true);
        await offlineNotice(page).waitFor();
        // The update notice as the worker would show it (the worker's side is tested above).
        await page.evaluate(() => { document.querySelector('[data-offline-notices] > p:last-child').hidden = false; });
        const box = await page.locator('[data-offline-notices]').boundingBox();
        const barBox = await bar(page).boundingBox();
        assert.ok(box.y + box.height <= barBox.y + 0.5, `${width}: the notices end where the bar starts`);
        const button = await updateButton(page).boundingBox();
        assert.ok(button.height >= 44 && button.width >= 44, `${width}: button ${button.width}x${button.height}`);
        const reserved = await page.evaluate(() => parseFloat(getComputedStyle(document.body).paddingBottom));
        assert.ok(Math.abs(reserved - (box.height + barBox.height)) < 1.5, `${width}: the page keeps ${reserved}px free for ${box.height} + ${barBox.height}`);
        assert.deepEqual(await axe(page), [], `${width} px, ${colorScheme}`);
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('[data-offline-notices]').isVisible(), false, 'not printed');
        assert.deepEqual(errors, []);
        await ctx.close();
      }
    }
  });

  it('other test files pay nothing for it: harness profiles get no worker unless they ask', async () => {
    const ctx = await h.context();
    const { page, errors } = await open(ctx, '/');
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) ?? null), null);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});
