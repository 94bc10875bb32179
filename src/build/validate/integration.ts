/**
 * Validates all content before Astro's content layer loads it. Astro checks one entry at a time and
 * stops at the first invalid one; this reports every mistake of every file in one run. It runs in
 * `astro:config:setup`, which `astro build` and `astro dev` both run before syncing content, and
 * throws one error listing everything, so the build fails (and `astro dev` does not start, as it
 * would not with Astro's own first error). While `astro dev` runs, each change under content/ is
 * validated again and the whole report logged.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { contentDirFromEnv, formatReport, REPORT_HINT, validateContent } from './index';

export function validateContentIntegration(): AstroIntegration {
  let root = '';
  let contentDir = '';
  return {
    name: 'incident-handbook-validate',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        root = fileURLToPath(config.root);
        contentDir = contentDirFromEnv(root);
        const { problems, counts, ms } = validateContent({ root, contentDir });
        if (problems.length) {
          const error = new AstroError(formatReport(problems), REPORT_HINT);
          // The report names every file and line; a stack trace into this file would only bury it.
          error.stack = '';
          throw error;
        }
        const files = Object.values(counts).reduce((a, b) => a + b, 0);
        logger.info(`Content is valid: ${files} files checked in ${Math.round(ms)} ms.`);
      },
      'astro:server:setup': ({ server, logger }) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, file) => {
          if (!file.startsWith(contentDir)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const { problems } = validateContent({ root, contentDir });
            if (problems.length) logger.error(`${formatReport(problems)}\n\n${REPORT_HINT}`);
            else logger.info('Content is valid again.');
          }, 150);
        });
      },
    },
  };
}
