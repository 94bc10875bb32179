/**
 * Lighthouse 13 audits of built pages with Debian's Chromium (see STACK-NOTES "Lighthouse"), and a
 * browser profile that holds an active incident, for the page as a responder sees it mid-incident.
 *
 * Lighthouse needs Node >= 22.19: the bench runs through `npm run bench` (the node devDependency).
 */
import { mkdirSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// Without the networking flags Chromium floods this closed network with refused connections.
const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Runs `fn(port)` with a Chromium for Lighthouse (a fresh profile, or `userDataDir`), then closes it. */
export async function withChrome(fn, { userDataDir } = {}) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, ...(userDataDir ? { userDataDir } : {}), logLevel: 'silent' });
  try {
    return await fn(chrome.port);
  } finally {
    chrome.kill();
  }
}

/** What an audit found, in a few words (distinct descriptions or URLs of its first items), for the report. */
function culprits(a) {
  const items = a.details?.items ?? [];
  const texts = items.map((item) => {
    const where = item.sourceLocation?.url ?? item.url ?? (typeof item.node === 'object' ? item.node.selector : undefined);
    return [item.description, where].filter(Boolean).join(' ');
  });
  return [...new Set(texts.filter(Boolean))].slice(0, 3);
}

/**
 * One audit. `desktop`: Lighthouse's desktop preset (else its default, mobile); `keepStorage`: the
 * profile's localStorage is kept (disableStorageReset), for the active-incident page.
 * Returns the four scores (0-100), CLS, and per category the audits that cost points.
 */
export async function audit(port, url, { desktop = false, keepStorage = false } = {}) {
  const flags = { port, onlyCategories: CATEGORIES, output: 'json', logLevel: 'error', disableStorageReset: keepStorage };
  const result = await lighthouse(url, flags, desktop ? desktopConfig : undefined);
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = {};
  const lost = {};
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category.score === null ? undefined : Math.round(category.score * 100);
    const refs = category.auditRefs.filter((ref) => ref.weight > 0);
    const totalWeight = refs.reduce((n, ref) => n + ref.weight, 0);
    lost[id] = refs
      .map((ref) => ({ ref, a: lhr.audits[ref.id] }))
      .filter(({ a }) => a && a.score !== null && a.score < 1)
      .map(({ ref, a }) => ({ id: ref.id, score: a.score, points: Number((((1 - a.score) * ref.weight * 100) / totalWeight).toFixed(1)), value: a.displayValue, items: culprits(a) }));
  }
  const cls = lhr.audits['cumulative-layout-shift'];
  return {
    url,
    formFactor: desktop ? 'desktop' : 'mobile',
    scores,
    cls: cls?.numericValue,
    // What moved (the layout-shifts audit: element and its share of the CLS), when anything did.
    shifts: (lhr.audits['layout-shifts']?.details?.items ?? []).map((item) => ({ element: item.node?.selector ?? item.node?.snippet ?? '?', score: item.score })),
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue,
    lost,
    warnings: lhr.runWarnings ?? [],
    requests: (lhr.audits['network-requests']?.details?.items ?? []).map((item) => item.url),
  };
}

/**
 * A Chromium profile in `dir` whose localStorage for `baseUrl`'s origin holds an active incident,
 * started through the UI (the header's "Start incident"), as a responder would. Fails if the
 * incident bar does not show after a reload (the state did not persist).
 */
export async function incidentProfile(dir, baseUrl, path) {
  mkdirSync(dir, { recursive: true });
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS.filter((flag) => !flag.startsWith('--headless')),
    baseURL: baseUrl,
  });
  context.setDefaultTimeout(15_000);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(path);
    await page.locator('header').getByRole('button', { name: 'Start incident' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start incident' });
    await dialog.waitFor();
    const title = dialog.getByLabel('Title');
    if (await title.count()) await title.fill('Bench incident');
    await dialog.getByRole('button', { name: 'Start incident' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.reload();
    await page.getByRole('region', { name: 'Active incident' }).waitFor();
    // Keep localStorage (the incident) only: no HTTP cache, no service worker or its caches, so that
    // the audit loads the page as cold as the audits with Lighthouse's storage reset.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseUrl).origin, storageTypes: 'service_workers,cache_storage' });
    await cdp.send('Network.clearBrowserCache');
  } catch (error) {
    throw new Error(`Could not start an incident on ${baseUrl}${path} (the header's "Start incident" dialog, then the "Active incident" bar after a reload): ${error.message}`);
  } finally {
    await context.close();
  }
}
