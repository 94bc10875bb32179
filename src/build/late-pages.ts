/**
 * Built files whose final bytes are made after Astro writes them: the printed handbooks, assembled
 * from the runbook pages while Pagefind indexes the site (src/build/print-integration.ts) and written
 * once it is done. The link check and the offline copy, which read the built site at the same time,
 * take those files from here instead of the shell on disk.
 *
 * One map for the build: the integrations share it through this module (astro.config.mjs imports
 * them all).
 */
import { readFileSync } from 'node:fs';

const late = new Map<string, Promise<Buffer>>();

/** `relative`: the file's path under the output folder, `demo/print/index.html`. */
export function setLateFile(relative: string, bytes: Promise<Buffer>): void {
  // Awaited by whoever reads it; until then a failure must not count as unhandled.
  bytes.catch(() => {});
  late.set(relative, bytes);
}

export function lateFiles(): ReadonlyMap<string, Promise<Buffer>> {
  return late;
}

export function clearLateFiles(): void {
  late.clear();
}

/** A built file's final bytes: the late version when there is one, else the file as written. */
export async function readBuiltFile(file: string, relative: string): Promise<Buffer> {
  return (await late.get(relative)) ?? readFileSync(file);
}
