/**
 * Browser-test harness: serves dist/ on a free localhost port and drives Debian's Chromium with
 * playwright-core (browser downloads are not possible here). Each test file calls `start()` once.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
/** The built site under test: dist/, or E2E_DIST (an absolute folder) so several builds can be tested side by side. */
export const DIST = process.env.E2E_DIST ? process.env.E2E_DIST.replace(/\/?$/, '/') : fileURLToPath(new URL('../../dist/', import.meta.url));
const AXE_SOURCE = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.xml': 'application/xml', '.txt': 'text/plain',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream',
  '.wasm': 'application/wasm', '.pagefind': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

/**
 * A static file server for dist/, like any static host: /x/ serves /x/index.html, unknown paths the 404 page.
 * Exported for tests that stop their server mid-test (the offline copy): `server.close()` and
 * `server.closeAllConnections()`.
 */
export function serve(root = DIST) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      const body = await readFile(join(root, '404.html')).catch(() => 'Not found');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export async function start() {
  const server = await serve(DIST);
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  return {
    baseUrl,
    browser,
    /**
     * A fresh browser profile (its own localStorage); options as for browser.newContext. Service
     * workers are blocked unless a test passes `serviceWorkers: 'allow'`: otherwise every profile
     * would download the whole offline copy (tests/e2e/offline.test.mjs tests the worker).
     */
    async context(options = {}) {
      return browser.newContext({ baseURL: baseUrl, serviceWorkers: 'block', ...options });
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Runs axe-core on the page; returns violations (impact, id, help, targets) for a readable assertion. */
export async function axe(page, { exclude = [] } = {}) {
  await page.addScriptTag({ content: await AXE_SOURCE });
  const result = await page.evaluate(async (exclude) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run({ include: [document], exclude }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, exclude);
  return result;
}

/** Collects console errors and page errors so a test can assert a clean page. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/**
 * Layout shift, measured as a reader would see it. Call `watchLayoutShift(context)` before opening a
 * page, then `layoutShift(page)` once it has settled: the sum of layout-shift scores not caused by
 * input, from the end of parsing (domInteractive), i.e. what our scripts, styles and saved state do.
 * Left out, both Starlight's own and both seen on the build before this project's code ran: shifts
 * while the HTML is still arriving (Chromium painting the layout progressively; streaming.test.mjs
 * checks those on their own), and a 1-pixel line in the sidebar that sometimes vanishes during load
 * (invisible, about 0.0001). (The "On this page" column's 0.41 shift, once left out here too, is
 * fixed: src/styles/handbook.css.)
 */
export async function watchLayoutShift(context) {
  await context.addInitScript(() => {
    window.__layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShifts.push(entry);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export async function layoutShift(page) {
  return page.evaluate(() => {
    const parsed = performance.getEntriesByType('navigation')[0]?.domInteractive ?? 0;
    const starlights = (entry) => entry.sources.every((source) => source.previousRect.height <= 1);
    return (window.__layoutShifts ?? []).filter((entry) => entry.startTime >= parsed && !starlights(entry)).reduce((sum, entry) => sum + entry.value, 0);
  });
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A browser profile that sees the build in `dist` at `origin` (a fixture site beside the main one):
 * every request to that origin is answered from the folder, as the static server does (/x/ is
 * /x/index.html, a missing file a 404). Service workers are blocked, as in `start().context()`.
 */
export async function contextServing(browser, origin, dist, options = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  await context.route(`${origin}/**`, async (route) => {
    let file = join(dist, decodeURIComponent(new URL(route.request().url()).pathname));
    if (!extname(file)) file = join(file, 'index.html');
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  return context;
}

/**
 * Builds the site from a copy of the valid fixture content (tests/fixtures/valid), after `edit`
 * changes that copy, into a fresh temporary folder. Returns `{ work, content, dist }`; the caller
 * removes `work` when done. Throws with the build's last output when it fails.
 */
export function buildFixtureSite(prefix, edit) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const content = join(work, 'content');
  cpSync(join(ROOT, 'tests/fixtures/valid'), content, { recursive: true });
  edit(content);
  const dist = join(work, 'dist');
  const result = spawnSync('npx', ['astro', 'build', '--outDir', dist], {
    cwd: ROOT, encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', HANDBOOK_CONTENT_DIR: content, ASTRO_CACHE_DIR: join(work, 'cache') },
  });
  if (result.status !== 0) throw new Error(`The fixture build failed (${result.status}):\n${`${result.stdout}\n${result.stderr}`.slice(-3000)}`);
  return { work, content, dist };
}
