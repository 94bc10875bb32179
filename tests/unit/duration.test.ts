/**
 * Durations as handbooks write them: every form in README "Durations", what is rejected, the short
 * labels for tables, and adding a duration to a moment (business days skip weekends, in UTC).
 */
import { describe, expect, it } from 'vitest';
import { addDuration, DURATION_HINT, formatDuration, parseDuration, type Duration } from '../../src/lib/duration';

const MIN = 1;
const HOUR = 60;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  describe('elapsed durations', () => {
    it.each([
      ['5m', 5 * MIN],
      ['15 min', 15 * MIN],
      ['15 mins', 15 * MIN],
      ['30 minutes', 30 * MIN],
      ['1 minute', 1 * MIN],
      ['1h', HOUR],
      ['1 hr', HOUR],
      ['2 hrs', 2 * HOUR],
      ['1 hour', HOUR],
      ['2 hours', 2 * HOUR],
      ['24h', 24 * HOUR],
      ['1d', DAY],
      ['3 days', 3 * DAY],
      ['1 day', DAY],
      ['1w', 7 * DAY],
      ['1 wk', 7 * DAY],
      ['2 weeks', 14 * DAY],
      ['1 month', 30 * DAY],
      ['1mo', 30 * DAY],
      ['6 months', 180 * DAY],
      ['1 year', 365 * DAY],
      ['2y', 730 * DAY],
      ['30s', 0.5],
      ['90 seconds', 1.5],
      ['1.5h', 90],
      ['0.5 hours', 30],
    ])('reads %j as %d minutes', (text, minutes) => {
      expect(parseDuration(text)).toEqual({ kind: 'elapsed', text, minutes });
    });

    it.each([
      ['1h 30m', 90],
      ['1h30m', 90],
      ['1 hour 30 minutes', 90],
      ['2 hours and 15 minutes', 135],
      ['2 hours, 15 minutes', 135],
      ['1d 2h 3m', DAY + 2 * HOUR + 3],
      ['1 week 1 day', 8 * DAY],
    ])('adds up the parts of the compound %j (%d minutes)', (text, minutes) => {
      expect(parseDuration(text)).toEqual({ kind: 'elapsed', text, minutes });
    });

    it('ignores case and surrounding spaces, and keeps the trimmed text as the author wrote it', () => {
      expect(parseDuration('  15 MIN ')).toEqual({ kind: 'elapsed', text: '15 MIN', minutes: 15 });
      expect(parseDuration('1H 30M')).toEqual({ kind: 'elapsed', text: '1H 30M', minutes: 90 });
    });

    it.each([
      ['< 5 minutes', 5],
      ['<5m', 5],
      ['within 1 hour', 60],
      ['Within 1 hour', 60],
      ['under 15 min', 15],
      ['≤ 30m', 30],
    ])('strips the bound in %j and reads the rest (%d minutes)', (text, minutes) => {
      expect(parseDuration(text)).toEqual({ kind: 'elapsed', text, minutes });
    });

    // The prefix list includes "<=", but "<" is tried first and leaves "=" behind.
    it('strips a "<=" bound like the other bounds', () => {
      expect(parseDuration('<= 5 minutes')).toEqual({ kind: 'elapsed', text: '<= 5 minutes', minutes: 5 });
      expect(parseDuration('<=1h')).toEqual({ kind: 'elapsed', text: '<=1h', minutes: 60 });
    });
  });

  describe('immediate', () => {
    it.each(['immediate', 'Immediate', 'immediately', 'now', '0', '0m'])('reads %j as immediate', (text) => {
      expect(parseDuration(text)).toEqual({ kind: 'immediate', text, minutes: 0 });
    });

    it('reads a zero amount with a unit as immediate', () => {
      expect(parseDuration('0 minutes')).toEqual({ kind: 'immediate', text: '0 minutes', minutes: 0 });
      expect(parseDuration('0h 0m')).toEqual({ kind: 'immediate', text: '0h 0m', minutes: 0 });
    });
  });

  describe('business days', () => {
    it.each([
      ['next business day', 1],
      ['Next Business Day', 1],
      ['1 business day', 1],
      ['3 business days', 3],
      ['within 2 business days', 2],
    ])('reads %j as %d business day(s)', (text, days) => {
      expect(parseDuration(text)).toEqual({ kind: 'business-days', text, days });
    });

    it('does not read fractional business days', () => {
      expect(parseDuration('1.5 business days')).toBeUndefined();
    });
  });

  describe('numbers (YAML may hand over a number instead of a string)', () => {
    it('reads the number 0 as immediate, with the text "0"', () => {
      expect(parseDuration(0)).toEqual({ kind: 'immediate', text: '0', minutes: 0 });
    });

    it('rejects a bare number without a unit rather than guessing minutes or hours', () => {
      expect(parseDuration(15)).toBeUndefined();
      expect(parseDuration('15')).toBeUndefined();
    });
  });

  describe('rejects what is not a duration', () => {
    it.each([
      ['soon'],
      ['5 parsecs'],
      [''],
      ['   '],
      ['h'],
      ['5m foo'],
      ['foo 5m'],
      ['1h 30'],
      ['-5m'],
      ['5'],
      ['ASAP'],
      ['1e3m'],
      ['next week'],
      ['within'],
    ])('%j', (text) => {
      expect(parseDuration(text)).toBeUndefined();
    });
  });

  it('exports a hint that lists the grammar for error messages', () => {
    for (const form of ['"5m"', '"1h 30m"', '"3 business days"', '"next business day"', '"immediate"']) {
      expect(DURATION_HINT).toContain(form);
    }
  });
});

