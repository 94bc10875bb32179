/** Pagefind (built by `astro build`) finds runbooks by the words responders search for. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';

let h;
let context;
before(async () => {
  h = await start();
  context = await h.context();
});
after(async () => {
  await context.close();
  await h.close();
});

/** Uses Pagefind's own API on the built index, as Starlight's search box does. */
async function search(page, term, filters = {}) {
  return page.evaluate(async ({ term, filters }) => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const result = await pagefind.search(term, { filters });
    const data = await Promise.all(result.results.slice(0, 10).map((r) => r.data()));
    return data.map((d) => ({ url: d.url, title: d.meta.title, handbook: d.filters.handbook?.[0] }));
  }, { term, filters });
}

describe('search', () => {
  for (const [term, handbook] of [
    ['502', 'agency-platform'],
    ['WHMCS', 'customer-portal'],
    ['pgbouncer', 'hundred-k-platform'],
    ['connection refused', null],
    ['Xero', 'manufacturing-platform'],
    ['docker compose', 'foundation-platform'],
  ]) {
    it(`finds "${term}"${handbook ? ` in ${handbook}` : ''}`, async () => {
      const page = await context.newPage();
      await page.goto('/');
      const results = await search(page, term);
      assert.ok(results.length > 0, `no results for ${term}`);
      if (handbook) assert.ok(results.some((r) => r.url.startsWith(`/${handbook}/`)), `${term}: ${JSON.stringify(results.slice(0, 5))}`);
      await page.close();
    });
  }

  it('filters by handbook', async () => {
    const page = await context.newPage();
    await page.goto('/');
    const all = await search(page, 'database');
    const only = await search(page, 'database', { handbook: '100K-User Platform' });
    assert.ok(all.some((r) => !r.url.startsWith('/hundred-k-platform/')), 'several handbooks talk about databases');
    assert.ok(only.length > 0);
    assert.ok(only.every((r) => r.url.startsWith('/hundred-k-platform/')), JSON.stringify(only));
    await page.close();
  });

  it('works through the search box: type a symptom, land on the runbook', async () => {
    const page = await context.newPage();
    await page.goto('/');
    // Starlight mounts Pagefind's UI when the page is first idle; a reader presses Ctrl K after
    // seeing the page, so wait for the UI as they would (a key press earlier can be lost in CI).
    await page.locator('#starlight__search input').waitFor({ state: 'attached' });
    await page.keyboard.press('Control+k');
    await page.locator('site-search dialog[open]').waitFor();
    const input = page.getByPlaceholder('Search', { exact: true }).last();
    assert.equal(await input.evaluate((el) => el === document.activeElement), true, 'Ctrl K puts the cursor in the search box');
    await input.fill('WHMCS');
    const first = page.locator('.pagefind-ui__result-link').first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(/\/customer-portal\//);
    await page.close();
  });
});

describe('search inside checklists', () => {
  it('finds a checklist step by its words', async () => {
    const page = await context.newPage();
    await page.goto('/');
    const results = await search(page, 'Browser compatibility verified');
    assert.ok(results.some((r) => r.url === '/hundred-k-platform/process/recovery-validation/'), JSON.stringify(results.slice(0, 5)));
    await page.close();
  });
});
