/**
 * The severity classifier on each handbook's severity page, as an incident commander uses it, at
 * 390 px and 1280 px: answer and see the level with its reasons and targets; a provisional result
 * names what could raise it; "Not sure" leans higher; no level is invented; the link reproduces the
 * result in a fresh browser; "Start incident" keeps the answers and survives a reload; "Set severity"
 * records the change; JavaScript off still shows every question and the level each answer points to;
 * axe-clean; no layout shift.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axe, layoutShift, start, watchErrors, watchLayoutShift } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const HK = '/hundred-k-platform/severity/';
const STATE_KEY = 'incident-handbook:state';

let h;
before(async () => {
  h = await start();
});
after(async () => {
  await h.close();
});

async function open(path, { viewport = DESKTOP, javaScriptEnabled = true, context } = {}) {
  const ctx = context ?? (await h.context({ viewport, javaScriptEnabled, hasTouch: viewport === PHONE }));
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(path);
  if (javaScriptEnabled && (await page.locator('.classifier').count())) await hydrated(page);
  return { ctx, page, errors };
}

/** The island hydrates when it scrolls into view (client:visible): scroll to it, wait for Astro to finish. */
async function hydrated(page) {
  await page.locator('.classifier').scrollIntoViewIfNeeded();
  await page.locator('astro-island:not([ssr]) .classifier').waitFor({ state: 'attached' });
}

const question = (page, text) => page.getByRole('group', { name: text, exact: true });
const answer = (page, text, label) => question(page, text).getByRole('radio', { name: label, exact: true }).check();
const status = (page) => page.locator('.classifier-status');
const result = (page) => page.getByRole('region', { name: 'Severity result' });
/** The classifier's own "Start incident" (the header has one too). */
const startHere = (page) => result(page).getByRole('button', { name: 'Start incident' });

/** The metric boxes sit in a closed "Metrics from the dashboard (optional)" disclosure: open it, then the box. */
async function metric(page, name) {
  const more = page.locator('details.classifier-more').first();
  if (!(await more.evaluate((details) => details.open))) await more.locator('summary').click();
  // A text box with a decimal keypad (a comma is read as a decimal point), not a number spinner.
  return page.getByRole('textbox', { name, exact: true });
}

/** Waits until the locator's text matches (the island re-renders just after it hydrates). */
const shows = (locator, text) => locator.filter({ hasText: text }).waitFor();

/** Each radio's accessible name and description, as Chromium's accessibility tree gives them to a screen reader. */
async function radiosAsRead(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((node) => node.role?.value === 'radio').map((node) => ({ name: node.name?.value, description: node.description?.value }));
}

/** The Done-means path: payments failed completely, nobody's data exposed, not everyone down. */
async function classifyPaymentsDown(page) {
  await answer(page, 'Is the whole service down for all users?', 'No');
  await answer(page, 'Has payment processing, messaging or the profile service failed completely?', 'Yes');
  await answer(page, 'Has user data been exposed, or is a data breach suspected?', 'No');
}

