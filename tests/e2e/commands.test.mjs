/**
 * Copying a command copies that command: every command of a shell block has its own copy button,
 * commands that change a system are marked before anyone copies, relative API paths carry a
 * `$API_URL` placeholder. At phone width with a touch screen (390 px) and desktop width (1280 px).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axe, start, watchErrors } from './harness.mjs';

const PAYMENT = '/hundred-k-platform/scenarios/payment-system-down/';
const FOUNDATION = '/foundation-platform/reference/useful-commands/';
const PAYMENT_COMMANDS = [
  'curl -X GET "$API_URL/api/health/payment"',
  'docker restart payment-service',
  'curl -X GET https://api.stripe.com/v1/webhook_endpoints',
  'curl -X POST "$API_URL/api/payment/circuit-breaker/reset"',
  'curl -X POST "$API_URL/api/payment/test-transaction"',
];
const WIDTHS = {
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  desktop: { viewport: { width: 1280, height: 800 } },
};

let h;
before(async () => {
  h = await start();
});
after(async () => {
  await h.close();
});

async function open(device, path = PAYMENT, options = {}) {
  const context = await h.context({ ...WIDTHS[device], permissions: ['clipboard-read', 'clipboard-write'], ...options });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(path);
  return { context, page, errors };
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());
/** Something else on the clipboard first, so a copy that did nothing cannot pass. */
const resetClipboard = (page) => page.evaluate(() => navigator.clipboard.writeText('(nothing copied)'));
const paymentBlock = (page) => page.locator('figure.cmd-block').filter({ hasText: 'docker restart payment-service' });

