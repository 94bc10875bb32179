/**
 * @astrojs/preact always hands Babel options to @preact/preset-vite, so its `vite:preact-jsx` plugin
 * compiles every island's JSX with Babel: about 0.2 s of a build (the islands are built twice, for
 * the server and for the browser), with Babel loaded for five files. Vite's own Oxc transform
 * compiles the same JSX from tsconfig.json ("jsx": "react-jsx", "jsxImportSource": "preact"), to the
 * same `jsx()` calls of preact/jsx-runtime. So `astro build` drops that plugin; `astro dev` keeps it
 * (its hook names serve Preact's devtools).
 */
import type { Plugin } from 'vite';

/** The preset's plugin, by the name it registers. */
export const PRESET_JSX_PLUGIN = 'vite:preact-jsx';

export function preactJsxWithoutBabel(): Plugin {
  return {
    name: 'incident-handbook:preact-jsx-without-babel',
    apply: 'build',
    configResolved(config) {
      // The resolved list is the one every build environment takes its plugins from.
      const plugins = config.plugins as Plugin[];
      const at = plugins.findIndex((plugin) => plugin.name === PRESET_JSX_PLUGIN);
      if (at >= 0) plugins.splice(at, 1);
    },
  };
}
