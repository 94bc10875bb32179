// @ts-check
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import { satteri } from '@astrojs/markdown-satteri';
import { handbookMarkdown } from './src/plugins/handbook-markdown.ts';
import { linkCheck } from './src/build/link-check-integration.ts';
import { validateContentIntegration } from './src/build/validate/integration.ts';
import { offline } from './src/build/offline/index.ts';
import { printedHandbooks } from './src/build/print-integration.ts';
import { preactJsxWithoutBabel } from './src/build/preact-jsx.ts';

// Where the content lives; tests point builds at fixtures with HANDBOOK_CONTENT_DIR.
const contentDir = resolve(fileURLToPath(new URL('.', import.meta.url)), process.env.HANDBOOK_CONTENT_DIR ?? 'content') + '/';
// Build code that reads content itself (team values in code blocks, the link report) finds it through
// this variable: made absolute here, it stays right when astro runs from another folder (`--root`).
process.env.HANDBOOK_CONTENT_DIR = contentDir;

/**
 * Astro marks every MDX module with its own "use astro:head-inject" directive, which the bundler
 * reports once per page. It is Astro's, harmless, and would drown real warnings: drop that one only.
 * Typed loosely: the bundler's own log types are not exported where this config can reach them.
 * @param {any} level
 * @param {any} log
 * @param {any} handler
 */
function dropAstroDirectiveNotice(level, log, handler) {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE' && String(log.message).includes('astro:head-inject')) return;
  handler(level, log);
}

export default defineConfig({
  // The content layer's cache; ASTRO_CACHE_DIR gives builds that run side by side a cache each.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Set to the public URL when deploying (canonical links, sitemap).
  site: process.env.SITE_URL || 'https://incident-handbook.example',
  markdown: {
    // Astro 7's default processor, Sätteri, with our hast plugin (one pass): task lists become
    // checklists, tables get a scroll wrapper. MDX (the runbooks) inherits this processor.
    processor: satteri({ hastPlugins: [handbookMarkdown({ docsDir: `${contentDir}docs` })] }),
  },
  vite: {
    // The islands' JSX compiled by Vite's Oxc transform rather than Babel (src/build/preact-jsx.ts).
    plugins: [preactJsxWithoutBabel()],
    build: {
      rolldownOptions: { onLog: dropAstroDirectiveNotice },
    },
  },
  integrations: [
    // First: every content mistake in one report, before Astro's content layer stops at the first one.
    validateContentIntegration(),
    starlight({
      title: 'Incident Handbook',
      description: 'Incident-response runbooks: severity scales, procedures, checklists and message templates.',
      // Installable (public/manifest.webmanifest); the browser's bar takes the colour of Starlight's header.
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' } },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#f6f7f9', media: '(prefers-color-scheme: light)' } },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#23262f', media: '(prefers-color-scheme: dark)' } },
      ],
      // One stylesheet per concern; print.css last so paper rules win.
      customCss: ['./src/styles/handbook.css', './src/styles/code.css', './src/styles/responder.css', './src/styles/content.css', './src/styles/incident.css', './src/styles/print.css'],
      // Starlight runs its Markdown transforms (asides such as :::danger, heading anchor links) only
      // on src/content/docs/ and these folders; the runbooks live in content/docs/.
      markdown: { processedDirs: [`${contentDir}docs`] },
      components: {
        PageTitle: './src/components/RunbookTitle.astro',
        // "Start incident" beside the search box on every page (a copy of Starlight's header).
        Header: './src/components/Header.astro',
        // Search limited to the page's handbook, with a one-click "All handbooks" (a copy of Starlight's).
        Search: './src/components/Search.astro',
        // Runbook content weighted for search by kind: scenarios and procedures above drills.
        MarkdownContent: './src/components/MarkdownContent.astro',
        // Starlight's sidebar with its state key worked out once per handbook, not on every page.
        Sidebar: './src/components/Sidebar.astro',
      },
      routeMiddleware: './src/route-middleware.ts',
      lastUpdated: false,
      // Our own 404 (src/pages/404.astro) points responders back to the handbooks and search.
      disable404Route: true,
      pagination: true,
      // No site-wide sidebar: src/route-middleware.ts gives every page its handbook's own. Starlight
      // would otherwise build one from every page and deep-copy it for each page only to be replaced
      // (about 0.2 s of a 1,000-runbook build).
      sidebar: [],
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
    }),
    // Only the islands are Preact components. @astrojs/preact always turns on the preset's Babel pass,
    // which otherwise runs over every .ts file of src/ (about 2.6 s of a 300-page build); Vite still
    // compiles the TypeScript. The server renderer checks components against the same pattern.
    preact({ include: [/\/src\/components\/islands\/[\w-]+\.tsx$/] }),
    // After starlight(), whose astro:build:done runs Pagefind: the printed handbooks are assembled while
    // it indexes their small shells, and written after. Before the two below, which read them.
    printedHandbooks(),
    linkCheck(),
    // After starlight(): its astro:build:done writes dist/pagefind/, which the service worker precaches.
    offline(),
  ],
});