for (const [width, viewport] of [['390 px', PHONE], ['1280 px', DESKTOP]]) {
  describe(`classifier at ${width}`, () => {
    it('answers P0 for payments down on the 100K scale, with the reasons, targets, notification and escalation', async () => {
      const { ctx, page, errors } = await open(HK, { viewport });
      assert.match(await status(page).innerText(), /No answers yet/);
      await classifyPaymentsDown(page);
      assert.match(await status(page).innerText(), /^P0 · Critical system down/);
      const text = await result(page).innerText();
      assert.match(text, /Has payment processing, messaging or the profile service failed completely: Yes → P0/);
      assert.match(text, /Respond\s+within 5 min/);
      assert.match(text, /Resolve\s+within 1 h/);
      assert.match(text, /All hands: Immediate all-hands notification/);
      assert.match(text, /After 5 min: PagerDuty escalation/);
      assert.match(text, /After 30 min: Management/);
      assert.match(text, /Updates\s+no cadence set by the handbook/, 'says plainly that the handbook sets no cadence');
      // The answers are in the address, readable.
      await page.waitForURL(/\?all-users=no&core-service-failed=yes&data-breach=no$/);
      assert.deepEqual(errors, []);
      await ctx.close();
    });

    it('compares metric readings with their thresholds: at the limit no, above it yes', async () => {
      const { ctx, page } = await open(HK, { viewport });
      const errorRate = await metric(page, 'Error rate');
      await errorRate.fill('1');
      assert.match(await status(page).innerText(), /No level yet/, '1 % is not > 1 %');
      await errorRate.fill('1.5');
      assert.match(await status(page).innerText(), /^P1 · Major service impaired so far/);
      assert.match(await result(page).innerText(), /Error rate: 1\.5 % \(> 1 % for 5 min\) → P1/);
      await (await metric(page, 'Payment success rate')).fill('94');
      assert.match(await status(page).innerText(), /^P0/);
      await page.waitForURL(/error-rate=1\.5&payment-success-rate=94/);
      await ctx.close();
    });

    it('a partial answer is provisional and names the questions that could raise it; "Not sure" leans higher', async () => {
      const { ctx, page } = await open('/agency-platform/severity/', { viewport });
      await answer(page, 'Service accessible?', 'Partial');
      const line = await status(page).innerText();
      assert.match(line, /^SEV-2 · Major feature broken so far/);
      assert.match(line, /“Data at risk\?” could make it SEV-1/);
      await answer(page, 'Data at risk?', 'Not sure');
      assert.match(await status(page).innerText(), /^SEV-1 · Service down/);
      assert.match(await result(page).innerText(), /Data at risk: Not sure → SEV-1 \(not sure: the higher level is assumed\)/);
      await ctx.close();
    });

    it('between two levels it takes the higher; with no answer pointing at a level it invents none', async () => {
      const { ctx, page } = await open('/agency-platform/severity/', { viewport });
      await answer(page, 'Service accessible?', 'Partial');
      await answer(page, 'Users affected?', 'Few');
      assert.match(await result(page).innerText(), /Answers point at SEV-2 and SEV-3: the higher level, SEV-2, applies/);
      await ctx.close();
      const portal = await open('/customer-portal/severity/', { viewport });
      for (const group of await portal.page.locator('.classifier-question').all()) {
        await group.getByRole('radio', { name: 'No', exact: true }).check();
      }
      assert.match(await status(portal.page).innerText(), /^No level: none of the answers points at a level of this scale\.$/);
      assert.equal(await result(portal.page).getAttribute('data-level'), '');
      await portal.ctx.close();
    });

    it('axe-clean with a result shown, light and dark', async () => {
      const { ctx, page } = await open(`${HK}?all-users=no&core-service-failed=yes&error-rate=2`, { viewport });
      await page.getByText('Answers from the link.').waitFor();
      assert.deepEqual(await axe(page), []);
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
      assert.deepEqual(await axe(page), []);
      await ctx.close();
    });
  });
}

describe('shared by link', () => {
  it('"Copy link" copies a link that gives a colleague the same result for the same reasons', async () => {
    const { ctx, page } = await open(HK);
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.baseUrl });
    await classifyPaymentsDown(page);
    await (await metric(page, 'Error rate')).fill('3');
    await page.waitForURL(/error-rate=3$/);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied.', { exact: false }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    // The page's address with the answers, landing on the classifier itself.
    assert.equal(link, `${page.url()}#classifier-hundred-k-platform`);
    const mine = await result(page).locator('.classifier-reasons').innerText();

    const colleague = await open(link, { viewport: PHONE });
    await colleague.page.getByText('Answers from the link.').waitFor();
    assert.match(await status(colleague.page).innerText(), /^P0 · Critical system down/);
    assert.equal(await result(colleague.page).locator('.classifier-reasons').innerText(), mine);
    assert.equal(await question(colleague.page, 'Has payment processing, messaging or the profile service failed completely?').getByRole('radio', { name: 'Yes' }).isChecked(), true);
    await colleague.ctx.close();

    await page.getByRole('button', { name: 'Copy summary' }).click();
    const summary = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(summary, /^Severity: P0 · Critical system down \(100K-User Platform handbook\)\nWhy:\n- Has payment processing/);
    assert.match(summary, /Respond within 5 min; resolve within 1 h/);
    assert.ok(summary.endsWith(`Link: ${link}`));
    await ctx.close();
  });

  it('ignores unknown or invalid parameters with a visible note, never a crash', async () => {
    const { ctx, page, errors } = await open(`${HK}?all-users=perhaps&error-rate=lots&colour=blue&data-breach=yes`);
    const note = page.locator('.classifier-ignored');
    await note.waitFor();
    const text = await note.innerText();
    assert.match(text, /all-users=perhaps: not an answer to "Is the whole service down for all users\?"/);
    assert.match(text, /error-rate=lots: "Error rate" needs a number/);
    assert.match(text, /colour=blue: not a question or metric of this scale/);
    assert.match(await status(page).innerText(), /^P0/, 'the valid answer still counts');
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});

