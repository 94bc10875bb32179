/**
 * When a runbook is due a review, and how urgent that is. Pure: the review dashboard computes the
 * status at build time (for readers without JavaScript and for /reviews.json) and again in the
 * reader's browser against today's date, so a site built months ago still shows the truth.
 */
import { addDuration, parseDuration, type Duration } from './duration';

/** "Due soon" means due within this many days. */
export const DUE_SOON_DAYS = 30;

/** A page that sets no interval, in a handbook that sets none, is reviewed yearly. */
export const DEFAULT_REVIEW_EVERY: Duration = parseDuration('1 year')!;

/**
 * Overdue (including never reviewed: nobody has checked the page against reality, so it cannot be
 * trusted more than an overdue one), due within DUE_SOON_DAYS, or fine.
 */
export const REVIEW_STATUSES = ['overdue', 'due-soon', 'fine'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const DAY = 86_400_000;

/** The interval that applies: the page's own, else its handbook's, else yearly. */
export function reviewInterval(own: Duration | undefined, handbook: Duration | undefined): Duration {
  return own ?? handbook ?? DEFAULT_REVIEW_EVERY;
}

/** The moment the next review falls due; `undefined` for a page never reviewed. */
export function nextReviewDate(lastReviewed: Date | undefined, every: Duration): Date | undefined {
  return lastReviewed ? addDuration(lastReviewed, every) : undefined;
}

/**
 * The status on the day `today` (YYYY-MM-DD), for a review due on the day `nextReview`: overdue from
 * the due day itself (from midnight where the reader is, as a calendar says it), due soon within
 * `dueSoonDays` days of it, fine before that. A page never reviewed has no due day: overdue.
 */
export function reviewStatusOn(nextReview: string | undefined, today: string, dueSoonDays = DUE_SOON_DAYS): ReviewStatus {
  const left = nextReview ? daysBetween(today, nextReview) : Number.NaN;
  if (!(left > 0)) return 'overdue';
  return left <= dueSoonDays ? 'due-soon' : 'fine';
}

/**
 * The status on `now`, by the UTC calendar day (the build and /reviews.json, which give their time
 * in UTC); the dashboard works it out again by the reader's own day (`reviewStatusOn`, `localDay`).
 */
export function reviewStatus(nextReview: Date | undefined, now: Date, dueSoonDays = DUE_SOON_DAYS): ReviewStatus {
  if (!nextReview || Number.isNaN(nextReview.getTime())) return 'overdue';
  return reviewStatusOn(isoDay(nextReview), isoDay(now), dueSoonDays);
}

/** Whole days from one YYYY-MM-DD to another (negative when `to` is earlier); NaN for anything else. */
export function daysBetween(from: string, to: string): number {
  const day = (text: string) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN);
  return Math.round((day(to) - day(from)) / DAY);
}

/** An interval in calendar days, for bots (business days count as 7 for every 5). */
export function intervalDays(every: Duration): number {
  return every.kind === 'business-days' ? Math.ceil((every.days * 7) / 5) : Math.round(every.minutes / 1440);
}

export interface ReviewOrderKey {
  status: ReviewStatus;
  /** Milliseconds since the epoch; `undefined` when never reviewed. */
  nextReview: number | undefined;
  title: string;
}

const RANK: Record<ReviewStatus, number> = { overdue: 0, 'due-soon': 1, fine: 2 };

/** Overdue first (never reviewed first of all, then the longest overdue), then due soon, then fine; soonest due first. */
export function compareReviews(a: ReviewOrderKey, b: ReviewOrderKey): number {
  return (
    RANK[a.status] - RANK[b.status] ||
    (a.nextReview ?? -Infinity) - (b.nextReview ?? -Infinity) ||
    a.title.localeCompare(b.title)
  );
}

/** "12 overdue, 3 due within 30 days, 81 fine". */
export function countsText(statuses: Iterable<ReviewStatus>, dueSoonDays = DUE_SOON_DAYS): string {
  const counts: Record<ReviewStatus, number> = { overdue: 0, 'due-soon': 0, fine: 0 };
  for (const status of statuses) counts[status]++;
  return `${counts.overdue} overdue, ${counts['due-soon']} due within ${dueSoonDays} days, ${counts.fine} fine`;
}

/** "2025-03-01" (UTC, as dates are written in frontmatter). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "2025-03-01" as the reader's own calendar says it (their time zone): their "today". */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
