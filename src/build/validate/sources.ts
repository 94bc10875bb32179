/**
 * Reads every content file from disk, as Astro's loaders would see it: YAML files whole, message
 * templates as frontmatter plus `body`, and each file that lives in a handbook's folder (runbooks,
 * templates, drills) with its entry id as `entryPath`. A file that cannot be read at all (a YAML
 * syntax error, a template without frontmatter) becomes a problem here and is not checked further.
 *
 * Two things are caught here because the data alone cannot show them: a key the loaders set
 * (`entryPath`, a template's `body`) written by the author, which the loader would silently
 * overwrite; and a date that the YAML reader moved (`2025-13-45` becomes 2026-02-14), which is handed
 * to the schema as the text the author wrote, so the schema reports it (see src/schemas/dates.ts).
 */
import { readFileSync } from 'node:fs';
import { DATE_FIELDS, INTERNAL_KEYS, calendarDateProblem } from '../../schemas';
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
      const found = read(file, text);
      sources.push(found.source);
      problems.push(...found.problems);
    }
  }
  return { sources, problems };
}

function read(file: ContentFile, text: string): { source: Source; problems: Problem[] } {
  const unreadable = (message: string, line?: number) => ({
    source: { ...file, text, data: undefined },
    problems: [{ file: file.path, path: [], message, line }],
  });
  if (file.kind === 'handbook' || file.kind === 'scale' || file.kind === 'drill') {
    const yaml = readYaml(text);
    if (yaml.error) return unreadable(`Not valid YAML: ${yaml.error.message}`, yaml.error.line);
    const data = yaml.data ?? {};
    if (!isMapping(data)) return { source: { ...file, text, yaml, data }, problems: [] };
    return { source: { ...file, text, yaml, data: asLoaded(file, asWritten(file.kind, data, yaml)) }, problems: loaderKeys(file, data, yaml) };
  }
  const frontmatter = readFrontmatter(text);
  if (!frontmatter) {
    if (file.kind === 'template') return unreadable('No frontmatter: expected the template\'s fields between two "---" lines at the top of the file');
    // Astro reads a runbook without frontmatter as one with no fields: its schema says which are missing.
    return { source: { ...file, text, data: asLoaded(file, {}), body: text, bodyLine: 1 }, problems: [] };
  }
  const { yaml, body, bodyLine } = frontmatter;
  if (yaml.error) return unreadable(`The frontmatter is not valid YAML: ${yaml.error.message}`, yaml.error.line);
  const fields = yaml.data ?? {};
  if (!isMapping(fields)) {
    return unreadable(`The frontmatter must be a mapping of fields (key: value), received ${Array.isArray(fields) ? 'a list' : 'a single value'}`, bodyLine - 1);
  }
  // As the template loader passes it: the body without leading blank lines or trailing space.
  const loaded = file.kind === 'template' ? { body: body.replace(/^\s*\n/, '').replace(/\s+$/, '') } : {};
  return {
    source: { ...file, text, yaml, body, bodyLine, data: asLoaded(file, { ...asWritten(file.kind, fields, yaml), ...loaded }) },
    problems: loaderKeys(file, fields, yaml),
  };
}

/** The data as the loaders pass it: files that live in a handbook's folder get their entry id as `entryPath`. */
function asLoaded(file: ContentFile, data: Record<string, unknown>): Record<string, unknown> {
  return file.kind === 'runbook' || file.kind === 'template' || file.kind === 'drill' ? { ...data, entryPath: file.id } : data;
}

/** Keys the loaders set (see `INTERNAL_KEYS`) that the author wrote: the loader would overwrite them without a word. */
function loaderKeys(file: ContentFile, written: Record<string, unknown>, yaml: YamlText): Problem[] {
  // Elsewhere (a handbook, a scale) the schema itself reports them as unknown fields.
  const set = file.kind === 'template' ? INTERNAL_KEYS : file.kind === 'runbook' || file.kind === 'drill' ? ['entryPath'] : [];
  return set.filter((key) => key in written).map((key) => ({
    file: file.path,
    path: [key],
    line: yaml.lineOf([key], { key: true }),
    message: key === 'body'
      ? 'Unknown field `body`: a template\'s body is the text below the frontmatter. Remove this field'
      : 'Unknown field `entryPath`: the build sets it from the file\'s place. Remove this field',
  }));
}

/**
 * The data with each content date the YAML reader turned into a Date put back as the text the author
 * wrote, unless that text is a real date written YYYY-MM-DD: `2025-13-45`, `2025-02-30` and
 * `2025-01-20T10:00` then reach the schema as they are written, and are reported as such.
 */
function asWritten(kind: ContentKind, data: Record<string, unknown>, yaml: YamlText): Record<string, unknown> {
  const fields: readonly string[] = kind === 'runbook' || kind === 'handbook' ? DATE_FIELDS[kind] : [];
  let copy: Record<string, unknown> | undefined;
  for (const field of fields) {
    if (!(data[field] instanceof Date)) continue;
    const written = yaml.sourceAt([field]);
    if (written === undefined || calendarDateProblem(written) === undefined) continue;
    copy ??= { ...data };
    copy[field] = written;
  }
  return copy ?? data;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