describe('formatDuration', () => {
  const fmt = (text: string) => formatDuration(parseDuration(text)!);

  it('labels immediate as "immediately"', () => {
    expect(fmt('immediate')).toBe('immediately');
    expect(fmt('0m')).toBe('immediately');
  });

  it('labels one business day as "next business day" and more as "N business days"', () => {
    expect(fmt('next business day')).toBe('next business day');
    expect(fmt('1 business day')).toBe('next business day');
    expect(fmt('3 business days')).toBe('3 business days');
  });

  it.each([
    ['5m', '5 min'],
    ['15 minutes', '15 min'],
    ['1h', '1 h'],
    ['1h 30m', '1 h 30 min'],
    ['2 hours', '2 h'],
    ['24h', '24 h'],
    ['24 hours', '24 h'],
    ['< 24 hours', '24 h'],
    ['< 72 hours', '72 h'],
    ['48h', '48 h'],
    ['73 hours', '3 days 1 h'],
    ['1 day', '1 day'],
    ['2d', '2 days'],
    ['3 days', '3 days'],
    ['1 week', '1 week'],
    ['2 weeks', '2 weeks'],
    ['1 month', '1 month'],
    ['2 months', '2 months'],
    ['1 year', '1 year'],
    ['1 week 1 day', '1 week 1 day'],
    ['1 month 1 week 2 days 3h 4m', '1 month 1 week 2 days 3 h 4 min'],
    ['25h', '25 h'],
    ['1 day 2 h', '1 day 2 h'],
    ['1.5 days', '1 day 12 h'],
    ['1 h 30 min', '1 h 30 min'],
  ])('labels %j as %j', (text, label) => {
    expect(fmt(text)).toBe(label);
  });

  it('keeps whole hours up to 72 as hours (a handbook\'s "24 hours" is not restated as "1 day"), unless written in days', () => {
    expect(['24 hours', '< 72 hours', '72h', '1 day', '3 days', '1d 2h'].map(fmt)).toEqual(['24 h', '72 h', '72 h', '1 day', '3 days', '1 day 2 h']);
  });

  it('shows durations under half a minute in seconds', () => {
    expect(fmt('20s')).toBe('20 s');
    expect(fmt('1 second')).toBe('1 s');
  });

  it('rounds to whole minutes from half a minute up', () => {
    expect(fmt('30s')).toBe('1 min');
    expect(fmt('90 seconds')).toBe('2 min');
  });
});

