/**
 * Workbox's runtime as the worker needs it: the production builds that workbox-precaching and the
 * three packages it depends on publish (classic scripts, each adding its part to `self.workbox`), in
 * dependency order. Concatenated as published, not bundled: workbox-build's generateSW ran rollup,
 * Babel and terser over the same code on every build (about 0.8 s), for the same result.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Each needs the ones before it. */
const PACKAGES = ['workbox-core', 'workbox-routing', 'workbox-strategies', 'workbox-precaching'] as const;

/**
 * The scripts' text, one after the other, without their source-map comments (the maps are not
 * shipped); with the version of workbox-precaching, for the worker's header.
 */
export function workboxRuntime(): { version: string; source: string } {
  // workbox-precaching pins the exact versions of the other three: they are resolved from it.
  const precaching = createRequire(createRequire(import.meta.url).resolve('workbox-precaching/package.json'));
  const { version } = precaching('./package.json') as { version: string };
  const source = PACKAGES.map((name) => {
    const file = precaching.resolve(`${name}/build/${name}.prod.js`);
    return readFileSync(file, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '').trim();
  }).join('\n');
  return { version, source };
}
