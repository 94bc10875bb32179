/**
 * Pagefind (built by `astro build`) finds runbooks by the words responders search for; inside a
 * handbook the search box is limited to that handbook (one click lifts it), ranks the scenario that
 * fixes a symptom first, and says of each result which handbook and kind of page it is.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axe, start, watchErrors } from './harness.mjs';

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

const HANDBOOKS = {
  'agency-platform': 'Agency Platform',
  'customer-portal': 'Customer Portal',
  'foundation-platform': 'Foundation Platform',
  'hundred-k-platform': '100K-User Platform',
  'manufacturing-platform': 'Manufacturing Platform',
};
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** Opens the search dialog with its button, as a reader does, once Pagefind's UI is mounted. */
async function openSearch(page) {
  await page.locator('#starlight__search input').waitFor({ state: 'attached' });
  await page.locator('button[data-open-modal]').click();
  await page.locator('site-search dialog[open]').waitFor();
  return page.locator('site-search dialog[open]');
}

/** Types a term and waits for its results (not those of the previous term); returns the dialog. */
async function type(dialog, term) {
  await dialog.getByPlaceholder('Search', { exact: true }).fill(term);
  await dialog.locator('.pagefind-ui__message', { hasText: new RegExp(`^\\d+ results? for ${term}$`) }).waitFor();
  await dialog.locator('.pagefind-ui__result-link').first().waitFor();
}

/** The results as a reader sees them: link, title, and the tags under each. */
function results(dialog) {
  return dialog.locator('.pagefind-ui__result').evaluateAll((items) => items.map((li) => ({
    href: li.querySelector('.pagefind-ui__result-link')?.getAttribute('href'),
    tags: [...li.querySelectorAll('.pagefind-ui__result-tag')].map((tag) => tag.textContent.replace(/\s+/g, ' ').trim()),
  })));
}

/**
 * The handbooks (by id) with a scenario page that contains every word of the term as a word, or
 * its plural (not only as the start of a longer one: "500ms" is not "500"), from Pagefind's index.
 */
