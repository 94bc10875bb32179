/** Fails `astro build` when an internal link of the built site is broken (see link-check.ts). */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listFiles } from './files';
import { findBrokenLinks, scanHtml, type BuiltPage } from './link-check';

export function linkCheck(): AstroIntegration {
  return {
    name: 'incident-handbook-link-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages: BuiltPage[] = [];
        const assets = new Set<string>();
        for (const { file, relative } of listFiles(root)) {
          const url = `/${relative}`;
          if (!url.endsWith('.html')) {
            assets.add(url);
            continue;
          }
          const path = url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
          pages.push(scanHtml(path, readFileSync(file, 'utf8')));
        }
        const broken = findBrokenLinks(pages, assets);
        if (broken.length) {
          throw new AstroError(
            `${broken.length} broken internal ${broken.length === 1 ? 'link' : 'links'}:\n` +
              broken.map((b) => `  - on ${b.page}: ${b.href} (${b.reason})`).join('\n'),
            'Links between pages are absolute with a trailing slash, e.g. /agency-platform/severity/. The page is content/docs/agency-platform/severity.mdx.',
          );
        }
        logger.info(`All internal links resolve (${pages.length} pages checked).`);
      },
    },
  };
}
