/**
 * Fails `astro build` when an internal link of the built site is broken (see link-check.ts). Each
 * broken link names the source file of the page it is on (the runbook, or the page of the code) and
 * what it was probably meant to be; the hint under the list says how to fix the kinds of failure found.
 *
 * The pages are read once they are all written (astro:build:generated), while Starlight's
 * astro:build:done runs Pagefind in a process of its own; the verdict comes in astro:build:done.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startInBackground, timeSlices } from './background.ts';
import { listFiles } from './files.ts';
import { digestOf, readBuiltFile, sharePageDigests, type FileDigest } from './late-pages.ts';
import { findBrokenLinks, fromLatin1, hrefsOf, idsOf, newHrefsOf, type BrokenLink, type BuiltPage } from './link-check.ts';
import { pageSources } from './page-sources.ts';
import { contentDirFromEnv } from './content-dir.ts';

interface ScannedSite {
  pages: BuiltPage[];
  /** Each page's digest, by its path under the output folder: the offline copy's manifest takes them. */
  digests: Map<string, FileDigest>;
  /** Each page's file, to read its links again for the full report. */
  files: Map<string, string>;
}

/**
 * Every page's ids, and its links less the absolute addresses an earlier page already had: the
 * sidebar's links are on every page, and keeping them all ran a 5,000-page build out of memory.
 */
async function scanSite(outDir: string): Promise<ScannedSite> {
  const pages: BuiltPage[] = [];
  const files = new Map<string, string>();
  const digests = new Map<string, FileDigest>();
  const seen = new Set<string>();
  const seenRaw = new Set<string>();
  const pause = timeSlices();
  for (const { file, relative } of listFiles(outDir, (relative) => relative.endsWith('.html'))) {
    const url = `/${relative}`;
    const path = url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
    // A printed handbook is read as it will be written (late-pages.ts), not as its shell.
    const bytes = await readBuiltFile(file, relative);
    digests.set(relative, digestOf(bytes));
    const html = bytes.toString('latin1');
    pages.push({ path, ids: idsOf(html, fromLatin1), hrefs: newHrefsOf(html, seen, seenRaw, fromLatin1) });
    files.set(path, file);
    await pause();
  }
  return { pages, digests, files };
}

export function linkCheck(): AstroIntegration {
  let root = '';
  let scan: Promise<ScannedSite> | undefined;
  return {
    name: 'incident-handbook-link-check',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:generated': ({ dir }) => {
        const outDir = fileURLToPath(dir);
        scan = startInBackground(() => scanSite(outDir));
        sharePageDigests(scan.then(({ digests }) => digests));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { pages, files } = await (scan ?? scanSite(outDir));
        const assets = new Set(listFiles(outDir, (relative) => !relative.endsWith('.html')).map(({ relative }) => `/${relative}`));
        let broken = findBrokenLinks(pages, assets);
        if (broken.length) {
          // Every page that has a broken link, not only the first: read each page's links again.
          broken = findBrokenLinks(pages, assets, (page) => hrefsOf(readFileSync(files.get(page.path)!, 'latin1'), fromLatin1));
          const sourceOf = pageSources(root, contentDirFromEnv(root));
          throw new AstroError(brokenLinksReport(broken, sourceOf), brokenLinksHint(broken));
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
