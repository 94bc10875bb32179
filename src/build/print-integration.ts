/**
 * The printed handbooks of `astro build` (src/lib/print-assembly.ts): the print pages render as
 * shells, and once every page is written (astro:build:generated) each shell is filled with its
 * runbooks' content, as their pages rendered it. That work runs while Starlight's
 * astro:build:done has Pagefind index the site, in a process of its own; the finished pages are
 * written in astro:build:done, after Pagefind (this integration is listed after starlight() in
 * astro.config.mjs, and hooks run in list order). Listed before the link check and the offline
 * copy, which read the finished pages through src/build/late-pages.ts.
 *
 * Rendering each runbook once, and keeping the 20 MB printed handbook of a 1,000-runbook handbook out
 * of Pagefind's reading, is about a second of a build of that size.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { closeSync, existsSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endPrintAssembly, pageKey, PrintDocument, startPrintAssembly, type PrintAssembly, type PrintJob } from '../lib/print-assembly.ts';
import { startInBackground, timeSlices } from './background.ts';
import { clearLateFiles, setLateFile } from './late-pages.ts';

/** The written file of the page at `page` (`/h/x/`), relative to the output folder. */
export function builtFileOf(outDir: string, page: string): string {
  const path = decodeURI(page).replace(/^\/+/, '');
  const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [`${path}.html`, `${path}/index.html`, path];
  const found = candidates.find((candidate) => existsSync(join(outDir, candidate)));
  if (!found) throw new Error(`No written page for ${page} (looked for ${candidates.join(', ')}).`);
  return found;
}

/** The start of a written page, up to and with its `</head>` (its stylesheets), read in 16 kB steps. */
export function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(16 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, total);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      const end = Buffer.concat(chunks).indexOf('</head>');
      if (end >= 0) return Buffer.concat(chunks).toString('utf8', 0, end + '</head>'.length);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

async function assemble(outDir: string, job: PrintJob, assembly: PrintAssembly, shellFile: string): Promise<Buffer> {
  const pause = timeSlices();
  const document = new PrintDocument(job, assembly.token, readFileSync(join(outDir, shellFile), 'utf8'));
  for (const section of job.sections) {
    const content = assembly.contents.get(pageKey(section.page));
    if (content === undefined) throw new Error(`${job.page} prints ${section.page}, but that page handed over no content (is it a docs page of the handbook, rendered through src/components/MarkdownContent.astro?).`);
    document.addSection(readHead(join(outDir, builtFileOf(outDir, section.page))), content);
    await pause();
  }
  return Buffer.from(document.build());
}

export function printedHandbooks(): AstroIntegration {
  let assembly: PrintAssembly | undefined;
  const written: { file: string; bytes: Promise<Buffer> }[] = [];
  return {
    name: 'incident-handbook-print',
    hooks: {
      'astro:config:setup': ({ command }) => {
        clearLateFiles();
        endPrintAssembly();
        assembly = command === 'build' ? startPrintAssembly() : undefined;
      },
      'astro:build:generated': ({ dir }) => {
        if (!assembly) return;
        const outDir = fileURLToPath(dir);
        const current = assembly;
        for (const job of current.jobs) {
          const shellFile = builtFileOf(outDir, job.page);
          const bytes = startInBackground(() => assemble(outDir, job, current, shellFile));
          setLateFile(shellFile, bytes);
          written.push({ file: join(outDir, shellFile), bytes });
        }
      },
      'astro:build:done': async ({ logger }) => {
        endPrintAssembly();
        try {
          for (const { file, bytes } of written) writeFileSync(file, await bytes);
        } catch (error) {
          throw new AstroError(`The printed handbook could not be assembled: ${(error as Error).message}`, 'Each printed section is the content its runbook page rendered: src/components/MarkdownContent.astro hands it over (src/lib/print-assembly.ts).');
        }
        if (written.length) logger.info(`Printed handbooks: ${written.length} assembled from ${assembly?.jobs.reduce((sum, job) => sum + job.sections.length, 0)} runbook pages.`);
        written.length = 0;
        assembly = undefined;
      },
    },
  };
}
