import { z } from 'astro/zod';
import { DURATION_HINT, parseDuration, type Duration } from './duration-text.ts';

/** What a duration is written as: text ("15m") or a number (0). Shared by every duration schema, so the validator can tell one. */
const durationInput = z.union([z.string(), z.number()]);

/** A duration written as people write it ("15m", "next business day"), parsed into a typed value. */
export const durationSchema = durationInput.transform((value, ctx): Duration => {
  const parsed = parseDuration(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', input: value, message: `Cannot read "${value}" as a duration: expected ${DURATION_HINT}` });
    return z.NEVER;
  }
  return parsed;
});

/** The grammar of a review interval, for error messages. */
export const REVIEW_INTERVAL_HINT = 'a review interval of a day or more, such as "90 days", "3 months" or "1 year"';

/**
 * How often a runbook is reviewed: a duration of at least a day. "5m" or "immediate" parse as
 * durations but would make every page overdue a minute after its review.
 */
export const reviewIntervalSchema = durationSchema.superRefine((duration, ctx) => {
  if (duration.kind === 'business-days' || duration.minutes >= 1440) return;
  ctx.addIssue({ code: 'custom', input: duration.text, message: `"${duration.text}" is too short for a review interval: expected ${REVIEW_INTERVAL_HINT}` });
});

/**
 * Whether a schema (one of the wrappers of a field, see src/build/validate/issues.ts) reads a
 * duration, so that a missing one is described as a duration, not as "text or a number".
 */
export function isDurationSchema(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def as { type: string; in?: z.core.$ZodType };
  return def.type === 'pipe' && def.in === durationInput;
}
