/**
 * What the service worker precaches and how it is configured (src/build/offline/): checked against a
 * small built-site tree with workbox-build's own file matching, so a pattern that matches nothing, or
 * too much, fails here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getManifest } from 'workbox-build';
import { afterAll, describe, expect, it } from 'vitest';
import { pagefindWasmLanguages } from '../../src/build/offline/pagefind-languages';
import { precacheSummary } from '../../src/build/offline/summary';
import { serviceWorkerOptions } from '../../src/build/offline/worker-options';

const dist = mkdtempSync(join(tmpdir(), 'offline-precache-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const KEPT = [
  'index.html', '404.html', 'agency-platform/index.html', 'agency-platform/scenarios/app-down/index.html',
  '_astro/page.abc123.js', '_astro/middleware.abc123.css', '_astro/ui-core.abc123.js',
  'pagefind/pagefind.js', 'pagefind/pagefind-worker.js', 'pagefind/pagefind-entry.json', 'pagefind/pagefind.en_1234.pf_meta',
  'pagefind/index/en_1.pf_index', 'pagefind/fragment/en_2.pf_fragment', 'pagefind/filter/en_3.pf_filter', 'pagefind/wasm.en.pagefind',
  'handbooks.json', 'reviews.json', 'manifest.webmanifest', 'favicon.svg', 'icons/icon-192.png', 'icons/icon-maskable-512.png',
];
const LEFT_OUT = [
  // Pagefind's own UI bundles: Starlight bundles its UI into _astro/.
  'pagefind/pagefind-ui.js', 'pagefind/pagefind-ui.css', 'pagefind/pagefind-component-ui.js', 'pagefind/pagefind-component-ui.css',
  'pagefind/pagefind-modular-ui.js', 'pagefind/pagefind-modular-ui.css', 'pagefind/pagefind-highlight.js',
  // A language the index does not have.
  'pagefind/wasm.unknown.pagefind',
  // Source maps, the worker itself, what no page loads.
  '_astro/page.abc123.js.map', 'sw.js', 'sitemap-index.xml', 'sitemap-0.xml', 'robots.txt',
];
for (const file of [...KEPT, ...LEFT_OUT]) {
  mkdirSync(dirname(join(dist, file)), { recursive: true });
  writeFileSync(join(dist, file), file);
}

describe('the precache list', () => {
  it('keeps every page, the bundles, the index Starlight search uses, the data files, manifest and icons; nothing else', async () => {
    const { globPatterns, globIgnores } = serviceWorkerOptions(dist, ['en']);
    const { manifestEntries, count, warnings } = await getManifest({ globDirectory: dist, globPatterns, globIgnores });
    expect(warnings).toEqual([]);
    expect((manifestEntries ?? []).map((entry) => entry.url).sort()).toEqual([...KEPT].sort());
    expect(count).toBe(KEPT.length);
  });

  it('keeps the wasm of each language the index has', () => {
    const { globPatterns } = serviceWorkerOptions(dist, ['de', 'en']);
    expect(globPatterns).toContain('pagefind/wasm.de.pagefind');
    expect(globPatterns).toContain('pagefind/wasm.en.pagefind');
    expect(globPatterns?.some((pattern) => pattern.includes('unknown'))).toBe(false);
  });
});

describe('the worker options', () => {
  const options = serviceWorkerOptions('/site/dist/', ['en']);

  it('writes one sw.js without a source map into the build', () => {
    expect(options.swDest).toBe('/site/dist/sw.js');
    expect(options.inlineWorkboxRuntime).toBe(true);
    expect(options.sourcemap).toBe(false);
  });

  it('answers /x/ with /x/index.html and ignores ?ts= (pagefind-entry.json?ts=<now>) and utm_ parameters only', () => {
    expect(options.directoryIndex).toBe('index.html');
    const ignored = (name: string) => (options.ignoreURLParametersMatching ?? []).some((pattern) => pattern.test(name));
    expect(['ts', 'utm_source', 'utm_campaign'].every(ignored)).toBe(true);
    expect(['q', 'level', 'tsx', 'answers'].some(ignored)).toBe(false);
  });

  it('falls back to the 404 page for unknown pages, never for bundles or search files', () => {
    expect(options.navigateFallback).toBe('/404.html');
    const denied = (path: string) => (options.navigateFallbackDenylist ?? []).some((pattern) => pattern.test(path));
    expect(denied('/pagefind/pagefind-entry.json')).toBe(true);
    expect(denied('/_astro/page.abc.js')).toBe(true);
    expect(denied('/agency-platform/no-such-page/')).toBe(false);
    expect(denied('/incidents/')).toBe(false);
  });

  it('claims pages on first install but lets an update wait for the reader (no automatic skipWaiting)', () => {
    expect(options.clientsClaim).toBe(true);
    expect(options.skipWaiting).toBe(false);
  });
});

describe('pagefindWasmLanguages', () => {
  it('reads the wasm name of each language of pagefind-entry.json, once each', () => {
    const entry = JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1', wasm: 'en', page_count: 3 }, 'en-GB': { hash: 'x', wasm: 'en', page_count: 1 }, de: { hash: 'de_1', wasm: 'de', page_count: 2 } } });
    expect(pagefindWasmLanguages(entry)).toEqual(['de', 'en']);
  });

  it('names the file, the field, what it found and what it expected', () => {
    expect(() => pagefindWasmLanguages('{not json', 'dist/pagefind/pagefind-entry.json')).toThrow(/^dist\/pagefind\/pagefind-entry\.json: not JSON .*expected Pagefind's entry file/);
    expect(() => pagefindWasmLanguages('{"version":"1"}')).toThrow('pagefind/pagefind-entry.json: field "languages" is undefined; expected an object keyed by language code.');
    expect(() => pagefindWasmLanguages('{"languages":{"en":{"wasm":"../x"}}}')).toThrow('field "languages.en.wasm" is "../x"; expected a language code such as "en".');
  });
});

describe('precacheSummary', () => {
  it('is one line with the file count, the size and the worker size', () => {
    expect(precacheSummary(314, 8_204_123, 45_100)).toBe('Offline: 314 files precached, 8.2 MB; sw.js 45.1 kB.');
  });
});
