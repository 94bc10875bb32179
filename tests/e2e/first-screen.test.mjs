/**
 * The responder's first screen: on every handbook's start page ("Respond now"), the scenario router
 * and the first checklist item are both visible without scrolling, on a phone (390x844) and a laptop
 * (1280x800); and a phone reaches any scenario from the home page in three taps or fewer (two:
 * "Respond now", then the scenario). Positions are printed (px from the top of the page), those of
 * each scenario page's first action too, so a change that pushes them down shows in the test log.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { axe, start, watchErrors } from './harness.mjs';

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
const SCREENS = [
  { name: 'phone 390x844', options: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
  { name: 'laptop 1280x800', options: { viewport: { width: 1280, height: 800 } } },
];

/** Each handbook: its id, name, start page and scenario pages (from the content, not the built site). */
function handbooks() {
  return readdirSync(join(CONTENT, 'handbooks')).filter((f) => /\.ya?ml$/.test(f)).sort().map((file) => {
    const id = file.replace(/\.ya?ml$/, '');
    const data = parse(readFileSync(join(CONTENT, 'handbooks', file), 'utf8'));
    const docs = join(CONTENT, 'docs', id);
    const scenarios = readdirSync(docs, { recursive: true }).map(String).filter((f) => f.endsWith('.mdx')).filter((f) => {
      const frontmatter = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(docs, f), 'utf8'))[1]);
      return frontmatter.kind === 'scenario' && !frontmatter.sidebar?.hidden;
    }).map((f) => `/${id}/${f.replace(/\.mdx$/, '').replace(/(^|\/)index$/, '')}/`);
    return { id, name: data.name, start: `/${data.start.replace(/^\/+|\/+$/g, '')}/`, scenarios };
  });
}

/** Where things are, in the page as loaded (no scrolling): the sticky chrome's bottom and the viewport. */
function measure(page) {
  return page.evaluate(() => {
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: Math.round(r.top + scrollY), bottom: Math.round(r.bottom + scrollY), height: Math.round(r.height) };
    };
    const visible = (el) => el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
    // The fixed header, and Starlight's "On this page" bar under it where it shows.
    const chrome = [document.querySelector('header.header'), document.querySelector('mobile-starlight-toc nav')]
      .filter(visible).map((el) => el.getBoundingClientRect().bottom);
    const router = document.querySelector('main nav.scenario-router');
    return {
      scrollY,
      viewport: innerHeight,
      chromeBottom: Math.round(Math.max(0, ...chrome)),
      horizontalOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      router: box(router),
      firstScenarioLink: box(router?.querySelector('a[href*="/scenarios/"]')),
      firstCheckbox: box(document.querySelector('main input[type=checkbox][data-item-id]')),
      links: [...(router?.querySelectorAll('ul a') ?? [])].map((a) => ({ href: a.getAttribute('href'), height: a.getBoundingClientRect().height })),
    };
  });
}

const onFirstScreen = (m, element) => element && element.top >= m.chromeBottom && element.bottom <= m.viewport;

let h;
before(async () => { h = await start(); });
after(async () => { await h.close(); });

describe('Respond now: the first screen holds the first action', () => {
  for (const handbook of handbooks()) {
    for (const screen of SCREENS) {
      it(`${handbook.id} ${handbook.start} at ${screen.name}: scenario router and first checkbox without scrolling`, async (t) => {
        const context = await h.context(screen.options);
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.goto(handbook.start);
        await page.locator('input[data-item-id]:not([disabled])').first().waitFor();
        const m = await measure(page);
        t.diagnostic(`${handbook.id} ${screen.name}: first checkbox ${m.firstCheckbox?.top}, router ${m.router?.top}, first scenario link ${m.firstScenarioLink?.top} (viewport ${m.viewport}, chrome ${m.chromeBottom})`);
        assert.equal(m.scrollY, 0);
        assert.ok(m.router, 'the page has a scenario router');
        assert.ok(onFirstScreen(m, { top: m.router.top, bottom: m.router.top + 1 }), `router top at ${m.router.top}, first screen ${m.chromeBottom}-${m.viewport}`);
        assert.ok(onFirstScreen(m, m.firstScenarioLink), `first scenario link at ${JSON.stringify(m.firstScenarioLink)}`);
        assert.ok(onFirstScreen(m, m.firstCheckbox), `first checkbox at ${JSON.stringify(m.firstCheckbox)}, first screen ${m.chromeBottom}-${m.viewport}`);
        // One link per scenario page of the handbook, in a 44 px target each.
        assert.deepEqual(m.links.map((l) => l.href).sort(), [...handbook.scenarios].sort());
        assert.deepEqual(m.links.filter((l) => l.height < 44), [], 'router links under 44 px');
        assert.ok(m.horizontalOverflow <= 0, `the page scrolls sideways by ${m.horizontalOverflow} px`);
        assert.deepEqual(await axe(page), []);
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }

  it('names the router and says the severity of each scenario to screen readers', async () => {
    const context = await h.context(SCREENS[0].options);
    const page = await context.newPage();
    await page.goto('/agency-platform/respond-now/');
    const router = page.getByRole('navigation', { name: 'Go to the scenario' });
    await assert.doesNotReject(router.getByRole('link', { name: /^Application down \(typical severity SEV-1 · \S[^)]*\)$/ }).waitFor());
    // "Not sure?" leads to the symptom table further down the same page.
    const more = router.getByRole('link', { name: 'Not sure? Match the symptom' });
    await more.tap();
    await page.waitForURL('**/agency-platform/respond-now/#3-find-the-scenario-and-contain');
    await context.close();
  });
});

describe('a phone, from the home page to the scenario', () => {
  for (const handbook of handbooks()) {
    it(`${handbook.name}: every scenario in two taps from the home page, its first action on the first screen`, async (t) => {
      const context = await h.context(SCREENS[0].options);
      const page = await context.newPage();
      for (const scenario of handbook.scenarios) {
        let taps = 0;
        await page.goto('/');
        await page.locator('.handbook-card', { has: page.getByRole('heading', { name: handbook.name, exact: true }) })
          .getByRole('link', { name: 'Respond now' }).tap();
        taps += 1;
        await page.waitForURL(`**${handbook.start}`);
        await page.getByRole('navigation', { name: 'Go to the scenario' }).locator(`a[href="${scenario}"]`).tap();
        taps += 1;
        await page.waitForURL(`**${scenario}`);
        assert.ok(taps <= 3);
        assert.equal(await page.locator('h1').innerText(), await page.title().then((t) => t.split(' | ')[0]));
        // The first action: the first command block or checklist item, whichever comes first. Its top
        // and its first line (a code block's frame is about 40 px, a command line 25) on the first screen.
        const first = await page.evaluate(() => {
          const candidates = [document.querySelector('main .sl-markdown-content input[type=checkbox][data-item-id]'), document.querySelector('main .sl-markdown-content .expressive-code')]
            .filter(Boolean).map((el) => ({ what: el.tagName === 'INPUT' ? 'checkbox' : 'command', top: Math.round(el.getBoundingClientRect().top + scrollY) }));
          return candidates.sort((a, b) => a.top - b.top)[0];
        });
        t.diagnostic(`${scenario}: ${taps} taps; first action (${first?.what}) at ${first?.top}`);
        assert.ok(first, `${scenario} has a command or a checklist`);
        assert.ok(first.top + (first.what === 'command' ? 65 : 30) <= 844, `${scenario}: first ${first.what} at ${first.top}, below the first screen (844)`);
      }
      await context.close();
    });
  }
});
