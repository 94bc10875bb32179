/**
 * The review dashboard in the reader's browser: works out each runbook's status against today (the
 * HTML has the status as of the build), puts overdue first, filters by handbook and owner, and says
 * how many are in each state. Plain script, no framework: it only rewrites text and order.
 */
import { REVIEW_STATUS_LABELS } from '../../lib/labels';
import { compareReviews, countsText, isoDay, reviewStatus, type ReviewStatus } from '../../lib/review';
import { watchScrollRegions } from './scroll-regions';

/** The owner filter's value for runbooks without an owner (src/pages/reviews.astro). */
export const NO_OWNER_VALUE = '(none)';

interface Row {
  element: HTMLTableRowElement;
  status: ReviewStatus;
  nextReview: number | undefined;
  title: string;
  handbook: string;
  owner: string;
}

export function enhanceReviews(root: Document = document, now: Date = new Date()) {
  const body = root.querySelector<HTMLElement>('[data-review-rows]');
  const counts = root.querySelector<HTMLElement>('[data-review-counts]');
  const empty = root.querySelector<HTMLElement>('[data-review-empty]');
  const form = root.querySelector<HTMLFormElement>('[data-review-filters]');
  if (!body || !counts) return;

  const rows: Row[] = [...body.querySelectorAll<HTMLTableRowElement>('[data-review-row]')].map((element) => {
    const due = element.dataset.nextReview ? Date.parse(element.dataset.nextReview) : undefined;
    const status = reviewStatus(due === undefined ? undefined : new Date(due), now);
    element.dataset.status = status;
    const label = element.querySelector('[data-review-status]');
    if (label) label.textContent = REVIEW_STATUS_LABELS[status];
    return { element, status, nextReview: due, title: element.dataset.title ?? '', handbook: element.dataset.handbook ?? '', owner: element.dataset.owner ?? '' };
  });
  rows.sort(compareReviews);
  body.append(...rows.map((row) => row.element));

  const select = (name: string) => form?.querySelector<HTMLSelectElement>(`[data-review-filter="${name}"]`);
  const update = () => {
    const handbook = select('handbook')?.value ?? '';
    const owner = select('owner')?.value ?? '';
    const shown = rows.filter(
      (row) => (!handbook || row.handbook === handbook) && (!owner || (owner === NO_OWNER_VALUE ? !row.owner : row.owner === owner)),
    );
    for (const row of rows) row.element.hidden = !shown.includes(row);
    const of = shown.length === rows.length ? `${rows.length} runbooks` : `Showing ${shown.length} of ${rows.length} runbooks`;
    counts.textContent = `${of}: ${countsText(shown.map((row) => row.status))} (as of ${isoDay(now)}).`;
    if (empty) empty.hidden = shown.length > 0;
  };
  form?.addEventListener('change', update);
  // A filter restored by the browser (back button, reload) applies at once.
  update();
  watchScrollRegions(root);
}
