import { describe, expect, it } from 'vitest';
import { formatDurationMs, formatRelative, formatTime, spansDays } from '../../src/lib/time-format';

const at = (iso: string, timeZone: string, withDate = false) => formatTime(iso, { timeZone, withDate }).text;

describe('formatTime', () => {
  it('shows the local time with UTC beside it, 24-hour clock', () => {
    expect(formatTime('2026-11-24T13:05:00Z', { timeZone: 'Europe/Paris' })).toEqual({
      local: '14:05',
      utc: '13:05 UTC',
      zone: 'CET',
      text: '14:05 (13:05 UTC)',
    });
    expect(at('2026-11-24T23:59:59.999Z', 'America/New_York')).toBe('18:59 (23:59 UTC)');
  });

  it('with the date: weekday, day and month locally, day and month in UTC', () => {
    expect(at('2026-11-24T13:05:00Z', 'Europe/Paris', true)).toBe('Tue 24 Nov 14:05 (24 Nov 13:05 UTC)');
    // Near midnight the two sides are on different days: both dates show.
    expect(at('2026-11-24T23:30:00Z', 'Asia/Kolkata', true)).toBe('Wed 25 Nov 05:00 (24 Nov 23:30 UTC)');
    expect(at('2026-11-25T02:00:00Z', 'America/New_York', true)).toBe('Tue 24 Nov 21:00 (25 Nov 02:00 UTC)');
  });

  it('says a time once when the zone reads the same as UTC', () => {
    expect(at('2026-11-24T13:05:00Z', 'UTC')).toBe('13:05 UTC');
    expect(at('2026-11-24T13:05:00Z', 'Europe/London')).toBe('13:05 UTC');
    expect(at('2026-11-24T13:05:00Z', 'Europe/London', true)).toBe('24 Nov 13:05 UTC');
    expect(at('2026-07-24T13:05:00Z', 'Europe/London')).toBe('14:05 (13:05 UTC)');
  });

  it('accepts a Date and uses the runtime zone by default', () => {
    const date = new Date('2026-11-24T13:05:00Z');
    const runtime = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(formatTime(date)).toEqual(formatTime('2026-11-24T13:05:00Z', { timeZone: runtime }));
    expect(formatTime(date).utc).toBe('13:05 UTC');
  });

  it('gives back text that is not an instant as it is', () => {
    expect(formatTime('yesterday', { timeZone: 'UTC' })).toEqual({ local: 'yesterday', utc: 'yesterday', zone: '', text: 'yesterday' });
  });

  it('refuses an unknown time zone (Intl RangeError)', () => {
    expect(() => formatTime('2026-11-24T13:05:00Z', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  describe('across DST changes', () => {
    it.each([
      // Europe/London: clocks go forward at 01:00 UTC on 29 March 2026 (01:00 GMT -> 02:00 BST)...
      ['Europe/London', '2026-03-29T00:59:00Z', '00:59 UTC', 'GMT'],
      ['Europe/London', '2026-03-29T01:00:00Z', '02:00 (01:00 UTC)', 'BST'],
      // ...and back at 01:00 UTC on 25 October 2026 (02:00 BST -> 01:00 GMT): 01:30 happens twice,
      // and only the UTC beside it tells them apart.
      ['Europe/London', '2026-10-25T00:30:00Z', '01:30 (00:30 UTC)', 'BST'],
      ['Europe/London', '2026-10-25T01:00:00Z', '01:00 UTC', 'GMT'],
      ['Europe/London', '2026-10-25T01:30:00Z', '01:30 UTC', 'GMT'],
      // America/New_York (en-GB names it by offset): 2026-03-08 02:00 EST -> 03:00 EDT (07:00 UTC); 2026-11-01 02:00 EDT -> 01:00 EST (06:00 UTC).
      ['America/New_York', '2026-03-08T06:59:00Z', '01:59 (06:59 UTC)', 'GMT-5'],
      ['America/New_York', '2026-03-08T07:00:00Z', '03:00 (07:00 UTC)', 'GMT-4'],
      ['America/New_York', '2026-11-01T05:30:00Z', '01:30 (05:30 UTC)', 'GMT-4'],
      ['America/New_York', '2026-11-01T06:30:00Z', '01:30 (06:30 UTC)', 'GMT-5'],
      // Australia/Lord_Howe moves by half an hour: +11 -> +10:30 on 5 April 2026 at 02:00 local (15:00 UTC)...
      ['Australia/Lord_Howe', '2026-04-04T14:59:00Z', '01:59 (14:59 UTC)', 'GMT+11'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z', '01:30 (15:00 UTC)', 'GMT+10:30'],
      // ...and +10:30 -> +11 on 4 October 2026 at 02:00 local (15:30 UTC the day before).
      ['Australia/Lord_Howe', '2026-10-03T15:29:00Z', '01:59 (15:29 UTC)', 'GMT+10:30'],
      ['Australia/Lord_Howe', '2026-10-03T15:30:00Z', '02:30 (15:30 UTC)', 'GMT+11'],
      // Asia/Kolkata: +05:30 all year.
      ['Asia/Kolkata', '2026-03-29T01:00:00Z', '06:30 (01:00 UTC)', 'GMT+5:30'],
      ['Asia/Kolkata', '2026-10-25T01:00:00Z', '06:30 (01:00 UTC)', 'GMT+5:30'],
    ])('%s at %s', (timeZone, iso, text, zone) => {
      const time = formatTime(iso, { timeZone });
      expect(time.text).toBe(text);
      expect(time.zone).toBe(zone);
    });
  });
});

describe('spansDays', () => {
  it('compares calendar dates in the zone, not 24-hour spans', () => {
    expect(spansDays('2026-11-24T10:00:00Z', '2026-11-24T22:00:00Z', 'UTC')).toBe(false);
    expect(spansDays('2026-11-24T23:50:00Z', '2026-11-25T00:10:00Z', 'UTC')).toBe(true);
    // Twenty minutes across local midnight in Kolkata (18:30 UTC), while UTC stays on one day.
    expect(spansDays('2026-11-24T18:20:00Z', '2026-11-24T18:40:00Z', 'Asia/Kolkata')).toBe(true);
    expect(spansDays('2026-11-24T18:20:00Z', '2026-11-24T18:40:00Z', 'UTC')).toBe(false);
    // Twenty-three hours on one New York day.
    expect(spansDays('2026-11-24T05:10:00Z', '2026-11-25T04:50:00Z', 'America/New_York')).toBe(false);
    expect(spansDays(new Date('2026-11-24T05:10:00Z'), new Date('2026-11-25T05:10:00Z'), 'America/New_York')).toBe(true);
  });

  it('knows the day of the DST change is 23 or 25 hours long', () => {
    // 29 March 2026 in London runs from 00:00 UTC to 23:00 UTC.
    expect(spansDays('2026-03-29T00:00:00Z', '2026-03-29T22:59:00Z', 'Europe/London')).toBe(false);
    expect(spansDays('2026-03-29T00:00:00Z', '2026-03-29T23:00:00Z', 'Europe/London')).toBe(true);
    // 25 October 2026 in London runs from 23:00 UTC the day before to 24:00 UTC.
    expect(spansDays('2026-10-24T23:00:00Z', '2026-10-25T23:59:00Z', 'Europe/London')).toBe(false);
    expect(spansDays('2026-10-24T22:59:00Z', '2026-10-24T23:00:00Z', 'Europe/London')).toBe(true);
  });

  it('then needs the date beside each time', () => {
    const from = '2026-11-24T22:40:00Z';
    const to = '2026-11-24T23:20:00Z';
    const timeZone = 'Europe/Berlin';
    const withDate = spansDays(from, to, timeZone);
    expect(withDate).toBe(true);
    expect([from, to].map((iso) => formatTime(iso, { timeZone, withDate }).text)).toEqual([
      'Tue 24 Nov 23:40 (24 Nov 22:40 UTC)',
      'Wed 25 Nov 00:20 (24 Nov 23:20 UTC)',
    ]);
  });
});

describe('formatDurationMs', () => {
  const s = 1000;
  const min = 60 * s;
  const h = 60 * min;
  const d = 24 * h;
  it.each([
    [0, '0 s'], [999, '0 s'], [45 * s, '45 s'], [59.999 * s, '59 s'],
    [min, '1 min'], [12 * min + 59 * s, '12 min'], [59 * min + 59 * s, '59 min'],
    [h, '1 h 00 min'], [h + 5 * min, '1 h 05 min'], [23 * h + 59 * min + 59 * s, '23 h 59 min'],
    [d, '1 d 0 h'], [2 * d + 3 * h + 59 * min, '2 d 3 h'], [40 * d, '40 d 0 h'],
    [-5 * s, '0 s'], [Number.NaN, '0 s'], [Number.POSITIVE_INFINITY, '0 s'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatDurationMs(ms)).toBe(text);
  });
});

describe('formatRelative', () => {
  const s = 1000;
  const min = 60 * s;
  it.each([
    [4 * min, 'in 4 min'], [4 * min - 1, 'in 3 min'], [65 * min, 'in 1 h 05 min'], [45 * s, 'in 45 s'], [s, 'in 1 s'],
    [999, 'now'], [0, 'now'], [-59 * s, 'now'], [-min + 1, 'now'],
    [-min, '1 min ago'], [-2 * min - 30 * s, '2 min ago'], [-90 * min, '1 h 30 min ago'], [Number.NaN, 'now'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatRelative(ms)).toBe(text);
  });
});
