/**
 * The responder's page, content side: Markdown from YAML renders (no raw backticks), each fact shows
 * once, provenance is a quiet "site guidance" tag, level badges say "id · name" and lead to their own
 * handbook's scale, contacts call and mail, placeholders look like placeholders, and paper is light
 * whatever the theme. At phone (390 px) and desktop (1280 px) widths; axe-clean in both themes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, buildFixtureSite, contextServing, start, watchErrors } from './harness.mjs';

const WIDTHS = [390, 1280];

let h;
before(async () => {
  h = await start();
});
after(async () => {
  await h.close();
});

/** A page at the given width (phone-like below 500 px). */
async function pageAt(width, options = {}) {
  const context = await h.context({ viewport: { width, height: width < 500 ? 844 : 800 }, isMobile: width < 500, hasTouch: width < 500, ...options });
  const page = await context.newPage();
  return { page, context, errors: watchErrors(page) };
}

/** Backtick pairs in the page's visible text outside code, pre, script and style. */
function rawBackticks(page) {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('code, pre, script, style, template') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let text = '';
    while (walker.nextNode()) text += walker.currentNode.nodeValue;
    return text.match(/`[^`]+`/g) ?? [];
  });
}

async function axeBothThemes(page) {
  const found = [];
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    for (const v of await axe(page)) found.push(`${theme}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`);
  }
  return found;
}

for (const width of WIDTHS) {
  describe(`at ${width} px`, () => {
    it('renders Markdown from YAML: commands in drills and scales are code, no raw backticks', async () => {
      const { page, context, errors } = await pageAt(width);
      await page.goto('/agency-platform/onboarding/drills/');
      const curl = page.locator('.drill code', { hasText: 'curl -I https://agency-platform.com/' });
      assert.equal(await curl.count(), 1, 'the curl command is a code element');
      assert.equal(await curl.innerText(), 'curl -I https://agency-platform.com/');
      assert.ok(await curl.isVisible());
      assert.deepEqual(await rawBackticks(page), []);
      assert.deepEqual(await axeBothThemes(page), []);

      for (const path of ['/manufacturing-platform/severity/', '/manufacturing-platform/process/communication/']) {
        await page.goto(path);
        const codes = page.locator('code', { hasText: '/incident create [title]' });
        assert.ok((await codes.count()) >= 1, `${path}: /incident create [title] is code`);
        assert.equal(await codes.first().innerText(), '/incident create [title]');
        assert.deepEqual(await rawBackticks(page), [], path);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });

    it('shows each fact of the 100K severity page once: one levels table, each alert threshold once', async () => {
      const { page, context } = await pageAt(width);
      await page.goto('/hundred-k-platform/severity/');
      const counts = await page.evaluate(() => {
        const cells = [...document.querySelectorAll('main table th, main table td')].map((c) => c.textContent.trim().replace(/\s+/g, ' '));
        const count = (text) => cells.filter((c) => c === text).length;
        // The alert thresholds are the classifier's metrics (one labelled box each), no longer a table.
        const metricLabels = [...document.querySelectorAll('main .classifier-metric label')].map((l) => l.textContent.trim());
        return {
          summaries: document.querySelectorAll('main table.scale-summary').length,
          thresholdTables: document.querySelectorAll('main table.scale-thresholds').length,
          definition: count('Complete service outage affecting all users'),
          metrics: ['Response time', 'Error rate', 'CPU usage', 'Memory usage', 'Database connections', 'Payment success rate',
            'User registration failures', 'Message delivery failures', 'Search functionality errors'].map((m) => [m, count(m) + metricLabels.filter((l) => l === m).length]),
        };
      });
      assert.equal(counts.summaries, 1, 'one table of the four levels');
      assert.equal(counts.thresholdTables, 0, 'the thresholds are in the classifier, not repeated in a table');
      assert.equal(counts.definition, 1, 'the P0 definition is in one table cell');
      for (const [metric, n] of counts.metrics) assert.equal(n, 1, `${metric} shows once`);
      assert.deepEqual(await axeBothThemes(page), []);
      await context.close();
    });

    it('shows a contacts table once per page, placeholders marked by their text', async () => {
      const { page, context } = await pageAt(width);
      for (const path of ['/customer-portal/reference/contacts/', '/manufacturing-platform/reference/contacts/', '/foundation-platform/reference/on-call-escalation/', '/hundred-k-platform/reference/escalation-contacts/', '/agency-platform/reference/contacts-escalation/']) {
        await page.goto(path);
        const roles = await page.evaluate(() => [...document.querySelectorAll('main table tbody th[scope="row"], main table tbody tr > :first-child')]
          .map((c) => c.textContent.trim()).filter(Boolean));
        const repeated = roles.filter((r, i) => roles.indexOf(r) !== i && !/^(L\d|Level \d)/.test(r));
        assert.deepEqual([...new Set(repeated)], [], `${path}: no role listed in two tables`);
      }
      await page.goto('/manufacturing-platform/reference/contacts/');
      const marks = await page.locator('table.contacts mark.placeholder').allInnerTexts();
      assert.ok(marks.includes('[Phone]') && marks.includes('[Email]') && marks.includes('To be filled in'), marks.join(', '));
      // Text, not colour alone: the brackets stay; and the slack handle is not taken for anything else.
      assert.equal(await page.locator('table.contacts a[href^="tel:"], table.contacts a[href^="mailto:"]').count(), 0, 'no number or address in this handbook');
      assert.deepEqual(await axeBothThemes(page), []);
      await page.goto('/hundred-k-platform/reference/vendor-contacts/');
      assert.equal(await page.locator('main table mark.placeholder', { hasText: 'To be filled in' }).count(), 3);
      await context.close();
    });

    it('says provenance quietly: a "site guidance" tag that names itself and leads to About the source', async () => {
      const { page, context } = await pageAt(width);
      await page.goto('/hundred-k-platform/scenarios/payment-system-down/');
      const notes = page.locator('main a.site-note');
      assert.ok((await notes.count()) >= 2);
      const note = notes.first();
      assert.equal(await note.innerText(), 'site guidance');
      assert.equal(await note.getAttribute('aria-label'), 'Site guidance, not from the source handbook');
      assert.equal(await note.getAttribute('data-pagefind-ignore'), '');
      assert.equal(await note.getAttribute('href'), '/hundred-k-platform/#about-the-source');
      assert.doesNotMatch(await page.locator('main').innerText(), /not part of the source handbook|not in the source/i);
      assert.deepEqual(await axeBothThemes(page), []);
      await note.click();
      await page.waitForURL('**/hundred-k-platform/#about-the-source');
      assert.match(await page.locator('#about-the-source').innerText(), /About the source/);
      await context.close();
    });

    it('level badges read "id · name" and lead to that level on their own handbook\'s scale', async () => {
      const { page, context } = await pageAt(width);
      // The same id means different things: P1 is "Major service impaired" in one handbook, "Critical" in another.
      const expected = [
        ['/hundred-k-platform/reference/monitoring-alerts/', '.scale-thresholds .level-badge[data-level="P1"]', 'P1 · Major service impaired', '/hundred-k-platform/severity/#level-p1'],
        ['/customer-portal/process/communication/', '.template-fields .level-badge[data-level="P1"], .level-badge[data-level="P1"]', 'P1 · Critical', '/customer-portal/severity/#level-p1'],
        ['/agency-platform/onboarding/drills/', '.drill details .level-badge', null, /^\/agency-platform\/severity\/#level-sev-\d$/],
        ['/agency-platform/process/declare-incident/', '.template-fields .level-badge', 'SEV-2 · Major feature broken', '/agency-platform/severity/#level-sev-2'],
      ];
      for (const [path, selector, text, href] of expected) {
        await page.goto(path);
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const badge = page.locator(selector).first();
        const shown = await badge.innerText();
        if (text) assert.equal(shown, text, path);
        else assert.match(shown, /^SEV-\d · \S/, path);
        const target = await badge.getAttribute('href');
        if (typeof href === 'string') assert.equal(target, href, path);
        else assert.match(target, href, path);
      }
      // Every badge on these pages has its name.
      for (const path of ['/hundred-k-platform/severity/', '/manufacturing-platform/onboarding/drills/', '/foundation-platform/process/communication/']) {
        await page.goto(path);
        const texts = await page.locator('.level-badge').evaluateAll((els) => els.map((e) => e.textContent));
        assert.ok(texts.length > 0, path);
        for (const t of texts) assert.match(t, /^\S+ · \S/, `${path}: ${t}`);
      }
      await context.close();
      // Following a badge lands on the level's section of its own scale. (A drill's answer, with its
      // badge, is a disclosure when JavaScript is off; with it on, the drill is a quiz.)
      const noScript = await pageAt(width, { javaScriptEnabled: false });
      await noScript.page.goto('/customer-portal/onboarding/drills/');
      await noScript.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await noScript.page.locator('.drill .level-badge[data-level="P2"]').first().click();
      await noScript.page.waitForURL('**/customer-portal/severity/#level-p2');
      assert.match(await noScript.page.locator('#level-p2 h3').innerText(), /P2\s+High/);
      await noScript.context.close();
    });

    it('prints light in a dark theme: readable code, dark badges, templates as text with their fields, no chrome', async () => {
      const { page, context } = await pageAt(width, { colorScheme: 'dark' });
      await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
      for (const path of ['/hundred-k-platform/messages/', '/hundred-k-platform/scenarios/payment-delays/']) {
        await page.goto(path);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
        await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
        const colours = await page.evaluate(() => {
          const rgb = (s) => s.match(/[\d.]+/g).slice(0, 3).map(Number);
          const lum = ([r, g, b]) => {
            const c = [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
            return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
          };
          const contrast = (a, b) => { const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
          const pre = document.querySelector('.expressive-code pre') ?? document.querySelector('.filler-preview');
          const tokens = [...document.querySelectorAll('.expressive-code .ec-line .code span, .filler-text')].slice(0, 40);
          const bg = getComputedStyle(pre).backgroundColor === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : getComputedStyle(pre).backgroundColor;
          const badge = document.querySelector('.level-badge');
          return {
            code: Math.min(...tokens.map((t) => contrast(getComputedStyle(t).color, bg))),
            codeBgLum: lum(rgb(bg)),
            badge: badge && contrast(getComputedStyle(badge).color, 'rgb(255, 255, 255)'),
            badgeLum: badge && lum(rgb(getComputedStyle(badge).color)),
          };
        });
        assert.ok(colours.code >= 4.5, `${path}: code text contrast ${colours.code.toFixed(2)} on paper`);
        assert.ok(colours.codeBgLum > 0.8, `${path}: code background is light`);
        if (colours.badge !== null) {
          assert.ok(colours.badge >= 7 && colours.badgeLum < 0.1, `${path}: badge is dark on light (${colours.badge.toFixed(2)})`);
        }
        assert.equal(await page.locator('header').first().isVisible(), false, 'no header on paper');
        assert.equal(await page.locator('nav[aria-label="Main"]').isVisible().catch(() => false), false, 'no sidebar on paper');
        if (path.endsWith('messages/')) {
          const fields = page.locator('details.template-fields table').first();
          assert.equal(await fields.evaluate((t) => t.checkVisibility()), true, 'the fields table prints expanded');
          assert.equal(await page.locator('.filler-preview').first().isVisible(), true, 'the message prints');
          assert.equal(await page.locator('.filler-form').first().isVisible(), false, 'the form and its buttons do not');
          assert.equal(await page.locator('.filler-actions').first().isVisible(), false);
          const pdf = await page.pdf({ format: 'A4' });
          assert.ok(pdf.length > 10_000, 'a PDF is produced');
        }
        await page.emulateMedia({ media: 'screen' });
      }
      await context.close();
    });
  });
}

/**
 * Phone numbers and e-mail addresses become tel: and mailto: links. The example handbooks have
 * none (their sources ship placeholders), so this builds the test fixture with a contact that has
 * both, and serves it to the browser from memory.
 */
describe('contacts with real numbers and addresses (fixture build)', () => {
  const ORIGIN = 'http://fixture.test';
  let dist;
  let work;
  before(() => {
    ({ work, dist } = buildFixtureSite('handbook-contacts-', (content) => {
      const handbook = join(content, 'handbooks/demo.yaml');
      writeFileSync(handbook, `${readFileSync(handbook, 'utf8').trimEnd()}
  - role: Incident commander
    name: Alex Example
    reach: "+44 20 7946 0000 or *oncall@example.com*"
    backup: "(555) 123-4567, not after 2024-01-20"
    notes: "<b>Raw HTML</b> stays text; [bad](javascript:alert(1)) stays text"
`);
    }));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  for (const width of WIDTHS) {
    it(`links numbers and addresses, marks placeholders, escapes HTML at ${width} px`, async () => {
      const context = await contextServing(h.browser, ORIGIN, dist, { viewport: { width, height: 800 } });
      const page = await context.newPage();
      let dialogs = 0;
      page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
      await page.goto(`${ORIGIN}/demo/`);
      const table = page.locator('table.contacts');
      const tel = table.locator('a[href^="tel:"]');
      assert.deepEqual(await tel.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])), [
        ['+44 20 7946 0000', 'tel:+442079460000'],
        ['(555) 123-4567', 'tel:5551234567'],
      ]);
      const mail = table.locator('em a[href^="mailto:"]');
      assert.equal(await mail.getAttribute('href'), 'mailto:oncall@example.com');
      assert.equal(await table.locator('mark.placeholder', { hasText: '[Phone]' }).count(), 1);
      const notes = table.locator('tr', { hasText: 'Incident commander' }).locator('td').last();
      assert.equal(await notes.locator('b, a').count(), 0, 'no HTML element and no javascript: link from YAML');
      assert.match(await notes.innerText(), /<b>Raw HTML<\/b> stays text; \[bad\]\(javascript:alert\(1\)\) stays text/);
      assert.equal(dialogs, 0);
      await context.close();
    });
  }
});