describe('addDuration', () => {
  const at = (iso: string) => new Date(iso);
  const businessDays = (days: number): Duration => ({ kind: 'business-days', text: `${days} business days`, days });

  it('adds elapsed minutes to the moment', () => {
    expect(addDuration(at('2026-11-23T10:00:00Z'), parseDuration('1h 30m')!).toISOString()).toBe('2026-11-23T11:30:00.000Z');
    expect(addDuration(at('2026-11-23T23:30:00Z'), parseDuration('1h')!).toISOString()).toBe('2026-11-24T00:30:00.000Z');
    expect(addDuration(at('2026-11-23T10:00:00Z'), parseDuration('30s')!).toISOString()).toBe('2026-11-23T10:00:30.000Z');
  });

  it('does not skip weekends for elapsed days', () => {
    // Friday + 1 day is Saturday.
    expect(addDuration(at('2026-11-20T09:00:00Z'), parseDuration('1 day')!).toISOString()).toBe('2026-11-21T09:00:00.000Z');
  });

  it('returns the same moment (as a new Date) for immediate', () => {
    const from = at('2026-11-23T10:00:00Z');
    const result = addDuration(from, parseDuration('immediate')!);
    expect(result.getTime()).toBe(from.getTime());
    expect(result).not.toBe(from);
  });

  it('moves Friday + 1 business day to Monday, keeping the time of day', () => {
    // 2026-11-20 is a Friday.
    expect(addDuration(at('2026-11-20T15:45:00Z'), parseDuration('next business day')!).toISOString()).toBe('2026-11-23T15:45:00.000Z');
  });

  it('moves Saturday and Sunday + 1 business day to Monday', () => {
    expect(addDuration(at('2026-11-21T08:00:00Z'), businessDays(1)).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(addDuration(at('2026-11-22T08:00:00Z'), businessDays(1)).toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });

  it('moves Monday + 1 business day to Tuesday', () => {
    expect(addDuration(at('2026-11-23T08:00:00Z'), businessDays(1)).toISOString()).toBe('2026-11-24T08:00:00.000Z');
  });

  it('skips the weekend in the middle of several business days', () => {
    // Thursday + 3 business days: Fri, (Sat, Sun), Mon, Tue.
    expect(addDuration(at('2026-11-19T12:00:00Z'), parseDuration('3 business days')!).toISOString()).toBe('2026-11-24T12:00:00.000Z');
    // Friday + 5 business days is the next Friday.
    expect(addDuration(at('2026-11-20T12:00:00Z'), businessDays(5)).toISOString()).toBe('2026-11-27T12:00:00.000Z');
    // Monday + 10 business days skips two weekends.
    expect(addDuration(at('2026-11-23T12:00:00Z'), businessDays(10)).toISOString()).toBe('2026-12-07T12:00:00.000Z');
  });

  it('counts weekdays in UTC, not in the local time zone', () => {
    // Friday 23:30 UTC (already Saturday east of UTC): the next business day is Monday 23:30 UTC.
    expect(addDuration(at('2026-11-20T23:30:00Z'), businessDays(1)).toISOString()).toBe('2026-11-23T23:30:00.000Z');
  });

  it('leaves 0 business days where it started', () => {
    expect(addDuration(at('2026-11-21T08:00:00Z'), businessDays(0)).toISOString()).toBe('2026-11-21T08:00:00.000Z');
  });

  it('does not modify the Date it is given', () => {
    const from = at('2026-11-20T15:45:00Z');
    addDuration(from, businessDays(3));
    addDuration(from, parseDuration('2h')!);
    expect(from.toISOString()).toBe('2026-11-20T15:45:00.000Z');
  });
});
