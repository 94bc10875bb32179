/**
 * /reviews.json: the review dashboard's data for a team's reminder bot. `status` is as of the build
 * (`generatedAt`); a bot should work it out again from `nextReview` against its own today, as the
 * dashboard does in the reader's browser (overdue once `nextReview` has passed, or with no
 * `lastReviewed`; due soon within `dueSoonDays`). See README.md, "Review dashboard".
 */
import type { APIRoute } from 'astro';
import { reviewRows } from '../components/content/data';
import { compareReviews, DUE_SOON_DAYS, intervalDays, isoDay, reviewStatus } from '../lib/review';

export const GET: APIRoute = async ({ site }) => {
  const generatedAt = new Date();
  const runbooks = (await reviewRows())
    .map((row) => ({ ...row, status: reviewStatus(row.nextReview, generatedAt) }))
    .sort((a, b) => compareReviews({ ...a, nextReview: a.nextReview?.getTime() }, { ...b, nextReview: b.nextReview?.getTime() }))
    .map((row) => ({
      handbook: row.handbook,
      handbookName: row.handbookName,
      id: row.id,
      url: site ? new URL(row.url, site).href : row.url,
      path: row.url,
      title: row.title,
      owner: row.owner ?? null,
      lastReviewed: row.lastReviewed ? isoDay(row.lastReviewed) : null,
      reviewEvery: { text: row.reviewEvery.text, days: intervalDays(row.reviewEvery) },
      nextReview: row.nextReview ? isoDay(row.nextReview) : null,
      status: row.status,
    }));
  const body = { generatedAt: generatedAt.toISOString(), dueSoonDays: DUE_SOON_DAYS, runbooks };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
