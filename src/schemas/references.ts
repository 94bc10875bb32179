import { z } from 'astro/zod';
import { closest, oneOf, type ContentIndex } from './context';
import { folderOfPage, normalisePageId } from './ids';

/**
 * Checks of one file's references to other files, against the content index. Each adds an issue
 * at the field and tests the type of what it reads first: it may run on partly invalid data (see
 * `EVEN_IF_INVALID`), where a field that failed its own schema is reported already.
 */

/** Files that live in their handbook's folder, and where. */
const ENTRY_PLACES = {
  runbook: { noun: 'page', plural: 'runbooks', folder: 'docs' },
  template: { noun: 'template', plural: 'templates', folder: 'templates' },
  drill: { noun: 'drill', plural: 'drills', folder: 'drills' },
} as const;
export type EntryKind = keyof typeof ENTRY_PLACES;

/** The folder an entry id puts a file in: "demo" for "demo/x"; "" for a file at the top. Runbooks: see `folderOfPage`. */
export function folderOfEntry(kind: EntryKind, entryPath: string): string {
  if (kind === 'runbook') return folderOfPage(entryPath);
  return entryPath.includes('/') ? entryPath.split('/')[0] : '';
}

/**
 * Checks the `handbook` of a file that lives in its handbook's folder (a runbook, a template, a
 * drill; `entryPath` is its entry id, when known). One mistake gives one issue: an unknown handbook
 * is reported as unknown (suggesting the folder when it is close), not also as a mismatch with the
 * folder; a known one in the wrong folder as the mismatch. Returns the handbook to check the file's
 * severities against, or nothing when either is wrong, so that `severity` or `expected` are not
 * blamed for the consequence.
 */
export function checkHandbookOfEntry(
  index: ContentIndex,
  entry: { kind: EntryKind; handbook: unknown; entryPath?: unknown },
  ctx: z.RefinementCtx,
): string | undefined {
  const { handbook } = entry;
  if (typeof handbook !== 'string' || handbook === '') return undefined;
  const place = ENTRY_PLACES[entry.kind];
  const folder = typeof entry.entryPath === 'string' ? folderOfEntry(entry.kind, entry.entryPath) : undefined;
  if (!index.handbooks.has(handbook)) {
    // The folder decides which handbook a file belongs to: it is the only suggestion that would do.
    const guess = folder && index.handbooks.has(folder) ? closest(handbook, [folder]) : closest(handbook, index.handbooks);
    ctx.addIssue({
      code: 'custom',
      path: ['handbook'],
      input: handbook,
      message:
        `Unknown handbook "${handbook}": expected one of ${oneOf(index.handbooks)} ` +
        `(a file in content/handbooks/)${guess ? `. Did you mean "${guess}"?` : ''}`,
    });
    return undefined;
  }
  if (folder === undefined || folder === handbook) return handbook;
  ctx.addIssue({
    code: 'custom',
    path: ['handbook'],
    input: handbook,
    message: folder
      ? `Handbook "${handbook}" does not match the ${place.noun}'s folder "${folder}": ${place.plural} live in content/${place.folder}/<handbook>/`
      : `${place.plural[0].toUpperCase()}${place.plural.slice(1)} live in their handbook's folder: move this ${place.noun} to content/${place.folder}/${handbook}/`,
  });
  return undefined;
}

/**
 * Adds an issue when `level` is not an id of the handbook's severity scale. Says nothing when the
 * scale is missing or its ids cannot be read, or when the scale repeats an id and this may be the
 * one it meant: that is the scale's (or the handbook's) mistake, and it is reported there, once.
 */
export function checkLevel(
  index: ContentIndex,
  handbook: string,
  level: unknown,
  ctx: z.RefinementCtx,
  path: PropertyKey[],
): void {
  const levels = index.levels.get(handbook);
  if (!levels || typeof level !== 'string' || levels.includes(level)) return;
  // The scale repeats a level id, and this may be the id that level was meant to have.
  if (index.displacedLevels?.get(handbook)?.has(level)) return;
  const guess = closest(level, levels);
  ctx.addIssue({
    code: 'custom',
    path,
    input: level,
    message:
      `Unknown severity "${level}" for handbook "${handbook}": expected one of ${oneOf(levels)}` +
      (guess ? `. Did you mean "${guess}"?` : ''),
  });
}

/** Adds an issue when `runbook` is not a page under content/docs/. */
export function checkRunbookRef(index: ContentIndex, runbook: unknown, ctx: z.RefinementCtx, path: PropertyKey[]): void {
  if (typeof runbook !== 'string') return;
  const id = normalisePageId(runbook);
  if (index.runbooks.has(id)) return;
  const guess = closest(id, index.runbooks);
  ctx.addIssue({
    code: 'custom',
    path,
    input: runbook,
    message:
      `Unknown runbook "${runbook}": no page content/docs/${id}.mdx (or .md, or ${id}/index.mdx)` +
      (guess ? `. Did you mean "${guess}"?` : ''),
  });
}

/** The value of a drill's classifier fact as the classifier's URL carries it: `true` -> "yes", `2.5` -> "2.5". */
export function classifierFactValue(value: string | number | boolean): string {
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value).trim();
}

/**
 * Checks a drill's `classifier:` facts against its handbook's scale: each key a question id (its value
 * one of the question's answers, as the slug of its label or a start of it that only one answer has,
 * or `not-sure`) or a metric's key (a number; yes or no for a free-text threshold), as the
 * classifier's link reads them. Says nothing when the scale's assessment is unknown.
 */
export function checkClassifierFacts(index: ContentIndex, handbook: string, facts: unknown, ctx: z.RefinementCtx, path: PropertyKey[]): void {
  const assessment = index.assessments?.get(handbook);
  if (!assessment || typeof facts !== 'object' || facts === null || Array.isArray(facts)) return;
  const names = [...assessment.questions.keys(), ...assessment.metrics.keys()];
  for (const [key, raw] of Object.entries(facts)) {
    if (!['string', 'number', 'boolean'].includes(typeof raw)) continue;
    const value = classifierFactValue(raw as string | number | boolean).toLowerCase();
    const answers = assessment.questions.get(key);
    const metric = assessment.metrics.get(key);
    const issue = (message: string) => ctx.addIssue({ code: 'custom', path: [...path, key], input: raw, message });
    if (answers) {
      if (value === 'not-sure' || answers.includes(value)) continue;
      const starting = answers.filter((slug) => slug.startsWith(`${value}-`));
      if (starting.length === 1) continue;
      const guess = closest(value, answers);
      issue(
        `"${value}" is not an answer to question "${key}" of the ${handbook} scale: expected one of ${oneOf(answers)} or not-sure` +
          (starting.length > 1 ? ` ("${value}" starts ${starting.length} of them)` : guess ? `. Did you mean "${guess}"?` : ''),
      );
    } else if (metric === 'yes-no') {
      if (value !== 'yes' && value !== 'no') issue(`Metric "${key}" of the ${handbook} scale takes yes or no, got "${value}"`);
    } else if (metric === 'number') {
      if (!/^-?\d+(\.\d+)?$/.test(value)) issue(`Metric "${key}" of the ${handbook} scale takes a number (the reading, without its unit), got "${value}"`);
    } else {
      const guess = closest(key, names);
      issue(
        `Unknown question or metric "${key}" for handbook "${handbook}": expected one of ${oneOf(names)}` +
          (guess ? `. Did you mean "${guess}"?` : ''),
      );
    }
  }
}
