/**
 * The precache manifest: each file the worker keeps, with a revision that changes when the file
 * does (a hash of its bytes). Hashing the pages is most of the work of
 * the offline copy (about 220 MB at 1,000 runbooks), so it yields to the event loop as it goes: it
 * runs while Pagefind indexes the site in a process of its own, and Starlight's exchanges with that
 * process must not wait behind it.
 */
import { readFileSync } from 'node:fs';
import { timeSlices } from '../background.ts';
import { digestOf, type FileDigest } from '../late-pages.ts';

export interface PrecacheEntry {
  /** Relative to the site's root: "demo/index.html". */
  url: string;
  /** 128 bits of the file's SHA-256, hex (SHA-256 is fast with the CPU's SHA instructions: less than half MD5's time). */
  revision: string;
  /** Bytes. */
  size: number;
}

export interface PrecacheManifest {
  entries: PrecacheEntry[];
  /** One line per file left out, saying why. */
  warnings: string[];
}

/** Files above this size are left out (with a warning): a page that big is a mistake worth a word. */
export const MAXIMUM_FILE_SIZE = 2 * 1024 * 1024;

/** The warning for a file left out for its size. */
export function tooBig(relative: string, size: number, maximumFileSize: number): string {
  return `${relative} is ${(size / 1e6).toFixed(1)} MB, over the ${(maximumFileSize / 1024 / 1024).toFixed(0)} MB a precached file may be: it is left out of the offline copy.`;
}

export interface HashOptions {
  /** Files above this size are left out with a warning; default MAXIMUM_FILE_SIZE. */
  maximumFileSize?: number;
  /** How long the hashing runs before it lets other work in, in milliseconds; default 8. */
  sliceMs?: number;
  /** Reads a file's bytes; default: from disk. The build passes late-pages.ts's reader (the printed handbooks). */
  read?: (file: string, relative: string) => Buffer | Promise<Buffer>;
  /** Files already hashed (the HTML pages, by the link check): taken as they are, not read again. */
  known?: ReadonlyMap<string, FileDigest>;
}

/**
 * Reads and hashes `files` ({ file: absolute path, relative: its URL under the site's root }), in
 * their order. A file over the maximum size is left out with a warning naming it and its size.
 */
export async function hashFiles(files: readonly { file: string; relative: string }[], { maximumFileSize = MAXIMUM_FILE_SIZE, sliceMs = 8, read = (file) => readFileSync(file), known }: HashOptions = {}): Promise<PrecacheManifest> {
  const entries: PrecacheEntry[] = [];
  const warnings: string[] = [];
  const pause = timeSlices(sliceMs);
  for (const { file, relative } of files) {
    const { revision, size } = known?.get(relative) ?? digestOf(await read(file, relative));
    if (size > maximumFileSize) {
      warnings.push(tooBig(relative, size, maximumFileSize));
    } else {
      entries.push({ url: relative, revision, size });
    }
    await pause();
  }
  return { entries, warnings };
}
