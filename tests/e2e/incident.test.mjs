/**
 * The active incident in a real Chromium, with a fake clock (page.clock): started from the header,
 * the bar ("Active incident") on every page, counting across a reload; the Done-means clocks of the
 * agency (SEV-1: update every 30 min, Tech Lead after 30 min) and 100K (P0: PagerDuty after 5 min,
 * management after 30 min, no update cadence) handbooks; "Update sent"; notes, edits, deletions and
 * TODO follow-ups; the Markdown export; backup export and import (bad files refused, conflicts
 * previewed); a second tab; the handoff link in a fresh browser; close, reopen, switch, delete and
 * undo on /incidents/; a DST change; opt-in reminders; axe, the bar never covering content, no
 * layout shift; the storage warning.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { axe, layoutShift, start, watchErrors, watchLayoutShift } from './harness.mjs';
import { bar, clockedProfile, eventually, ID, open, openPanel, panel, sleep, startIncident } from './incident-helpers.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const STATE_KEY = 'incident-handbook:state';
/** A Tuesday morning, 09:00 UTC: the fake clock's start in most tests. */
const T0 = new Date('2026-11-24T09:00:00.000Z');
const MIN = 60_000;
const AGENCY_RUNBOOK = '/agency-platform/respond-now/';
const HK_CHECKLIST = '/hundred-k-platform/process/recovery-validation/';

let h;
before(async () => {
  h = await start();
});
after(async () => {
  await h.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** A fresh profile (see clockedProfile) on the desktop, its clock at T0 unless told otherwise. */
const profile = ({ viewport = DESKTOP, time = T0, ...options } = {}) => clockedProfile(h, { viewport, time, acceptDownloads: true, ...options });

/** The bar's two clock lines (the update, the escalation), without the panel that opens inside the bar. */
const clocks = (page) => bar(page).locator('.incident-bar-clocks');


/** The state document as stored. */
const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), STATE_KEY);
/** Every key and value in localStorage, to show that something changed nothing. */
const storage = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

/** An instant within two seconds of `expected`: a start left as offered is when the dialog opened, to the second. */
function assertAbout(actual, expected) {
  assert.ok(Math.abs(Date.parse(actual) - Date.parse(expected)) < 2000, `${actual} is about ${expected}`);
}


/** Fixes the page's clock `minutes` after the incident's start (the bar catches up on its next tick). */
async function minutesIn(page, startedAt, minutes) {
  await page.clock.setFixedTime(new Date(Date.parse(startedAt) + minutes * MIN));
}


/**
 * A host that records every address the browser asks it for (what a server's log would show), and
 * passes the request on to the test server. Listens on the first free port from 4600 to 4609.
 */
