import { z } from 'astro/zod';
import { closest, oneOf, type ContentIndex } from './context';

/** Adds an issue when `handbook` is not a handbook file; returns whether it exists. */
export function checkHandbook(
  index: ContentIndex,
  handbook: string,
  ctx: z.RefinementCtx,
  path: PropertyKey[] = ['handbook'],
): boolean {
  if (index.handbooks.has(handbook)) return true;
  const guess = closest(handbook, index.handbooks);
  ctx.addIssue({
    code: 'custom',
    path,
    message:
      `Unknown handbook "${handbook}": expected one of ${oneOf(index.handbooks)} ` +
      `(a file in content/handbooks/)${guess ? `. Did you mean "${guess}"?` : ''}`,
  });
  return false;
}

/** Adds an issue when `level` is not an id of the handbook's severity scale. */
export function checkLevel(
  index: ContentIndex,
  handbook: string,
  level: string,
  ctx: z.RefinementCtx,
  path: PropertyKey[],
): void {
  const levels = index.levels.get(handbook);
  if (!levels) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `Handbook "${handbook}" has no severity scale: add content/scales/${handbook}.yaml before using level "${level}"`,
    });
    return;
  }
  if (levels.includes(level)) return;
  const guess = closest(level, levels);
  ctx.addIssue({
    code: 'custom',
    path,
    message:
      `Unknown severity "${level}" for handbook "${handbook}": expected one of ${oneOf(levels)}` +
      (guess ? `. Did you mean "${guess}"?` : ''),
  });
}

/** Adds an issue when `runbook` is not a page under content/docs/. */
export function checkRunbookRef(index: ContentIndex, runbook: string, ctx: z.RefinementCtx, path: PropertyKey[]): void {
  const id = normaliseRunbookId(runbook);
  if (index.runbooks.has(id)) return;
  const guess = closest(id, index.runbooks);
  ctx.addIssue({
    code: 'custom',
    path,
    message:
      `Unknown runbook "${runbook}": no page content/docs/${id}.mdx (or .md, or ${id}/index.mdx)` +
      (guess ? `. Did you mean "${guess}"?` : ''),
  });
}

/** Accepts "x/y", "/x/y/" and "x/y/index" for the same page. */
export function normaliseRunbookId(runbook: string): string {
  return runbook.replace(/^\/+|\/+$/g, '').replace(/(^|\/)index$/, '') || 'index';
}
