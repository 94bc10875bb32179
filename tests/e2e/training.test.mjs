/**
 * Training, as a new on-call engineer uses it: the onboarding path (tick every page off, progress
 * survives a reload, reset with undo, one click from the home page and the overview); the drills
 * (answer all of a handbook's, two wrong on purpose, see the score and the reasons for the misses,
 * reload and keep the score, retry a drill); "Practise with the classifier" opens the severity page
 * with the drill's facts answered and the classifier gives the drill's level; JavaScript off keeps the
 * answer in a disclosure; axe-clean at 390 and 1280 px, light and dark; no layout shift with saved results.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axe, layoutShift, start, watchErrors, watchLayoutShift } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const HANDBOOK = 'agency-platform';
const DRILLS = `/${HANDBOOK}/onboarding/drills/`;
const KEY = `incident-handbook:training:${HANDBOOK}`;
const HANDBOOKS = ['agency-platform', 'customer-portal', 'foundation-platform', 'hundred-k-platform', 'manufacturing-platform'];

let h;
before(async () => {
  h = await start();
});
after(async () => {
  await h.close();
});

async function open(path, { viewport = DESKTOP, javaScriptEnabled = true, colorScheme = 'light', context } = {}) {
  const ctx = context ?? (await h.context({ viewport, javaScriptEnabled, colorScheme }));
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(path);
  return { ctx, page, errors };
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const drills = (page) => page.locator('li.drill');
const score = (page) => page.locator('.drill-score');
const progress = (page) => page.locator('.onboarding-progress');

/** A drill's island hydrates when it scrolls into view (client:visible): scroll to it and wait. */
async function hydrated(drill) {
  await drill.locator('.drill-quiz').scrollIntoViewIfNeeded();
  await drill.locator('astro-island:not([ssr]) .drill-quiz').waitFor({ state: 'attached' });
}

/** The expected answer, from the drill's own disclosure (what a reader sees with JavaScript off). */
async function expectedOf(drill) {
  const level = await drill.locator('details.drill-answer .level-badge').getAttribute('data-level');
  const runbook = (await drill.locator('details.drill-answer p').nth(1).locator('a').first().textContent()).trim();
  return { level, runbook };
}

async function pick(drill, level, runbook) {
  await hydrated(drill);
  await drill.getByRole('group', { name: 'Severity', exact: true }).getByRole('radio', { name: new RegExp(`^${escape(level)} · `) }).check();
  await drill.getByRole('group', { name: 'First runbook', exact: true }).getByRole('radio', { name: runbook, exact: true }).check();
  await drill.getByRole('button', { name: 'Check answer', exact: true }).click();
}

/** A level of the scale other than `level`, and a runbook offered other than `runbook`. */
async function wrongOf(drill, { level, runbook }) {
  const levels = await drill.getByRole('group', { name: 'Severity', exact: true }).getByRole('radio').evaluateAll((radios) => radios.map((r) => r.value));
  const runbooks = await drill.getByRole('group', { name: 'First runbook', exact: true }).locator('label').allTextContents();
  return { level: levels.find((l) => l !== level), runbook: runbooks.map((t) => t.trim()).find((t) => t !== runbook) };
}

