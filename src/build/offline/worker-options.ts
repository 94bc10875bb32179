/**
 * The options of workbox-build's generateSW: what is precached (./precache-files.ts) and how the
 * worker answers and updates. Pure: no file system.
 */
import type { GenerateSWOptions } from 'workbox-build';
import { PRECACHE_IGNORES, precacheGlobs } from './precache-files';

/** The options for workbox-build's generateSW, for a site built into `outDir`. */
export function serviceWorkerOptions(outDir: string, wasmLanguages: readonly string[]): GenerateSWOptions & { swDest: string } {
  return {
    globDirectory: outDir,
    globPatterns: precacheGlobs(wasmLanguages),
    globIgnores: [...PRECACHE_IGNORES],
    swDest: `${outDir.replace(/\/$/, '')}/sw.js`,
    // One file: the page registers /sw.js and nothing else has to be served or kept in step.
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    // /guides/a/ is the precached /guides/a/index.html.
    directoryIndex: 'index.html',
    // pagefind.js asks for pagefind-entry.json?ts=<now>: without /^ts$/ offline search fails.
    ignoreURLParametersMatching: [/^utm_/, /^ts$/],
    // An address the site does not have gets the 404 page offline too, except files of the
    // bundler and of Pagefind (a missing one must fail as a file, not turn into a page).
    navigateFallback: '/404.html',
    navigateFallbackDenylist: [/^\/pagefind\//, /^\/_astro\//],
    // The first install controls the open page at once (nothing to replace). An update waits
    // until the reader clicks "Reload to update", which posts SKIP_WAITING (generateSW adds that
    // listener when skipWaiting is false): a page running old code could otherwise lazily import
    // an old chunk the new worker has just deleted.
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    // The largest page is about 0.2 MB; a file over 2 MB would be a mistake worth a warning.
    maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
  };
}
