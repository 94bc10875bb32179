/**
 * The text of dist/sw.js (pure: no file system): Workbox's runtime (./workbox-runtime.ts), then what
 * workbox-build's generateSW would write for our options: precache every file of the manifest and
 * answer from it, and wait for the reader before taking over from an older worker.
 */
import type { PrecacheEntry } from './manifest.ts';

/** How the worker answers and updates; read by the tests. */
export const WORKER_OPTIONS = {
  /** /guides/a/ is the precached /guides/a/index.html. */
  directoryIndex: 'index.html',
  /** pagefind.js asks for pagefind-entry.json?ts=<now>: without /^ts$/ offline search fails. */
  ignoreURLParametersMatching: [/^utm_/, /^ts$/],
  /**
   * An address the site does not have gets the 404 page offline too, except files of the bundler
   * and of Pagefind (a missing one must fail as a file, not turn into a page).
   */
  navigateFallback: '/404.html',
  navigateFallbackDenylist: [/^\/pagefind\//, /^\/_astro\//],
} as const;

/**
 * The worker. The first install controls the open page at once (nothing to replace: clientsClaim).
 * An update waits until the reader clicks "Reload to update", which posts SKIP_WAITING
 * (src/components/OfflineNotice.astro): a page running old code could otherwise lazily import an old
 * chunk the new worker has just deleted. Caches of older Workbox versions are removed on activation.
 */
export function serviceWorkerSource(runtime: { version: string; source: string }, entries: readonly Pick<PrecacheEntry, 'url' | 'revision'>[]): string {
  const manifest = JSON.stringify(entries.map(({ url, revision }) => ({ url, revision })));
  const { directoryIndex, ignoreURLParametersMatching, navigateFallback, navigateFallbackDenylist } = WORKER_OPTIONS;
  const regexps = (list: readonly RegExp[]) => `[${list.map(String).join(', ')}]`;
  return `/* Incident Handbook's offline copy (src/build/offline/). Workbox ${runtime.version} (MIT License, Google LLC): workbox-core, workbox-routing, workbox-strategies and workbox-precaching, their published production builds. */
${runtime.source}
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});
workbox.core.clientsClaim();
workbox.precaching.precacheAndRoute(${manifest}, { directoryIndex: ${JSON.stringify(directoryIndex)}, ignoreURLParametersMatching: ${regexps(ignoreURLParametersMatching)} });
workbox.precaching.cleanupOutdatedCaches();
workbox.routing.registerRoute(new workbox.routing.NavigationRoute(workbox.precaching.createHandlerBoundToURL(${JSON.stringify(navigateFallback)}), { denylist: ${regexps(navigateFallbackDenylist)} }));
`;
}
