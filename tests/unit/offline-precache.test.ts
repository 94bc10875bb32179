/**
 * What the service worker precaches and how it is written (src/build/offline/): the file matching
 * against a small built-site tree, the manifest's revisions, and the worker's text run in a fake
 * service-worker scope with Workbox's real runtime, so a pattern that matches nothing or too much,
 * a revision that does not follow the file, or a worker that registers the wrong thing fails here.
 * (The worker in a real browser, offline and across an update: tests/e2e/offline.test.mjs.)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/build/files';
import { hashFiles } from '../../src/build/offline/manifest';
import { digestOf } from '../../src/build/late-pages';
import { pagefindWasmLanguages } from '../../src/build/offline/pagefind-languages';
import { isPrecached, precacheGlobs } from '../../src/build/offline/precache-files';
import { precacheSummary } from '../../src/build/offline/summary';
import { serviceWorkerSource, WORKER_OPTIONS } from '../../src/build/offline/worker-source';
import { workboxRuntime } from '../../src/build/offline/workbox-runtime';

const dist = mkdtempSync(join(tmpdir(), 'offline-precache-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const KEPT = [
  'index.html', '404.html', 'agency-platform/index.html', 'agency-platform/scenarios/app-down/index.html',
  '_astro/page.abc123.js', '_astro/middleware.abc123.css', '_astro/ui-core.abc123.js', '_astro/fonts/inter.abc.woff2',
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
  // Source maps, the worker itself, what no page loads, hidden files.
  '_astro/page.abc123.js.map', 'sw.js', 'sitemap-index.xml', 'sitemap-0.xml', 'robots.txt', '.well-known/x.html', 'icons/readme.txt',
];
for (const file of [...KEPT, ...LEFT_OUT]) {
  mkdirSync(dirname(join(dist, file)), { recursive: true });
  writeFileSync(join(dist, file), file);
}

describe('the precache list', () => {
  it('keeps every page, the bundles, the index Starlight search uses, the data files, manifest and icons; nothing else', () => {
    const globs = precacheGlobs(['en']);
    const kept = listFiles(dist, (relative) => isPrecached(relative, globs)).map(({ relative }) => relative);
    expect(kept.sort()).toEqual([...KEPT].sort());
  });

  it('keeps the wasm of each language the index has', () => {
    expect(isPrecached('pagefind/wasm.de.pagefind', precacheGlobs(['de', 'en']))).toBe(true);
    expect(isPrecached('pagefind/wasm.en.pagefind', precacheGlobs(['de', 'en']))).toBe(true);
    expect(isPrecached('pagefind/wasm.de.pagefind', precacheGlobs(['en']))).toBe(false);
    expect(precacheGlobs(['en']).some((pattern) => pattern.includes('unknown'))).toBe(false);
  });
});

describe('hashFiles', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

  it('gives each file a revision (128 bits of its SHA-256) and its size, in the order given', async () => {
    const files = listFiles(dist, (relative) => relative === 'index.html' || relative === 'favicon.svg');
    const { entries, warnings } = await hashFiles(files);
    expect(warnings).toEqual([]);
    expect(entries).toEqual([
      { url: 'favicon.svg', revision: sha('favicon.svg'), size: 'favicon.svg'.length },
      { url: 'index.html', revision: sha('index.html'), size: 'index.html'.length },
    ]);
  });

  it('changes the revision when the file changes, and only then', async () => {
    const file = join(dist, 'changing.html');
    writeFileSync(file, '<p>one</p>');
    const first = (await hashFiles([{ file, relative: 'changing.html' }])).entries[0].revision;
    expect((await hashFiles([{ file, relative: 'changing.html' }])).entries[0].revision).toBe(first);
    writeFileSync(file, '<p>two</p>');
    expect((await hashFiles([{ file, relative: 'changing.html' }])).entries[0].revision).not.toBe(first);
    rmSync(file);
  });

  it('leaves out a file over the limit with a warning naming it and its size', async () => {
    const file = join(dist, 'big.html');
    writeFileSync(file, 'x'.repeat(3_000_000));
    const { entries, warnings } = await hashFiles([{ file, relative: 'demo/print/index.html' }, { file: join(dist, 'index.html'), relative: 'index.html' }], { maximumFileSize: 2 * 1024 * 1024 });
    rmSync(file);
    expect(entries.map((entry) => entry.url)).toEqual(['index.html']);
    expect(warnings).toEqual(['demo/print/index.html is 3.0 MB, over the 2 MB a precached file may be: it is left out of the offline copy.']);
  });

  it('takes the digests it is given (the link check\'s, of every HTML page) without reading those files, and the limit still applies', async () => {
    const files = listFiles(dist, (relative) => relative === 'index.html' || relative === 'favicon.svg');
    const read = (_file: string, relative: string) => {
      if (relative === 'index.html') throw new Error('index.html was read again');
      return readFileSync(join(dist, relative));
    };
    const known = new Map([['index.html', digestOf(Buffer.from('index.html'))]]);
    const { entries } = await hashFiles(files, { read, known });
    expect(entries).toEqual((await hashFiles(files)).entries);
    const big = await hashFiles(files, { read, known: new Map([['index.html', { revision: 'r', size: 3_000_000 }]]), maximumFileSize: 2 * 1024 * 1024 });
    expect(big.entries.map((entry) => entry.url)).toEqual(['favicon.svg']);
    expect(big.warnings).toEqual(['index.html is 3.0 MB, over the 2 MB a precached file may be: it is left out of the offline copy.']);
  });

  it('lets other work run between slices of its work (Starlight talks to Pagefind meanwhile)', async () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ file: join(dist, 'index.html'), relative: `p${i}.html` }));
    const order: string[] = [];
    const hashing = hashFiles(files, { sliceMs: 0 }).then(() => order.push('hashed'));
    setImmediate(() => order.push('other work'));
    await hashing;
    expect(order).toEqual(['other work', 'hashed']);
    // With the default slice, five small files are hashed in one go.
    const oneGo: string[] = [];
    const quick = hashFiles(files).then(() => oneGo.push('hashed'));
    setImmediate(() => oneGo.push('other work'));
    await quick;
    await new Promise((resolve) => setImmediate(resolve));
    expect(oneGo).toEqual(['hashed', 'other work']);
  });
});

describe('the worker', () => {
  const entries = [
    { url: 'index.html', revision: 'a1' },
    { url: '404.html', revision: 'd4' },
    { url: 'demo/index.html', revision: 'b2' },
    { url: 'pagefind/pagefind-entry.json', revision: 'c3' },
  ];

  /** Runs the worker's text in a fake service-worker scope; returns what it registered. */
  function runWorker(source: string) {
    const listeners = new Map<string, ((event: unknown) => void)[]>();
    const calls = { skipWaiting: 0, claimed: 0 };
    const self: Record<string, unknown> = {
      addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
      skipWaiting: () => (calls.skipWaiting += 1),
      clients: { claim: () => ((calls.claimed += 1), Promise.resolve()) },
      registration: { scope: 'https://handbook.example/' },
      location: { href: 'https://handbook.example/sw.js', origin: 'https://handbook.example' },
      caches: {},
    };
    self.self = self;
    self.URL = URL;
    const context = { self, ...self, console };
    runInNewContext(source, context);
    return { listeners, calls, workbox: (context as Record<string, unknown>).workbox ?? self.workbox };
  }

  it("is Workbox's published runtime followed by our registration, with the manifest inline", () => {
    const runtime = workboxRuntime();
    expect(runtime.version).toMatch(/^7\./);
    const source = serviceWorkerSource(runtime, entries);
    expect(source.startsWith(`/* Incident Handbook's offline copy`)).toBe(true);
    expect(source).toContain(runtime.source);
    expect(source).not.toContain('sourceMappingURL');
    expect(source).toContain(JSON.stringify(entries));
  });

  it('runs: listens for install, activate, fetch and SKIP_WAITING, and skips waiting only when asked', () => {
    const { listeners, calls, workbox } = runWorker(serviceWorkerSource(workboxRuntime(), entries));
    expect(workbox).toBeTruthy();
    expect([...listeners.keys()].sort()).toEqual(['activate', 'fetch', 'install', 'message']);
    for (const listener of listeners.get('message')!) listener({ data: { type: 'OTHER' } });
    expect(calls.skipWaiting).toBe(0);
    for (const listener of listeners.get('message')!) listener({ data: { type: 'SKIP_WAITING' } });
    expect(calls.skipWaiting).toBe(1);
  });

  it('answers /x/ with /x/index.html and ignores ?ts= (pagefind-entry.json?ts=<now>) and utm_ parameters only', () => {
    expect(WORKER_OPTIONS.directoryIndex).toBe('index.html');
    const ignored = (name: string) => WORKER_OPTIONS.ignoreURLParametersMatching.some((pattern) => pattern.test(name));
    expect(['ts', 'utm_source', 'utm_campaign'].every(ignored)).toBe(true);
    expect(['q', 'level', 'tsx', 'answers'].some(ignored)).toBe(false);
    const source = serviceWorkerSource(workboxRuntime(), entries);
    expect(source).toContain('{ directoryIndex: "index.html", ignoreURLParametersMatching: [/^utm_/, /^ts$/] }');
  });

  it('cannot start without the 404 page in its manifest (the build checks for it)', () => {
    expect(() => runWorker(serviceWorkerSource(workboxRuntime(), entries.filter((entry) => entry.url !== '404.html')))).toThrow(/non-precached-url/);
  });

  it('falls back to the 404 page for unknown pages, never for bundles or search files', () => {
    expect(WORKER_OPTIONS.navigateFallback).toBe('/404.html');
    const denied = (path: string) => WORKER_OPTIONS.navigateFallbackDenylist.some((pattern) => pattern.test(path));
    expect(denied('/pagefind/pagefind-entry.json')).toBe(true);
    expect(denied('/_astro/page.abc.js')).toBe(true);
    expect(denied('/agency-platform/no-such-page/')).toBe(false);
    expect(denied('/incidents/')).toBe(false);
    expect(serviceWorkerSource(workboxRuntime(), entries)).toContain('createHandlerBoundToURL("/404.html"), { denylist: [/^\\/pagefind\\//, /^\\/_astro\\//] }');
  });

  it('claims pages on first install but never skips waiting by itself', () => {
    const runtime = workboxRuntime();
    const ours = serviceWorkerSource(runtime, entries).split(runtime.source)[1];
    expect(ours).toContain('workbox.core.clientsClaim();');
    expect(ours.match(/skipWaiting\(\)/g)).toHaveLength(1);
    expect(ours).toContain("if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();");
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
