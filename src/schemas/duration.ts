import { z } from 'astro/zod';
import { DURATION_HINT, parseDuration, type Duration } from './duration-text';

/** A duration written as people write it ("15m", "next business day"), parsed into a typed value. */
export const durationSchema = z
  .union([z.string(), z.number()])
  .transform((value, ctx): Duration => {
    const parsed = parseDuration(value);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', input: value, message: `Cannot read "${value}" as a duration: expected ${DURATION_HINT}` });
      return z.NEVER;
    }
    return parsed;
  });
