import { z } from 'astro/zod';

/**
 * Calendar dates in content (a runbook's `lastReviewed`, a handbook's `sourceUpdated`): written
 * YYYY-MM-DD, and a day that exists. YAML readers turn `2025-13-45` into a Date before any schema
 * runs, rolling it over to 2026-02-14 without a word; the validator hands such a value over as the
 * text the author wrote (see `DATE_FIELDS` and src/build/validate/sources.ts), so it is checked here.
 * `1/2/2026` reaches the schema as text and is refused: it reads as 2 January or 1 February.
 */

/** The top-level fields that hold a content date, by the kind of file. */
export const DATE_FIELDS = { runbook: ['lastReviewed'], handbook: ['sourceUpdated'] } as const;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What is wrong with a date as written, or `undefined` when it is a real calendar day written
 * YYYY-MM-DD: "there is no month 13", "February 2025 has 28 days".
 */
export function calendarDateProblem(text: string): string | undefined {
  const match = ISO_DAY.exec(text.trim());
  if (!match) return 'expected a date written YYYY-MM-DD, such as 2024-01-20';
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12) return `there is no month ${month}: expected a date written YYYY-MM-DD, such as 2024-01-20`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days: expected a real calendar date written YYYY-MM-DD`;
  return undefined;
}

/**
 * The latest date that is already today somewhere (UTC+14): a date written today in Auckland is not
 * "in the future" for a build that runs in London.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A content date: a Date as the YAML reader gives it, or text written YYYY-MM-DD; the result is the
 * day at midnight UTC. `notInFuture` is the reason a date after today is wrong, when it is.
 */
export function contentDateSchema(options: { notInFuture?: string } = {}) {
  return z.union([z.date(), z.string()]).transform((value, ctx): Date => {
    let day: string;
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', input: value, message: 'Not a date: expected a date written YYYY-MM-DD, such as 2024-01-20' });
        return z.NEVER;
      }
      day = value.toISOString().slice(0, 10);
    } else {
      const problem = calendarDateProblem(value);
      if (problem) {
        ctx.addIssue({ code: 'custom', input: value, message: `Cannot read "${value}" as a date: ${problem}` });
        return z.NEVER;
      }
      day = value.trim();
    }
    const today = latestToday();
    if (options.notInFuture && day > today) {
      ctx.addIssue({ code: 'custom', input: value, message: `${day} is in the future: ${options.notInFuture} (expected today or an earlier day)` });
      return z.NEVER;
    }
    return new Date(`${day}T00:00:00Z`);
  });
}
