/**
 * Validates all content before Astro's content layer loads it. Astro checks one entry at a time and
 * stops at the first invalid one; this reports every mistake of every file in one run.
 *
 * The check starts in `astro:config:setup` (which `astro build` and `astro dev` both run before
 * syncing content) on a worker thread (./worker.mjs), so Astro goes on starting up meanwhile (and
 * the validator's modules are not loaded with the config); every
 * collection's loader waits for it (../validated-loader.ts) and, when the content is invalid, throws
 * the one error listing everything, so the build fails (and `astro dev` does not start, as it would
 * not with Astro's own first error). While `astro dev` runs, each change under content/ is validated
 * again and the whole report logged.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { contentDirFromEnv } from '../content-dir.ts';
// Types and the report only: the validator itself is loaded by the worker, not with the config.
import type { Problem, ValidateOptions, ValidationResult } from './index.ts';
import { pendingValidation, setPendingValidation } from './pending.ts';
import { formatReport, REPORT_HINT } from './report.ts';

/** The check, on a worker thread of its own. */
function validateOnWorker(options: Required<ValidateOptions>): Promise<ValidationResult> {
  return new Promise<ValidationResult>((resolve, reject) => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: options });
    worker.once('message', resolve);
    worker.once('error', (error) => reject(new Error(`The content check failed: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => reject(new Error(`The content check stopped (exit code ${code}) before it was done.`)));
  });
}

function reportError(problems: Problem[]): AstroError {
  const error = new AstroError(formatReport(problems), REPORT_HINT);
  // The report names every file and line; a stack trace into this file would only bury it.
  error.stack = '';
  return error;
}

export function validateContentIntegration(): AstroIntegration {
  let root = '';
  let contentDir = '';
  return {
    name: 'incident-handbook-validate',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        root = fileURLToPath(config.root);
        contentDir = contentDirFromEnv(root);
        const validation = validateOnWorker({ root, contentDir }).then(({ problems, counts, ms }) => {
          if (problems.length) throw reportError(problems);
          const files = Object.values(counts).reduce((a, b) => a + b, 0);
          logger.info(`Content is valid: ${files} files checked in ${Math.round(ms)} ms.`);
        });
        // Awaited by the loaders (and below); until then a failure must not count as unhandled.
        validation.catch(() => {});
        setPendingValidation(validation);
      },
      // The loaders have waited for it already; this holds if a collection's loader did not.
      'astro:build:start': () => pendingValidation(),
      'astro:server:setup': ({ server, logger }) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, file) => {
          if (!file.startsWith(contentDir)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            validateOnWorker({ root, contentDir }).then(
              ({ problems }) => {
                if (problems.length) logger.error(`${formatReport(problems)}\n\n${REPORT_HINT}`);
                else logger.info('Content is valid again.');
              },
              (error: Error) => logger.error(error.message),
            );
          }, 150);
        });
      },
    },
  };
}
