/**
 * The review dashboard (/reviews/): the status is worked out in the reader's browser against their own
 * today (faked with page.clock, in a given time zone), overdue first; filters by handbook and owner,
 * kept in the address (shared links, reload, Back); the owner list narrows to the chosen handbook;
 * the build-time table without JavaScript; /reviews.json carries the same runbooks; axe-clean on a
 * phone and a desktop.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, DIST, start, watchErrors } from './harness.mjs';

const DAY = 86_400_000;
const data = JSON.parse(readFileSync(join(DIST, 'reviews.json'), 'utf8'));
/** A day when the example content has runbooks in every state (from the data, so content edits do not break the test). */
const nexts = [...new Set(data.runbooks.map((r) => r.nextReview).filter(Boolean))].sort();
const TODAY = new Date(Date.parse(nexts[Math.floor(nexts.length / 2)]) - 10 * DAY + 12 * 3600_000);

/**
 * The spec, independently of src/lib/review.ts: overdue from the due day itself (or never reviewed),
 * due soon within 30 days; `today` is a YYYY-MM-DD day (the reader's own, or UTC for the build).
 */
function expectedStatus(nextReview, today) {
  if (!nextReview) return 'overdue';
  const left = (Date.parse(nextReview) - Date.parse(today)) / DAY;
  return left <= 0 ? 'overdue' : left <= 30 ? 'due-soon' : 'fine';
}
const utcDay = (date) => date.toISOString().slice(0, 10);
const RANK = { overdue: 0, 'due-soon': 1, fine: 2 };

let h;
before(async () => {
  h = await start();
});
after(async () => {
  await h.close();
});

async function open({ viewport = { width: 1280, height: 800 }, javaScriptEnabled = true, today = TODAY, timezoneId = 'UTC', path = '/reviews/' } = {}) {
  const context = await h.context({ viewport, javaScriptEnabled, timezoneId });
  const page = await context.newPage();
  const errors = watchErrors(page);
  if (javaScriptEnabled) await page.clock.setFixedTime(today);
  await page.goto(path);
  return { context, page, errors };
}

/** What the filters show: the selects' values and the owner list's choices. */
async function filters(page) {
  return page.evaluate(() => {
    const select = (name) => document.querySelector(`[data-review-filter="${name}"]`);
    return { handbook: select('handbook').value, owner: select('owner').value, owners: [...select('owner').options].map((o) => o.value) };
  });
}

/** The rows as the reader sees them: status text, title, handbook and next review, in order, visible ones only. */
async function rows(page) {
  return page.locator('[data-review-row]:visible').evaluateAll((trs) =>
    trs.map((tr) => ({
      status: tr.dataset.status,
      label: tr.querySelector('[data-review-status]').textContent.trim(),
      title: tr.querySelector('th a').textContent.trim(),
      handbook: tr.dataset.handbook,
      owner: tr.dataset.owner,
      next: tr.querySelector('td:last-child time')?.getAttribute('datetime') ?? null,
    })),
  );
}