describe('saved with the incident', () => {
  it('"Start incident" starts a P0 incident that remembers why; the answers come back after a reload', async () => {
    const { ctx, page } = await open(HK);
    await classifyPaymentsDown(page);
    await page.getByRole('textbox', { name: 'Incident title (optional)' }).fill('Payments <b>down</b>');
    await startHere(page).click();
    const message = await page.locator('.classifier-message').innerText();
    const id = /INC-\d{4}-\d{2}-\d{2}-\d{3}/.exec(message)?.[0];
    assert.ok(id, `an incident id in "${message}"`);

    const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STATE_KEY));
    const incident = stored.incidents[id];
    assert.equal(stored.activeIncident, id);
    assert.equal(incident.severity, 'P0');
    assert.equal(incident.title, 'Payments <b>down</b>', 'the title is kept as typed (it is text, never HTML)');
    assert.equal(incident.handbook, 'hundred-k-platform');
    assert.equal(incident.classification.level, 'P0');
    assert.deepEqual(incident.classification.answers.questions, {
      'all-users': 'No', 'core-service-failed': 'Yes', 'data-breach': 'No',
    });
    assert.ok(incident.classification.reasons.some((r) => /failed completely: Yes → P0/.test(r)));

    // Back on the severity page without the link: the incident's answers show again.
    await page.goto(HK);
    await hydrated(page);
    await page.getByText(`Answers saved with ${id}.`).waitFor();
    assert.match(await status(page).innerText(), /^P0 · Critical system down/);
    assert.equal(await startHere(page).count(), 0);
    assert.match(await page.locator('.classifier-incident').innerText(), new RegExp(`Active incident: ${id} Payments <b>down</b>, now P0`));

    // A change of level records the time, the old level, the new one and the reasons.
    await answer(page, 'Has payment processing, messaging or the profile service failed completely?', 'No');
    await answer(page, 'Is core functionality unavailable or severely degraded?', 'Yes');
    assert.match(await status(page).innerText(), /^P1/);
    await page.getByRole('button', { name: 'Set severity' }).click();
    // Lowering a level asks first; the confirmation takes the focus.
    assert.match(await page.locator('.classifier-confirm').innerText(), new RegExp(`Lower ${id} from P0 to P1\\?`));
    assert.equal(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STATE_KEY)).incidents[id].severity, 'P0', 'nothing changes before the confirmation');
    await page.getByRole('button', { name: 'Lower to P1' }).click();
    assert.match(await page.locator('.classifier-message').innerText(), new RegExp(`${id} is now P1 \\(was P0\\)`));
    const after = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STATE_KEY)).incidents[id];
    assert.equal(after.severity, 'P1');
    const change = after.timeline.filter((entry) => entry.kind === 'severity').at(-1);
    assert.equal(change.from, 'P0');
    assert.equal(change.to, 'P1');
    assert.ok(change.reasons.some((r) => /Is core functionality unavailable or severely degraded: Yes → P1/.test(r)));
    assert.ok(Date.parse(change.at) > 0);
    await ctx.close();
  });

  it('the active incident of another handbook is not re-graded on this scale', async () => {
    const { ctx, page } = await open('/agency-platform/severity/');
    await answer(page, 'Service accessible?', 'No');
    await startHere(page).click();
    await page.goto(HK);
    await hydrated(page);
    await page.getByText(/uses another handbook's scale/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Set severity' }).count(), 0);
    assert.equal(await startHere(page).count(), 1);
    await ctx.close();
  });
});

