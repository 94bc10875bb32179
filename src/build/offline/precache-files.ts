/**
 * What the service worker keeps (pure: no file system, no Astro). Every page and everything a page
 * loads, and of Pagefind only what Starlight's search uses: Starlight bundles Pagefind's UI into
 * _astro/, so Pagefind's own UI bundles (pagefind-ui.*, pagefind-component-ui.*,
 * pagefind-modular-ui.*, pagefind-highlight.js, about half its folder) are never fetched.
 */

/** Files of the built site to precache, relative to the output folder. */
export function precacheGlobs(wasmLanguages: readonly string[]): string[] {
  return [
    // Every page, 404.html included (the fallback for an address the site does not have).
    '**/*.html',
    // Scripts, styles and anything else the bundler emitted.
    '_astro/**/*',
    // Pagefind's loader, its worker and its index. pagefind-entry.json is fetched as
    // pagefind-entry.json?ts=<now>: `ignoreURLParametersMatching` below lets that match.
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
export const PRECACHE_IGNORES: readonly string[] = ['**/*.map', 'sw.js', 'workbox-*.js'];
