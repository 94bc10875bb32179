/**
 * The offline copy: dist/sw.js, a service worker that precaches the whole built site (what is kept:
 * ./precache-files.ts; how it answers: ./worker-source.ts). Only `astro build` runs it: `astro dev`
 * has no service worker. The page side (registration, notices): src/components/OfflineNotice.astro.
 *
 * Two steps, so that the hashing costs no build time: once the pages are written
 * (astro:build:generated), their files are hashed while Starlight's astro:build:done runs Pagefind,
 * which indexes in a process of its own; then (this integration is listed after starlight() in
 * astro.config.mjs, and hooks run in list order) Pagefind's files are added and the worker written.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startInBackground } from '../background.ts';
import { listFiles } from '../files.ts';
import { readBuiltFile, sharedPageDigests } from '../late-pages.ts';
import { hashFiles, type PrecacheManifest } from './manifest.ts';
import { pagefindWasmLanguages } from './pagefind-languages.ts';
import { isPrecached, PAGEFIND_FOLDER, precacheGlobs } from './precache-files.ts';
import { precacheSummary } from './summary.ts';
import { serviceWorkerSource } from './worker-source.ts';
import { workboxRuntime } from './workbox-runtime.ts';

/**
 * The built site's precached files outside Pagefind's folder, hashed. The HTML pages' digests come
 * from the link check, which reads every page anyway, when it shares them (late-pages.ts).
 */
async function hashSite(outDir: string): Promise<PrecacheManifest> {
  const globs = precacheGlobs([]);
  const known = await sharedPageDigests();
  return hashFiles(listFiles(outDir, (relative) => !relative.startsWith(PAGEFIND_FOLDER) && isPrecached(relative, globs)), { read: readBuiltFile, known });
}

export function offline(): AstroIntegration {
  let site: Promise<PrecacheManifest> | undefined;
  return {
    name: 'incident-handbook-offline',
    hooks: {
      'astro:build:generated': ({ dir }) => {
        const outDir = fileURLToPath(dir);
        site = startInBackground(() => hashSite(outDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const entry = join(outDir, PAGEFIND_FOLDER, 'pagefind-entry.json');
        if (!existsSync(entry)) logger.warn('No Pagefind index in the build (is offline() listed after starlight()?): search will not work offline.');
        const languages = existsSync(entry) ? pagefindWasmLanguages(readFileSync(entry, 'utf8'), entry) : [];
        const globs = precacheGlobs(languages);
        const pages = await (site ?? hashSite(outDir));
        const index = await hashFiles(listFiles(join(outDir, PAGEFIND_FOLDER)).map(({ file, relative }) => ({ file, relative: `${PAGEFIND_FOLDER}${relative}` })).filter(({ relative }) => isPrecached(relative, globs)));
        const entries = [...pages.entries, ...index.entries];
        // The worker answers unknown addresses with the 404 page and would fail to start without it.
        if (!entries.some(({ url }) => url === '404.html')) {
          throw new AstroError('The offline copy has no 404.html: the service worker would fail to install.', 'The site needs its 404 page (src/pages/404.astro), under 2 MB.');
        }
        const worker = serviceWorkerSource(workboxRuntime(), entries);
        writeFileSync(join(outDir, 'sw.js'), worker);
        for (const warning of [...pages.warnings, ...index.warnings]) logger.warn(warning);
        logger.info(precacheSummary(entries.length, entries.reduce((sum, { size }) => sum + size, 0), Buffer.byteLength(worker)));
      },
    },
  };
}
