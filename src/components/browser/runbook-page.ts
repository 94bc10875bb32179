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

// Starlight's search button shows a "Ctrl K" hint that is not part of its accessible name ("Search"),
// which fails WCAG 2.5.3 (label in name). The shortcut is announced through aria-keyshortcuts already.
document.querySelectorAll('button[data-open-modal] > kbd').forEach((kbd) => kbd.setAttribute('aria-hidden', 'true'));
