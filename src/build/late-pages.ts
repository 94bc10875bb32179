/**
 * What the build's readers of the built site share while Pagefind indexes it:
 * - files whose final bytes are made after Astro writes them: the printed handbooks, assembled from
 *   the runbook pages (src/build/print-integration.ts) and written once Pagefind is done. The link
 *   check and the offline copy take those from here instead of the shell on disk;
 * - each HTML page's revision and size, from the link check, the one pass that reads every page:
 *   the offline copy's manifest takes them rather than reading 200 MB of pages a second time.
 *
 * One state for the build: the integrations share it through this module (astro.config.mjs imports
 * them all).
 */
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const late = new Map<string, Promise<Buffer>>();

/** `relative`: the file's path under the output folder, `demo/print/index.html`. */
export function setLateFile(relative: string, bytes: Promise<Buffer>): void {
  // Awaited by whoever reads it; until then a failure must not count as unhandled.
  bytes.catch(() => {});
  late.set(relative, bytes);
}

export function clearLateFiles(): void {
  late.clear();
  pageDigests = undefined;
}

/** A built file's final bytes: the late version when there is one, else the file as written. */
export async function readBuiltFile(file: string, relative: string): Promise<Buffer> {
  return (await late.get(relative)) ?? readFileSync(file);
}

/** What the offline copy needs of a file: a revision that changes when its bytes do, and its size. */
export interface FileDigest {
  /** 128 bits of the file's SHA-256, hex (SHA-256 is fast with the CPU's SHA instructions: less than half MD5's time). */
  revision: string;
  /** Bytes. */
  size: number;
}

export function digestOf(bytes: Uint8Array): FileDigest {
  return { revision: hash('sha256', bytes).slice(0, 32), size: bytes.length };
}

let pageDigests: Promise<ReadonlyMap<string, FileDigest>> | undefined;

/** The link check's digests of every HTML page, by path under the output folder. */
export function sharePageDigests(digests: Promise<ReadonlyMap<string, FileDigest>>): void {
  digests.catch(() => {});
  pageDigests = digests;
}

/** The HTML pages' digests when a reader of every page shares them (the link check), else undefined. */
export function sharedPageDigests(): Promise<ReadonlyMap<string, FileDigest>> | undefined {
  return pageDigests;
}
