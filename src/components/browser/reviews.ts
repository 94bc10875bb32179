/**
 * The review dashboard in the reader's browser: works out each runbook's status against the reader's
 * own today (the HTML has the status as of the build), puts overdue first, filters by handbook and
 * owner, and says how many are in each state. Plain script, no framework: it only rewrites text,
 * order and the owner list.
 *
 * The filters live in the page address (`?handbook=...&owner=...`): a filtered view can be shared,
 * and survives a reload and Back. The address is the one source of what is shown: the selects are set
 * from it when the script starts and whenever the page is shown again (`pageshow`: back/forward, or
 * after the browser has restored form state), so the selects and the rows never disagree.
 */
import { REVIEW_STATUS_LABELS } from '../../lib/labels';
import { compareReviews, countsText, localDay, reviewStatusOn, type ReviewStatus } from '../../lib/review';
import { watchScrollRegions } from './scroll-regions';

/** The owner filter's value for runbooks without an owner (src/pages/reviews.astro). */
export const NO_OWNER_VALUE = '(none)';

/** The address parameters of the two filters. */
const FILTERS = ['handbook', 'owner'] as const;

interface Row {
  element: HTMLTableRowElement;
  status: ReviewStatus;
  /** Milliseconds of the due day, for the order; `undefined` when never reviewed. */
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
  const view = root.defaultView;
  if (!body || !counts) return;

  const today = localDay(now);
  const rows: Row[] = [...body.querySelectorAll<HTMLTableRowElement>('[data-review-row]')].map((element) => {
    const due = element.dataset.nextReview || undefined;
    const status = reviewStatusOn(due, today);
    element.dataset.status = status;
    const label = element.querySelector('[data-review-status]');
    if (label) label.textContent = REVIEW_STATUS_LABELS[status];
    return {
      element,
      status,
      nextReview: due ? Date.parse(`${due}T00:00:00Z`) : undefined,
      title: element.dataset.title ?? '',
      handbook: element.dataset.handbook ?? '',
      owner: element.dataset.owner ?? '',
    };
  });
  rows.sort(compareReviews);
  body.append(...rows.map((row) => row.element));

  const select = (name: (typeof FILTERS)[number]) => form?.querySelector<HTMLSelectElement>(`[data-review-filter="${name}"]`) ?? undefined;
  const handbookSelect = select('handbook');
  const ownerSelect = select('owner');
  // Every owner option as the server wrote it, so the list can narrow to a handbook's owners and widen again.
  const ownerOptions = ownerSelect ? [...ownerSelect.options].map((option) => ({ value: option.value, label: option.textContent ?? '' })) : [];
  const ownerOf = (row: Row) => row.owner || NO_OWNER_VALUE;

  /** The owner list: all owners, or those with a runbook in the chosen handbook (and the chosen owner, so a choice is never dropped silently). */
  const narrowOwners = (handbook: string, owner: string) => {
    if (!ownerSelect) return;
    const present = new Set(rows.filter((row) => !handbook || row.handbook === handbook).map(ownerOf));
    const wanted = ownerOptions.filter((option) => option.value === '' || option.value === owner || present.has(option.value));
    const shown = [...ownerSelect.options].map((option) => option.value);
    if (shown.length !== wanted.length || shown.some((value, i) => value !== wanted[i].value)) {
      ownerSelect.replaceChildren(...wanted.map(({ value, label }) => {
        const option = root.createElement('option');
        option.value = value;
        option.textContent = label;
        return option;
      }));
    }
    ownerSelect.value = owner;
  };

  const render = () => {
    const handbook = handbookSelect?.value ?? '';
    const owner = ownerSelect?.value ?? '';
    const shown = rows.filter((row) => (!handbook || row.handbook === handbook) && (!owner || ownerOf(row) === owner));
    const visible = new Set(shown);
    for (const row of rows) row.element.hidden = !visible.has(row);
    const of = shown.length === rows.length ? `${rows.length} runbooks` : `Showing ${shown.length} of ${rows.length} runbooks`;
    counts.textContent = `${of}: ${countsText(shown.map((row) => row.status))} (as of ${today}).`;
    if (empty) empty.hidden = shown.length > 0;
  };

  /** Sets the selects from the address (a value no option has counts as none), then shows the rows. */
  const fromAddress = () => {
    const params = new URL(view?.location.href ?? 'http://x/').searchParams;
    if (handbookSelect) handbookSelect.value = params.get('handbook') ?? '';
    if (handbookSelect && handbookSelect.selectedIndex === -1) handbookSelect.value = '';
    narrowOwners(handbookSelect?.value ?? '', params.get('owner') ?? '');
    if (ownerSelect && ownerSelect.selectedIndex === -1) ownerSelect.value = '';
    render();
  };

  /** Writes the selects' values into the address (replacing the entry: filtering is not a new page). */
  const toAddress = () => {
    if (!view) return;
    const url = new URL(view.location.href);
    for (const name of FILTERS) {
      const value = select(name)?.value ?? '';
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    if (url.href !== view.location.href) view.history.replaceState(view.history.state, '', url);
  };

  form?.addEventListener('change', (event) => {
    if (event.target === handbookSelect) narrowOwners(handbookSelect.value, ownerSelect?.value ?? '');
    toAddress();
    render();
  });
  fromAddress();
  // Back/forward (also from the back/forward cache) and after the browser restored the form's
  // state: the address says what the reader chose, whatever the selects were reset or restored to.
  view?.addEventListener('pageshow', fromAddress);
  watchScrollRegions(root);
}
