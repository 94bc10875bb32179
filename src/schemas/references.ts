import { z } from 'astro/zod';
import { closest, oneOf, type ContentIndex } from './context';
import { normalisePageId } from './ids';

/**
 * Checks of one file's references to other files, against the content index. Each adds an issue
 * at the field and tests the type of what it reads first: it may run on partly invalid data (see
 * `EVEN_IF_INVALID`), where a field that failed its own schema is reported already.
 */

/** Adds an issue when `handbook` is not a handbook file; returns whether it exists. */
export function checkHandbook(
  index: ContentIndex,
  handbook: unknown,
  ctx: z.RefinementCtx,
  path: PropertyKey[] = ['handbook'],
): handbook is string {
  if (typeof handbook !== 'string' || handbook === '') return false;
  if (index.handbooks.has(handbook)) return true;
  const guess = closest(handbook, index.handbooks);
  ctx.addIssue({
    code: 'custom',
    path,
    input: handbook,
    message:
      `Unknown handbook "${handbook}": expected one of ${oneOf(index.handbooks)} ` +
      `(a file in content/handbooks/)${guess ? `. Did you mean "${guess}"?` : ''}`,
  });
  return false;
}

/**
 * Adds an issue when `level` is not an id of the handbook's severity scale. Says nothing when the
 * scale is missing or its ids cannot be read: that is the scale's (or the handbook's) mistake, and
 * it is reported there, once.
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
