/**
 * The live clock: ticks on each whole second only while something listens, stops after the last
 * listener leaves (nanostores unmounts a store 1 s after its last listener), and takes a fake time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORE_UNMOUNT_DELAY } from 'nanostores';
import { $now, setTimeSource, type TimeSource } from '../../src/state/clock';
import { createStateStore } from '../../src/state/store';
import { FakeStorage } from './state-helpers';

const START = new Date('2026-11-23T10:00:00.400Z').getTime();
const iso = (ms: number) => new Date(ms).toISOString();

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});

afterEach(() => {
  vi.useRealTimers();
  setTimeSource(undefined);
});

/** Waits until the clock has let go of everything (its timer and nanostores' unmount delay). */
function settle() {
  vi.advanceTimersByTime(STORE_UNMOUNT_DELAY + 1000);
}

describe('$now', () => {
  it('has the time as soon as something subscribes, then turns over on each whole second', () => {
    const seen: string[] = [];
    const stop = $now.subscribe((ms) => seen.push(iso(ms)));
    expect(seen).toEqual(['2026-11-23T10:00:00.400Z']);
    vi.advanceTimersByTime(599);
    expect(seen).toHaveLength(1);
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(2000);
    expect(seen).toEqual(['2026-11-23T10:00:00.400Z', '2026-11-23T10:00:01.000Z', '2026-11-23T10:00:02.000Z', '2026-11-23T10:00:03.000Z']);
    stop();
    settle();
  });

  it('stays aligned to the second when a timer fires late', () => {
    const seen: number[] = [];
    const stop = $now.listen((ms) => seen.push(ms));
    // A busy page: the clock moves on 1.25 s before the timer gets to run.
    vi.setSystemTime(START + 1850);
    vi.advanceTimersByTime(600);
    expect(seen.map(iso)).toEqual(['2026-11-23T10:00:02.850Z']);
    vi.advanceTimersByTime(1000);
    expect(seen.map(iso)).toEqual(['2026-11-23T10:00:02.850Z', '2026-11-23T10:00:03.000Z']);
    stop();
    settle();
  });

  it('runs no timer while nothing listens, and stops once the last listener leaves', () => {
    settle();
    expect(vi.getTimerCount()).toBe(0);
    const first = $now.listen(() => {});
    const second = $now.listen(() => {});
    expect(vi.getTimerCount()).toBe(1);
    first();
    vi.advanceTimersByTime(5000);
    expect(vi.getTimerCount()).toBe(1);
    second();
    settle();
    expect(vi.getTimerCount()).toBe(0);
    const value = $now.get();
    vi.advanceTimersByTime(10_000);
    settle();
    // Read while nothing listens: the time at that moment, no timer left behind.
    expect($now.get()).toBeGreaterThan(value);
    settle();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('takes a fake time source (a preview or a test that drives time by hand)', () => {
    vi.useRealTimers();
    let now = Date.parse('2030-01-01T00:00:00.000Z');
    let pending: (() => void) | undefined;
    const fake: TimeSource = {
      now: () => now,
      setTimeout: (run) => {
        pending = run;
        return 1;
      },
      clearTimeout: () => {
        pending = undefined;
      },
    };
    setTimeSource(fake);
    const seen: string[] = [];
    const stop = $now.subscribe((ms) => seen.push(iso(ms)));
    now += 1000;
    pending?.();
    expect(seen).toEqual(['2030-01-01T00:00:00.000Z', '2030-01-01T00:00:01.000Z']);
    stop();
  });

  it('is the store\'s $now, and is not stored', () => {
    const storage = new FakeStorage();
    const store = createStateStore({ local: storage });
    expect(store.$now).toBe($now);
    const stop = store.$now.listen(() => {});
    vi.advanceTimersByTime(3000);
    stop();
    settle();
    expect(storage.writes).toBe(0);
    expect(storage.length).toBe(0);
  });
});
