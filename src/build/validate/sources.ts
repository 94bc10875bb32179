/**
 * Reads every content file from disk, as Astro's loaders would see it: YAML files whole, message
 * templates as frontmatter plus `body`, runbooks as frontmatter plus `entryPath`. A file that cannot
 * be read at all (a YAML syntax error, a template without frontmatter) becomes a problem here and
 * is not checked further.
 */
import { readFileSync } from 'node:fs';
import { listContent, type ContentFile, type ContentKind } from '../content-files';
import { readFrontmatter } from '../frontmatter';
import { readYaml, type YamlText } from '../yaml';
import type { Problem } from './problem';

export interface Source extends ContentFile {
  /** The data the collection's schema sees; `undefined` when the file could not be read. */
  data: unknown;
  /** Where a field sits in the file. */
  yaml?: YamlText;
  /** The whole file. */
  text: string;
  /** A runbook's or template's Markdown below the frontmatter, and the line it starts on. */
  body?: string;
  bodyLine?: number;
}

const KINDS: ContentKind[] = ['handbook', 'scale', 'template', 'drill', 'runbook'];

export function readSources(root: string, contentDir: string): { sources: Source[]; problems: Problem[] } {
  const sources: Source[] = [];
  const problems: Problem[] = [];
  for (const kind of KINDS) {
    for (const file of listContent(root, contentDir, kind)) {
      const text = readFileSync(file.file, 'utf8');
      const { source, problem } = read(file, text);
      sources.push(source);
      if (problem) problems.push(problem);
    }
  }
  return { sources, problems };
}

function read(file: ContentFile, text: string): { source: Source; problem?: Problem } {
  const unreadable = (message: string, line?: number) => ({
    source: { ...file, text, data: undefined },
    problem: { file: file.path, path: [], message, line },
  });
  if (file.kind === 'handbook' || file.kind === 'scale' || file.kind === 'drill') {
    const yaml = readYaml(text);
    if (yaml.error) return unreadable(`Not valid YAML: ${yaml.error.message}`, yaml.error.line);
    return { source: { ...file, text, yaml, data: yaml.data ?? {} } };
  }
  const frontmatter = readFrontmatter(text);
  if (!frontmatter) {
    if (file.kind === 'template') return unreadable('No frontmatter: expected the template\'s fields between two "---" lines at the top of the file');
    // Astro reads a runbook without frontmatter as one with no fields: its schema says which are missing.
    return { source: { ...file, text, data: { entryPath: file.id }, body: text, bodyLine: 1 } };
  }
  const { yaml, body, bodyLine } = frontmatter;
  if (yaml.error) return unreadable(`The frontmatter is not valid YAML: ${yaml.error.message}`, yaml.error.line);
  const fields = yaml.data ?? {};
  if (typeof fields !== 'object' || Array.isArray(fields) || fields instanceof Date) {
    return unreadable(`The frontmatter must be a mapping of fields (key: value), received ${Array.isArray(fields) ? 'a list' : 'a single value'}`, bodyLine - 1);
  }
  if (file.kind === 'template') {
    // As the template loader passes it: the body without leading blank lines or trailing space.
    const trimmed = body.replace(/^\s*\n/, '').replace(/\s+$/, '');
    return { source: { ...file, text, yaml, body, bodyLine, data: { ...fields, body: trimmed } } };
  }
  return { source: { ...file, text, yaml, body, bodyLine, data: { ...fields, entryPath: file.id } } };
}
