/**
 * What the service worker keeps (pure: no file system, no Astro). Every page and everything a page
 * loads, and of Pagefind only what Starlight's search uses: Starlight bundles Pagefind's UI into
 * _astro/, so Pagefind's own UI bundles (pagefind-ui.*, pagefind-component-ui.*,
 * pagefind-modular-ui.*, pagefind-highlight.js, about half its folder) are never fetched.
 */
import { matchesGlob } from 'node:path';

/** Files of the built site to precache, relative to the output folder. */
export function precacheGlobs(wasmLanguages: readonly string[]): string[] {
  return [
    // Every page, 404.html included (the fallback for an address the site does not have).
    '**/*.html',
    // Scripts, styles and anything else the bundler emitted.
    '_astro/**/*',
    // Pagefind's loader, its worker and its index. pagefind-entry.json is fetched as
    // pagefind-entry.json?ts=<now>: the worker ignores that parameter (./worker-source.ts).
    'pagefind/pagefind.js',
    'pagefind/pagefind-worker.js',
    'pagefind/pagefind-entry.json',
    'pagefind/*.pf_meta',
    'pagefind/index/*.pf_index',
    'pagefind/fragment/*.pf_fragment',
    'pagefind/filter/*.pf_filter',
    // Only the search engine of the languages the index has (wasm.unknown.pagefind is unused).
    ...wasmLanguages.map((language) => `pagefind/wasm.${language}.pagefind`),
    // Data the tools fetch (handbooks.json for the incident clocks, reviews.json for the dashboard).
    '*.json',
    // Installing the site: its manifest and icons.
    'manifest.webmanifest',
    'favicon.svg',
    'icons/*.png',
  ];
}

/** Never precached even when a pattern above matches. */
export const PRECACHE_IGNORES: readonly string[] = ['**/*.map', 'sw.js'];

/** Pagefind's folder: written by Starlight after the pages, so its files are listed last. */
export const PAGEFIND_FOLDER = 'pagefind/';

/**
 * Whether the file at `relative` (under the output folder, with `/`) is precached: it matches one of
 * `globs` and none of the ignores. Globs as in workbox-build (`**` spans folders, names starting
 * with a dot only match a pattern that names them).
 */
export function isPrecached(relative: string, globs: readonly string[], ignores: readonly string[] = PRECACHE_IGNORES): boolean {
  return globs.some((glob) => matchesGlob(relative, glob)) && !ignores.some((glob) => matchesGlob(relative, glob));
}
