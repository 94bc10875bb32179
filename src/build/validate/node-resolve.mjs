/**
 * Lets plain Node run the validator's TypeScript as Vite and vitest do: Node strips the types itself
 * but resolves only exact file names, and our imports leave out `.ts` (`./schemas`, `../lib/x`).
 * Loaded with `node --import` by `npm run validate`; resolution is unchanged for everything Node
 * finds on its own.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!['ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_DIR_IMPORT'].includes(error?.code) || !/^\.{1,2}\//.test(specifier)) throw error;
      for (const suffix of ['.ts', '/index.ts']) {
        try {
          return nextResolve(specifier + suffix, context);
        } catch {
          // try the next form
        }
      }
      throw error;
    }
  },
});
