/**
 * Fails `astro build` when an internal link of the built site is broken (see link-check.ts). Each
 * broken link names the source file of the page it is on (the runbook, or the page of the code) and
 * what it was probably meant to be; the hint under the list says how to fix the kinds of failure found.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listFiles } from './files';
import { findBrokenLinks, hrefsOf, idsOf, type BrokenLink, type BuiltPage } from './link-check';
import { pageSources } from './page-sources';
import { contentDirFromEnv } from './validate';

export function linkCheck(): AstroIntegration {
  let root = '';
  return {
    name: 'incident-handbook-link-check',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // Two passes over the pages: the ids of all of them first (links may point at any), then each
        // page's links, read again one page at a time (every page repeats the sidebar's links:
        // keeping them all ran a 5,000-page build out of memory).
        const pages: BuiltPage[] = [];
        const files = new Map<string, string>();
        const assets = new Set<string>();
        for (const { file, relative } of listFiles(out)) {
          const url = `/${relative}`;
          if (!url.endsWith('.html')) {
            assets.add(url);
            continue;
          }
          const path = url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
          pages.push({ path, ids: idsOf(readFileSync(file, 'utf8')), hrefs: [] });
          files.set(path, file);
        }
        const broken = findBrokenLinks(pages, assets, (page) => hrefsOf(readFileSync(files.get(page.path)!, 'utf8')));
        if (broken.length) {
          const sourceOf = pageSources(root, contentDirFromEnv(root));
          const error = new AstroError(brokenLinksReport(broken, sourceOf), brokenLinksHint(broken));
          throw error;
        }
        logger.info(`All internal links resolve (${pages.length} pages checked).`);
      },
    },
  };
}

/** "2 broken internal links:" and one line per link: the source file, the page, the link, why, and the likely fix. */
export function brokenLinksReport(broken: readonly BrokenLink[], sourceOf: (page: string) => string | undefined): string {
  const lines = broken.map((link) => {
    const source = sourceOf(link.page);
    const where = source ? `${source} (${link.page})` : `on ${link.page}`;
    return `  - ${where}: ${link.href} (${link.reason})${link.guess ? `. Did you mean "${link.guess}"?` : ''}`;
  });
  return `${broken.length} broken internal ${broken.length === 1 ? 'link' : 'links'}:\n${lines.join('\n')}`;
}

/** What to do, for the kinds of failure in the report only. */
export function brokenLinksHint(broken: readonly BrokenLink[]): string {
  const hints: string[] = [];
  if (broken.some((link) => link.reason === 'no such page')) {
    hints.push('A link to a page is its address, absolute, with a trailing slash: content/docs/<handbook>/<folder>/<page>.mdx is /<handbook>/<folder>/<page>/.');
  }
  if (broken.some((link) => link.reason.startsWith('no element with id'))) {
    hints.push(
      'A #fragment must be an id on the target page: a heading\'s id is its text in lower case with spaces as dashes ("## Verify the fix" is #verify-the-fix); ' +
        'ids that components add (a severity level: #level-p1) can be looked up in the built page.',
    );
  }
  if (broken.some((link) => link.reason.startsWith('malformed'))) hints.push('Write a % in an address as %25.');
  hints.push('A link a component makes from YAML (a level badge, a template list) is fixed in that YAML file.');
  return hints.join(' ');
}
