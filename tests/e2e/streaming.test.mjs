/**
 * A page that arrives in parts does not move. Chromium paints while the HTML is still arriving, and a
 * runbook's long sidebar comes before its content: Starlight's "On this page" column (first in the
 * HTML, moved after the main pane with flex `order`) was painted at the left, then moved right when
 * the main pane came, a layout shift of about 0.41 at desktop width (src/styles/handbook.css). Here the
 * server sends each page in two parts, 600 ms apart, split where the main pane starts, and every layout
 * shift counts, the ones while the HTML arrives included (but for a 1-pixel line, as in the harness).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { DIST, start } from './harness.mjs';

const PAGES = ['/agency-platform/scenarios/database-connection-failure/', '/hundred-k-platform/severity/', '/customer-portal/messages/'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.json': 'application/json' };

let h;
let server;
let origin;
before(async () => {
  h = await start();
  server = createServer((req, res) => {
    let file = normalize(join(DIST, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!extname(file)) file = join(file, 'index.html');
    if (!file.startsWith(DIST) || !existsSync(file)) return res.writeHead(404).end();
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    if (extname(file) !== '.html') return res.end(body);
    const html = body.toString('utf8');
    const at = html.indexOf('<div class="main-pane');
    assert.ok(at > 0, `${req.url} has no main pane to split at`);
    res.write(html.slice(0, at));
    setTimeout(() => res.end(html.slice(at)), 600);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  server?.close();
  await h.close();
});

describe('a page that arrives in parts', () => {
  for (const width of [1280, 1440]) {
    it(`does not move at ${width} px: no layout shift at all, the "On this page" column shown in its place once the content is there`, async () => {
      const ctx = await h.context({ viewport: { width, height: 900 } });
      await ctx.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            // As the harness's layoutShift(): a 1-pixel line of Starlight's sidebar that sometimes
            // vanishes during load (about 0.0001, invisible) is not a shift a reader sees.
            if (entry.sources.every((source) => source.previousRect.height <= 1)) continue;
            window.__shifts.push({ value: entry.value, nodes: entry.sources.map((source) => source.node?.className ?? String(source.node)) });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      for (const path of PAGES) {
        const page = await ctx.newPage();
        await page.goto(`${origin}${path}`, { waitUntil: 'load' });
        await page.waitForTimeout(300);
        assert.deepEqual(await page.evaluate(() => window.__shifts), [], `${path} at ${width} px`);
        // The column is there and visible once the page is complete.
        const column = page.locator('.right-sidebar-container');
        assert.equal(await column.evaluate((element) => getComputedStyle(element).visibility), 'visible', `${path}: the "On this page" column is visible`);
        assert.ok(await page.getByRole('heading', { name: 'On this page' }).first().isVisible(), `${path}: "On this page" shows`);
        await page.close();
      }
      await ctx.close();
    });
  }
});