describe('without JavaScript and on paper', () => {
  it('every question shows with the level each answer points to', async () => {
    const { ctx, page } = await open(HK, { javaScriptEnabled: false });
    const questions = page.locator('.classifier-question');
    assert.equal(await questions.count(), 6);
    const first = await questions.first().innerText();
    assert.match(first, /Is the whole service down for all users\?/);
    assert.match(first, /Yes, complete outage for all users\s*→ P0/);
    assert.match(first, /No\s*→ no level/);
    // The metrics are one click away, in a disclosure that works without JavaScript.
    await page.getByText('Metrics from the dashboard (optional)').click();
    assert.match(await page.locator('.classifier-metrics').first().innerText(), /Error rate[\s\S]*P1 if > 1 % for 5 min/);
    assert.equal(await page.locator('.classifier-nojs').isVisible(), true);
    assert.equal(await status(page).isVisible(), false);
    await ctx.close();
  });

  it('prints the questions and every threshold, not the buttons; unanswered, the rule; answered, the level and why', async () => {
    const { ctx, page } = await open(HK);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.classifier-question').first().isVisible(), true);
    assert.match(await page.locator('.classifier-metrics').first().innerText(), /Error rate[\s\S]*P1 if > 1 % for 5 min/, 'the closed metrics disclosure prints open');
    assert.equal(await status(page).isVisible(), false);
    assert.equal(await page.locator('.classifier-nojs').isVisible(), true, 'with no answers, the rule prints');
    assert.equal(await startHere(page).isVisible(), false);
    await page.emulateMedia({ media: 'screen' });
    await classifyPaymentsDown(page);
    await page.emulateMedia({ media: 'print' });
    assert.match(await status(page).innerText(), /^P0 · Critical system down/);
    assert.match(await result(page).innerText(), /failed completely: Yes → P0/);
    assert.equal(await result(page).getByRole('button').count() > 0 && (await result(page).getByRole('button').first().isVisible()), false, 'no buttons on paper');
    await ctx.close();
  });
});

