/**
 * The content check under way, shared between the integration that starts it (./integration.ts,
 * loaded with astro.config.mjs) and the content loaders that wait for it (../validated-loader.ts,
 * loaded with src/content.config.ts). The two are loaded as separate module graphs, so the handle
 * lives on globalThis under a registered symbol.
 */
const KEY = Symbol.for('incident-handbook.content-validation');

type Holder = { [KEY]?: Promise<void> };

/** Records the check under way: resolves when the content is valid, rejects with the full report. */
export function setPendingValidation(validation: Promise<void>): void {
  (globalThis as Holder)[KEY] = validation;
}

/** The check under way, or a resolved promise when none was started (`astro sync`, a unit test). */
export function pendingValidation(): Promise<void> {
  return (globalThis as Holder)[KEY] ?? Promise.resolve();
}
