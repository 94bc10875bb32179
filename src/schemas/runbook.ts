import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { EVEN_IF_INVALID, oneOf, type ContentIndex } from './context';
import { contentDateSchema } from './dates';
import { reviewIntervalSchema } from './duration';
import { folderOfPage } from './ids';
import { checkHandbookOfEntry, checkLevel } from './references';

/** What a runbook page is for; drives its badge and its place in the sidebar. */
export const RUNBOOK_KINDS = ['overview', 'scenario', 'process', 'reference', 'onboarding'] as const;
export type RunbookKind = (typeof RUNBOOK_KINDS)[number];

/**
 * Starlight's own frontmatter keys (its `docsSchema`). A runbook's frontmatter may use these and the
 * fields below, nothing else: an unknown key is a typo until proven otherwise.
 */
export const STARLIGHT_FRONTMATTER_KEYS = [
  'title', 'description', 'editUrl', 'head', 'tableOfContents', 'template', 'hero', 'lastUpdated', 'prev', 'next',
  'sidebar', 'banner', 'pagefind', 'draft',
] as const;

/**
 * The fields a runbook adds to Starlight's docs frontmatter. Kept as a plain object so that
 * `docsSchema({ extend })` can merge it; the checks that need other files are in `checkRunbook`.
 * Strict: `docsSchema` keeps the strictness of the extension, so the merged schema accepts exactly
 * Starlight's keys and these. `handbook` and `kind` are required of every file under content/docs/
 * (see `entryPath`); pages built in code with <StarlightPage>, such as the home page, have neither.
 */
export const runbookFields = z.strictObject({
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
  /** When someone last checked the page against reality: YYYY-MM-DD, not in the future. */
  lastReviewed: contentDateSchema({ notInFuture: 'a review date is when someone checked the page' }).optional(),
  /** How often it must be reviewed (a day or more); with lastReviewed the page says when it is overdue. */
  reviewEvery: reviewIntervalSchema.optional(),
  tags: z.array(z.string()).default([]),
  /** Set by the docs loader (never by authors): the entry's id, so checks can see its folder. See `INTERNAL_KEYS`. */
  entryPath: z.string().optional(),
});

type RunbookFields = z.output<typeof runbookFields>;

/**
 * Checks what depends on the file's place and on other files. Runs even when a field failed
 * (pass `EVEN_IF_INVALID` with it), so it type-tests what it reads.
 */
export function checkRunbook(index: ContentIndex) {
  return (data: Pick<RunbookFields, 'handbook' | 'kind' | 'severity' | 'entryPath'>, ctx: z.RefinementCtx) => {
    const folder = data.entryPath === undefined ? undefined : folderOfPage(data.entryPath);
    // Pages at the top of content/docs/ that are not a handbook's index (404.md) are site pages.
    const sitePage = data.entryPath !== undefined && !data.entryPath.includes('/') && !index.handbooks.has(data.entryPath) && data.handbook === undefined;
    if (data.entryPath !== undefined && !sitePage) {
      if (data.kind === undefined) {
        ctx.addIssue({ code: 'custom', path: ['kind'], message: `Missing field \`kind\`: expected one of ${oneOf(RUNBOOK_KINDS)}` });
      }
      if (data.handbook === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['handbook'],
          message: `Missing field \`handbook\`: expected the id of a handbook${folder ? `, here "${folder}" (the page's folder)` : ''}; known handbooks: ${oneOf(index.handbooks)}`,
        });
        return;
      }
    }
    const handbook = checkHandbookOfEntry(index, { kind: 'runbook', handbook: data.handbook, entryPath: sitePage ? undefined : data.entryPath }, ctx);
    if (handbook === undefined || !Array.isArray(data.severity)) return;
    data.severity.forEach((level, i) =>
      checkLevel(index, handbook, level, ctx, data.severity.length === 1 ? ['severity'] : ['severity', i]),
    );
  };
}

type SchemaContext = Parameters<ReturnType<typeof docsSchema>>[0];

/** Outside Astro there is no image pipeline: an image field (a hero image) is checked as a path. */
const NO_IMAGE_PIPELINE = { image: () => z.string() } as unknown as SchemaContext;

/**
 * A runbook's frontmatter as the docs collection checks it: Starlight's fields, ours, and the checks
 * against other files. The collection (src/content.config.ts) passes Astro's schema context; the
 * validator and the tests use it as it is.
 */
export function runbookSchema(index: ContentIndex, context: SchemaContext = NO_IMAGE_PIPELINE) {
  return docsSchema({ extend: runbookFields })(context).superRefine(checkRunbook(index), EVEN_IF_INVALID);
}

export type Runbook = RunbookFields;