describe('onboarding path', () => {
  it('is one click from the home page and from the handbook overview', async () => {
    const { ctx, page, errors } = await open('/');
    await page.locator('.handbook-card', { has: page.locator(`#handbook-${HANDBOOK}`) }).getByRole('link', { name: 'Onboarding', exact: true }).click();
    await page.waitForURL(`**${DRILLS}#onboarding-path`);
    assert.ok(await page.locator('.onboarding-path').isVisible());
    await page.goto(`/${HANDBOOK}/`);
    await page.getByRole('link', { name: 'onboarding path', exact: true }).click();
    await page.waitForURL(`**${DRILLS}#onboarding-path`);
    for (const handbook of HANDBOOKS) {
      await page.goto('/');
      assert.equal(await page.locator('.handbook-card', { has: page.locator(`#handbook-${handbook}`) }).getByRole('link', { name: 'Onboarding', exact: true }).getAttribute('href'), `/${handbook}/onboarding/drills/#onboarding-path`);
    }
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('lists the steps in order, ticks every page off to "M of M", keeps it after a reload, and resets with undo', async () => {
    const { ctx, page, errors } = await open(DRILLS);
    const path = page.locator('.onboarding-path');
    const boxes = path.getByRole('checkbox');
    const total = await boxes.count();
    assert.ok(total >= 9, `at least 9 things to read, got ${total}`);
    const text = await path.innerText();
    const order = ['Read the severity scale', 'Learn the escalation policy and contacts', 'Know the incident roles', 'Read the top scenarios', 'Look through the message templates', 'Do the drills'];
    const at = order.map((step) => text.indexOf(step));
    assert.ok(at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1])), `steps in order: ${at}`);
    // Each checkbox is named by the page it stands for.
    assert.ok(await path.getByRole('checkbox', { name: 'Application down', exact: true }).isVisible());
    assert.ok(await path.getByRole('checkbox', { name: 'Read the severity scale', exact: true }).isVisible());
    await progress(page).filter({ hasText: `0 of ${total} read` }).waitFor();
    for (let i = 0; i < total; i++) {
      await boxes.nth(i).check();
      await progress(page).filter({ hasText: `${i + 1} of ${total} read` }).waitFor();
    }
    await page.reload();
    await progress(page).filter({ hasText: `${total} of ${total} read` }).waitFor();
    assert.equal(await page.locator('.onboarding-path input:checked').count(), total);
    const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
    assert.equal(Object.keys(stored.read).length, total);
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage.getItem('incident-handbook:state') ?? '').includes('onboarding')), false);

    await path.getByRole('button', { name: 'Reset progress', exact: true }).click();
    await progress(page).filter({ hasText: `0 of ${total} read` }).waitFor();
    assert.equal(await page.locator('.onboarding-path input:checked').count(), 0);
    await path.getByRole('button', { name: 'Undo', exact: true }).click();
    await progress(page).filter({ hasText: `${total} of ${total} read` }).waitFor();
    await path.getByRole('button', { name: 'Reset progress', exact: true }).click();
    await progress(page).filter({ hasText: `0 of ${total} read` }).waitFor();
    await page.reload();
    await progress(page).filter({ hasText: `0 of ${total} read` }).waitFor();
    assert.equal(await page.locator('.onboarding-path input:checked').count(), 0);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('keeps each handbook\'s progress apart', async () => {
    const { ctx, page } = await open(DRILLS);
    await page.locator('.onboarding-path').getByRole('checkbox', { name: 'Read the severity scale', exact: true }).check();
    await progress(page).filter({ hasText: /^1 of/ }).waitFor();
    await page.goto('/customer-portal/onboarding/drills/');
    await progress(page).filter({ hasText: /^0 of/ }).waitFor();
    await page.waitForTimeout(300);
    assert.match(await progress(page).innerText(), /^0 of \d+ read/);
    await ctx.close();
  });
});