describe('/reviews/', () => {
  it('works out each status against the reader\'s today, not the build\'s, and puts overdue first', async () => {
    const { context, page, errors } = await open();
    const shown = await rows(page);
    assert.equal(shown.length, data.runbooks.length);
    const counts = { overdue: 0, 'due-soon': 0, fine: 0 };
    for (const row of shown) {
      const expected = expectedStatus(row.next, utcDay(TODAY));
      assert.equal(row.status, expected, `${row.title}: next review ${row.next}`);
      assert.equal(row.label, { overdue: 'Overdue', 'due-soon': 'Due soon', fine: 'Fine' }[expected]);
      counts[expected]++;
    }
    assert.ok(counts.overdue > 0 && counts['due-soon'] > 0 && counts.fine > 0, `a day with every state: ${JSON.stringify(counts)}`);
    // Overdue first, then due soon, then fine; soonest (longest overdue) first within each.
    for (let i = 1; i < shown.length; i++) {
      const [a, b] = [shown[i - 1], shown[i]];
      assert.ok(RANK[a.status] < RANK[b.status] || (RANK[a.status] === RANK[b.status] && (a.next ?? '') <= (b.next ?? '')), `${a.title} before ${b.title}`);
    }
    const day = TODAY.toISOString().slice(0, 10);
    assert.equal(
      (await page.locator('[data-review-counts]').textContent()).trim(),
      `${shown.length} runbooks: ${counts.overdue} overdue, ${counts['due-soon']} due within 30 days, ${counts.fine} fine (as of ${day}).`,
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('filters by handbook and by owner with native selects, and says when nothing matches', async () => {
    const { context, page } = await open();
    const handbook = page.getByRole('combobox', { name: 'Handbook' });
    const owner = page.getByRole('combobox', { name: 'Owner' });
    const first = data.runbooks[0];
    await handbook.selectOption({ label: first.handbookName });
    let shown = await rows(page);
    const inHandbook = data.runbooks.filter((r) => r.handbook === first.handbook);
    assert.equal(shown.length, inHandbook.length);
    assert.ok(shown.every((row) => row.handbook === first.handbook));
    assert.match(await page.locator('[data-review-counts]').textContent(), new RegExp(`^Showing ${inHandbook.length} of ${data.runbooks.length} runbooks: `));

    await handbook.selectOption({ label: 'All handbooks' });
    await owner.selectOption({ label: first.owner });
    shown = await rows(page);
    assert.equal(shown.length, data.runbooks.filter((r) => r.owner === first.owner).length);
    assert.ok(shown.every((row) => row.owner === first.owner));

    // An owner with no runbook in the chosen handbook.
    const other = data.runbooks.find((r) => r.owner !== first.owner);
    if (other && !data.runbooks.some((r) => r.handbook === other.handbook && r.owner === first.owner)) {
      await handbook.selectOption({ label: other.handbookName });
      assert.equal((await rows(page)).length, 0);
      assert.ok(await page.getByText('No runbook matches these filters.').isVisible());
    }
    await context.close();
  });

  it('counts the day by the reader\'s own calendar: due on a day means overdue from their local midnight, and "as of" is their date', async () => {
    const due = nexts[Math.floor(nexts.length / 2)];
    const dueAt = Date.parse(`${due}T00:00:00Z`);
    const cases = [
      // 12:00 UTC the day before is already the due day at UTC+14: overdue there, due soon in UTC.
      { timezoneId: 'Pacific/Kiritimati', now: dueAt - 12 * 3600_000, status: 'overdue', day: due },
      { timezoneId: 'UTC', now: dueAt - 12 * 3600_000, status: 'due-soon', day: utcDay(new Date(dueAt - DAY)) },
      // 03:00 UTC on the due day is still the evening before in California.
      { timezoneId: 'America/Los_Angeles', now: dueAt + 3 * 3600_000, status: 'due-soon', day: utcDay(new Date(dueAt - DAY)) },
    ];
    for (const { timezoneId, now, status, day } of cases) {
      const { context, page } = await open({ timezoneId, today: new Date(now) });
      const dueRows = (await rows(page)).filter((row) => row.next === due);
      assert.ok(dueRows.length > 0, `a runbook due ${due}`);
      for (const row of dueRows) assert.equal(row.status, status, `${timezoneId}: ${row.title} due ${due}`);
      assert.match(await page.locator('[data-review-counts]').textContent(), new RegExp(`\\(as of ${day}\\)\\.$`), timezoneId);
      await context.close();
    }
  });

  it('narrows the owner list to the owners of the chosen handbook, and widens it again', async () => {
    const { context, page } = await open();
    const all = (await filters(page)).owners;
    const handbook = data.runbooks[0].handbook;
    const owners = new Set(data.runbooks.filter((r) => r.handbook === handbook).map((r) => r.owner ?? '(none)'));
    assert.ok(owners.size < all.length - 1, 'the example content has owners outside this handbook');
    await page.getByRole('combobox', { name: 'Handbook' }).selectOption(handbook);
    assert.deepEqual((await filters(page)).owners, all.filter((value) => value === '' || owners.has(value)));
    await page.getByRole('combobox', { name: 'Handbook' }).selectOption('');
    assert.deepEqual((await filters(page)).owners, all);
    await context.close();
  });

  it('keeps the filters in the address: a shared link opens filtered, and a reload keeps them', async () => {
    const { handbook, owner } = data.runbooks[0];
    const { context, page } = await open();
    await page.getByRole('combobox', { name: 'Handbook' }).selectOption(handbook);
    await page.getByRole('combobox', { name: 'Owner' }).selectOption(owner);
    const url = new URL(page.url());
    assert.deepEqual([url.searchParams.get('handbook'), url.searchParams.get('owner')], [handbook, owner]);
    const expected = data.runbooks.filter((r) => r.handbook === handbook && r.owner === owner).length;
    await page.reload();
    assert.deepEqual(await filters(page).then(({ handbook, owner }) => [handbook, owner]), [handbook, owner]);
    assert.equal((await rows(page)).length, expected);
    await context.close();

    const shared = await open({ path: `/reviews/?handbook=${encodeURIComponent(handbook)}&owner=${encodeURIComponent(owner)}` });
    assert.equal((await rows(shared.page)).length, expected);
    assert.ok((await rows(shared.page)).every((row) => row.handbook === handbook && row.owner === owner));
    assert.match(await shared.page.locator('[data-review-counts]').textContent(), new RegExp(`^Showing ${expected} of ${data.runbooks.length} runbooks: `));
    await shared.context.close();
  });

  it('after Back from a runbook, shows the rows of the filter it shows', async () => {
    const { context, page } = await open();
    const handbook = data.runbooks.at(-1).handbook;
    await page.getByRole('combobox', { name: 'Handbook' }).selectOption(handbook);
    const inHandbook = data.runbooks.filter((r) => r.handbook === handbook).length;
    assert.equal((await rows(page)).length, inHandbook);
    // The first shown row's link (titles such as "Communication" recur in other handbooks).
    const link = page.locator('[data-review-row]:visible').first().locator('th a');
    const href = await link.getAttribute('href');
    await link.click();
    await page.waitForURL(`**${href}`);
    await page.goBack();
    await page.waitForURL(/\/reviews\/\?handbook=/);
    await page.waitForFunction(() => document.querySelector('[data-review-counts]')?.textContent?.startsWith('Showing'));
    assert.equal((await filters(page)).handbook, handbook);
    const shown = await rows(page);
    assert.equal(shown.length, inHandbook);
    assert.ok(shown.every((row) => row.handbook === handbook));
    await context.close();
  });

  it('links each runbook to its page', async () => {
    const { context, page } = await open();
    const row = (await rows(page))[0];
    await page.getByRole('link', { name: row.title, exact: true }).first().click();
    await page.waitForURL(`**${data.runbooks.find((r) => r.title === row.title).path}`);
    await context.close();
  });

  it('shows the build-time table without JavaScript, filters hidden', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    const shown = await rows(page);
    assert.equal(shown.length, data.runbooks.length);
    const built = new Date(data.generatedAt);
    for (const row of shown) assert.equal(row.status, expectedStatus(row.next, utcDay(built)), row.title);
    assert.equal(await page.getByRole('combobox', { name: 'Handbook' }).count(), 0);
    assert.match(await page.locator('[data-review-counts]').textContent(), /when the site was built\)\.$/);
    await context.close();
  });

  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    it(`has no axe violations, light and dark, at ${viewport.width} px, and the page does not scroll sideways`, async () => {
      const { context, page } = await open({ viewport });
      assert.deepEqual(await axe(page), []);
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
      assert.deepEqual(await axe(page), []);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'only the table scrolls sideways');
      // The filters are at least 44 px tall (touch targets).
      assert.ok((await page.getByRole('combobox', { name: 'Owner' }).boundingBox()).height >= 44);
      await context.close();
    });
  }
});

describe('/reviews.json', () => {
  it('lists the same runbooks as the page, with what a reminder bot needs', async () => {
    const response = await fetch(`${h.baseUrl}/reviews.json`);
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.ok(!Number.isNaN(Date.parse(body.generatedAt)));
    assert.equal(body.dueSoonDays, 30);
    const { context, page } = await open();
    assert.equal(body.runbooks.length, (await rows(page)).length);
    await context.close();
    for (const runbook of body.runbooks) {
      assert.deepEqual(Object.keys(runbook).sort(), ['handbook', 'handbookName', 'id', 'lastReviewed', 'nextReview', 'owner', 'path', 'reviewEvery', 'status', 'title', 'url'].sort());
      assert.match(runbook.path, /^\/.*\/$/);
      assert.ok(runbook.lastReviewed === null || /^\d{4}-\d{2}-\d{2}$/.test(runbook.lastReviewed));
      assert.equal(typeof runbook.reviewEvery.text, 'string');
      assert.ok(runbook.reviewEvery.days > 0);
      assert.equal(runbook.status, expectedStatus(runbook.nextReview, utcDay(new Date(body.generatedAt))));
    }
  });
});
