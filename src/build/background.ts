/**
 * Work the build does while Starlight's astro:build:done waits on Pagefind, which indexes the site in
 * a process of its own: started when the pages are written (astro:build:generated), awaited in
 * astro:build:done. It runs in slices, so that Starlight's exchanges with Pagefind are not held up.
 */

/** Starts `work` on the next turn of the event loop (after Starlight has started Pagefind). */
export function startInBackground<T>(work: () => Promise<T>): Promise<T> {
  const started = new Promise<void>((resolve) => setImmediate(resolve)).then(work);
  // Awaited in astro:build:done; until then a failure must not count as unhandled.
  started.catch(() => {});
  return started;
}

/**
 * Call after each piece of work: once `sliceMs` milliseconds have passed since the last pause, it
 * pauses for one turn of the event loop.
 */
export function timeSlices(sliceMs = 8): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
}
