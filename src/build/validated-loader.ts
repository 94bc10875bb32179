/**
 * A content loader that waits for the validator (src/build/validate/) before loading: the validator
 * checks every file on a worker thread while Astro starts up, and Astro's own schema check stops at
 * the first invalid entry, so no collection loads before the full report is known. When the content
 * is invalid, the loader throws that report (every mistake of every file) instead of loading.
 */
import type { Loader } from 'astro/loaders';
import { pendingValidation } from './validate/pending';

export function afterValidation(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      await pendingValidation();
      return loader.load(context);
    },
  };
}
