/** Review dates and status: when a runbook is due, overdue first, counted in words. */
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/lib/duration';
import { REVIEW_STATUS_LABELS } from '../../src/lib/labels';
import {
  compareReviews,
  countsText,
  DEFAULT_REVIEW_EVERY,
  intervalDays,
  daysBetween,
  isoDay,
  localDay,
  nextReviewDate,
  REVIEW_STATUSES,
  reviewInterval,
  reviewStatus,
  reviewStatusOn,
} from '../../src/lib/review';

const d = (iso: string) => new Date(iso);
const every = (text: string) => parseDuration(text)!;

describe('review dates', () => {
  it('takes the page\'s interval, else its handbook\'s, else a year', () => {
    expect(reviewInterval(every('2 weeks'), every('3 months')).text).toBe('2 weeks');
    expect(reviewInterval(undefined, every('3 months')).text).toBe('3 months');
    expect(reviewInterval(undefined, undefined)).toBe(DEFAULT_REVIEW_EVERY);
    expect(intervalDays(DEFAULT_REVIEW_EVERY)).toBe(365);
  });

  it('dates the next review from the last one; none for a page never reviewed', () => {
    expect(nextReviewDate(d('2025-01-10'), every('3 months'))).toEqual(d('2025-04-10'));
    expect(nextReviewDate(undefined, every('3 months'))).toBeUndefined();
  });

  it('gives intervals in calendar days for bots, business days counted 7 for 5', () => {
    expect(intervalDays(every('1 month'))).toBe(30);
    expect(intervalDays(every('2 weeks'))).toBe(14);
    expect(intervalDays(every('5 business days'))).toBe(7);
  });
});

describe('reviewStatus', () => {
  const due = d('2025-04-10T00:00:00Z');

  it('is overdue from the due day itself (its first moment, by the UTC calendar), as the runbook\'s own notice says', () => {
    expect(reviewStatus(due, d('2025-04-10T00:00:00Z'))).toBe('overdue');
    expect(reviewStatus(due, d('2025-04-09T23:59:59Z'))).toBe('due-soon');
    expect(reviewStatus(due, d('2026-01-01'))).toBe('overdue');
  });

  it('is due soon within 30 days of it, inclusive, and fine before', () => {
    expect(reviewStatus(due, d('2025-03-11T00:00:00Z'))).toBe('due-soon');
    expect(reviewStatus(due, d('2025-03-10T23:59:59Z'))).toBe('fine');
    expect(reviewStatus(due, d('2025-03-20'), 7)).toBe('fine');
  });

  it('counts a page never reviewed (or with an unreadable date) as overdue', () => {
    expect(reviewStatus(undefined, d('2025-01-01'))).toBe('overdue');
    expect(reviewStatus(new Date(Number.NaN), d('2025-01-01'))).toBe('overdue');
  });
});

describe('reviewStatusOn: by the reader\'s own day', () => {
  it('compares calendar days, so the reader\'s local midnight is the boundary', () => {
    expect(reviewStatusOn('2026-03-01', '2026-03-01')).toBe('overdue');
    expect(reviewStatusOn('2026-03-01', '2026-02-28')).toBe('due-soon');
    expect(reviewStatusOn('2026-03-01', '2026-01-30')).toBe('due-soon');
    expect(reviewStatusOn('2026-03-01', '2026-01-29')).toBe('fine');
    expect(reviewStatusOn(undefined, '2026-01-01')).toBe('overdue');
    expect(reviewStatusOn('not a day', '2026-01-01')).toBe('overdue');
  });

  it('takes the reader\'s date in their own time zone, not UTC\'s', () => {
    // 23:30 on 28 February in a zone behind UTC is already 1 March in UTC.
    const lateEvening = new Date(2026, 1, 28, 23, 30);
    expect(localDay(lateEvening)).toBe('2026-02-28');
    expect(localDay(new Date(2026, 2, 1, 0, 0))).toBe('2026-03-01');
  });

  it('counts days across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
  });
});

describe('order and counts', () => {
  it('puts overdue first (never reviewed first of all, then the longest overdue), then due soon, then fine', () => {
    const rows = [
      { title: 'fine', status: 'fine' as const, nextReview: 300 },
      { title: 'due b', status: 'due-soon' as const, nextReview: 200 },
      { title: 'due a', status: 'due-soon' as const, nextReview: 200 },
      { title: 'late', status: 'overdue' as const, nextReview: 100 },
      { title: 'later', status: 'overdue' as const, nextReview: 50 },
      { title: 'never', status: 'overdue' as const, nextReview: undefined },
    ];
    expect([...rows].sort(compareReviews).map((row) => row.title)).toEqual(['never', 'later', 'late', 'due a', 'due b', 'fine']);
  });

  it('says how many are in each state', () => {
    expect(countsText(['overdue', 'fine', 'overdue', 'due-soon', 'fine', 'fine'])).toBe('2 overdue, 1 due within 30 days, 3 fine');
    expect(countsText([])).toBe('0 overdue, 0 due within 30 days, 0 fine');
  });

  it('labels every status, and writes days as frontmatter does', () => {
    expect(Object.keys(REVIEW_STATUS_LABELS).sort()).toEqual([...REVIEW_STATUSES].sort());
    expect(isoDay(d('2025-04-10T23:00:00Z'))).toBe('2025-04-10');
  });
});
