/**
 * The islands' JSX in `astro build`: @preact/preset-vite's Babel plugin is dropped, and Vite's Oxc
 * transform compiles the JSX from tsconfig.json. If the preset renames its plugin, the first test
 * fails rather than the build quietly running Babel again.
 */
import { readFileSync } from 'node:fs';
import { preact } from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { PRESET_JSX_PLUGIN, preactJsxWithoutBabel } from '../../src/build/preact-jsx';

const flat = (plugins: unknown[]): Plugin[] => plugins.flat(Infinity as 1).filter(Boolean) as Plugin[];

describe('preactJsxWithoutBabel', () => {
  it('finds the preset\'s JSX plugin by its name, as @astrojs/preact sets it up (with Babel options)', () => {
    const names = flat(preact({ babel: {} })).map((plugin) => plugin.name);
    expect(names).toContain(PRESET_JSX_PLUGIN);
  });

  it('removes that plugin from the resolved plugins of a build, and only that one', () => {
    const plugins = [{ name: 'a' }, { name: PRESET_JSX_PLUGIN }, { name: 'b' }] as Plugin[];
    const plugin = preactJsxWithoutBabel();
    expect(plugin.apply).toBe('build');
    (plugin.configResolved as unknown as (config: { plugins: Plugin[] }) => void)({ plugins });
    expect(plugins.map((p) => p.name)).toEqual(['a', 'b']);
  });

  it('leaves the JSX to tsconfig.json: the automatic runtime of preact', () => {
    const { compilerOptions } = JSON.parse(readFileSync(new URL('../../tsconfig.json', import.meta.url), 'utf8'));
    expect(compilerOptions).toMatchObject({ jsx: 'react-jsx', jsxImportSource: 'preact' });
  });
});
