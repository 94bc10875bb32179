/**
 * Reads the ids every schema checks references against (see src/schemas/context.ts) straight from
 * content/, before Astro validates anything. Tolerant on purpose: a malformed scale still yields the
 * level ids it has, and its own schema reports what is wrong with it.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { makeContentIndex, normaliseRunbookId, type ContentIndex } from '../schemas';

const DOC_EXTENSIONS = /\.(md|mdx)$/;

export function readContentIndex(contentDir: string): ContentIndex {
  const handbooks = listFiles(join(contentDir, 'handbooks'), /\.ya?ml$/).map(stem);
  const levels: Record<string, string[]> = {};
  for (const file of listFiles(join(contentDir, 'scales'), /\.ya?ml$/)) {
    levels[stem(file)] = levelIdsOf(file);
  }
  const docsDir = join(contentDir, 'docs');
  const runbooks = listFiles(docsDir, DOC_EXTENSIONS, true)
    .map((file) => relative(docsDir, file).split(sep).join('/'))
    .filter((path) => !path.split('/').some((part) => part.startsWith('_')))
    .map((path) => normaliseRunbookId(path.replace(DOC_EXTENSIONS, '')));
  return { ...makeContentIndex({ levels, runbooks }), handbooks: new Set(handbooks) };
}

function levelIdsOf(file: string): string[] {
  try {
    const data = parse(readFileSync(file, 'utf8')) as { levels?: { id?: unknown }[] } | null;
    return (data?.levels ?? []).map((level) => level?.id).filter((id): id is string => typeof id === 'string');
  } catch {
    return []; // The scale's own schema reports the YAML error with its position.
  }
}

function listFiles(dir: string, pattern: RegExp, recursive = false): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function stem(file: string): string {
  return file.split(sep).pop()!.replace(/\.[^.]+$/, '');
}
