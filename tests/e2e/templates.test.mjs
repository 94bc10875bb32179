/**
 * Message templates in a real Chromium (issue 10): fill, preview and copy, the clipboard read back
 * (plain and HTML flavours); "Copy for Slack" with a hostile value; the draft kept per incident and
 * template across a reload, "Clear draft" and its undo; prefill from an active incident (agency SEV-1,
 * 100K P0 with its SMS counter, customer portal times local and UTC); "Mark as sent" in the timeline,
 * the update clock and the Markdown export; JavaScript off; axe; no layout shift; scenario links and
 * "On this page". Fake clock (page.clock) so times are exact.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { axe, layoutShift, start, watchErrors, watchLayoutShift } from './harness.mjs';
import { bar, clockedProfile, eventually, ID, open, openPanel, panel, sleep, startIncident } from './incident-helpers.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const STATE_KEY = 'incident-handbook:state';
const DRAFT_PREFIX = 'incident-handbook:draft:';
/** A Tuesday morning, 09:00 UTC: the fake clock's start. */
const T0 = new Date('2026-11-24T09:00:00.000Z');
const MIN = 60_000;
const AGENCY = '/agency-platform/messages/';
const HK = '/hundred-k-platform/messages/';
const CONTENT = new URL('../../content/', import.meta.url);

const INTERNAL = 'agency-platform/internal-update';
const CURRENT = "Current state (what's happening)";
const ACTIONS = "Actions taken (what we've done)";
const NEXT = "Next steps (what we're doing next)";
const ETA = 'ETA (when we expect resolution)';

let h;
before(async () => {
  h = await start();
});
after(async () => {
  await h.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers (bar, panel, startIncident, eventually as in incident.test.mjs)

/** A fresh profile (see clockedProfile) on the desktop, its clock at T0 unless told otherwise. */
const profile = ({ viewport = DESKTOP, time = T0, ...options } = {}) => clockedProfile(h, { viewport, time, ...options });



const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), STATE_KEY);
const item = (page, key) => page.evaluate((key) => localStorage.getItem(key), key);



/** One template's section on a Messages page. */
const section = (page, id) => page.locator(`section[data-template="${id}"]`);
const preview = (sec) => sec.getByRole('region', { name: 'Preview' });
const field = (sec, label) => sec.getByLabel(label, { exact: true });
const note = async (sec, label) => {
  const id = (await field(sec, label).getAttribute('aria-describedby')).split(' ').find((ref) => ref.endsWith('-note'));
  return sec.locator(`[id="${id}"]`).innerText();
};

/** Scrolls the template into view (its island hydrates when visible) and waits until it has mounted. */
async function ready(page, id) {
  const sec = section(page, id);
  await sec.scrollIntoViewIfNeeded();
  await eventually(sec.locator('.filler-scope'), /No active incident|for INC-/);
  return sec;
}

/**
 * Scrolls down the whole page, most of a screen at a time with two frames between steps, so every
 * island is seen and hydrates; then waits for them all to mount.
 */
async function scrollThrough(page) {
  for (let y = 0; ; ) {
    const end = await page.evaluate(async (y) => {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return y + innerHeight >= document.documentElement.scrollHeight;
    }, y);
    if (end) break;
    y += await page.evaluate(() => innerHeight - 100);
  }
  await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((island) => !island.hasAttribute('ssr')));
  await page.waitForFunction(() => [...document.querySelectorAll('.filler-scope')].every((p) => !/^Fill in the fields/.test(p.textContent)));
}

const clipboardText = (page) => page.evaluate(() => navigator.clipboard.readText());
const clipboardHtml = (page) =>
  page.evaluate(async () => {
    for (const entry of await navigator.clipboard.read()) {
      if (entry.types.includes('text/html')) return (await entry.getType('text/html')).text();
    }
    return null;
  });

/** Every key and value this site keeps in localStorage, after an agency SEV-1 with a saved draft (made through the UI once). */
let seeded;
async function seededStorage() {
  if (seeded) return seeded;
  const ctx = await profile();
  const { page } = await open(ctx, AGENCY);
  const id = await startIncident(page, { title: 'Checkout failing', severity: 'SEV-1' });
  const sec = await ready(page, INTERNAL);
  await field(sec, CURRENT).fill('Checkout errors at 5%');
  await page.waitForFunction((key) => localStorage.getItem(key), `${DRAFT_PREFIX}${id}:${INTERNAL}`);
  const items = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('incident-handbook:')).map((k) => [k, localStorage.getItem(k)])));
  await ctx.close();
  seeded = { id, items };
  return seeded;
}

/** Writes the seeded storage once, before the first page of the profile. */
async function seed(ctx) {
  const { id, items } = await seededStorage();
  await ctx.addInitScript((items) => {
    if (sessionStorage.getItem('seeded')) return;
    for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
    sessionStorage.setItem('seeded', '1');
  }, items);
  return id;
}

// ---------------------------------------------------------------------------------------------

