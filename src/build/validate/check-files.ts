/**
 * Runs each content file through the same Zod schema its collection uses (src/content.config.ts),
 * keeping every issue instead of stopping at the first invalid file.
 */
import type { z } from 'astro/zod';
import { drillSchema, handbookSchema, runbookSchema, scaleSchema, templateSchema, type ContentIndex } from '../../schemas';
import type { ContentKind } from '../content-files';
import { describeIssues, type DescribedIssue } from './issues';
import type { Problem } from './problem';
import type { Source } from './sources';

export function schemasFor(index: ContentIndex): Record<ContentKind, z.ZodType> {
  return {
    handbook: handbookSchema(index),
    scale: scaleSchema,
    template: templateSchema(index),
    drill: drillSchema(index),
    runbook: runbookSchema(index),
  };
}

export function checkFiles(sources: readonly Source[], index: ContentIndex): Problem[] {
  const schemas = schemasFor(index);
  const problems: Problem[] = [];
  for (const source of sources) {
    if (source.data === undefined) continue;
    const schema = schemas[source.kind];
    const result = schema.safeParse(source.data, { reportInput: true });
    if (result.success) continue;
    for (const issue of describeIssues(result.error.issues, { file: source.path, data: source.data, schema })) {
      problems.push({ file: source.path, path: issue.path, message: issue.message, line: lineOf(source, issue) });
    }
  }
  return problems;
}

function lineOf(source: Source, { path, atKey = false, input }: DescribedIssue): number | undefined {
  if (path[0] === 'body' && source.body !== undefined && source.bodyLine !== undefined) {
    // The line of the offending text (a placeholder), else the body's first line.
    const at = typeof input === 'string' && input ? source.body.indexOf(input) : -1;
    return source.bodyLine + (at > 0 ? source.body.slice(0, at).split('\n').length - 1 : 0);
  }
  if (!source.yaml || path.length === 0) return undefined;
  // The value's line, or its key's when the value is missing; else the nearest parent that is there.
  for (let depth = path.length; depth > 0; depth--) {
    const at = path.slice(0, depth);
    const line = atKey && depth === path.length ? source.yaml.lineOf(at, { key: true }) : source.yaml.lineOf(at) ?? source.yaml.lineOf(at, { key: true });
    if (line !== undefined) return line;
  }
  return undefined;
}
