/**
 * Durations as people write them in a handbook ("15m", "1h 30m", "next business day") parsed into
 * a typed value, labelled for tables and added to dates. Pure: no DOM, no Astro. The parser itself
 * lives in src/schemas/duration-text.ts (schemas import nothing from lib) and is re-exported here.
 */

import type { Duration } from '../schemas/duration-text';

export { DURATION_HINT, parseDuration, type Duration } from '../schemas/duration-text';

/**
 * A short label for tables: "5 min", "1 h 30 min", "24 h", "3 days", "next business day". Whole
 * hours up to 72 stay hours ("24 hours" and "< 72 hours" are promises made in hours: restated as
 * "1 day" and "3 days" they read as a different promise), unless the author wrote days.
 */
export function formatDuration(duration: Duration): string {
  if (duration.kind === 'immediate') return 'immediately';
  if (duration.kind === 'business-days') {
    return duration.days === 1 ? 'next business day' : `${duration.days} business days`;
  }
  let rest = Math.round(duration.minutes);
  if (rest < 1) return `${Math.round(duration.minutes * 60)} s`;
  const inDays = /\d\s*d(ays?)?\b/i.test(duration.text);
  if (rest % 60 === 0 && rest <= 72 * 60 && !inDays) return `${rest / 60} h`;
  const out: string[] = [];
  const units: [number, string, string][] = [
    [525600, 'year', 'years'], [43200, 'month', 'months'], [10080, 'week', 'weeks'], [1440, 'day', 'days'], [60, 'h', 'h'], [1, 'min', 'min'],
  ];
  for (const [size, one, many] of units) {
    if (rest >= size) {
      const count = Math.floor(rest / size);
      rest -= count * size;
      out.push(`${count} ${count === 1 ? one : many}`);
    }
  }
  return out.join(' ');
}

/**
 * Adds a duration to a moment. Business days skip Saturday and Sunday (in UTC: a handbook has no
 * time zone of its own), which is what "respond within 3 business days" means in every source.
 */
export function addDuration(from: Date, duration: Duration): Date {
  if (duration.kind !== 'business-days') return new Date(from.getTime() + duration.minutes * 60_000);
  const at = new Date(from.getTime());
  let left = duration.days;
  while (left > 0) {
    at.setUTCDate(at.getUTCDate() + 1);
    const day = at.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return at;
}