for (const device of Object.keys(WIDTHS)) {
  describe(`commands on the payment-system-down page, ${device}`, () => {
    it('gives every command its own button, named for the command, and copies exactly that command', async () => {
      const { context, page, errors } = await open(device);
      const block = paymentBlock(page);
      const buttons = block.getByRole('button', { name: /^Copy command: / });
      assert.equal(await buttons.count(), 5, 'one button per command, none for comments or blank lines');
      for (const [i, command] of PAYMENT_COMMANDS.entries()) {
        const button = buttons.nth(i);
        assert.match(await button.getAttribute('aria-label'), new RegExp(`^Copy command: ${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        await resetClipboard(page);
        await button.click();
        assert.equal(await clipboard(page), command, `button ${i + 1} copies its command, nothing else`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });

    it('marks the restart and the circuit-breaker reset as changing the system, visibly and in words', async () => {
      const { context, page } = await open(device);
      const block = paymentBlock(page);
      const marked = block.locator('.ec-line.cmd-changes .code');
      assert.deepEqual(await marked.allInnerTexts(), [PAYMENT_COMMANDS[1], PAYMENT_COMMANDS[3], PAYMENT_COMMANDS[4]]);
      // The mark is text in the page (not colour alone) and on screen before anything is copied.
      const marks = block.locator('.cmd-mark');
      assert.equal(await marks.count(), 3);
      for (const mark of await marks.all()) {
        assert.ok(await mark.isVisible());
        assert.match(await mark.textContent(), /⚠\s*changes the system:/);
      }
      if (device === 'desktop') assert.equal(await block.locator('.cmd-mark-text').first().isVisible(), true, 'the word "changes" shows beside the command');
      const summary = block.locator('.cmd-summary');
      assert.match(await summary.innerText(), /3 of 5 commands here change the system: docker restart, POST …\/circuit-breaker\/reset, POST …\/payment\/test-transaction/);
      // Screen readers hear it on the buttons too, and the reads are not marked.
      for (const name of ['Copy command: docker restart payment-service (changes the system)', 'Copy command: curl -X POST "$API_URL/api/payment/circuit-breaker/reset" (changes the system)']) {
        assert.equal(await block.getByRole('button', { name, exact: true }).count(), 1, name);
      }
      assert.equal(await block.getByRole('button', { name: 'Copy command: curl -X GET "$API_URL/api/health/payment"', exact: true }).count(), 1);
      // After a copy, the live region says what was copied.
      await block.getByRole('button', { name: /docker restart payment-service/ }).click();
      await page.waitForFunction(() => document.querySelector('figure.cmd-block .cmd-status')?.textContent === 'Copied: docker restart payment-service');
      assert.equal(await block.locator('.cmd-status').getAttribute('aria-live'), 'polite');
      await context.close();
    });

    it('still copies the whole block, and says what it copies', async () => {
      const { context, page } = await open(device);
      const block = paymentBlock(page);
      const all = block.getByRole('button', { name: 'Copy all 5 commands, 3 change the system', exact: true });
      assert.equal(await all.count(), 1);
      assert.ok(await all.isVisible());
      await resetClipboard(page);
      await all.click();
      assert.equal(await clipboard(page), PAYMENT_COMMANDS.join('\n'), 'the commands, one per line, without comments');
      await context.close();
    });

    it('shows every copy control without hovering, with a hit area of 44 px on touch and 24 px with a mouse', async () => {
      const { context, page } = await open(device);
      if (device === 'desktop') await page.mouse.move(5, 5);
      const block = paymentBlock(page);
      await block.scrollIntoViewIfNeeded();
      const controls = block.locator('button');
      assert.equal(await controls.count(), 6);
      for (const button of await controls.all()) {
        const style = await button.evaluate((el) => {
          let opacity = 1;
          for (let node = el; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
          const { width, height } = el.getBoundingClientRect();
          return { opacity, visibility: getComputedStyle(el).visibility, display: getComputedStyle(el).display, width, height, name: el.getAttribute('aria-label') };
        });
        assert.ok(style.opacity >= 0.8, `${style.name}: opacity ${style.opacity}`);
        assert.equal(style.visibility, 'visible', style.name);
        assert.notEqual(style.display, 'none', style.name);
        const min = device === 'phone' ? 44 : 24;
        assert.ok(style.width >= min && style.height >= min, `${style.name}: ${style.width}x${style.height}, expected at least ${min}`);
      }
      await context.close();
    });

    it('shows the relative API path with its $API_URL placeholder and a note on what it stands for', async () => {
      const { context, page } = await open(device);
      const block = paymentBlock(page);
      const placeholders = block.locator('pre var.cmd-placeholder');
      assert.equal(await placeholders.count(), 3);
      assert.deepEqual(await placeholders.allInnerTexts(), ['$API_URL', '$API_URL', '$API_URL']);
      assert.ok(await placeholders.first().isVisible());
      const line = await block.locator('.ec-line:has(var.cmd-placeholder) .code').first().innerText();
      assert.equal(line, 'curl -X GET "$API_URL/api/health/payment"');
      const note = block.locator('.cmd-api-note');
      assert.ok(await note.isVisible());
      assert.match(await note.innerText(), /relative to the platform’s own API\. \$API_URL stands for its base URL: set it once per terminal, for example export API_URL=https:\/\/api\.example\.com/);
      // The absolute Stripe URL is left alone.
      assert.equal(await block.locator('.ec-line', { hasText: 'api.stripe.com' }).locator('var').count(), 0);
      await context.close();
    });

    it('reaches each button with Tab in reading order, and Enter copies', async () => {
      const { context, page } = await open(device);
      const block = paymentBlock(page);
      const first = block.getByRole('button', { name: /^Copy command: / }).first();
      // Start from the paragraph before the block, then Tab as a keyboard user would.
      await page.locator('p', { hasText: 'The API paths are relative' }).click({ position: { x: 2, y: 2 } }).catch(() => page.locator('h2#recovery-commands').click());
      const reached = [];
      for (let i = 0; i < 12 && reached.length < 6; i++) {
        await page.keyboard.press('Tab');
        // A block that scrolls sideways is focusable itself (so the keyboard can scroll it): skip it.
        const name = await page.evaluate(() => {
          const el = document.activeElement;
          return el?.tagName === 'BUTTON' && el.closest('figure.cmd-block') ? el.getAttribute('aria-label') : null;
        });
        if (name) reached.push(name);
      }
      assert.deepEqual(reached.slice(0, 5).map((n) => n.replace(/^Copy command: | \(changes the system\)$/g, '')), PAYMENT_COMMANDS);
      assert.equal(reached[5], 'Copy all 5 commands, 3 change the system');
      // Landmark navigation names the block with its counts too.
      assert.equal(await block.locator('pre').getAttribute('aria-label'), 'bash code, block 1 of 1: 5 commands, 3 change the system');
      const focusRing = await first.evaluate((el) => {
        el.focus();
        return getComputedStyle(el).outlineStyle;
      });
      assert.notEqual(focusRing, 'none', 'a visible focus ring');
      await block.getByRole('button', { name: /docker restart/ }).focus();
      await resetClipboard(page);
      await page.keyboard.press('Enter');
      await page.waitForFunction(async () => (await navigator.clipboard.readText()) === 'docker restart payment-service');
      await context.close();
    });

    for (const theme of ['light', 'dark']) {
      it(`passes axe-core, ${theme}`, async () => {
        const { context, page, errors } = await open(device, PAYMENT, { colorScheme: theme });
        await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
        assert.deepEqual(await axe(page), []);
        // Also with a "Copied" showing.
        await paymentBlock(page).getByRole('button', { name: /docker restart/ }).click();
        assert.deepEqual(await axe(page), []);
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  });
}

describe('commands elsewhere', () => {
  it('copies a long foundation command whole, and flags its reset, flush and delete commands', async () => {
    const { context, page } = await open('desktop', FOUNDATION);
    const terminate = page.getByRole('button', { name: /^Copy command: docker compose exec postgres psql -U clicky -c "SELECT pg_terminate_backend/ });
    assert.equal(await terminate.count(), 1);
    assert.match(await terminate.getAttribute('aria-label'), /… \(changes the system\)$/, 'a long name is shortened, the mark is kept');
    await resetClipboard(page);
    await terminate.click();
    assert.equal(await clipboard(page), `docker compose exec postgres psql -U clicky -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'active' AND query_start < NOW() - INTERVAL '5 minutes';"`);
    for (const command of ['docker compose exec redis redis-cli FLUSHDB', 'find /var/log -name "*.log" -mtime +7 -delete', 'docker compose restart fastapi']) {
      const line = page.locator('.ec-line.cmd-start', { hasText: command }).first();
      assert.match(await line.getAttribute('class'), /cmd-changes/, command);
    }
    for (const command of ['docker compose ps', 'docker stats --no-stream', 'docker compose exec postgres pg_isready']) {
      const line = page.locator('.ec-line.cmd-start', { hasText: command }).first();
      assert.doesNotMatch(await line.getAttribute('class'), /cmd-changes/, command);
    }
    await context.close();
  });

  it('unmarks a read-only POST its author marked safe in the fence meta', async () => {
    const { context, page } = await open('desktop', '/customer-portal/scenarios/whmcs-api-unavailable/');
    const line = page.locator('.ec-line', { hasText: 'curl -X POST $WHMCS_API_URL' });
    assert.match(await line.getAttribute('class'), /cmd-start/, 'it is a command');
    assert.doesNotMatch(await line.getAttribute('class'), /cmd-changes/, 'and it is not marked');
    assert.match(await page.getByRole('button', { name: /^Copy command: curl -X POST/ }).getAttribute('aria-label'), /GetClients&responsetype=json"$/);
    await context.close();
  });

  it('falls back to a selection copy where the Clipboard API is blocked, keeps focus, and says when nothing worked', async () => {
    const context = await h.context(WIDTHS.desktop);
    await context.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('blocked', 'NotAllowedError'));
      window.copied = [];
      document.addEventListener('copy', () => window.copied.push(String(document.activeElement?.value ?? getSelection())));
    });
    const page = await context.newPage();
    await page.goto(PAYMENT);
    const block = paymentBlock(page);
    const restart = block.getByRole('button', { name: /docker restart/ });
    await restart.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.copied.length === 1);
    assert.deepEqual(await page.evaluate(() => window.copied), ['docker restart payment-service']);
    assert.equal(await restart.evaluate((el) => el === document.activeElement), true, 'focus is back on the button');
    await page.waitForFunction(() => document.querySelector('figure.cmd-block .cmd-status')?.textContent === 'Copied: docker restart payment-service');
    // Nothing works at all: the reader is told, in words.
    await page.evaluate(() => (document.execCommand = () => false));
    await block.getByRole('button', { name: /circuit-breaker/ }).click();
    await page.waitForFunction(() => document.querySelector('figure.cmd-block .cmd-status')?.textContent.startsWith('Could not copy'));
    await context.close();
  });

  it('without JavaScript: marks, notes and the placeholder are there, buttons that could not work are not', async () => {
    const { context, page } = await open('desktop', PAYMENT, { javaScriptEnabled: false });
    const block = paymentBlock(page);
    assert.equal(await block.locator('.cmd-mark').count(), 3);
    assert.ok(await block.locator('.cmd-mark').first().isVisible());
    assert.ok(await block.locator('.cmd-summary').isVisible());
    assert.ok(await block.locator('.cmd-api-note').isVisible());
    assert.equal(await block.locator('pre var.cmd-placeholder').count(), 3);
    for (const button of await block.locator('button').all()) assert.equal(await button.isVisible(), false);
    await context.close();
  });

  it('prints marks and notes but no buttons', async () => {
    const { context, page } = await open('desktop');
    await page.emulateMedia({ media: 'print' });
    const block = paymentBlock(page);
    assert.ok(await block.locator('.cmd-mark').first().isVisible());
    assert.ok(await block.locator('.cmd-summary').isVisible());
    for (const button of await block.locator('button').all()) assert.equal(await button.isVisible(), false);
    await context.close();
  });

  it('keeps the buttons and marks out of search: "copy" does not find every page with a code block', async () => {
    const { context, page } = await open('desktop', PAYMENT);
    assert.equal(await paymentBlock(page).getByRole('button').count(), 6, 'the page has its buttons');
    const results = await page.evaluate(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const found = await pagefind.search('copy');
      return Promise.all(found.results.map(async (r) => { const d = await r.data(); return { url: d.url, excerpt: d.excerpt }; }));
    });
    assert.ok(!results.some((r) => r.url === PAYMENT), `the payment page has no "copy" in its text: ${JSON.stringify(results.map((r) => r.url))}`);
    for (const r of results) assert.doesNotMatch(r.excerpt, /Copy (all|command)|Copied/, r.url);
    const marks = await page.evaluate(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const found = await pagefind.search('commands here change the system');
      return Promise.all(found.results.map(async (r) => (await r.data()).excerpt));
    });
    for (const excerpt of marks) assert.doesNotMatch(excerpt, /commands here change|changes the system/, excerpt);
    const own = await page.evaluate(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const found = await pagefind.search('circuit breakers');
      return Promise.all(found.results.slice(0, 5).map(async (r) => (await r.data()).url));
    });
    assert.ok(own.includes(PAYMENT), 'the page itself is still found by its words');
    await context.close();
  });
});
