/**
 * Times for people: an instant in the reader's time zone with UTC beside it, elapsed time and
 * "due in ..." wording. Pure: the time zone and "now" are parameters (the runtime's zone when none is
 * given), so tests pin both. Instants are stored in UTC; only these functions turn them into words.
 */

export interface FormattedTime {
  /** In the reader's zone, 24-hour clock: "14:05", or "Tue 24 Nov 14:05" with the date. */
  local: string;
  /** The same instant in UTC: "13:05 UTC", or "24 Nov 13:05 UTC" with the date. */
  utc: string;
  /** The zone's short name at that instant as the runtime writes it: "GMT", "BST", "GMT+5:30". */
  zone: string;
  /** Both, for a single line: "14:05 (13:05 UTC)". Just `utc` when the reader's zone reads the same as UTC. */
  text: string;
}

// Intl formatters are slow to build and fast to use: one per zone, kept for the page's lifetime.
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string | undefined): Record<string, string> {
  const key = timeZone ?? '';
  let format = formatters.get(key);
  if (!format) {
    // en-GB for day-before-month and English weekday and month names whatever the reader's locale:
    // the site is written in English and a time must read the same to everyone on the incident.
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(key, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

function toDate(instant: string | Date): Date {
  return typeof instant === 'string' ? new Date(instant) : instant;
}

/**
 * An instant as "14:05 (13:05 UTC)", or with `withDate` as "Tue 24 Nov 14:05 (24 Nov 13:05 UTC)".
 * The UTC side keeps the date too, because near midnight the two sides fall on different days.
 * `timeZone` is an IANA name ("Europe/London"); an unknown one throws Intl's RangeError. An
 * instant that is not a date comes back as its own text on every side, rather than "Invalid Date".
 */
export function formatTime(instant: string | Date, opts: { timeZone?: string; withDate?: boolean } = {}): FormattedTime {
  const date = toDate(instant);
  if (Number.isNaN(date.getTime())) {
    const raw = String(instant);
    return { local: raw, utc: raw, zone: '', text: raw };
  }
  const here = partsIn(date, opts.timeZone);
  const utc = partsIn(date, 'UTC');
  const clock = (p: Record<string, string>) => `${p.hour}:${p.minute}`;
  const local = opts.withDate ? `${here.weekday} ${here.day} ${here.month} ${clock(here)}` : clock(here);
  const utcText = opts.withDate ? `${utc.day} ${utc.month} ${clock(utc)} UTC` : `${clock(utc)} UTC`;
  // A reader in UTC (or London in winter) would otherwise see the same time twice.
  const same = here.day === utc.day && clock(here) === clock(utc);
  return { local, utc: utcText, zone: here.timeZoneName ?? '', text: same ? utcText : `${local} (${utcText})` };
}

/** Whether two instants fall on different calendar dates in the zone: the timeline then shows dates. */
export function spansDays(from: string | Date, to: string | Date, timeZone?: string): boolean {
  const day = (instant: string | Date) => {
    const p = partsIn(toDate(instant), timeZone);
    return `${p.year}-${p.month}-${p.day}`;
  };
  return day(from) !== day(to);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Elapsed time, rounded down to the unit shown (a clock that says "12 min" has not reached 13):
 * "45 s" under a minute, "12 min" under an hour, "1 h 05 min" under a day (minutes padded so a
 * ticking bar keeps its width), "2 d 3 h" from a day on. Negative or not a number reads "0 s".
 */
export function formatDurationMs(ms: number): string {
  const t = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (t < MINUTE) return `${Math.floor(t / SECOND)} s`;
  if (t < HOUR) return `${Math.floor(t / MINUTE)} min`;
  if (t < DAY) return `${Math.floor(t / HOUR)} h ${String(Math.floor((t % HOUR) / MINUTE)).padStart(2, '0')} min`;
  return `${Math.floor(t / DAY)} d ${Math.floor((t % DAY) / HOUR)} h`;
}

/**
 * A due time relative to now, `ms` = due - now: "in 4 min", "in 45 s", "now", "1 min ago",
 * "1 h 05 min ago". "now" covers the last second before and the first minute after the due time,
 * the minute the clocks call "due"; past times count whole minutes (seconds ago are noise).
 */
export function formatRelative(ms: number): string {
  if (!Number.isFinite(ms)) return 'now';
  if (ms >= SECOND) return `in ${formatDurationMs(ms)}`;
  if (-ms < MINUTE) return 'now';
  return `${formatDurationMs(-ms)} ago`;
}

/** "2026-11-24T14:05" in the runtime's own time zone: what a datetime-local field shows and reads. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
