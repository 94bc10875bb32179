/**
 * The time, for anything that counts live (elapsed time, "update due in 4 min"). Not stored. It
 * ticks on each whole second, only while something listens: nothing runs on a page with no clock
 * on it, and every clock on a page turns over together.
 */
import { atom, onMount, type ReadableAtom } from 'nanostores';

/** Where the time comes from; tests and previews may replace it (vitest fake timers also work). */
export interface TimeSource {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const systemTime: TimeSource = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

let source = systemTime;
const $time = atom(0);

/** Epoch milliseconds, updated on every whole second while subscribed. Read it after subscribing. */
export const $now: ReadableAtom<number> = $time;

onMount($time, () => {
  let timer: unknown;
  const clock = source;
  const tick = () => {
    const now = clock.now();
    $time.set(now);
    timer = clock.setTimeout(tick, 1000 - (now % 1000));
  };
  tick();
  return () => clock.clearTimeout(timer);
});

/** Replaces the time source (undefined: the system clock). Takes effect when the clock next starts. */
export function setTimeSource(next: TimeSource | undefined): void {
  source = next ?? systemTime;
}
