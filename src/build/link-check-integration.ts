/** Fails `astro build` when an internal link of the built site is broken (see link-check.ts). */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrokenLinks, scanHtml, type BuiltPage } from './link-check';

export function linkCheck(): AstroIntegration {
  return {
    name: 'incident-handbook-link-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages: BuiltPage[] = [];
        const assets = new Set<string>();
        for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile()) continue;
          const file = join(entry.parentPath, entry.name);
          const url = '/' + relative(root, file).split(sep).join('/');
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