async function handbooksWithScenarioFor(page, term) {
  return page.evaluate(async ({ term, names }) => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const words = term.toLowerCase().split(/\s+/);
    const contains = (text) => words.every((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${w}(e?s)?($|[^\\p{L}\\p{N}])`, 'u').test(text.toLowerCase()));
    const found = [];
    for (const [id, name] of Object.entries(names)) {
      const result = await pagefind.search(term, { filters: { handbook: [name], kind: ['Scenario'] } });
      const pages = await Promise.all(result.results.map((r) => r.data()));
      if (pages.some((p) => contains(p.content))) found.push(id);
    }
    return found;
  }, { term, names: HANDBOOKS });
}

describe('search from inside a handbook', () => {
  // Symptom words: from inside every handbook with a scenario page that matches, that handbook's
  // scenario comes first (not its drills, its onboarding, or another handbook's pages).
  for (const term of ['502', '500', 'timeout', 'OOM', 'Stripe webhook']) {
    it(`"${term}": a scenario page of the handbook comes first`, async (t) => {
      const page = await context.newPage();
      await page.goto('/');
      const handbooks = await handbooksWithScenarioFor(page, term);
      assert.ok(handbooks.length > 0, `some handbook has a scenario page for ${term}`);
      t.diagnostic(`"${term}": scenario pages in ${handbooks.join(', ')}`);
      const wrong = [];
      for (const id of handbooks) {
        await page.goto(`/${id}/respond-now/`);
        const dialog = await openSearch(page);
        await type(dialog, term);
        const [first] = await results(dialog);
        if (!first.href.startsWith(`/${id}/scenarios/`)) wrong.push(`${id}: ${first.href}`);
        else assert.deepEqual([...first.tags].sort(), [`Handbook: ${HANDBOOKS[id]}`, 'Kind: Scenario'], `${id}: the result says its handbook and kind`);
      }
      assert.deepEqual(wrong, [], `first result for "${term}" is not a scenario of the handbook searched from`);
      await page.close();
    });
  }

  it('"502" from inside the agency handbook gives its application-down scenario first', async () => {
    const page = await context.newPage();
    await page.goto('/agency-platform/respond-now/');
    const dialog = await openSearch(page);
    await type(dialog, '502');
    const [first] = await results(dialog);
    assert.equal(first.href, '/agency-platform/scenarios/application-down/');
    await dialog.locator('.pagefind-ui__result-link').first().click();
    await page.waitForURL('**/agency-platform/scenarios/application-down/');
    await page.close();
  });

  for (const [screen, options] of [['laptop', {}], ['phone', PHONE]]) {
    it(`says the search is limited, shows the filter on, and lifts it in one click (${screen})`, async () => {
      const ctx = await h.context(options);
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      await page.goto('/hundred-k-platform/scenarios/payment-system-down/');
      const dialog = await openSearch(page);
      const scope = dialog.locator('.search-scope');
      assert.equal(await scope.isVisible(), true);
      assert.equal(await scope.getByRole('status').innerText(), 'Searching 100K-User Platform only');
      await type(dialog, 'database');
      const limited = await results(dialog);
      assert.ok(limited.length > 0 && limited.every((r) => r.href.startsWith('/hundred-k-platform/')), JSON.stringify(limited));
      assert.ok(limited.every((r) => r.tags.includes('Handbook: 100K-User Platform')));
      // The filter that is on shows as on, in Pagefind's own filter panel: open beside the results
      // on a wide screen; on a phone (where it sits above the results) one tap away, the line says it.
      const box = dialog.getByRole('checkbox', { name: /^100K-User Platform \(\d+\)$/ });
      if (screen === 'phone') {
        assert.equal(await dialog.locator('input.pagefind-ui__filter-checkbox[value="100K-User Platform"]').isVisible(), false, 'the panel stays closed on a phone');
        await dialog.locator('summary', { hasText: 'Handbook' }).tap();
      }
      assert.equal(await box.isVisible(), true);
      assert.equal(await box.isChecked(), true);
      // The line is under the search field, above the results.
      const [field, line, list] = await Promise.all([
        dialog.getByPlaceholder('Search', { exact: true }).boundingBox(), scope.boundingBox(), dialog.locator('.pagefind-ui__results').boundingBox(),
      ]);
      assert.ok(field.y < line.y && line.y < list.y, JSON.stringify({ field, line, list }));

      await scope.getByRole('button', { name: 'All handbooks' }).click();
      await dialog.locator('.pagefind-ui__result-link[href^="/agency-platform/"], .pagefind-ui__result-link[href^="/customer-portal/"], .pagefind-ui__result-link[href^="/foundation-platform/"], .pagefind-ui__result-link[href^="/manufacturing-platform/"]').first().waitFor();
      assert.equal(await scope.getByRole('status').innerText(), 'Searching all handbooks');
      assert.equal(await box.isChecked(), false);
      const all = await results(dialog);
      assert.ok(new Set(all.map((r) => r.href.split('/')[1])).size > 1, JSON.stringify(all));
      assert.deepEqual(await axe(page), [], 'axe, all handbooks');

      // And back.
      await scope.getByRole('button', { name: 'Only 100K-User Platform' }).click();
      await dialog.locator('.pagefind-ui__result-link').first().waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('.pagefind-ui__result-link')].every((a) => a.getAttribute('href').startsWith('/hundred-k-platform/')));
      assert.equal(await scope.getByRole('status').innerText(), 'Searching 100K-User Platform only');
      assert.equal(await box.isChecked(), true);
      assert.deepEqual(await axe(page), [], 'axe, one handbook');
      assert.deepEqual(errors, []);
      await ctx.close();
    });
  }

  it('follows the filter panel: unticking the handbook there lifts the limit too', async () => {
    const page = await context.newPage();
    await page.goto('/agency-platform/respond-now/');
    const dialog = await openSearch(page);
    await type(dialog, 'database');
    await dialog.getByRole('checkbox', { name: /^Agency Platform \(\d+\)$/ }).uncheck();
    assert.equal(await dialog.locator('.search-scope').getByRole('status').innerText(), 'Searching all handbooks');
    assert.equal(await dialog.getByRole('button', { name: 'Only Agency Platform' }).count(), 1);
    await page.close();
  });

  it('searches every handbook from the home page, with no limit line', async () => {
    const page = await context.newPage();
    await page.goto('/');
    const dialog = await openSearch(page);
    assert.equal(await dialog.locator('.search-scope').count(), 0);
    await type(dialog, 'database');
    const all = await results(dialog);
    assert.ok(new Set(all.map((r) => r.href.split('/')[1])).size > 1, JSON.stringify(all));
    // Each result says where it is from and what it is.
    assert.ok(all.every((r) => r.tags.some((t) => /^Handbook: .+/.test(t)) && r.tags.some((t) => /^Kind: (Overview|Scenario|Process|Reference|Onboarding)$/.test(t))), JSON.stringify(all));
    await page.close();
  });
});
