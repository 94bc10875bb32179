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

// Starlight's search button shows its "Ctrl K" hint as text that is not part of the button's
// accessible name ("Search"), which fails WCAG 2.5.3 (label in name). Show the same hint as CSS
// generated content instead; the shortcut itself is announced through aria-keyshortcuts.
const searchButton = document.querySelector<HTMLElement>('button[data-open-modal]');
const hint = searchButton?.querySelector<HTMLElement>(':scope > kbd');
if (searchButton && hint) {
  const keys = [...hint.querySelectorAll('kbd')].map((kbd) => kbd.textContent?.trim()).filter(Boolean).join(' ');
  if (hint.style.display !== 'none' && keys) searchButton.dataset.hint = keys;
  hint.remove();
}
