/**
 * Durations as people write them in a handbook ("15m", "1h 30m", "next business day") parsed into
 * a typed value. Pure and dependency-free: the duration schema parses with it at build time, and
 * src/lib/duration.ts re-exports it (with formatting and date maths) for everything else.
 */

/** A parsed duration. `text` is always what the author wrote, so pages can quote the handbook. */
export type Duration =
  | { kind: 'immediate'; text: string; minutes: 0 }
  | { kind: 'elapsed'; text: string; minutes: number }
  | { kind: 'business-days'; text: string; days: number };

const MINUTES_PER_UNIT: Record<string, number> = {
  s: 1 / 60, sec: 1 / 60, secs: 1 / 60, second: 1 / 60, seconds: 1 / 60,
  m: 1, min: 1, mins: 1, minute: 1, minutes: 1,
  h: 60, hr: 60, hrs: 60, hour: 60, hours: 60,
  d: 1440, day: 1440, days: 1440,
  w: 10080, wk: 10080, week: 10080, weeks: 10080,
  // A month is 30 days and a year 365: review intervals only need day precision.
  mo: 43200, month: 43200, months: 43200,
  y: 525600, yr: 525600, yrs: 525600, year: 525600, years: 525600,
};

const IMMEDIATE = new Set(['immediate', 'immediately', 'now', '0', '0m']);
const PART = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/;

/** The grammar, for error messages. */
export const DURATION_HINT =
  'a duration such as "5m", "15 min", "1h 30m", "2 hours", "3 days", "1 month", "3 business days", "next business day" or "immediate"';

/** Parses a duration; returns `undefined` when the text is not one. */
export function parseDuration(input: string | number): Duration | undefined {
  const text = String(input).trim();
  const lower = text.toLowerCase().replace(/^(within|under|<=|≤|<)\s*/, '');
  if (IMMEDIATE.has(lower)) return { kind: 'immediate', text, minutes: 0 };
  if (lower === 'next business day') return { kind: 'business-days', text, days: 1 };
  const business = /^(\d+)\s*business\s+days?$/.exec(lower);
  if (business) return { kind: 'business-days', text, days: Number(business[1]) };

  // "1h 30m", "1 hour 30 minutes", "1h30m", "2 hours and 15 minutes"
  const parts = lower.replace(/\band\b|,/g, ' ').match(/\d+(?:\.\d+)?\s*[a-z]+/g);
  if (!parts || parts.join('').replace(/\s+/g, '') !== lower.replace(/\band\b|,|\s+/g, '')) return undefined;
  let minutes = 0;
  for (const part of parts) {
    const match = PART.exec(part.trim());
    if (!match) return undefined;
    const unit = MINUTES_PER_UNIT[match[2]];
    if (unit === undefined) return undefined;
    minutes += Number(match[1]) * unit;
  }
  if (!(minutes > 0)) return minutes === 0 ? { kind: 'immediate', text, minutes: 0 } : undefined;
  return { kind: 'elapsed', text, minutes };
}
