import { z } from 'astro/zod';
import { oneOf, type ContentIndex } from './context';
import { durationSchema } from './duration';
import { checkHandbook, checkLevel } from './references';

/** What a runbook page is for; drives its badge and its place in the sidebar. */
export const RUNBOOK_KINDS = ['overview', 'scenario', 'process', 'reference', 'onboarding'] as const;

/**
 * The fields a runbook adds to Starlight's docs frontmatter. Kept as a plain object so that
 * `docsSchema({ extend })` can merge it; the checks that need other files are in `checkRunbook`.
 * `handbook` and `kind` are required of every file under content/docs/ (see `entryPath`); pages
 * built in code with <StarlightPage>, such as the home page, have neither.
 */
export const runbookFields = z.object({
  /** The handbook this page belongs to (a file in content/handbooks/, and the page's folder). */
  handbook: z.string().min(1).optional(),
  kind: z.enum(RUNBOOK_KINDS).optional(),
  /** Typical severity: one level id of the handbook's scale, or several. */
  severity: z
    .union([z.string(), z.array(z.string()).min(1)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
  /** Systems involved; shown on the page and searchable. */
  services: z.array(z.string()).default([]),
  /** Team or person who keeps the page true. */
  owner: z.string().optional(),
  /** When someone last checked the page against reality. */
  lastReviewed: z.coerce.date().optional(),
  /** How often it must be reviewed; with lastReviewed the page says when it is overdue. */
  reviewEvery: durationSchema.optional(),
  tags: z.array(z.string()).default([]),
  /** Set by the docs loader (never by authors): the entry's id, so checks can see its folder. */
  entryPath: z.string().optional(),
});

type RunbookFields = z.output<typeof runbookFields>;

/** Checks what depends on the file's place and on other files. */
export function checkRunbook(index: ContentIndex) {
  return (data: Pick<RunbookFields, 'handbook' | 'kind' | 'severity' | 'entryPath'>, ctx: z.RefinementCtx) => {
    // "x/index.mdx" has the id "x": the first segment of the id is the folder under content/docs/.
    const folder = data.entryPath?.split('/')[0];
    // Pages at the top of content/docs/ that are not a handbook's index (404.md) are site pages.
    const sitePage = data.entryPath !== undefined && !data.entryPath.includes('/') && !index.handbooks.has(data.entryPath) && !data.handbook;
    if (data.entryPath !== undefined && !sitePage) {
      if (!data.kind) {
        ctx.addIssue({ code: 'custom', path: ['kind'], message: `Missing field "kind": expected one of ${RUNBOOK_KINDS.join(', ')}` });
      }
      if (!data.handbook) {
        ctx.addIssue({
          code: 'custom',
          path: ['handbook'],
          message: `Missing field "handbook": expected the id of a handbook${folder ? `, here "${folder}" (the page's folder)` : ''}; known handbooks: ${oneOf(index.handbooks)}`,
        });
        return;
      }
      if (folder !== data.handbook) {
        ctx.addIssue({
          code: 'custom',
          path: ['handbook'],
          message: folder
            ? `Handbook "${data.handbook}" does not match the page's folder "${folder}": runbooks live in content/docs/<handbook>/`
            : `Runbooks live in their handbook's folder: move this page to content/docs/${data.handbook}/`,
        });
      }
    }
    if (!data.handbook) return;
    if (!checkHandbook(index, data.handbook, ctx)) return;
    data.severity.forEach((level, i) =>
      checkLevel(index, data.handbook!, level, ctx, data.severity.length === 1 ? ['severity'] : ['severity', i]),
    );
  };
}

/** The runbook fields with their checks, for tests and for anything that validates without Starlight. */
export function runbookSchema(index: ContentIndex) {
  return runbookFields.superRefine(checkRunbook(index));
}

export type Runbook = RunbookFields;
