/**
 * The one directory walker of the build: the content reader, the template loader and the link
 * checker of the built site all list files through it, so "which files count" is decided once.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface ListedFile {
  /** Absolute path. */
  file: string;
  /** Path relative to the listed folder, with `/` on every platform. */
  relative: string;
}

/** Every file under `dir` (recursively) whose relative path passes `keep`, sorted; none if `dir` is missing. */
export function listFiles(dir: string, keep: (relativePath: string) => boolean = () => true): ListedFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      return { file, relative: relative(dir, file).split(sep).join('/') };
    })
    .filter((listed) => keep(listed.relative))
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