describe('fill, preview, copy', () => {
  it('the preview is the exact message; "Copy message" puts it on the clipboard, with an HTML flavour escaped; a missing required field warns and keeps its [marker]', async () => {
    const ctx = await profile({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, errors } = await open(ctx, AGENCY);
    await page.clock.setFixedTime(T0);
    const sec = await ready(page, INTERNAL);
    assert.match(await sec.locator('.filler-scope').innerText(), /No active incident/);
    // Each control is named by its label alone; "required" is said by the attribute, not the name.
    assert.deepEqual(
      await Promise.all(['Time', 'Incident ID', 'Severity', 'Duration so far', 'Status', CURRENT, ACTIONS, NEXT, ETA, 'Next update at'].map((label) => field(sec, label).evaluate((el) => el.required))),
      [true, true, true, false, false, true, false, false, false, false],
    );
    // No incident: the reader fills in what the incident would have.
    await field(sec, 'Incident ID').fill('INC-2026-11-24-007');
    await field(sec, 'Severity').selectOption('SEV-2');
    await field(sec, 'Duration so far').fill('25 min');
    await field(sec, 'Next update at').fill('2026-11-24T09:30');
    await field(sec, 'Status').selectOption('Identified');
    await field(sec, CURRENT).fill('Checkout errors at 5%\nEU only');
    await field(sec, ACTIONS).fill('Rolled back deploy 142');
    await field(sec, NEXT).fill('Watch the error rate');
    await field(sec, ETA).fill('< 1 h & "counting"');
    const expected = [
      '[2026-11-24 09:00 UTC] Incident Update: INC-2026-11-24-007 (SEV-2)',
      '- Status: Identified',
      '- Duration so far: 25 min',
      '- Current state: Checkout errors at 5%\nEU only',
      '- Actions taken: Rolled back deploy 142',
      '- Next steps: Watch the error rate',
      '- ETA: < 1 h & "counting"',
      '- Next update: 2026-11-24 09:30 UTC',
    ].join('\n');
    await eventually(preview(sec), /ETA: < 1 h/);
    assert.equal(await preview(sec).innerText(), expected);

    await sec.getByRole('button', { name: 'Copy message', exact: true }).click();
    await eventually(sec.getByRole('status'), /^Message copied\.$/);
    assert.equal(await clipboardText(page), expected);
    const html = await clipboardHtml(page);
    assert.ok(html, 'an HTML flavour is on the clipboard');
    assert.match(html, /<p>\[2026-11-24 09:00 UTC\] Incident Update: INC-2026-11-24-007 \(SEV-2\)<\/p>/);
    assert.match(html, /<ul><li>Status: Identified<\/li><li>Duration so far: 25 min<\/li><li>Current state: Checkout errors at 5%<br>EU only<\/li>/);
    // Chromium hands the HTML back re-serialized, so a quote in text reads as " again.
    assert.match(html, /<li>ETA: &lt; 1 h &amp; (&quot;|")counting(&quot;|")<\/li><li>Next update: 2026-11-24 09:30 UTC<\/li><\/ul>/);
    assert.doesNotMatch(html, /< 1 h/, 'the typed "<" is escaped in the HTML');

    // A required field emptied: the copy still happens, with a warning and the marker in the text.
    await field(sec, CURRENT).fill('');
    await eventually(preview(sec), /\[Current state \(what's happening\)\]/);
    await sec.getByRole('button', { name: 'Copy message', exact: true }).click();
    const status = await eventually(sec.getByRole('status'), /Warning/);
    assert.equal(status, "Message copied. Warning: a required field is empty (Current state (what's happening)); the text keeps their [markers].");
    const copied = await clipboardText(page);
    assert.match(copied, /^- Current state: \[Current state \(what's happening\)\]$/m);
    assert.equal(copied, await preview(sec).innerText());
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});

describe('when the browser refuses the clipboard', () => {
  it('the text is shown selected in a labelled box to copy by hand, and the status says so', async () => {
    const ctx = await profile();
    // A browser that refuses both ways of writing to the clipboard.
    await ctx.addInitScript(() => {
      const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      Object.defineProperty(navigator.clipboard, 'write', { value: refuse });
      Object.defineProperty(navigator.clipboard, 'writeText', { value: refuse });
    });
    const { page, errors } = await open(ctx, AGENCY);
    const sec = await ready(page, INTERNAL);
    await field(sec, CURRENT).fill('All good');
    await sec.getByRole('button', { name: 'Copy message', exact: true }).click();
    await eventually(sec.getByRole('status'), /^The browser refused the clipboard: the text is selected below/);
    const box = sec.getByRole('textbox', { name: 'Message to copy' });
    assert.equal(await box.inputValue(), await preview(sec).innerText());
    assert.deepEqual(
      await box.evaluate((el) => [document.activeElement === el, el.selectionStart, el.selectionEnd, el.value.length]),
      [true, 0, await box.evaluate((el) => el.value.length), await box.evaluate((el) => el.value.length)],
    );
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});

describe('for the channel, safely', () => {
  it('"Copy for Slack" turns the template\'s bullets into •, escapes only & < > in a typed value, which stays literal in the preview and the plain copy; nothing runs', async () => {
    const ctx = await profile({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, errors } = await open(ctx, AGENCY);
    await page.clock.setFixedTime(T0);
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const sec = await ready(page, INTERNAL);
    const hostile = '<script>alert(1)</script> & **x** {{other}} `rm`';
    const image = '<img src=x onerror="window.__xss=1">';
    await field(sec, CURRENT).fill(hostile);
    await field(sec, ETA).fill(image);
    await eventually(preview(sec), /onerror/);
    const shown = await preview(sec).innerText();
    assert.match(shown, /^- Current state: <script>alert\(1\)<\/script> & \*\*x\*\* \{\{other\}\} `rm`$/m);
    assert.match(shown, /^- ETA: <img src=x onerror="window.__xss=1">$/m);
    assert.equal(await sec.locator('script, img').count(), 0, 'typed markup never becomes elements');

    await sec.getByRole('button', { name: 'Copy for Slack' }).click();
    await eventually(sec.getByRole('status'), /^Copied for Slack\./);
    assert.equal(
      await clipboardText(page),
      [
        '[2026-11-24 09:00 UTC] Incident Update: [Incident ID] ([Severity])',
        '• Status: Investigating',
        '• Duration so far: [Duration so far]',
        '• Current state: &lt;script&gt;alert(1)&lt;/script&gt; &amp; **x** {{other}} `rm`',
        '• Actions taken: [Actions taken (what we\'ve done)]',
        '• Next steps: [Next steps (what we\'re doing next)]',
        '• ETA: &lt;img src=x onerror="window.__xss=1"&gt;',
        '• Next update: [Next update at]',
      ].join('\n'),
    );

    await sec.getByRole('button', { name: 'Copy message', exact: true }).click();
    await eventually(sec.getByRole('status'), /^Message copied\./);
    const plain = await clipboardText(page);
    assert.equal(plain, shown);
    assert.ok(plain.includes(hostile), 'the plain copy holds the value as typed');
    assert.match(await clipboardHtml(page), /Current state: &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; \*\*x\*\* \{\{other\}\} `rm`<\/li>/);

    assert.deepEqual(dialogs, []);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('"Copy for Slack" is offered on chat templates only', async () => {
    const ctx = await profile();
    const { page } = await open(ctx, AGENCY);
    const kinds = await page.locator('section[data-template]').evaluateAll((all) => all.map((s) => [s.dataset.template, s.dataset.kind]));
    assert.ok(kinds.some(([, kind]) => kind !== 'chat') && kinds.some(([, kind]) => kind === 'chat'));
    for (const [id, kind] of kinds) {
      const sec = await ready(page, id);
      assert.equal(await sec.getByRole('button', { name: 'Copy for Slack' }).count(), kind === 'chat' ? 1 : 0, id);
      assert.equal(await sec.getByRole('button', { name: 'Copy message', exact: true }).count(), 1, id);
    }
    await ctx.close();
  });
});

describe('drafts', () => {
  it('a draft survives a reload under its own key, the state document untouched; "Clear draft" empties it and "Undo clear draft" brings it back', async () => {
    const ctx = await profile();
    const { page, errors } = await open(ctx, AGENCY);
    let sec = await ready(page, INTERNAL);
    const key = `${DRAFT_PREFIX}practice:${INTERNAL}`;
    const stateBefore = await item(page, STATE_KEY);
    assert.equal(await item(page, key), null);
    assert.equal(await sec.getByRole('button', { name: 'Clear draft' }).isDisabled(), true, 'nothing to clear yet');
    await field(sec, CURRENT).pressSequentially('Payments slow');
    await field(sec, ETA).pressSequentially('1 h');
    await sleep(600);
    const draft = JSON.parse(await item(page, key));
    assert.deepEqual(draft.values, { current_state: 'Payments slow', eta: '1 h' });
    assert.equal(await item(page, STATE_KEY), stateBefore, 'typing never rewrites the state document');

    await page.reload();
    sec = await ready(page, INTERNAL);
    await eventually(preview(sec), /Current state: Payments slow/);
    assert.equal(await field(sec, CURRENT).inputValue(), 'Payments slow');
    assert.equal(await field(sec, ETA).inputValue(), '1 h');

    await sec.getByRole('button', { name: 'Clear draft' }).click();
    await eventually(sec.getByRole('status'), /Draft cleared/);
    assert.equal(await field(sec, CURRENT).inputValue(), '');
    assert.equal(await field(sec, ETA).inputValue(), '');
    assert.match(await preview(sec).innerText(), /Current state: \[Current state/);
    assert.equal(await item(page, key), null, 'the draft is gone from storage');
    await sec.getByRole('button', { name: 'Undo clear draft' }).click();
    await eventually(sec.getByRole('status'), /Draft restored/);
    assert.equal(await field(sec, CURRENT).inputValue(), 'Payments slow');
    assert.equal(await field(sec, ETA).inputValue(), '1 h');
    assert.deepEqual(JSON.parse(await item(page, key)).values, { current_state: 'Payments slow', eta: '1 h' });
    await sec.getByRole('button', { name: 'Clear draft' }).waitFor();
    assert.equal(await item(page, STATE_KEY), stateBefore);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});

describe('typed before the island loaded', () => {
  it(
    'values typed into the server-rendered form before hydration are kept, shown in the preview and saved as the draft',
    // Preact's hydrate() sets each control's value from the vdom ("", the default): a mount effect
    // that reads the controls afterwards finds the typed text gone.
    async () => {
      const ctx = await profile();
      // A slow connection: the filler's code arrives only once the reader has typed.
      let release;
      const arrived = new Promise((resolve) => (release = resolve));
      await ctx.route('**/_astro/TemplateFiller*.js', async (route) => {
        await arrived;
        await route.continue();
      });
      const page = await ctx.newPage();
      await page.goto(`${AGENCY}#template-agency-platform-internal-update`, { waitUntil: 'domcontentloaded' });
      const sec = section(page, INTERNAL);
      await field(sec, CURRENT).fill('Typed while the page loaded');
      await field(sec, 'Status').selectOption('Monitoring');
      assert.match(await sec.locator('.filler-scope').innerText(), /^Fill in the fields/, 'not hydrated yet');
      release();
      await eventually(sec.locator('.filler-scope'), /No active incident/);
      await page.waitForFunction((key) => localStorage.getItem(key), `${DRAFT_PREFIX}practice:${INTERNAL}`, { timeout: 1000 }).catch(() => {});
      const values = [await field(sec, CURRENT).inputValue(), await field(sec, 'Status').inputValue()];
      const text = await preview(sec).innerText();
      const draft = await item(page, `${DRAFT_PREFIX}practice:${INTERNAL}`);
      await ctx.close();
      assert.deepEqual(values, ['Typed while the page loaded', 'Monitoring']);
      assert.match(text, /^- Status: Monitoring$/m);
      assert.match(text, /^- Current state: Typed while the page loaded$/m);
      assert.deepEqual(JSON.parse(draft ?? '{}').values, { current_state: 'Typed while the page loaded', status: 'Monitoring' });
    },
  );
});

describe('prefill from the active incident', () => {
  it('agency SEV-1, 10 min in: the time, severity, title and start are filled and marked; typing overrides, emptying restores; the status page update promises the 30-min cadence', async () => {
    const ctx = await profile();
    const { page, errors } = await open(ctx, AGENCY);
    const id = await startIncident(page, { title: 'Checkout failing', severity: 'SEV-1' });
    await page.clock.setFixedTime(new Date(T0.getTime() + 10 * MIN));
    await page.goto(AGENCY);

    const update = await ready(page, INTERNAL);
    assert.equal(await update.locator('.filler-scope').innerText(), `Internal incident update #1 for ${id}: Checkout failing. The draft is kept with the incident.`);
    assert.equal(await field(update, 'Time').inputValue(), '2026-11-24T09:10');
    assert.equal(await note(update, 'Time'), 'The time now: 24 Nov 09:10 UTC');
    assert.equal(await field(update, 'Status').inputValue(), 'Investigating', 'no status sent yet: the default');
    // Started when the dialog opened (09:00 and a second or so): 9 min 59 s reads "9 min".
    assert.match(await preview(update).innerText(), new RegExp(`^\\[2026-11-24 09:10 UTC\\] Incident Update: ${id} \\(SEV-1\\)\\n- Status: Investigating\\n- Duration so far: 9 min\\n`));
    assert.equal(await note(update, 'Incident ID'), 'From the incident');
    // The draft of an incident is kept under the incident's id.
    await field(update, CURRENT).fill('Stripe webhooks failing');
    await page.waitForFunction((key) => localStorage.getItem(key), `${DRAFT_PREFIX}${id}:${INTERNAL}`);
    assert.equal(await item(page, `${DRAFT_PREFIX}practice:${INTERNAL}`), null);

    const declare = await ready(page, 'agency-platform/declare-incident');
    const description = field(declare, 'Brief description');
    assert.equal(await field(declare, 'Severity').inputValue(), 'SEV-1');
    assert.equal(await note(declare, 'Severity'), 'From the incident');
    assert.equal(await description.inputValue(), 'Checkout failing');
    assert.equal(await note(declare, 'Brief description'), 'From the incident');
    assert.match(await description.getAttribute('class'), /is-prefilled/);
    assert.equal(await note(declare, 'Timeline (start time)'), 'From the incident: 24 Nov 09:00 UTC');
    assert.match(await preview(declare).innerText(), /^@here SEV-1 Incident Declared: Checkout failing\n[\s\S]*- Timeline: 2026-11-24 09:00 UTC$/);
    await description.fill('Customers cannot pay');
    await eventually(preview(declare), /Incident Declared: Customers cannot pay/);
    assert.equal(await note(declare, 'Brief description'), 'Your own value: empty the field to use the prefilled one');
    assert.doesNotMatch((await description.getAttribute('class')) ?? '', /is-prefilled/);
    await description.fill('');
    await eventually(preview(declare), /Incident Declared: Checkout failing/);
    assert.equal(await description.inputValue(), 'Checkout failing');
    assert.equal(await note(declare, 'Brief description'), 'From the incident');

    const statusPage = await ready(page, 'agency-platform/status-page-update');
    assert.equal(await field(statusPage, 'Next update within').inputValue(), '30 min');
    assert.equal(await note(statusPage, 'Next update within'), 'From the incident');
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it(
    'Done means: 10 min into an agency SEV-1 the internal update carries the severity, id, duration and the next update 30 min ahead; two lines typed, "Copy for Slack" gives the message',
    async () => {
      const ctx = await profile({ permissions: ['clipboard-read', 'clipboard-write'] });
      const { page, errors } = await open(ctx, AGENCY);
      const id = await startIncident(page, { title: 'Checkout failing', severity: 'SEV-1' });
      const { startedAt } = (await stored(page)).incidents[id];
      await page.clock.setFixedTime(new Date(Date.parse(startedAt) + 10 * MIN));
      await page.goto(AGENCY);
      const sec = await ready(page, INTERNAL);
      assert.equal(await field(sec, 'Next update at').inputValue(), '2026-11-24T09:40');
      assert.equal(await note(sec, 'Next update at'), 'From the incident: 24 Nov 09:40 UTC');
      assert.equal(await note(sec, 'Duration so far'), 'From the incident');
      await field(sec, CURRENT).fill('Stripe webhooks failing since the 08:55 deploy\nRollback in progress');
      await sec.getByRole('button', { name: 'Copy for Slack' }).click();
      await eventually(sec.getByRole('status'), /^Copied for Slack\./);
      assert.equal(
        await clipboardText(page),
        [
          `[2026-11-24 09:10 UTC] Incident Update: ${id} (SEV-1)`,
          '• Status: Investigating',
          '• Duration so far: 10 min',
          '• Current state: Stripe webhooks failing since the 08:55 deploy',
          'Rollback in progress',
          "• Actions taken: [Actions taken (what we've done)]",
          "• Next steps: [Next steps (what we're doing next)]",
          '• ETA: [ETA (when we expect resolution)]',
          '• Next update: 2026-11-24 09:40 UTC',
        ].join('\n'),
      );
      assert.deepEqual(errors, []);
      await ctx.close();
    },
  );

  it(
    'the prefilled duration agrees with the bar\'s elapsed time',
    // "Now" floored to the minute against a start to the millisecond read "9 min" beside the bar's "10 min".
    async () => {
      const ctx = await profile();
      const { page } = await open(ctx, AGENCY);
      const id = await startIncident(page, { title: 'Checkout failing', severity: 'SEV-1' });
      const { startedAt } = (await stored(page)).incidents[id];
      await page.clock.setFixedTime(new Date(Date.parse(startedAt) + 10 * MIN + 5000));
      await page.goto(AGENCY);
      const elapsed = /Elapsed:\s*(\d+ min)/.exec(await eventually(bar(page), /Elapsed:\s*\d+ min/))[1];
      const duration = await field(await ready(page, INTERNAL), 'Duration so far').inputValue();
      await ctx.close();
      assert.equal(elapsed, '10 min', 'the bar');
      assert.equal(duration, elapsed, 'the message');
    },
  );

  it('100K P0: the SMS declaration has priority, id and title filled, and counts characters and parts, GSM-7 then UCS-2 with an emoji', async () => {
    const ctx = await profile();
    const { page, errors } = await open(ctx, HK);
    const id = await startIncident(page, { title: 'Payments down', severity: 'P0' });
    const sms = await ready(page, 'hundred-k-platform/declaration-sms');
    assert.equal(await field(sms, 'Priority').inputValue(), 'P0');
    assert.equal(await field(sms, 'Incident ID').inputValue(), id);
    assert.equal(await field(sms, 'What is happening').inputValue(), 'Payments down');
    for (const label of ['Priority', 'Incident ID', 'What is happening']) assert.equal(await note(sms, label), 'From the incident', label);
    const counter = sms.locator('.filler-count');
    // The [marker] of the empty commander: "[" and "]" are GSM-7 extension characters, two units each.
    const marked = `P0 ${id}: Payments down. Join #critical-alerts now. IC: [Incident commander]`;
    assert.equal(await preview(sms).innerText(), marked);
    assert.equal(await counter.innerText(), `${marked.length + 2} characters · 1 SMS part (GSM-7, 160 per part)`);
    await field(sms, 'Incident commander').fill('Ana 07700 900123');
    let text = `P0 ${id}: Payments down. Join #critical-alerts now. IC: Ana 07700 900123`;
    await eventually(preview(sms), /IC: Ana/);
    assert.equal(await preview(sms).innerText(), text);
    assert.equal(await counter.innerText(), `${text.length} characters · 1 SMS part (GSM-7, 160 per part)`);

    await field(sms, 'Incident commander').fill('Ana 📞 07700 900123');
    text = `P0 ${id}: Payments down. Join #critical-alerts now. IC: Ana 📞 07700 900123`;
    await eventually(counter, /UCS-2/);
    // UTF-16 code units (the emoji is two); over 70 the parts hold 67 each.
    const parts = text.length <= 70 ? 1 : Math.ceil(text.length / 67);
    assert.equal(await counter.innerText(), `${text.length} characters · ${parts} SMS ${parts === 1 ? 'part' : 'parts'} (UCS-2, ${parts === 1 ? 70 : 67} per part)`);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('customer portal P1 (reader in New York): start and "last update" times show local and UTC; no next update is invented, as the scale sets no cadence', async () => {
    const ctx = await profile({ timezoneId: 'America/New_York' });
    const { page, errors } = await open(ctx, '/customer-portal/messages/');
    const id = await startIncident(page, { title: 'WHMCS API unavailable', severity: 'P1' });
    await page.clock.setFixedTime(new Date(T0.getTime() + 10 * MIN));
    await page.goto('/customer-portal/messages/');
    const sec = await ready(page, 'customer-portal/internal-status-update');
    assert.match(await sec.locator('.filler-scope').innerText(), new RegExp(`for ${id}: WHMCS API unavailable`));
    assert.equal(await field(sec, 'Severity').inputValue(), 'P1');
    assert.equal(await note(sec, 'Started (UTC)'), 'From the incident: Tue 24 Nov 04:00 (24 Nov 09:00 UTC)');
    assert.equal(await field(sec, 'Started (UTC)').inputValue(), '2026-11-24T04:00', 'the control shows local time');
    assert.equal(await note(sec, 'Last update (UTC)'), 'The time now: Tue 24 Nov 04:10 (24 Nov 09:10 UTC)');
    const text = await preview(sec).innerText();
    assert.match(text, /^INCIDENT UPDATE - P1 - WHMCS API unavailable\n/);
    assert.match(text, /^Started: 2026-11-24 09:00 UTC$/m);
    assert.match(text, /^Last Update: 2026-11-24 09:10 UTC$/m);
    // content/scales/customer-portal.yaml gives P1 no `updates:` cadence ("internal status updates
    // state their own Next Update time"): the reader picks it.
    assert.match(text, /^Next Update: \[Next update\]$/m);
    assert.equal(await note(sec, 'Next update'), 'Local time; the message says UTC.');
    await field(sec, 'Next update').fill('2026-11-24T05:00');
    await eventually(preview(sec), /^Next Update: 2026-11-24 10:00 UTC$/m);
    assert.equal(await note(sec, 'Next update'), 'Tue 24 Nov 05:00 (24 Nov 10:00 UTC)');
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});

describe('mark as sent', () => {
  it('records "Sent: Internal incident update #1" in the timeline, restarts the update clock, counts up to #2, and the export holds both texts', async () => {
    const ctx = await profile({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, errors } = await open(ctx, AGENCY);
    const id = await startIncident(page, { title: 'Checkout failing', severity: 'SEV-1' });
    const { startedAt } = (await stored(page)).incidents[id];
    await page.clock.setFixedTime(new Date(Date.parse(startedAt) + 25 * MIN));
    await eventually(bar(page), /Next update in 5 min/);
    const sec = await ready(page, INTERNAL);
    const mark = sec.getByRole('button', { name: 'Mark as sent' });
    await field(sec, 'Status').selectOption('Identified');
    await field(sec, CURRENT).fill('Rolled back <deploy> & watching');
    await eventually(preview(sec), /Rolled back/);
    const first = await preview(sec).innerText();
    await sec.getByRole('button', { name: 'Copy for Slack' }).click();
    await eventually(sec.getByRole('status'), /Copied for Slack\. Mark it as sent once it has gone out\./);
    await mark.click();
    await eventually(sec.getByRole('status'), new RegExp(`^Internal incident update #1 sent at 09:25 UTC: recorded in the timeline of ${id}; the update clock starts again\\.$`));
    assert.equal(await sec.getByRole('button', { name: 'Marked as sent' }).isDisabled(), true, 'the same text is not recorded twice');
    await eventually(bar(page), /Next update in 30 min/);
    assert.match(await sec.locator('.filler-scope').innerText(), /^Internal incident update #2 for /);
    // The next messages take the status this one gave.
    const declare = await ready(page, 'agency-platform/declare-incident');
    assert.equal(await field(declare, 'Status').inputValue(), 'Identified');
    assert.equal(await note(declare, 'Status'), 'From the incident');
    const timeline = await openPanel(page);
    assert.match(await timeline.innerText(), /09:25 UTC Sent: Internal incident update #1 \(Slack #incidents\)/);
    await bar(page).getByRole('button', { name: 'Less' }).click();

    await page.clock.setFixedTime(new Date(Date.parse(startedAt) + 40 * MIN));
    // The time field follows the clock (it ticks each second): the next message says 09:40.
    await page.waitForFunction((input) => input.value === '2026-11-24T09:40', await field(sec, 'Time').elementHandle());
    await field(sec, CURRENT).fill('Error rate back to normal');
    await eventually(preview(sec), /back to normal/);
    const second = await preview(sec).innerText();
    await mark.click();
    await eventually(sec.getByRole('status'), /^Internal incident update #2 sent at 09:40 UTC/);
    await eventually(bar(page), /Next update in 30 min/);
    const sent = (await stored(page)).incidents[id].timeline.filter((entry) => entry.kind === 'message-sent');
    assert.deepEqual(sent.map((entry) => [entry.title, entry.template, entry.status, entry.text]), [
      ['Internal incident update #1', INTERNAL, 'Identified', first],
      ['Internal incident update #2', INTERNAL, 'Identified', second],
    ]);

    await bar(page).getByRole('button', { name: 'Export as Markdown' }).click();
    const markdown = await page.getByRole('dialog', { name: `Export ${id} as Markdown` }).getByRole('textbox').inputValue();
    const messages = markdown.slice(markdown.indexOf('## Messages sent'));
    assert.ok(markdown.includes('## Messages sent'), markdown);
    assert.match(messages, /### 2026-11-24 09:25 UTC: Internal incident update \\?#1\n\nTemplate: agency-platform\/internal-update {2}\nChannel: Slack #incidents {2}\nAudience: internal {2}\nStatus: Identified\n\n```+\w*\n/);
    assert.match(messages, /### 2026-11-24 09:40 UTC: Internal incident update \\?#2\n/);
    assert.ok(messages.includes(`\n${first}\n`), 'the first message, word for word');
    assert.ok(messages.includes(`\n${second}\n`), 'the second message, word for word');
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it('without an incident "Mark as sent" is disabled and says why', async () => {
    const ctx = await profile();
    const { page } = await open(ctx, AGENCY);
    const sec = await ready(page, INTERNAL);
    const mark = sec.getByRole('button', { name: 'Mark as sent' });
    assert.equal(await mark.isDisabled(), true);
    assert.equal(await mark.getAttribute('title'), 'Start an incident to record what is sent');
    await ctx.close();
  });
});

describe('JavaScript off', () => {
  it('each template shows its text with [Field] markers in the preview; the form and buttons are hidden', async () => {
    const ctx = await h.context({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(AGENCY);
    const sections = page.locator('section[data-template]');
    assert.equal(await sections.count(), 5);
    for (let i = 0; i < 5; i++) {
      const sec = sections.nth(i);
      assert.ok(await preview(sec).isVisible(), `preview of ${await sec.getAttribute('data-template')}`);
      assert.match(await preview(sec).innerText(), /\[[^\]]+\]/, 'a [marker] for a missing value');
      assert.equal(await sec.locator('.filler-form').isVisible(), false, 'the form is hidden');
      assert.equal(await sec.getByRole('button', { name: 'Copy message', exact: true }).isVisible(), false);
    }
    assert.equal(
      await preview(section(page, INTERNAL)).innerText(),
      [
        '[[Time]] Incident Update: [Incident ID] ([Severity])',
        '- Status: Investigating',
        '- Duration so far: [Duration so far]',
        `- Current state: [${CURRENT}]`,
        `- Actions taken: [${ACTIONS}]`,
        `- Next steps: [${NEXT}]`,
        `- ETA: [${ETA}]`,
        '- Next update: [Next update at]',
      ].join('\n'),
    );
    await ctx.close();
  });
});

describe('accessible and steady', () => {
  for (const [width, viewport] of [['390 px', PHONE], ['1280 px', DESKTOP]]) {
    it(`axe-clean at ${width}: both Messages pages, light and dark, with and without an active incident`, async () => {
      const ctx = await profile({ viewport, hasTouch: viewport === PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      const failures = [];
      const { items } = await seededStorage();
      await page.goto(AGENCY);
      for (const incident of [false, true]) {
        if (incident) await page.evaluate((items) => Object.entries(items).forEach(([key, value]) => localStorage.setItem(key, value)), items);
        // The page loads in the reader's stored theme (light without the incident, dark with it), then
        // switches to the other as Starlight's theme picker does: both themes on the same hydrated page.
        const stored = incident ? 'dark' : 'light';
        for (const path of [AGENCY, HK]) {
          await page.evaluate((theme) => localStorage.setItem('starlight-theme', theme), stored);
          await page.goto(path);
          assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), stored);
          if (incident) await bar(page).waitFor();
          await scrollThrough(page);
          // A status line with a warning shown too.
          await section(page, path === AGENCY ? INTERNAL : 'hundred-k-platform/declaration-sms').getByRole('button', { name: 'Copy message', exact: true }).click();
          for (const theme of [stored, stored === 'light' ? 'dark' : 'light']) {
            await page.evaluate((theme) => {
              localStorage.setItem('starlight-theme', theme);
              document.documentElement.dataset.theme = theme;
            }, theme);
            for (const v of await axe(page)) failures.push(`${path}, ${theme}, ${incident ? 'incident' : 'no incident'}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`);
          }
        }
      }
      assert.deepEqual(failures, []);
      assert.deepEqual(errors, []);
      await ctx.close();
    });
  }

  /** A profile with the seeded incident and draft, a fixed clock (the bar's elapsed time is not this test's) and the shifts recorded. */
  async function steadyProfile() {
    const ctx = await profile();
    const id = await seed(ctx);
    await watchLayoutShift(ctx);
    // What moved, for the failure message.
    await ctx.addInitScript(() => {
      window.__moved = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          for (const source of entry.sources) {
            const node = source.node?.nodeType === 1 ? source.node : source.node?.parentElement;
            const rect = (r) => `${r.x},${r.y} ${r.width}x${r.height}`;
            window.__moved.push(`${node ? `${node.tagName.toLowerCase()}#${node.id}.${[...node.classList].join('.')}` : '(inside a control)'} ${rect(source.previousRect)} -> ${rect(source.currentRect)} (${entry.value.toFixed(5)})`);
          }
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await ctx.newPage();
    await page.clock.setFixedTime(new Date(T0.getTime() + 12 * MIN));
    return { ctx, id, page };
  }

  // What moved before (each measured alone): the 4 px inline-start border of a prefilled control
  // (1 px before) moving its text 3 px; a datetime-local's inner editor growing when its value
  // arrived; preview text after a value on the same line when the value's length changed.

  it('no layout shift: landing on a template by its anchor (as from a scenario page) with an active incident', async () => {
    const { ctx, id, page } = await steadyProfile();
    await page.goto(`${AGENCY}#template-agency-platform-declare-incident`, { waitUntil: 'networkidle' });
    await eventually(bar(page), new RegExp(id));
    const sec = await ready(page, 'agency-platform/declare-incident');
    await eventually(preview(sec), /SEV-1 Incident Declared: Checkout failing/);
    await page.waitForTimeout(300);
    const moved = await page.evaluate(() => window.__moved);
    const shift = await layoutShift(page);
    await ctx.close();
    assert.equal(shift, 0, moved.join('\n'));
  });

  it('no layout shift: /agency-platform/messages/ with an active incident and a saved draft, scrolled to each template in turn', async () => {
    const { ctx, id, page } = await steadyProfile();
    await page.goto(AGENCY, { waitUntil: 'networkidle' });
    await eventually(bar(page), new RegExp(id));
    // Each template brought to the top of the screen (as "On this page" does; by script, not a click,
    // so the shifts are not excused as following input), and left there until it has mounted. Small
    // steps would let most islands hydrate while still below the fold, where a shift is not seen.
    for (const template of await page.locator('section[data-template]').evaluateAll((all) => all.map((s) => s.dataset.template))) {
      await section(page, template).evaluate((s) => s.scrollIntoView({ block: 'start' }));
      await eventually(section(page, template).locator('.filler-scope'), /for INC-/);
      await sleep(100);
    }
    const sec = section(page, INTERNAL);
    assert.equal(await field(sec, CURRENT).inputValue(), 'Checkout errors at 5%', 'the draft was applied');
    await page.waitForTimeout(300);
    const moved = await page.evaluate(() => window.__moved);
    const shift = await layoutShift(page);
    await ctx.close();
    assert.equal(shift, 0, moved.join('\n'));
  });
});

describe('found from the runbooks', () => {
  /** Each handbook's declare and internal-update templates, from their frontmatter. */
  async function templatesByPurpose() {
    const found = {};
    const dir = new URL('templates/', CONTENT);
    for (const handbook of await readdir(dir)) {
      for (const file of await readdir(new URL(`${handbook}/`, dir))) {
        const purpose = /^purpose:\s*(\S+)/m.exec(await readFile(new URL(`${handbook}/${file}`, dir), 'utf8'))?.[1];
        (found[handbook] ??= {})[purpose] ??= [];
        found[handbook][purpose].push(`${handbook}/${file.replace(/\.md$/, '')}`);
      }
    }
    return found;
  }

  it('every scenario page links to its handbook\'s declare and internal-update templates; the links land on the template headings', async () => {
    const purposes = await templatesByPurpose();
    const ctx = await profile({ time: null });
    const missing = [];
    const docs = new URL('docs/', CONTENT);
    for (const handbook of Object.keys(purposes)) {
      // The customer portal's source has no declaration message: its update is linked alone.
      const wanted = [...(purposes[handbook].declare ?? []), ...(purposes[handbook]['internal-update'] ?? [])];
      assert.ok(purposes[handbook]['internal-update']?.length, `${handbook} has an internal update template`);
      for (const file of await readdir(new URL(`${handbook}/scenarios/`, docs))) {
        const path = `/${handbook}/scenarios/${file.replace(/\.mdx?$/, '')}/`;
        const html = await (await ctx.request.get(path)).text();
        for (const id of wanted) {
          if (!html.includes(`href="/${handbook}/messages/#template-${id.replace('/', '-')}"`)) missing.push(`${path} -> ${id}`);
        }
      }
    }
    assert.deepEqual(missing, []);

    const page = await ctx.newPage();
    for (const name of [/^Declare incident/, /^Internal incident update/]) {
      await page.goto('/agency-platform/scenarios/application-down/');
      await page.locator('main').getByRole('link', { name }).click();
      await page.waitForURL(/\/agency-platform\/messages\/#template-/);
      const hash = decodeURIComponent(new URL(page.url()).hash.slice(1));
      const heading = page.locator(`[id="${hash}"]`);
      assert.match(await heading.evaluate((el) => el.tagName), /^H[2-4]$/);
      assert.match(await heading.innerText(), name);
      await page.waitForFunction((id) => {
        const top = document.getElementById(id).getBoundingClientRect().top;
        const header = document.querySelector('header').getBoundingClientRect().bottom;
        return top >= header - 1 && top < innerHeight / 2;
      }, hash);
    }
    await ctx.close();
  });

  it('"On this page" lists every template of the Messages page', async () => {
    const ctx = await profile({ time: null });
    const page = await ctx.newPage();
    const unlisted = [];
    for (const handbook of ['agency-platform', 'customer-portal', 'foundation-platform', 'hundred-k-platform', 'manufacturing-platform']) {
      await page.goto(`/${handbook}/messages/`);
      const headings = await page.locator('section[data-template]').evaluateAll((all) => all.map((s) => s.getAttribute('aria-labelledby')));
      const files = (await readdir(new URL(`templates/${handbook}/`, CONTENT))).length;
      assert.equal(headings.length, files, `${handbook}: every template is on its Messages page`);
      const toc = await page.locator('starlight-toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      for (const id of headings) if (!toc.includes(`#${id}`)) unlisted.push(`${handbook}: #${id}`);
    }
    assert.deepEqual(unlisted, []);
    await ctx.close();
  });
});
