/**
 * The import directions of DESIGN.md ("Where code goes"): islands and browser code -> state -> lib ->
 * schemas, build-time code apart. Scans every import in src/ (like Starlight's own
 * no-internal-barrel-imports test) and fails naming the file, the import and the rule it breaks.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/build/files';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');

/**
 * The rules, in one table. A file belongs to the first layer with a matching prefix (paths under
 * src/); it may import only from the layers listed. `pure` layers import no Astro virtual module
 * (`astro:content`...): they run in tests, in plain Node and in the browser.
 */
const LAYERS = [
  { layer: 'schemas', paths: ['schemas/'], mayImport: ['schemas'], pure: true },
  { layer: 'lib', paths: ['lib/'], mayImport: ['lib', 'schemas'], pure: true },
  { layer: 'state', paths: ['state/'], mayImport: ['state', 'lib', 'schemas'], pure: true },
  { layer: 'build', paths: ['build/', 'plugins/'], mayImport: ['build', 'lib', 'schemas'], pure: false },
  { layer: 'browser', paths: ['components/islands/', 'components/browser/', 'components/checklist/'], mayImport: ['browser', 'state', 'lib', 'schemas'], pure: true },
  // The content collections are configured with the build's loaders.
  { layer: 'content config', paths: ['content.config.ts'], mayImport: ['build', 'lib', 'schemas'], pure: false },
  // Pages, Astro components, route middleware: everything but build-time code.
  { layer: 'site', paths: [''], mayImport: ['site', 'browser', 'state', 'lib', 'schemas'], pure: false },
] as const;

type Layer = (typeof LAYERS)[number];

/** `srcPath` may name a folder ("schemas", from `import ... from '../schemas'`). */
function layerOf(srcPath: string): Layer {
  return LAYERS.find((rule) => rule.paths.some((prefix) => `${srcPath}/`.startsWith(prefix)))!;
}

/** Every module specifier a file imports (static, dynamic, re-exports, type-only), comments removed. */
export function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found = [
    ...code.matchAll(/\b(?:import|export)\s+(?:type\s+)?[\w*{}\s,$]*?\s*from\s*['"]([^'"]+)['"]/g),
    ...code.matchAll(/\bimport\s*['"]([^'"]+)['"]/g),
    ...code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((match) => match[1]);
}

function breaches(): string[] {
  const problems: string[] = [];
  for (const { file, relative: srcPath } of listFiles(SRC, (path) => /\.(ts|tsx|mts|js|mjs|astro)$/.test(path))) {
    const rule = layerOf(srcPath);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('astro:') && rule.pure) {
        problems.push(`src/${srcPath} imports '${specifier}': ${rule.layer} code runs outside Astro and imports no astro: module`);
        continue;
      }
      const target = specifier.startsWith('~/') ? join(SRC, specifier.slice(2)) : specifier.startsWith('.') ? resolve(dirname(file), specifier) : undefined;
      if (!target) continue; // a package
      const targetPath = relative(SRC, target).split(sep).join('/');
      if (targetPath.startsWith('..')) {
        problems.push(`src/${srcPath} imports '${specifier}', outside src/`);
        continue;
      }
      const targetLayer = layerOf(targetPath);
      if (!(rule.mayImport as readonly string[]).includes(targetLayer.layer)) {
        problems.push(`src/${srcPath} imports '${specifier}' (${targetLayer.layer}): ${rule.layer} code may import only ${rule.mayImport.join(', ')}`);
      }
    }
  }
  return problems;
}

describe('import rules (DESIGN.md, "Where code goes")', () => {
  it('every import in src/ points the allowed way', () => {
    expect(breaches()).toEqual([]);
  });

  it('state code imports no zod: the browser state ships with every page, and checks stored data by hand (state/persistence/check.ts)', () => {
    const zod = listFiles(join(SRC, 'state'), (path) => /\.(ts|tsx|mts|js|mjs)$/.test(path))
      .filter(({ file }) => importsOf(readFileSync(file, 'utf8')).some((specifier) => /^(astro\/)?zod(\/|$)/.test(specifier)))
      .map(({ relative: path }) => `src/state/${path}`);
    expect(zod).toEqual([]);
  });

  it('finds every form of import, and none in comments', () => {
    const source = [
      "import a from './a';",
      "import { b, type C } from '../b';",
      "import type { D } from '~/d';",
      "import './e.css';",
      "export * from './f';",
      "export { g } from './g';",
      "const h = await import('./h');",
      "import {\n  i,\n  j,\n} from './ij';",
      "// import k from './k';",
      "/** import l from './l'; */",
      "const url = 'https://example.com/x'; import m from './m';",
    ].join('\n');
    expect(importsOf(source)).toEqual(['./a', '../b', '~/d', './f', './g', './ij', './m', './e.css', './h']);
  });

  it('places files in their layer by path', () => {
    expect(layerOf('schemas/ids.ts').layer).toBe('schemas');
    expect(layerOf('plugins/checklists.ts').layer).toBe('build');
    expect(layerOf('components/browser/reviews.ts').layer).toBe('browser');
    expect(layerOf('components/content/data.ts').layer).toBe('site');
    expect(layerOf('pages/reviews.astro').layer).toBe('site');
    expect(layerOf('content.config.ts').layer).toBe('content config');
    expect(layerOf('state').layer).toBe('state');
  });
});