describe('after the review', () => {
  it('answers given before the island hydrates are kept when it does', async () => {
    const ctx = await h.context({ viewport: PHONE, hasTouch: true });
    const page = await ctx.newPage();
    // The island's code is held back, as on a slow phone, while the reader answers the server's form.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/\/_astro\/SeverityClassifier\.[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(HK);
    await page.locator('.classifier').scrollIntoViewIfNeeded();
    await answer(page, 'Has payment processing, messaging or the profile service failed completely?', 'Yes');
    await page.locator('details.classifier-more > summary').click();
    await page.getByRole('textbox', { name: 'Error rate', exact: true }).fill('2,5');
    assert.equal(await page.locator('astro-island[ssr]').count(), 1, 'answered before the island hydrated');
    release();
    await page.locator('astro-island:not([ssr]) .classifier').waitFor({ state: 'attached' });
    await shows(status(page), /^P0 · Critical system down/);
    assert.match(await result(page).innerText(), /Error rate: 2\.5 % \(> 1 % for 5 min\) → P1/);
    assert.equal(await page.getByRole('textbox', { name: 'Error rate', exact: true }).inputValue(), '2,5', 'the reading stays as typed');
    assert.equal(await question(page, 'Has payment processing, messaging or the profile service failed completely?').getByRole('radio', { name: 'Yes', exact: true }).isChecked(), true);
    await page.waitForURL(/\?core-service-failed=yes&error-rate=2\.5$/);
    await ctx.close();
  });

  it('metrics sit in a closed disclosure that a link with readings opens; a decimal comma is read, impossible readings are refused aloud', async () => {
    const { ctx, page } = await open(HK);
    const more = page.locator('details.classifier-more');
    assert.equal(await more.locator('summary').innerText(), 'Metrics from the dashboard (optional)');
    assert.equal(await more.evaluate((details) => details.open), false, 'closed while no reading is given');
    await (await metric(page, 'Payment success rate')).fill('94,5');
    await shows(status(page), /^P0/);
    assert.match(await result(page).innerText(), /Payment success rate: 94\.5 % \(< 95 % for 10 min\) → P0/);
    await page.waitForURL(/\?payment-success-rate=94\.5$/);
    const errorRate = page.getByRole('textbox', { name: 'Error rate', exact: true });
    for (const [typed, said] of [['150', 'Cannot be over 100 %: not counted.'], ['-3', 'Cannot be negative: not counted.']]) {
      await errorRate.fill(typed);
      const error = page.locator('.classifier-error');
      assert.equal(await error.innerText(), said);
      assert.equal(await error.isVisible(), true);
      assert.equal(await errorRate.getAttribute('aria-invalid'), 'true');
      assert.ok((await errorRate.getAttribute('aria-describedby')).split(' ').includes(await error.getAttribute('id')), 'the message describes the box');
      assert.doesNotMatch(await result(page).innerText(), /Error rate:/, `${typed} does not count`);
      assert.doesNotMatch(page.url(), /error-rate/);
    }
    await page.goto(`${HK}?error-rate=2`);
    await hydrated(page);
    await page.getByText('Answers from the link.').waitFor();
    assert.equal(await more.evaluate((details) => details.open), true, 'a link with a reading opens the metrics');
    assert.equal(await page.getByRole('textbox', { name: 'Error rate', exact: true }).inputValue(), '2');
    await ctx.close();
  });

  it('links: a short unique answer slug is read; of two conflicting answers the higher level is kept and the note says so; utm_* is kept, never reported; the level link keeps the answers', async () => {
    const { ctx, page } = await open(`${HK}?all-users=yes`);
    await page.getByText('Answers from the link.').waitFor();
    assert.match(await status(page).innerText(), /^P0 · Critical system down/);
    assert.equal(await question(page, 'Is the whole service down for all users?').getByRole('radio', { name: 'Yes, complete outage for all users' }).isChecked(), true);
    assert.equal(await page.locator('.classifier-ignored').count(), 0);
    await page.waitForURL(/\?all-users=yes-complete-outage-for-all-users$/);

    await page.goto(`${HK}?all-users=no&core-service-failed=no&core-service-failed=yes&utm_source=chat`);
    await hydrated(page);
    await page.getByText('Answers from the link.').waitFor();
    assert.match(await status(page).innerText(), /^P0 · Critical system down/);
    const note = await page.locator('.classifier-ignored').innerText();
    assert.match(note, /core-service-failed=no: conflicts with core-service-failed=yes: the answer with the higher level is kept/);
    assert.doesNotMatch(note, /utm_source/);
    await page.waitForURL(/\?all-users=no&core-service-failed=yes&utm_source=chat$/);

    // The level on the scale is a fragment of this page: no reload, the answers stay.
    await result(page).getByRole('link', { name: 'P0 on the scale' }).click();
    await page.waitForURL(/\?all-users=no&core-service-failed=yes&utm_source=chat#level-p0$/);
    assert.match(await status(page).innerText(), /^P0 · Critical system down/);
    assert.equal(await page.getByText('Answers from the link.').count(), 1, 'the same page, not a reload');

    // A change of answer: what was said about the link no longer applies; the campaign tag stays.
    await answer(page, 'Has user data been exposed, or is a data breach suspected?', 'No');
    assert.equal(await page.locator('.classifier-ignored').count(), 0);
    await page.waitForURL(/\?all-users=no&core-service-failed=yes&data-breach=no&utm_source=chat#level-p0$/);
    await ctx.close();
  });

  it('with an active incident: a campaign tag does not hide its saved answers; unsaved answers are flagged; a disabled Set severity says why; Clear has an undo; a refused save says so', async () => {
    const { ctx, page } = await open(HK);
    await classifyPaymentsDown(page);
    await startHere(page).click();
    const id = /INC-\d{4}-\d{2}-\d{2}-\d{3}/.exec(await page.locator('.classifier-message').innerText())[0];

    await page.goto(`${HK}?utm_source=chat`);
    await hydrated(page);
    await page.getByText(`Answers saved with ${id}.`).waitFor();
    assert.equal(await page.getByText('Answers from the link.').count(), 0, 'a campaign tag is not an answer');
    assert.equal(await page.locator('.classifier-ignored').count(), 0);
    assert.match(await status(page).innerText(), /^P0/);
    assert.equal(await page.locator('.classifier-unsaved').count(), 0);
    await page.waitForURL(/\?all-users=no&core-service-failed=yes&data-breach=no&utm_source=chat$/);

    await answer(page, 'Has user data been exposed, or is a data breach suspected?', 'Yes');
    assert.equal(await page.locator('.classifier-unsaved').innerText(), `These answers are not saved with ${id}: press Set severity to record them.`);
    const set = page.getByRole('button', { name: 'Set severity' });
    await set.click();
    assert.equal(await page.locator('.classifier-message').innerText(), `${id} is already P0; the answers are saved with it.`);
    assert.equal(await page.locator('.classifier-unsaved').count(), 0);

    await page.getByRole('button', { name: 'Clear answers' }).click();
    assert.match(await status(page).innerText(), /^No answers yet/);
    assert.equal(await set.isDisabled(), true);
    assert.equal(await page.locator(`#${await set.getAttribute('aria-describedby')}`).innerText(), 'No level to set: answer the questions first.');
    await page.getByRole('button', { name: 'Undo clear' }).click();
    assert.match(await status(page).innerText(), /^P0/);
    assert.equal(await page.locator('.classifier-message').innerText(), 'Answers restored.');
    assert.equal(await page.getByRole('button', { name: 'Undo clear' }).count(), 0);
    assert.equal(await question(page, 'Has user data been exposed, or is a data breach suspected?').getByRole('radio', { name: 'Yes', exact: true }).isChecked(), true);
    await page.waitForURL(/data-breach=yes&utm_source=chat$/);

    // Another handbook's page starts a new incident; this browser now refuses every write.
    await page.goto('/agency-platform/severity/');
    await hydrated(page);
    await answer(page, 'Service accessible?', 'No');
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    await startHere(page).click();
    const said = await page.locator('.classifier-message').innerText();
    assert.match(said, /^Started INC-\d{4}-\d{2}-\d{2}-\d{3} at SEV-1, with the answers and reasons\. But this browser refused to save it: it is kept in this tab only/);
    assert.doesNotMatch(said, /saved with it/);
    await ctx.close();
  });

  it('"Copy summary" refused by the browser: the summary shows selected to copy by hand; wording: no "?:", no double full stops', async () => {
    const { ctx, page } = await open('/agency-platform/severity/');
    await answer(page, 'Service accessible?', 'Partial');
    await answer(page, 'Data at risk?', 'Not sure');
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    });
    const copy = result(page).getByRole('button', { name: 'Copy summary' });
    await copy.click();
    await page.getByText('This browser refused the clipboard: the summary is selected below', { exact: false }).waitFor();
    const box = page.getByRole('textbox', { name: 'Summary to copy' });
    const summary = await box.inputValue();
    assert.match(summary, /^Severity: SEV-1 · Service down \(Agency Platform handbook\)\nWhy:\n- Data at risk: Not sure → SEV-1/);
    assert.equal(await box.evaluate((el) => document.activeElement === el && el.selectionStart === 0 && el.selectionEnd === el.value.length), true, 'focused and all selected');
    for (const text of [summary, await result(page).innerText(), await status(page).innerText()]) {
      assert.doesNotMatch(text, /\?:/);
      assert.doesNotMatch(text, /\.\./);
    }
    assert.deepEqual(await axe(page), []);
    // Where the older way of copying a selection still works, it is used.
    await page.evaluate(() => {
      Object.defineProperty(document, 'execCommand', { value: (command) => command === 'copy', configurable: true });
    });
    await copy.click();
    await page.getByText('Summary copied, as plain text for chat.').waitFor();
    await ctx.close();
  });

  it('each answer is a whole-row label whose level is its description, not its name; "Not sure" names the level it assumes', async () => {
    const { ctx, page } = await open(HK, { viewport: PHONE });
    assert.deepEqual((await radiosAsRead(page)).slice(0, 3), [
      { name: 'Yes, complete outage for all users', description: '→ P0 · Critical system down' },
      { name: 'No', description: '→ no level' },
      { name: 'Not sure', description: '→ P0 · Critical system down (assumed)' },
    ]);
    const row = page.locator('.classifier-answer').filter({ hasText: 'Yes, complete outage for all users' });
    const hint = row.locator('.classifier-points');
    assert.equal(await hint.getAttribute('aria-hidden'), 'true');
    assert.ok((await row.boundingBox()).height >= 44, 'a 44 px target');
    await hint.click();
    assert.equal(await row.getByRole('radio').isChecked(), true, 'a tap on the level hint checks the answer');
    await shows(status(page), /^P0/);
    await ctx.close();
  });

  it("the scale's inline Markdown renders as elements made from text", async () => {
    const { ctx, page } = await open('/manufacturing-platform/severity/');
    await answer(page, 'Is the whole system down for all users?', 'Yes');
    const notify = result(page).locator('.classifier-notify');
    assert.equal(await notify.locator('code').filter({ hasText: /^\/incident create \[title\]$/ }).count(), 1);
    assert.doesNotMatch(await notify.innerText(), /`/);
    await ctx.close();
  });

  it('the sticky result line is at most two lines, and a control reached with Tab is never hidden under it', async () => {
    const { ctx, page } = await open(HK, { viewport: PHONE });
    await answer(page, 'Is it a minor issue with minimal user impact?', 'Yes');
    await shows(status(page), /^P3/);
    const { height, twoLines, needs } = await status(page).evaluate((line) => {
      const style = getComputedStyle(line);
      const chrome = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
      const free = line.cloneNode(true);
      free.removeAttribute('role');
      free.style.cssText = 'position: static; height: auto; display: block; -webkit-line-clamp: none; overflow: visible';
      line.after(free);
      const needs = (free.getBoundingClientRect().height - chrome) / parseFloat(style.lineHeight);
      free.remove();
      return { height: line.getBoundingClientRect().height, twoLines: 2 * parseFloat(style.lineHeight) + chrome, needs };
    });
    assert.ok(needs > 2, `the text needs ${needs} lines at 390 px`);
    assert.ok(height <= twoLines + 0.5, `${height} px high, two lines are ${twoLines} px`);

    await question(page, 'Is the whole service down for all users?').getByRole('radio').first().focus();
    const under = await page.evaluate(() => {
      const next = document.querySelectorAll('.classifier-question')[1].querySelector('input');
      window.scrollBy(0, next.getBoundingClientRect().bottom - (innerHeight - 20));
      return next.getBoundingClientRect().bottom > document.querySelector('.classifier-status').getBoundingClientRect().top;
    });
    assert.ok(under, 'the next question starts under the sticky line');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      name: document.activeElement.name,
      bottom: document.activeElement.getBoundingClientRect().bottom,
      line: document.querySelector('.classifier-status').getBoundingClientRect().top,
    }));
    assert.equal(focused.name, 'classifier-hundred-k-platform-q-core-service-failed');
    assert.ok(focused.bottom <= focused.line, `the focused radio (bottom ${focused.bottom}) is above the sticky line (${focused.line})`);
    await ctx.close();
  });
});

describe('no layout shift', () => {
  for (const [name, path] of [
    ['plain', HK],
    ['with answers in the link', `${HK}?all-users=no&core-service-failed=yes&data-breach=not-sure&error-rate=5`],
    ['landing on the classifier from a copied link', `${HK}?all-users=no&core-service-failed=yes&error-rate=5#classifier-hundred-k-platform`],
  ]) {
    for (const [width, viewport] of [['390 px', PHONE], ['1280 px', DESKTOP]]) {
      it(`cumulative layout shift is 0 at ${width}, ${name}`, async () => {
        const context = await h.context({ viewport });
        await watchLayoutShift(context);
        const page = await context.newPage();
        await page.goto(path);
        if (path.includes('#')) {
          const top = await page.locator('#classifier-hundred-k-platform').evaluate((classifier) => classifier.getBoundingClientRect().top);
          assert.ok(top >= 0 && top < viewport.height / 4, `the link lands on the classifier (its top at ${top} px)`);
        }
        await hydrated(page);
        await page.waitForTimeout(800);
        assert.equal(await layoutShift(page), 0);
        await context.close();
      });
    }
  }
});

describe('loads only where it is shown', () => {
  it('a runbook page without the classifier ships no Preact', async () => {
    const { ctx, page } = await open('/hundred-k-platform/scenarios/payment-system-down/');
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
    assert.ok(!scripts.some((s) => /preact|SeverityClassifier|client\./i.test(s)), scripts.join('\n'));
    await ctx.close();
  });
});

describe('reached from Respond now', () => {
  it('every handbook\'s Respond now page links straight to its classifier, which opens in view', async () => {
    const ctx = await h.context({ viewport: PHONE });
    const page = await ctx.newPage();
    for (const handbook of ['agency-platform', 'customer-portal', 'foundation-platform', 'hundred-k-platform', 'manufacturing-platform']) {
      await page.goto(`/${handbook}/respond-now/`);
      const link = page.locator(`main a[href="/${handbook}/severity/#classify-this-incident"]`).first();
      assert.equal(await link.count(), 1, `${handbook}: a link to the classifier`);
      await link.click();
      await page.waitForURL(new RegExp(`/${handbook}/severity/#classify-this-incident$`));
      const top = await page.locator('#classify-this-incident').evaluate((heading) => heading.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < 300, `${handbook}: the classifier's heading in view (at ${top} px)`);
    }
    await ctx.close();
  });
});