describe('drills', () => {
  it('scores a handbook\'s drills: two wrong on purpose gives "N-2 of N correct" with the reasons, kept after a reload', async () => {
    const { ctx, page, errors } = await open(DRILLS);
    const total = await drills(page).count();
    assert.ok(total >= 6);
    await score(page).filter({ hasText: `0 of ${total} correct` }).waitFor();
    const wrong = new Set([1, 4]);
    const misses = [];
    for (let i = 0; i < total; i++) {
      const drill = drills(page).nth(i);
      const expected = await expectedOf(drill);
      const given = wrong.has(i) ? await wrongOf(drill, expected) : expected;
      await pick(drill, given.level, given.runbook);
      const feedback = drill.getByRole('status');
      await feedback.locator('.drill-verdict').waitFor();
      if (wrong.has(i)) misses.push({ drill, feedback, expected, given });
      else assert.match(await feedback.innerText(), /Correct: level and first runbook/);
    }
    await score(page).filter({ hasText: `${total - 2} of ${total} correct` }).waitFor();
    for (const { drill, feedback, expected, given } of misses) {
      const text = await feedback.innerText();
      assert.match(text, /Severity: wrong/);
      assert.match(text, /First runbook: wrong/);
      assert.ok(text.includes(`You picked ${given.level} ·`), text);
      assert.ok(text.includes(`You picked ${given.runbook}`), text);
      // The reason, and links to the level on the severity page and to the runbook.
      const why = (await drill.locator('details.drill-answer p').nth(2).textContent()).trim();
      assert.ok(text.includes(why.slice(0, 60)), `the reason is shown: ${why.slice(0, 60)}`);
      assert.match(await feedback.getByRole('link', { name: new RegExp(`^${escape(expected.level)} · `) }).getAttribute('href'), new RegExp(`^/${HANDBOOK}/severity/#level-`));
      assert.ok(await feedback.getByRole('link', { name: expected.runbook, exact: true }).first().isVisible());
    }
    const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
    assert.equal(Object.keys(stored.drills).length, total);
    // Not part of any incident.
    assert.equal(await page.evaluate(() => (localStorage.getItem('incident-handbook:state') ?? '').includes('drill')), false);

    await page.reload();
    await score(page).filter({ hasText: `${total - 2} of ${total} correct` }).waitFor();
    // Each drill says how its latest check went, and keeps the picks.
    const missed = drills(page).nth(1);
    await hydrated(missed);
    await missed.locator('.drill-latest', { hasText: 'Latest check: level and runbook both wrong.' }).waitFor();
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('retries a drill: "Try again" clears it, and a right answer raises the score', async () => {
    const { ctx, page, errors } = await open(DRILLS);
    const total = await drills(page).count();
    const drill = drills(page).first();
    const expected = await expectedOf(drill);
    const wrong = await wrongOf(drill, expected);
    await pick(drill, wrong.level, expected.runbook);
    await drill.getByRole('status').filter({ hasText: 'Severity: wrong' }).waitFor();
    assert.match(await drill.getByRole('status').innerText(), /First runbook: right/);
    await score(page).filter({ hasText: `0 of ${total} correct` }).waitFor();
    await drill.getByRole('button', { name: 'Try again', exact: true }).click();
    assert.equal(await drill.locator('input:checked').count(), 0);
    assert.equal((await drill.getByRole('status').innerText()).trim(), '');
    // The focus goes back to the first answer.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'radio');
    // Checking with nothing picked says what is missing.
    await drill.getByRole('button', { name: 'Check answer', exact: true }).click();
    await drill.getByRole('status').filter({ hasText: 'Pick a level and a first runbook' }).waitFor();
    await pick(drill, expected.level, expected.runbook);
    await drill.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
    await score(page).filter({ hasText: `1 of ${total} correct` }).waitFor();
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('offers the first runbook among three others, at different positions from drill to drill', async () => {
    const positions = new Set();
    for (const handbook of HANDBOOKS) {
      const { ctx, page } = await open(`/${handbook}/onboarding/drills/`, { javaScriptEnabled: false });
      const count = await drills(page).count();
      for (let i = 0; i < count; i++) {
        const drill = drills(page).nth(i);
        const { runbook } = await expectedOf(drill);
        const offered = (await drill.locator('.drill-options--runbooks label').allTextContents()).map((t) => t.trim());
        assert.equal(offered.length, 4, `${handbook} drill ${i}: ${offered}`);
        assert.equal(new Set(offered).size, 4);
        assert.ok(offered.includes(runbook), `${handbook} drill ${i} offers ${runbook}: ${offered}`);
        positions.add(offered.indexOf(runbook));
      }
      await ctx.close();
    }
    assert.deepEqual([...positions].sort(), [0, 1, 2, 3]);
  });

  it('a drill\'s "Practise with the classifier" opens the severity page with its facts answered, giving the drill\'s level', async () => {
    const ctx = await h.context({ viewport: DESKTOP });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    let checked = 0;
    for (const handbook of HANDBOOKS) {
      await page.goto(`/${handbook}/onboarding/drills/`);
      const links = await page.locator('li.drill').evaluateAll((items) => items.map((item) => ({
        id: item.id,
        level: item.querySelector('details.drill-answer .level-badge')?.getAttribute('data-level'),
        href: item.querySelector('.drill-practise a')?.getAttribute('href'),
      })));
      for (const { id, level, href } of links) {
        assert.ok(href, `${handbook} ${id} has a classifier link`);
        assert.ok(href.startsWith(`/${handbook}/severity/?`) && href.endsWith(`#classifier-${handbook}`), href);
        await page.goto(href);
        await page.locator('astro-island:not([ssr]) .classifier').waitFor({ state: 'attached' });
        const status = page.locator('.classifier-status');
        await status.filter({ hasText: new RegExp(`\\b${escape(level)} · `) }).waitFor({ timeout: 5000 }).catch(async () => {
          assert.fail(`${handbook} ${id}: expected ${level}, the classifier says "${await status.innerText()}" (${href})`);
        });
        assert.equal(await page.locator('.classifier-ignored').count(), 0, `${href}: no answer of the link is ignored`);
        checked++;
      }
    }
    assert.ok(checked >= 40, `checked ${checked} drills`);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('with JavaScript off, reads as a scenario with the answer in a disclosure', async () => {
    const { ctx, page } = await open(DRILLS, { javaScriptEnabled: false });
    const drill = drills(page).first();
    assert.equal(await drill.locator('.drill-quiz').isVisible(), false);
    assert.equal(await score(page).isVisible(), false);
    const details = drill.locator('details.drill-answer');
    assert.ok(await details.isVisible());
    assert.equal(await details.locator('p').first().isVisible(), false);
    await details.getByText('Show the answer').click();
    assert.match(await details.innerText(), /Level: SEV-\d/);
    assert.ok(await drill.getByRole('link', { name: 'Practise with the classifier' }).isVisible());
    // The onboarding path is a plain list of links with checkboxes.
    assert.ok(await page.locator('.onboarding-path').getByRole('link', { name: 'Read the severity scale' }).isVisible());
    await ctx.close();
  });

  it('with JavaScript on, the disclosure gives way to the quiz', async () => {
    const { ctx, page } = await open(DRILLS);
    const drill = drills(page).first();
    assert.equal(await drill.locator('details.drill-answer').isVisible(), false);
    assert.ok(await drill.getByRole('group', { name: 'Severity', exact: true }).isVisible());
    await ctx.close();
  });
});

describe('accessibility', () => {
  for (const [width, viewport] of [['390 px', PHONE], ['1280 px', DESKTOP]]) {
    for (const colorScheme of ['light', 'dark']) {
      it(`the drills page has no axe violations at ${width}, ${colorScheme}, with feedback and ticks shown`, async () => {
        const { ctx, page, errors } = await open(DRILLS, { viewport, colorScheme });
        await page.locator('.onboarding-path').getByRole('checkbox').first().check();
        const right = drills(page).nth(0);
        await pick(right, ...Object.values(await expectedOf(right)));
        const wrong = drills(page).nth(1);
        const expected = await expectedOf(wrong);
        await pick(wrong, ...Object.values(await wrongOf(wrong, expected)));
        await wrong.getByRole('status').locator('.drill-verdict').waitFor();
        assert.deepEqual(await axe(page), []);
        assert.deepEqual(errors, []);
        await ctx.close();
      });
    }
  }
});

describe('no layout shift', () => {
  for (const [width, viewport] of [['390 px', PHONE], ['1280 px', DESKTOP]]) {
    it(`cumulative layout shift is 0 at ${width} on a drills page with saved results and progress`, async () => {
      const context = await h.context({ viewport });
      const { page } = await open(DRILLS, { context });
      const count = await drills(page).count();
      for (let i = 0; i < count; i += 2) {
        const drill = drills(page).nth(i);
        await pick(drill, ...Object.values(await expectedOf(drill)));
      }
      for (const box of await page.locator('.onboarding-path').getByRole('checkbox').all()) await box.check();
      await watchLayoutShift(context);
      await page.goto('/');
      await page.goto(DRILLS);
      await score(page).filter({ hasText: `${Math.ceil(count / 2)} of ${count} correct` }).waitFor();
      for (let i = 0; i < count; i++) await hydrated(drills(page).nth(i));
      await drills(page).nth(0).locator('.drill-latest', { hasText: 'Latest check: correct' }).waitFor();
      await page.waitForTimeout(500);
      assert.equal(await layoutShift(page), 0);
      await context.close();
    });
  }
});
