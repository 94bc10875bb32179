/**
 * The offline copy: after Starlight has written the site and its Pagefind index (this integration
 * is listed after starlight() in astro.config.mjs, and hooks run in list order), generates
 * dist/sw.js with workbox-build. Only `astro build` runs it: `astro dev` has no service worker.
 * What is precached: ./precache-files.ts. The page side (registration, notices): src/components/OfflineNotice.astro.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// A static import: the config is loaded through Vite's module runner, which is closed by the time
// astro:build:done runs, so an import() there fails ("Vite module runner has been closed").
import { generateSW } from 'workbox-build';
import { pagefindWasmLanguages } from './pagefind-languages';
import { precacheSummary } from './summary';
import { serviceWorkerOptions } from './worker-options';

export function offline(): AstroIntegration {
  return {
    name: 'incident-handbook-offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const entry = join(outDir, 'pagefind/pagefind-entry.json');
        if (!existsSync(entry)) logger.warn('No Pagefind index in the build (is offline() listed after starlight()?): search will not work offline.');
        const languages = existsSync(entry) ? pagefindWasmLanguages(readFileSync(entry, 'utf8'), entry) : [];
        const options = serviceWorkerOptions(outDir, languages);
        const { count, size, warnings } = await generateSW(options);
        for (const warning of warnings) logger.warn(warning);
        logger.info(precacheSummary(count, size, statSync(options.swDest).size));
      },
    },
  };
}
