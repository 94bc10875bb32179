/**
 * Validates all content in one pass, without Astro: reads every file, checks the scales first (their
 * level ids are what other files are checked against), then every other file against the same Zod
 * schemas the collections use, then the checks across files, each MDX runbook's body (it compiles,
 * its imports exist, our components' properties name real content), and the internal links written
 * in runbooks and in YAML text. Returns every problem; nothing stops at the first one.
 */
import { resolve } from 'node:path';
import { contentIndexOf } from '../content-index';
import { displayPath } from '../content-files';
import { findIntegrityProblems } from '../integrity';
import { checkFiles } from './check-files';
import { findMdxProblems } from './components';
import { findSourceLinkProblems, findYamlLinkProblems, siteRoutes } from './links';
import type { Problem } from './problem';
import { readSources, type Source } from './sources';
import { findTeamProblems } from './team';

export type { Problem } from './problem';
export { formatReport, summary, REPORT_HINT } from './report';

export interface ValidationResult {
  problems: Problem[];
  /** How many files of each kind were read. */
  counts: Record<Source['kind'], number>;
  ms: number;
}

export interface ValidateOptions {
  /** The project folder (src/pages and public/ give the site's other addresses). */
  root: string;
  /** The content folder; defaults to <root>/content. */
  contentDir?: string;
}

export function validateContent({ root, contentDir = resolve(root, 'content') }: ValidateOptions): ValidationResult {
  const started = performance.now();
  // Files that cannot be read at all (a YAML syntax error) are problems already, and not checked further.
  const { sources, problems: unreadable } = readSources(root, contentDir);
  const of = (kind: Source['kind']) => sources.filter((source) => source.kind === kind);

  const index = contentIndexOf({
    handbooks: of('handbook').map((source) => source.id),
    // A scale that is not even valid YAML has no data: no trusted level ids either.
    scales: of('scale').map((source) => ({ id: source.id, data: source.data })),
    runbooks: of('runbook').map((source) => source.id),
  });
  // A scale whose level ids cannot be read, or that repeats one, says under its own errors what was not checked.
  const noted = (problem: Problem): Problem => {
    const scale = of('scale').find((source) => source.path === problem.file);
    if (!scale) return problem;
    if (index.unreadableScales.has(scale.id)) return { ...problem, note: SKIPPED_NOTE(scale.id) };
    const displaced = index.displacedLevels.get(scale.id);
    return displaced ? { ...problem, note: DISPLACED_NOTE(scale.id, [...displaced]) } : problem;
  };
  const scaleProblems = [...unreadable, ...checkFiles(of('scale'), index)].map(noted);
  const otherProblems = checkFiles(sources.filter((source) => source.kind !== 'scale'), index);

  const contentPath = displayPath(root, contentDir);
  const integrity = findIntegrityProblems({
    contentPath,
    files: sources,
    starts: of('handbook').flatMap((source) => {
      const start = (source.data as { start?: unknown } | undefined)?.start;
      return typeof start === 'string' ? [{ handbook: source.id, start }] : [];
    }),
  });
  const mdx = findMdxProblems(
    of('runbook').flatMap((source) => (source.file.endsWith('.mdx') && source.body !== undefined ? [{ path: source.path, file: source.file, body: source.body, bodyLine: source.bodyLine ?? 1 }] : [])),
    { root, index, templates: new Set(of('template').map((source) => source.id)) },
  );
  const routes = siteRoutes(root);
  const pages = of('runbook').map((source) => ({ id: source.id, path: source.path, body: source.body ?? '', bodyLine: source.bodyLine ?? 1 }));
  const links = [
    ...findSourceLinkProblems(pages, routes),
    ...findYamlLinkProblems(
      sources.flatMap((source) => (source.kind !== 'runbook' && source.data !== undefined && source.yaml ? [{ path: source.path, data: source.data, lineOf: source.yaml.lineOf }] : [])),
      pages,
      routes,
    ),
  ];

  const team = findTeamProblems(sources, contentDir, root);

  // Scales first (other files' checks depend on them), then the files in reading order.
  const order = new Map(sources.map((source, i) => [source.path, source.kind === 'scale' ? i - sources.length : i]));
  const all = [...scaleProblems, ...otherProblems, ...integrity, ...mdx, ...links, ...team].sort(
    (a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || (a.line ?? 0) - (b.line ?? 0),
  );
  const counts = { handbook: 0, scale: 0, template: 0, drill: 0, runbook: 0 };
  for (const source of sources) counts[source.kind]++;
  return { problems: all, counts, ms: performance.now() - started };
}

const SKIPPED_NOTE = (handbook: string) =>
  `the severities used in this scale's questions and thresholds, and in the runbooks, templates and drills of "${handbook}", are checked once every level has a readable id.`;

const DISPLACED_NOTE = (handbook: string, ids: string[]) =>
  `until each level has its own id, ${ids.length === 1 ? 'the severity' : 'the severities'} ${ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`} (which the repeated level may be meant to have) ` +
  `${ids.length === 1 ? 'is' : 'are'} not reported in this scale or in the runbooks, templates and drills of "${handbook}"; any other unknown severity is.`;

export { contentDirFromEnv } from '../content-dir';
