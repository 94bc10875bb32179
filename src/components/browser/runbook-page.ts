/** The browser code of every runbook page: storage notices, checklists, the review reminder. */
import { enhanceChecklists } from '../checklist/checklists';
import { showStorageNotices } from './storage-notice';

function start() {
  const notices = document.querySelector<HTMLElement>('[data-storage-notices]');
  if (notices) showStorageNotices(notices);
  enhanceChecklists();
  // A page built before its review date still says "overdue" once that date has passed.
  const review = document.querySelector<HTMLElement>('[data-review-due]');
  if (review && Date.parse(review.dataset.reviewDue!) < Date.now()) review.hidden = false;
}

start();