async function recordingHost(target) {
  const seen = [];
  const server = createServer(async (req, res) => {
    seen.push(req.url);
    const response = await fetch(new URL(req.url, target));
    res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  for (let port = 4600; ; port++) {
    const listening = await new Promise((resolve, reject) => {
      server.once('error', (error) => (error.code === 'EADDRINUSE' && port < 4609 ? resolve(false) : reject(error)));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (listening) break;
  }
  // A failed test must not keep the test run alive.
  server.unref();
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A stand-in for the Notification API that records what the page asks and shows. */
async function notificationsProfile(answer, options = {}) {
  const ctx = await profile(options);
  await ctx.addInitScript((answer) => {
    window.__notifications = { asked: 0, shown: [] };
    class FakeNotification {
      static permission = sessionStorage.getItem('permission') ?? 'default';
      static async requestPermission() {
        window.__notifications.asked += 1;
        FakeNotification.permission = answer;
        sessionStorage.setItem('permission', answer);
        return answer;
      }
      constructor(title, options = {}) {
        window.__notifications.shown.push({ title, body: options.body, tag: options.tag });
      }
    }
    window.Notification = FakeNotification;
  }, answer);
  return ctx;
}
const record = (page) => page.evaluate(() => window.__notifications);

/** A state with one active agency SEV-1 incident, a note and a follow-up, made through the UI. */
let seeded;
async function seededState() {
  if (seeded) return seeded;
  const ctx = await profile();
  const { page } = await open(ctx, AGENCY_RUNBOOK);
  const id = await startIncident(page, { title: 'Checkout failing', severity: 'SEV-1' });
  await page.getByRole('textbox', { name: 'Timeline note' }).fill('Rolled back the deploy');
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByRole('textbox', { name: 'Timeline note' }).fill('TODO: write the post-mortem');
  await page.getByRole('button', { name: 'Add note' }).click();
  await eventually(page.locator('.incident-message'), /Follow-up added/);
  seeded = { id, raw: await page.evaluate((key) => localStorage.getItem(key), STATE_KEY) };
  await ctx.close();
  return seeded;
}

/** A profile that starts with the seeded state in storage (written once, before the first page). */
async function seededProfile(options = {}) {
  const { id, raw } = await seededState();
  const ctx = await profile(options);
  await ctx.addInitScript(({ key, raw }) => {
    if (sessionStorage.getItem('seeded')) return;
    localStorage.setItem(key, raw);
    sessionStorage.setItem('seeded', '1');
  }, { key: STATE_KEY, raw });
  return { ctx, id };
}

// ---------------------------------------------------------------------------------------------

describe('starting an incident', () => {
  it('"Start incident" in the header takes a title, the page\'s handbook and an optional severity; the bar then shows on other pages', async () => {
    const ctx = await profile();
    const { page, errors } = await open(ctx, AGENCY_RUNBOOK);
    assert.equal(await bar(page).count(), 0, 'no bar before an incident');
    await page.locator('header').getByRole('button', { name: 'Start incident' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start incident' });
    await dialog.waitFor();
    assert.equal(await dialog.getByLabel('Handbook').inputValue(), 'agency-platform', 'the page\'s handbook by default');
    assert.equal(await dialog.getByLabel('Severity (optional)').inputValue(), '', 'severity not set by default');
    assert.match(await dialog.getByLabel('Started at (your local time)').inputValue(), /^2026-11-24T09:00$/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Declared ten minutes after it began: the start time is edited, and the clocks count from it.
    const id = await startIncident(page, { title: 'Checkout failing', startedAt: '2026-11-24T08:50' });
    assert.equal(id, 'INC-2026-11-24-001');
    const text = await eventually(bar(page), /Elapsed:\s*10 min/);
    assert.match(text, new RegExp(`^${id}\\s+Checkout failing`));
    assert.match(text, /Severity not set/);
    const incident = (await stored(page)).incidents[id];
    assert.equal(incident.handbook, 'agency-platform');
    assert.equal(incident.startedAt, '2026-11-24T08:50:00.000Z');
    assert.equal(incident.severity, undefined);

    // The severity, set later from the bar's panel.
    const details = await openPanel(page);
    await details.getByLabel('Severity', { exact: true }).selectOption('SEV-2');
    await details.getByRole('button', { name: 'Set severity' }).click();
    await eventually(bar(page).locator('.incident-severity'), /^SEV-2 · Major feature broken$/);

    // Another page (a scenario runbook) and the incidents page show the same bar.
    for (const path of ['/agency-platform/scenarios/application-down/', '/incidents/']) {
      const other = await ctx.newPage();
      const otherErrors = watchErrors(other);
      const response = await other.goto(path);
      assert.equal(response.status(), 200, path);
      const shown = await eventually(bar(other), /SEV-2 · Major feature broken/);
      assert.match(shown, new RegExp(`^${id}\\s+Checkout failing\\s+SEV-2 · Major feature broken\\s+Elapsed:\\s*10 min`), `${path}: ${shown}`);
      assert.deepEqual(otherErrors, [], path);
    }

    // A second incident the same day gets the next number.
    const second = await startIncident(page, { title: 'Second' });
    assert.equal(second, 'INC-2026-11-24-002');
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('after a reload the bar is still there and still counting', async () => {
    const ctx = await profile();
    const { page } = await open(ctx, AGENCY_RUNBOOK);
    const id = await startIncident(page, { title: 'Still counting', severity: 'SEV-3' });
    await page.clock.fastForward('05:00');
    await eventually(bar(page), /Elapsed:\s*5 min/);
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-incident')), 'active');
    // Once the handbook's levels and clocks have arrived.
    const text = await eventually(bar(page), /SEV-3 · Minor feature impacted[\s\S]*Next update in/);
    assert.match(text, new RegExp(`^${id}\\s+Still counting\\s+SEV-3 · Minor feature impacted\\s+Elapsed:\\s*5 min`));
    assert.match(text, /Next update in 5\d min/, 'SEV-3: hourly updates, counted from the start');
    await page.clock.fastForward('02:00');
    await eventually(bar(page), /Elapsed:\s*7 min/);
    await ctx.close();
  });
});

describe('clocks (Done means)', () => {
  it('agency: SEV-1 classified and started; at 30:00 the update and the Tech Lead step are due, 31 minutes later on another page the update is overdue and the Tech Lead is due', async () => {
    const ctx = await profile();
    const { page, errors } = await open(ctx, '/agency-platform/severity/');
    await page.locator('.classifier').scrollIntoViewIfNeeded();
    await page.locator('astro-island:not([ssr]) .classifier').waitFor({ state: 'attached' });
    await page.getByRole('group', { name: 'Service accessible?', exact: true }).getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('textbox', { name: 'Incident title (optional)' }).fill('Site down');
    await page.locator('.classifier').getByRole('button', { name: 'Start incident' }).click();
    const text = await eventually(bar(page), /SEV-1 · Service down/);
    const id = /INC-\d{4}-\d{2}-\d{2}-\d{3}/.exec(text)[0];
    const { startedAt } = (await stored(page)).incidents[id];

    await minutesIn(page, startedAt, 29);
    let shown = await eventually(bar(page), /Next update in 1 min/);
    assert.doesNotMatch(shown, /Tech Lead/, 'the Tech Lead step is not due yet');

    await minutesIn(page, startedAt, 30);
    shown = await eventually(bar(page), /Update due now \(every 30 min\)/);
    assert.match(shown, /Tech Lead \(due\)/);

    await minutesIn(page, startedAt, 31);
    const other = await ctx.newPage();
    await other.goto('/agency-platform/scenarios/database-connection-failure/');
    shown = await eventually(bar(other), /Update overdue by 1 min/);
    // The 30-minute step, naming who to call (content/scales/agency-platform.yaml: "Tech Lead").
    assert.match(shown, /Escalate now: Tech Lead \(due\); Escalation contacts \(overdue by 31 min\)/, 'the step just due first, then the immediate one, overdue by now');
    // On a phone the line is cut short at the screen's edge: who to call now is still on screen.
    await other.setViewportSize({ width: 390, height: 844 });
    const visible = await other.locator('.incident-bar-clocks > :nth-child(2)').evaluate((line) => {
      const text = line.firstChild;
      const range = document.createRange();
      const at = text.textContent.indexOf('Tech Lead (due)');
      range.setStart(text, at);
      range.setEnd(text, at + 'Tech Lead (due)'.length);
      return range.getBoundingClientRect().right <= line.getBoundingClientRect().right;
    });
    assert.ok(visible, '"Tech Lead (due)" is not cut off at 390 px');
    await other.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await bar(other).getAttribute('data-attention'), 'overdue');
    // Said in words, and to a screen reader once, not every second.
    const live = other.locator('#incident-live');
    assert.equal(await live.getAttribute('role'), 'status');
    const spoken = await live.textContent();
    assert.equal(spoken, `${id}: Status update overdue. Escalation overdue: Escalation contacts. Escalation due: Tech Lead.`);
    await other.clock.setFixedTime(new Date(Date.parse(startedAt) + 32 * MIN));
    await eventually(bar(other), /Update overdue by 2 min/);
    assert.equal(await live.textContent(), spoken, 'the live region does not change with the minutes');
    // The panel names the cadence and the step in full.
    const details = await openPanel(other);
    const full = await details.innerText();
    assert.match(full, /Status updates every 30 min \(internal updates every 30 minutes \(SEV-1\/2\)[^)]*\)/);
    assert.match(full, /after 30 min: Tech Lead \(SEV-1 not resolved in 30 min\) — due \d\d:\d\d UTC — due/);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('100K: P0 shows the 5-minute PagerDuty escalation and the 30-minute management notice, and says the handbook sets no update cadence', async () => {
    const ctx = await profile();
    const { page } = await open(ctx, '/hundred-k-platform/respond-now/');
    const id = await startIncident(page, { title: 'Payments down', severity: 'P0' });
    const { startedAt } = (await stored(page)).incidents[id];

    await minutesIn(page, startedAt, 1);
    let shown = await eventually(bar(page), /Next escalation: PagerDuty escalation in 4 min/);
    assert.match(shown, /No update cadence set by the handbook/);
    assert.doesNotMatch(shown, /Next update|Update due|Update overdue|every \d/, 'no invented cadence');

    await minutesIn(page, startedAt, 5);
    shown = await eventually(bar(page), /Escalate now: PagerDuty escalation \(due\)/);

    await minutesIn(page, startedAt, 30);
    shown = await eventually(bar(page), /Management \(due\)/);
    assert.match(shown, /PagerDuty escalation \(overdue by 25 min\)/);
    assert.match(shown, /No update cadence set by the handbook/);
    assert.doesNotMatch(shown, /Next update|Update due|Update overdue|every \d/);
    const full = await (await openPanel(page)).innerText();
    assert.match(full, /Status updates: the handbook sets no update cadence\./);
    assert.match(full, /after 5 min: PagerDuty escalation/);
    assert.match(full, /after 30 min: Management \(Notify management within 30 minutes\)/);
    assert.match(full, /when needed: Executives/);

    // "Escalated" ticks a step off: the bar moves on.
    await panel(page).getByRole('button', { name: 'Escalated to PagerDuty escalation' }).click();
    shown = await eventually(clocks(page), /^(?![\s\S]*PagerDuty)[\s\S]*Escalate now: Management \(due\)$/);
    await ctx.close();
  });

  it('without a severity the handbook policy\'s clocked tiers show, each named with its tier, so a P0 step is not read as this incident\'s', async () => {
    const ctx = await profile();
    const { page, errors } = await open(ctx, HK_CHECKLIST);
    await startIncident(page, { title: 'Not yet classified' });
    const shown = await eventually(bar(page), /Escalate now: All team members \[All hands \(P0\)\] \(due\)/);
    assert.match(shown, /Severity not set/);
    assert.match(shown, /Update cadence: set the severity/, 'no level yet, so no cadence: not "the handbook sets none"');
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('"Update sent" starts the update clock again and is recorded in the timeline', async () => {
    const ctx = await profile();
    const { page } = await open(ctx, AGENCY_RUNBOOK);
    const id = await startIncident(page, { title: 'Login broken', severity: 'SEV-2' });
    const { startedAt } = (await stored(page)).incidents[id];
    await minutesIn(page, startedAt, 35);
    await eventually(bar(page), /Update overdue by 5 min/);
    await bar(page).getByRole('button', { name: 'Update sent' }).click();
    await eventually(bar(page), /Next update in 30 min/);
    const entries = (await stored(page)).incidents[id].timeline.filter((e) => e.kind === 'message-sent');
    assert.equal(entries.length, 1);
    assert.equal(entries[0].title, 'Status update');
    assert.equal(entries[0].at, new Date(Date.parse(startedAt) + 35 * MIN).toISOString());
    assert.match(await (await openPanel(page)).innerText(), /09:35 UTC Sent: Status update/);
    await minutesIn(page, startedAt, 65);
    await eventually(bar(page), /Update due now \(every 30 min\)/);
    await ctx.close();
  });
});

describe('timeline', () => {
  it('notes show their time local and UTC; a TODO stays an open follow-up until ticked off; edits and deletions leave a record; markup stays text', async () => {
    // New York: local time differs from UTC, so both must show.
    const ctx = await profile({ timezoneId: 'America/New_York' });
    const { page, errors } = await open(ctx, AGENCY_RUNBOOK);
    const alerts = [];
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    const id = await startIncident(page, { title: 'Queue stuck', severity: 'SEV-2' });
    const note = page.getByRole('textbox', { name: 'Timeline note' });
    await note.fill('Restarted <img src=x onerror=alert(1)> the <b>x</b> workers');
    await page.getByRole('button', { name: 'Add note' }).click();
    await note.fill('TODO: check the dead-letter queue');
    await page.getByRole('button', { name: 'Add note' }).click();
    await note.fill('   ');
    await page.getByRole('button', { name: 'Add note' }).click();

    const details = await openPanel(page);
    let text = await details.innerText();
    // 09:00 UTC is 04:00 in New York.
    assert.match(text, /04:00 \(09:00 UTC\) Incident started/);
    assert.match(text, /04:00 \(09:00 UTC\) Restarted <img src=x onerror=alert\(1\)> the <b>x<\/b> workers/);
    assert.match(text, /04:00 \(09:00 UTC\) TODO: check the dead-letter queue/);
    assert.match(text, /Follow-ups \(1 open\)/);
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'the note is text, not HTML');
    assert.equal(await page.locator('.incident-panel b, .incident-bar b').count(), 0);
    const notes = (await stored(page)).incidents[id].timeline.filter((e) => e.kind === 'note');
    assert.equal(notes.length, 2, 'a blank note is not added');

    // Edit one note, delete the other: both leave a record.
    await details.getByRole('button', { name: /^Edit note: Restarted/ }).click();
    await details.getByRole('textbox', { name: 'Edit note' }).fill('Restarted the workers');
    await details.locator('.incident-note-controls').getByRole('button', { name: 'Save' }).click();
    await eventually(details, /Restarted the workers \(edited\)/);

    // Twenty hours on, the incident spans two days in New York: the timeline shows dates.
    await page.clock.setFixedTime(new Date(T0.getTime() + 20 * 60 * MIN));
    await note.fill('TODO: tell finance');
    await page.getByRole('button', { name: 'Add note' }).click();
    text = await eventually(details, /Follow-ups \(2 open\)/);
    assert.match(text, /Tue 24 Nov 04:00 \(24 Nov 09:00 UTC\) Incident started/);
    assert.match(text, /Wed 25 Nov 00:00 \(25 Nov 05:00 UTC\) TODO: tell finance/);

    await details.getByRole('checkbox', { name: 'check the dead-letter queue' }).check();
    text = await eventually(details, /Follow-ups \(1 open\)/);
    assert.match(text, /check the dead-letter queue \(done 00:00 \(05:00 UTC\)\)/, 'a done follow-up stays listed, with when');
    await details.getByRole('button', { name: /^Delete note: TODO: tell finance/ }).click();
    text = await eventually(details, /TODO: tell finance \(deleted 00:00 \(05:00 UTC\)\)/);
    assert.match(text, /Follow-ups \(0 open\)/);

    const timeline = (await stored(page)).incidents[id].timeline.filter((e) => e.kind === 'note');
    const edited = timeline.find((e) => e.text === 'Restarted the workers');
    assert.deepEqual(edited.edits.map((e) => e.text), ['Restarted <img src=x onerror=alert(1)> the <b>x</b> workers']);
    assert.ok(timeline.find((e) => e.text === 'TODO: tell finance').deletedAt, 'the deleted note is kept, marked deleted');

    // An open follow-up stays listed after a reload, until it is ticked off.
    await note.fill('TODO: rotate the keys');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.reload();
    const again = await openPanel(page);
    text = await again.innerText();
    assert.match(text, /Follow-ups \(1 open\)/);
    assert.equal(await again.getByRole('checkbox', { name: 'rotate the keys' }).isChecked(), false);
    assert.equal(await again.getByRole('checkbox', { name: 'check the dead-letter queue' }).isChecked(), true);
    assert.deepEqual(alerts, [], 'no script in a note ever ran');
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});

describe('export', () => {
  it('"Export as Markdown" gives the summary, a UTC timeline table, the checklists touched and the follow-ups, escaped; the download is named by id and date', async () => {
    const ctx = await profile({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = await open(ctx, HK_CHECKLIST);
    const id = await startIncident(page, { title: 'Payments <b>down</b> | *all*', severity: 'P0' });
    await page.clock.setFixedTime(new Date(T0.getTime() + 12 * MIN));
    // The first checklist on the page, every item: a completed checklist is recorded in the timeline.
    const first = page.locator('section[data-checklist]').first();
    const boxes = first.locator('input[data-item-id]');
    const size = await boxes.count();
    for (let i = 0; i < size; i++) await boxes.nth(i).check();
    await page.getByRole('checkbox', { name: 'Order processing working', exact: true }).check();
    const note = page.getByRole('textbox', { name: 'Timeline note' });
    await note.fill('Stripe says <script>alert(1)</script> | OK');
    await page.getByRole('button', { name: 'Add note' }).click();
    await note.fill('TODO: add a payments alert');
    await page.getByRole('button', { name: 'Add note' }).click();

    await bar(page).getByRole('button', { name: 'Export as Markdown' }).click();
    const dialog = page.getByRole('dialog', { name: `Export ${id} as Markdown` });
    await dialog.waitFor();
    const markdown = await dialog.getByRole('textbox').inputValue();
    assert.match(markdown, new RegExp(`^# ${id}: Payments \\\\<b\\\\>down\\\\</b\\\\> \\| \\\\\\*all\\\\\\*\n`));
    assert.match(markdown, new RegExp(`^- \\*\\*Incident:\\*\\* ${id}$`, 'm'));
    assert.match(markdown, /^- \*\*Title:\*\* Payments \\<b\\>down\\<\/b\\> \| \\\*all\\\*$/m);
    assert.match(markdown, /^- \*\*Handbook:\*\* 100K-User Platform$/m);
    assert.match(markdown, /^- \*\*Severity:\*\* P0 · Critical system down$/m);
    assert.match(markdown, /^- \*\*Started:\*\* 2026-11-24 09:00 UTC/m);
    // Started when the dialog opened, to the second; exported 12 minutes later less the moments the test took.
    assert.match(markdown, /^- \*\*Duration:\*\* 1[12] min so far/m);
    assert.match(markdown, /^\| Time \(UTC\) \| .*Event \|$/m);
    assert.match(markdown, /^\| 2026-11-24 09:00 \| .*Incident started \|$/m);
    assert.match(markdown, /^\| 2026-11-24 09:12 \| .*Checklist completed: Service restoration verification \(Recovery validation checklist\), 10 of 10 done \|$/m);
    assert.match(markdown, /^\| 2026-11-24 09:12 \| .*Note: Stripe says \\<script\\>alert\(1\)\\<\/script\\> \\\| OK \|$/m);
    assert.match(markdown, /^\| 2026-11-24 09:12 \| .*Follow-up: add a payments alert \|$/m);
    assert.match(markdown, /^## Checklists$/m);
    assert.match(markdown, /^### Service restoration verification\n\nRunbook: \[Recovery validation checklist\]\(http:\/\/127\.0\.0\.1:\d+\/hundred-k-platform\/process\/recovery-validation\/\)  \nProgress: 10 of 10 done$/m);
    assert.match(markdown, new RegExp(`Progress: 1 of \\d+ done\\n\\n- \\[x\\] Order processing working \\(2026-11-24 09:12 UTC\\)`));
    assert.match(markdown, /^## Follow-ups\n\nOpen \(1\):\n\n- \[ \] add a payments alert \(added 2026-11-24 09:12 UTC\)$/m);
    assert.doesNotMatch(markdown, /<script>|<b>/, 'nothing typed stays markup');

    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByText('Copied to the clipboard.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), markdown);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: `Download ${id}-2026-11-24.md` }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `${id}-2026-11-24.md`);
    assert.equal(await readFile(await download.path(), 'utf8'), markdown);
    await ctx.close();
  });

  it('an incident whose start time was left as offered does not claim it was declared later', async () => {
    // The dialog offers the current minute; the store then records the seconds since as a late
    // declaration, and the export prints "Incident declared, 0 s after it started".
    const ctx = await profile({ time: new Date(T0.getTime() + 40_000) });
    const { page } = await open(ctx, AGENCY_RUNBOOK);
    const id = await startIncident(page, { title: 'Declared at once' });
    await bar(page).getByRole('button', { name: 'Export as Markdown' }).click();
    const markdown = await page.getByRole('dialog', { name: `Export ${id} as Markdown` }).getByRole('textbox').inputValue();
    assert.doesNotMatch(markdown, /Incident declared, \d+ s after it started/);
    assert.doesNotMatch(markdown, /\*\*Started:\*\* .*\(declared/);
    await ctx.close();
  });
});

describe('backup', () => {
  /** Picks a file for "Import backup" (the bar's button opens the file chooser). */
  async function importFile(page, name, text) {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      bar(page).getByRole('button', { name: 'Import backup' }).click(),
    ]);
    await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** A browser with one incident and its backup, downloaded with "Export backup". */
  async function withBackup() {
    const ctx = await profile();
    const { page, errors } = await open(ctx, AGENCY_RUNBOOK);
    const id = await startIncident(page, { title: 'Backed up', severity: 'SEV-2' });
    await page.getByRole('textbox', { name: 'Timeline note' }).fill('First note');
    await page.getByRole('button', { name: 'Add note' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), bar(page).getByRole('button', { name: 'Export backup' }).click()]);
    const text = await readFile(await download.path(), 'utf8');
    return { ctx, page, errors, id, download, text, backup: JSON.parse(text) };
  }

  /** Imports a file that must be refused: returns what the refusal says, after checking storage is untouched. */
  async function refused(page, name, content) {
    const before = await storage(page);
    await importFile(page, name, content);
    // Whatever dialog opens (a refusal, or by mistake an import preview), then check it is the refusal.
    const shown = page.locator('dialog[open]').last();
    await shown.waitFor();
    const said = await shown.innerText();
    assert.match(said, /^Nothing was imported\n/, `${name} was not refused`);
    assert.match(said, /Nothing in this browser was changed\./);
    const refusal = page.getByRole('dialog', { name: 'Nothing was imported' });
    await refusal.getByRole('button', { name: 'Close' }).click();
    await refusal.waitFor({ state: 'detached' });
    assert.deepEqual(await storage(page), before, `${name} changed nothing`);
    return said;
  }

  it('"Export backup" downloads JSON with a format marker and version; a bad file is refused with the reason and changes nothing', async () => {
    const { ctx, page, errors, id, download, text, backup } = await withBackup();
    assert.equal(download.suggestedFilename(), 'incident-handbook-backup-2026-11-24.json');
    assert.equal(backup.format, 'incident-handbook-backup');
    assert.equal(backup.version, 3);
    assert.equal(backup.state.incidents[id].title, 'Backed up');
    assert.equal(backup.state.activeIncident, id);

    const noTitle = structuredClone(backup);
    delete noTitle.state.incidents[id].title;
    const badTicks = structuredClone(backup);
    badTicks.state.incidents[id].ticks = 'lots';
    const wrongKey = structuredClone(backup);
    wrongKey.state.incidents.__proto__x = { ...wrongKey.state.incidents[id] };
    const bad = [
      ['truncated.json', text.slice(0, 40), /truncated\.json cannot be imported: The file is not a backup: it is not JSON/],
      ['other.json', JSON.stringify({ format: 'something-else', version: 1, state: backup.state }), /its format marker \("format"\) is "something-else", expected "incident-handbook-backup"/],
      ['future.json', JSON.stringify({ ...backup, version: 99 }), /made by a newer version of the handbook \(version 99/],
      ['no-title.json', JSON.stringify(noTitle), new RegExp(`cannot be read: .*state\\.incidents\\.${id}\\.title`)],
      ['bad-ticks.json', JSON.stringify(badTicks), new RegExp(`cannot be read: .*state\\.incidents\\.${id}\\.ticks`)],
      ['wrong-key.json', JSON.stringify(wrongKey), /saved under "__proto__x", expected an id like INC-/],
    ];
    for (const [name, content, reason] of bad) assert.match(await refused(page, name, content), reason, name);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('a backup whose incident has a start time that is not a date is refused, not imported', async () => {
    // Accepted today: "Take the file's" then stores it, and the bar throws on every tick.
    const { ctx, page, id, backup } = await withBackup();
    const broken = structuredClone(backup);
    broken.state.incidents[id].startedAt = 'yesterday-ish';
    assert.match(await refused(page, 'broken-start.json', JSON.stringify(broken)), new RegExp(`state\\.incidents\\.${id}\\.startedAt`));
    await ctx.close();
  });

  it('a valid backup with the same incident changed shows what differs and changes nothing until a choice and "Import"', async () => {
    const { ctx, page, errors, id, backup } = await withBackup();
    const before = await storage(page);
    const theirs = structuredClone(backup);
    theirs.state.incidents[id].title = 'Renamed elsewhere';
    theirs.state.incidents[id].timeline.push({ id: 'zz-from-file', at: '2026-11-24T09:00:30.000Z', kind: 'note', text: 'Their note' });
    const added = structuredClone(theirs.state.incidents[id]);
    Object.assign(added, { id: 'INC-2026-11-20-001', title: 'From last week', startedAt: '2026-11-20T08:00:00.000Z' });
    theirs.state.incidents[added.id] = added;
    const file = JSON.stringify(theirs);

    await importFile(page, 'theirs.json', file);
    let plan = page.getByRole('dialog', { name: 'Import a backup' });
    await plan.waitFor();
    const said = await plan.innerText();
    assert.match(said, /Added \(1\)\s+INC-2026-11-20-001 From last week, SEV-2: 4 timeline entries, 0 ticks/);
    assert.match(said, /In both, different \(1\): choose for each/);
    assert.match(said, /Title: "Backed up" here, "Renamed elsewhere" in the file/);
    assert.match(said, /Timeline: 3 entries here, 4 in the file/);
    assert.equal(await plan.getByRole('radio', { name: 'Keep this browser\'s' }).isChecked(), true, 'this browser\'s by default');
    await plan.getByRole('button', { name: 'Cancel' }).click();
    assert.deepEqual(await storage(page), before, 'cancelled: nothing changed');

    await importFile(page, 'theirs.json', file);
    plan = page.getByRole('dialog', { name: 'Import a backup' });
    await plan.getByRole('radio', { name: 'Take the file\'s' }).check();
    await plan.getByRole('button', { name: 'Import' }).click();
    await plan.waitFor({ state: 'detached' });
    await eventually(bar(page).locator('.incident-title'), /^Renamed elsewhere$/);
    const state = await stored(page);
    assert.equal(state.incidents[id].title, 'Renamed elsewhere');
    assert.equal(state.incidents['INC-2026-11-20-001'].title, 'From last week');
    assert.equal(state.activeIncident, id, 'the active incident stays');
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});

describe('two tabs', () => {
  it('a second tab shows the incident started in the first, and its changes, without a reload', async () => {
    const ctx = await profile();
    const { page: first } = await open(ctx, AGENCY_RUNBOOK);
    const { page: second } = await open(ctx, '/agency-platform/');
    assert.equal(await bar(second).count(), 0);
    await first.bringToFront();
    const id = await startIncident(first, { title: 'Seen twice', severity: 'SEV-2' });
    await eventually(bar(second), new RegExp(`^${id}\\s+Seen twice\\s+SEV-2 · Major feature broken[\\s\\S]*Next update in`));
    assert.equal(await second.evaluate(() => document.documentElement.getAttribute('data-incident')), 'active', 'its space is kept');
    // A change of level in the first tab reaches the second.
    const details = await openPanel(first);
    await details.getByLabel('Severity', { exact: true }).selectOption('SEV-1');
    await details.getByRole('button', { name: 'Set severity' }).click();
    await eventually(bar(second).locator('.incident-severity'), /^SEV-1 · Service down$/);
    // Closed in the first: the second says so, with the way back.
    await bar(first).getByRole('button', { name: 'Close incident' }).click();
    await first.getByRole('dialog', { name: `Close ${id}?` }).getByRole('button', { name: 'Close incident' }).click();
    await eventually(bar(second), /Closed/);
    assert.equal(await bar(second).getByRole('button', { name: 'Reopen' }).count(), 1);
    await ctx.close();
  });
});

describe('handoff', () => {
  it('"Share incident" shows the link and its length; a fresh browser previews it, imports only after confirming, and never sends it to the host', async () => {
    const ctx = await profile();
    const { page } = await open(ctx, HK_CHECKLIST);
    const id = await startIncident(page, { title: 'Handed <i>over</i>', severity: 'P1' });
    await page.getByRole('checkbox', { name: 'All services responding to health checks', exact: true }).check();
    await page.getByRole('textbox', { name: 'Timeline note' }).fill('TODO: call the bank');
    await page.getByRole('button', { name: 'Add note' }).click();
    await bar(page).getByRole('button', { name: 'Share incident' }).click();
    const dialog = page.getByRole('dialog', { name: `Hand off ${id}` });
    await dialog.waitFor();
    const link = await dialog.getByRole('textbox', { name: 'Handoff link' }).inputValue();
    assert.match(link, new RegExp(`^${h.baseUrl}/incidents/#handoff=[A-Za-z0-9_-]+$`));
    const length = /([\d,]+) characters\./.exec(await dialog.innerText())?.[1];
    assert.equal(Number(length?.replace(/,/g, '')), link.length, 'the length shown is the link\'s');
    assert.match(await dialog.innerText(), /Short enough to paste into chat\./);
    assert.equal(await dialog.getByRole('button', { name: 'Copy link' }).count(), 1);
    const encoded = link.split('#handoff=')[1];

    // The next on-call: another browser, another profile, through a host that logs what it is asked.
    const host = await recordingHost(h.baseUrl);
    const next = await profile({ viewport: PHONE });
    const { page: theirs, errors } = await open(next, link.replace(h.baseUrl, host.origin));
    const preview = theirs.locator('[data-incidents-handoff]');
    const previewText = await eventually(preview, /Handoff: INC-/);
    assert.match(previewText, new RegExp(`Handoff: ${id} Handed <i>over</i>, started .*, 3 timeline entries\\.`));
    assert.equal(await theirs.locator('[data-incidents-handoff] i').count(), 0, 'the title is text');
    assert.equal(new URL(theirs.url()).hash, '', 'the fragment is taken out of the address once read');
    const untouched = await stored(theirs);
    assert.equal(untouched?.incidents?.[id], undefined, 'nothing imported before confirming');

    await preview.getByRole('button', { name: 'Review and import' }).click();
    const plan = theirs.getByRole('dialog', { name: 'Import a handed-off incident' });
    assert.match(await plan.innerText(), new RegExp(`Added \\(1\\)\\s+${id} Handed <i>over</i>, P1: 3 timeline entries, 1 tick`));
    await plan.getByRole('button', { name: 'Import' }).click();
    await eventually(theirs.locator('[data-incidents-status]'), new RegExp(`Imported: 1 added \\(${id}\\); ${id} is now the active incident`));
    const imported = (await stored(theirs)).incidents[id];
    assert.equal(imported.title, 'Handed <i>over</i>');
    assert.equal(Object.keys(imported.ticks).length, 1);
    // With no incident of their own running, the handed-off one becomes active: the bar shows it.
    assert.equal((await stored(theirs)).activeIncident, id);
    assert.equal(await preview.isVisible(), false, 'the offer goes once it is taken');
    await eventually(bar(theirs), new RegExp(`^${id}\\s+Handed <i>over</i>\\s+P1\\s*· Major service impaired`));

    // The host never saw the incident: it was asked for /incidents/, and no address carries the fragment's data.
    assert.ok(host.seen.includes('/incidents/'), host.seen.join('\n'));
    const leaked = host.seen.filter((url) => url.includes('#') || url.includes('handoff=') || url.includes(encoded.slice(0, 24)));
    assert.deepEqual(leaked, []);
    assert.deepEqual(errors, []);
    await next.close();
    await host.close();
    await ctx.close();
  });
});

describe('several incidents', () => {
  it('on a phone, a closed incident leaves a notice with its buttons on screen; Dismiss gives the page back its room', async () => {
    const ctx = await profile({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const { page, errors } = await open(ctx, AGENCY_RUNBOOK);
    const id = await startIncident(page, { title: 'Short one' });
    await bar(page).getByRole('button', { name: 'More' }).click();
    await page.getByRole('group', { name: 'Incident details' }).getByRole('button', { name: 'Close incident' }).click();
    await page.getByRole('dialog', { name: `Close ${id}?` }).getByRole('button', { name: 'Close incident' }).click();
    await eventually(bar(page), /Closed/);
    for (const name of ['Export as Markdown', 'Reopen', 'Dismiss']) {
      const box = await bar(page).getByRole('button', { name }).boundingBox();
      assert.ok(box && box.y + box.height <= 844 && box.x + box.width <= 390, `${name} on screen: ${JSON.stringify(box)}`);
    }
    assert.equal(await page.getByRole('group', { name: 'Incident details' }).isVisible(), false);
    await bar(page).getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await bar(page).isVisible(), false);
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-incident')), null);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).paddingBottom), '0px');
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('closing shows a notice with Reopen; /incidents/ lists every incident with its duration; switch; delete with undo', async () => {
    const ctx = await profile();
    const { page, errors } = await open(ctx, AGENCY_RUNBOOK);
    const first = await startIncident(page, { title: 'First', severity: 'SEV-2' });
    await page.clock.setFixedTime(new Date(T0.getTime() + 45 * MIN));
    await bar(page).getByRole('button', { name: 'More' }).click();
    await bar(page).getByRole('button', { name: 'Close incident' }).click();
    const confirm = page.getByRole('dialog', { name: `Close ${first}?` });
    // The dialog opens on the way out, not on the destructive button.
    assert.equal(await confirm.getByRole('button', { name: 'Keep it open' }).evaluate((button) => button === document.activeElement), true);
    await confirm.getByRole('button', { name: 'Close incident' }).click();
    let shown = await eventually(bar(page), /Closed/);
    assert.match(shown, new RegExp(`^${first}\\s+First\\s+Closed\\s+4[45] min`), 'closed 45 min after the dialog opened, to the second');
    // The notice keeps the bar's room (nothing under it, its buttons on screen) and the details close.
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-incident')), 'closed');
    assert.ok(await page.evaluate(() => parseFloat(getComputedStyle(document.body).paddingBottom) >= 80));
    assert.equal(await page.getByRole('group', { name: 'Incident details' }).isVisible(), false);
    for (const name of ['Export as Markdown', 'Reopen', 'Dismiss']) assert.ok(await bar(page).getByRole('button', { name }).isVisible(), name);
    await bar(page).getByRole('button', { name: 'Reopen' }).click();
    shown = await eventually(bar(page), /SEV-2 · Major feature broken/);
    const kinds = (await stored(page)).incidents[first].timeline.map((e) => e.kind);
    assert.deepEqual(kinds.slice(-2), ['closed', 'reopened']);

    await page.clock.setFixedTime(new Date(T0.getTime() + 50 * MIN));
    const second = await startIncident(page, { title: 'Second', handbook: 'hundred-k-platform', severity: 'P2' });
    assert.notEqual(second, first);
    await page.clock.setFixedTime(new Date(T0.getTime() + 80 * MIN));
    await page.goto('/incidents/');
    const row = (id) => page.locator(`tr[data-incident-id="${id}"]`);
    await eventually(row(second), /100K-User Platform/);
    assert.match(await row(second).innerText(), /Second[\s\S]*P2 · Minor service issues[\s\S]*30 min so far[\s\S]*Active/);
    assert.match(await row(first).innerText(), /First[\s\S]*Agency Platform[\s\S]*SEV-2 · Major feature broken[\s\S]*1 h (19|20) min so far[\s\S]*Open/);

    await page.getByRole('button', { name: `Switch to ${first}` }).click();
    await eventually(bar(page), new RegExp(`^${first}\\s+First`));
    await page.getByRole('button', { name: `Close ${second}` }).click();
    await eventually(row(second), /Closed 24 Nov 10:20 UTC/);
    assert.match(await row(second).innerText(), /\b30 min\b(?! so far)/, 'a closed incident\'s duration is final');

    await page.getByRole('button', { name: `Delete ${second}` }).click();
    await row(second).waitFor({ state: 'detached' });
    assert.equal((await stored(page)).incidents[second], undefined);
    await page.getByRole('button', { name: 'Undo delete' }).click();
    await eventually(row(second), /Second/);
    assert.ok((await stored(page)).incidents[second], 'restored');
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});

describe('times are honest', () => {
  it('across the October clock change in London, elapsed time is counted in UTC and local times show UTC beside them', async () => {
    // 00:50 UTC is 01:50 BST; at 01:00 UTC London goes back to 01:00 GMT.
    const ctx = await profile({ timezoneId: 'Europe/London', time: new Date('2026-10-25T00:50:00Z') });
    const { page } = await open(ctx, AGENCY_RUNBOOK);
    const id = await startIncident(page, { title: 'Over the change', severity: 'SEV-3' });
    assertAbout((await stored(page)).incidents[id].startedAt, '2026-10-25T00:50:00.000Z');
    await page.clock.setFixedTime(new Date('2026-10-25T01:20:00Z'));
    await eventually(bar(page), /Elapsed:\s*(29|30) min/);
    await page.getByRole('textbox', { name: 'Timeline note' }).fill('After the change');
    await page.getByRole('button', { name: 'Add note' }).click();
    const text = await (await openPanel(page)).innerText();
    assert.match(text, /Started Sun 25 Oct 01:50 \(25 Oct 00:50 UTC\)/);
    // The note is later though its local time reads earlier: the timeline keeps UTC order.
    assert.match(text, /01:50 \(00:50 UTC\) Incident started[\s\S]*01:20 UTC After the change/);
    await page.reload();
    await eventually(bar(page), /Elapsed:\s*(29|30) min/);
    await ctx.close();
  });

  it('an incident started during the repeated hour (01:20 GMT, after the change) starts then, not an hour earlier', async () => {
    // The dialog offers "2026-10-25T01:20" (local); read back as a local time it is ambiguous, and
    // the browser takes the first 01:20 (BST, 00:20 UTC).
    const ctx = await profile({ timezoneId: 'Europe/London', time: new Date('2026-10-25T01:20:00Z') });
    const { page } = await open(ctx, AGENCY_RUNBOOK);
    const id = await startIncident(page, { title: 'In the repeated hour' });
    assertAbout((await stored(page)).incidents[id].startedAt, '2026-10-25T01:20:00.000Z');
    await eventually(bar(page), /Elapsed:\s*\d+ s/);
    // Typed by hand at 01:30 GMT: "01:20" is the 01:20 ten minutes ago, not the one seventy minutes ago.
    await page.clock.setFixedTime(new Date('2026-10-25T01:30:00Z'));
    const typed = await startIncident(page, { title: 'Typed in the repeated hour', startedAt: '2026-10-25T01:20' });
    assert.equal((await stored(page)).incidents[typed].startedAt, '2026-10-25T01:20:00.000Z');
    await ctx.close();
  });
});

describe('reminders', () => {

  it('asks for permission only when turned on, then notifies when the update and escalation fall due', async () => {
    const ctx = await notificationsProfile('granted');
    const { page } = await open(ctx, AGENCY_RUNBOOK);
    const id = await startIncident(page, { title: 'Remind me', severity: 'SEV-1' });
    const { startedAt } = (await stored(page)).incidents[id];
    const details = await openPanel(page);
    assert.equal((await record(page)).asked, 0, 'not asked on load, start or opening the panel');
    await details.getByRole('checkbox', { name: /Remind me with a browser notification/ }).check();
    await page.waitForFunction(() => window.__notifications.asked === 1);
    assert.equal((await stored(page)).reminders, true);

    await minutesIn(page, startedAt, 30);
    await page.waitForFunction(() => window.__notifications.shown.some((n) => /Status update due/.test(n.title)));
    const titles = (await record(page)).shown.map((n) => n.title);
    assert.ok(titles.includes(`${id}: Status update due (every 30 min)`), titles.join('\n'));
    assert.ok(titles.includes(`${id}: Escalation due: Tech Lead (SEV-1 not resolved in 30 min)`), titles.join('\n'));
    // One notification per state: the next seconds add none.
    const count = titles.length;
    await page.clock.runFor(3000);
    assert.equal((await record(page)).shown.length, count);
    assert.equal((await record(page)).asked, 1);
    await ctx.close();
  });

  it('when the browser denies permission, the bar says so', async () => {
    const ctx = await notificationsProfile('denied');
    const { page } = await open(ctx, AGENCY_RUNBOOK);
    await startIncident(page, { title: 'Blocked', severity: 'SEV-2' });
    const details = await openPanel(page);
    await details.getByRole('checkbox', { name: /Remind me with a browser notification/ }).check();
    await eventually(bar(page), /Reminders blocked by the browser: watch this bar/);
    assert.equal((await record(page)).shown.length, 0);
    await ctx.close();
  });
});

describe('accessible, never in the way', () => {
  /** Whether anything on the page ends below the bar's top edge, scrolled to the very bottom. */
  const coveredAtBottom = (page) => page.evaluate(async () => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const bar = document.getElementById('incident-bar');
    const top = bar.getBoundingClientRect().top;
    const fixed = (el) => { for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).position === 'fixed') return true; return false; };
    const last = [...document.body.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.width > 0 && !bar.contains(el) && !el.closest('dialog, .incident-panel') && getComputedStyle(el).visibility !== 'hidden' && !fixed(el);
    }).sort((a, b) => b.getBoundingClientRect().bottom - a.getBoundingClientRect().bottom)[0];
    const r = last.getBoundingClientRect();
    return { bottom: r.bottom, top, what: `${last.tagName}.${last.className}`, overflow: bar.scrollHeight - bar.clientHeight };
  });

  for (const [width, viewport] of [['390 px', PHONE], ['1280 px', DESKTOP]]) {
    it(`axe-clean at ${width} with the bar, the panel and the dialogs, light and dark; the bar covers nothing`, async () => {
      const { ctx, id } = await seededProfile({ viewport, hasTouch: viewport === PHONE });
      const { page, errors } = await open(ctx, HK_CHECKLIST);
      await eventually(bar(page), /SEV-1\s*· Service down[\s\S]*Escalate now/);
      const failures = [];
      const check = async (what) => {
        for (const theme of ['light', 'dark']) {
          await page.evaluate((theme) => document.documentElement.setAttribute('data-theme', theme), theme);
          for (const v of await axe(page)) failures.push(`${what}, ${theme}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`);
        }
      };
      await check('bar');
      for (const path of [HK_CHECKLIST, '/incidents/']) {
        if (path !== HK_CHECKLIST) await page.goto(path);
        const at = await coveredAtBottom(page);
        assert.ok(at.bottom <= at.top + 0.5, `${path}: ${at.what} ends at ${at.bottom}px, the bar starts at ${at.top}px`);
        assert.ok(at.overflow <= 0, `${path}: the bar's content overflows it by ${at.overflow}px`);
      }
      await page.goto(HK_CHECKLIST);
      await openPanel(page);
      await check('panel');
      await bar(page).getByRole('button', { name: 'Less' }).click();
      await page.locator('header').getByRole('button', { name: 'Start incident' }).click();
      await page.getByRole('dialog', { name: 'Start incident' }).waitFor();
      await check('start dialog');
      await page.keyboard.press('Escape');
      if (viewport === DESKTOP) {
        await bar(page).getByRole('button', { name: 'Export as Markdown' }).click();
        await page.getByRole('dialog', { name: `Export ${id} as Markdown` }).waitFor();
        await check('export dialog');
        await page.keyboard.press('Escape');
        await bar(page).getByRole('button', { name: 'Share incident' }).click();
        await page.getByRole('dialog', { name: `Hand off ${id}` }).waitFor();
        await check('share dialog');
        await page.keyboard.press('Escape');
      } else {
        // On a phone the actions live in the panel.
        await openPanel(page);
        await panel(page).getByRole('button', { name: 'Close incident' }).click();
        await page.getByRole('dialog', { name: `Close ${id}?` }).waitFor();
        await check('close dialog');
        await page.keyboard.press('Escape');
      }
      assert.deepEqual(failures, []);
      assert.deepEqual(errors, []);
      await ctx.close();
    });

    it(`no layout shift at ${width} on a page loaded with an active incident, the handbook data arriving late`, async () => {
      const { ctx } = await seededProfile({ viewport, time: null });
      await watchLayoutShift(ctx);
      // What moved, for the failure message.
      await ctx.addInitScript(() => {
        window.__moved = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            for (const source of entry.sources) {
              const node = source.node?.nodeType === 1 ? source.node : source.node?.parentElement;
              window.__moved.push(`${node ? `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}` : '?'} ${source.previousRect.x},${source.previousRect.y} -> ${source.currentRect.x},${source.currentRect.y} (${entry.value.toFixed(5)})`);
            }
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      // A slower network: the bar is drawn before the handbooks' levels and clocks arrive.
      await ctx.route('**/handbooks.json', async (route) => {
        await sleep(400);
        await route.continue();
      });
      const page = await ctx.newPage();
      await page.goto(HK_CHECKLIST, { waitUntil: 'networkidle' });
      await eventually(bar(page), /SEV-1\s*· Service down/);
      await page.waitForTimeout(300);
      const moved = await page.evaluate(() => window.__moved);
      assert.equal(await layoutShift(page), 0, moved.join('\n'));
      await ctx.close();
    });
  }

  it('warns before the browser\'s storage is full, with an offer to export', async () => {
    const { ctx } = await seededProfile();
    await ctx.addInitScript(() => {
      if (!localStorage.getItem('incident-handbook:test-filler')) localStorage.setItem('incident-handbook:test-filler', 'x'.repeat(2_000_000));
    });
    const { page } = await open(ctx, AGENCY_RUNBOOK);
    await eventually(bar(page), /Browser storage nearly full: export a backup/);
    await ctx.close();
  });

  it('the storage warning stays when reminders are on', async () => {
    const ctx = await notificationsProfile('granted');
    const { page } = await open(ctx, AGENCY_RUNBOOK);
    await startIncident(page, { title: 'Full storage', severity: 'SEV-2' });
    await (await openPanel(page)).getByRole('checkbox', { name: /Remind me with a browser notification/ }).check();
    await page.waitForFunction(() => window.__notifications.asked === 1);
    await page.evaluate(() => localStorage.setItem('incident-handbook:test-filler', 'x'.repeat(2_000_000)));
    await page.reload();
    await eventually(bar(page), /SEV-2 · Major feature broken/);
    // Two ticks of the clock later, the warning is still there.
    await page.clock.runFor(2500);
    assert.match(await bar(page).innerText(), /Browser storage nearly full: export a backup/);
    await ctx.close();
  });
});
