/**
 * The plain Starlight project the bench compares with: `starlight({ title: 'Plain' })`, docsLoader +
 * docsSchema, the same generated pages (Markdown only) plus an index page, the project's own
 * packages (a hard-linked copy of node_modules). Two configs: Astro 7's default Markdown processor,
 * and the unified processor of `@astrojs/markdown-remark` (when node_modules has it), so that the
 * build-time cost of the processor can be told apart from the cost of our own code.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLAIN_INDEX, pageSlug, plainPage } from './generate.mjs';

export const UNIFIED_CONFIG = 'astro.unified.config.mjs';

/**
 * The project's node_modules, as hard links (same files, no copying; a full copy where hard links are
 * impossible). A symlink does not work: Astro 7 resolves packages to their real path, outside the plain
 * project's root, and then reads such an absolute path as relative to the root ("No cached compile
 * metadata found for .../starlight/dist/components/Page.astro?astro&type=style").
 * Caches are left out so that nothing the plain build writes lands in a file shared with the project.
 */
function linkNodeModules(source, target, log) {
  let result = spawnSync('cp', ['-al', source, target], { encoding: 'utf8' });
  if (result.status !== 0) {
    log(`hard links failed (${result.stderr.trim() || result.error?.message}); copying node_modules instead`);
    rmSync(target, { recursive: true, force: true });
    result = spawnSync('cp', ['-a', source, target], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`Could not copy ${source} to ${target}: ${result.stderr || result.error?.message}`);
  }
  for (const cache of ['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']) rmSync(join(target, cache), { recursive: true, force: true });
}

/** Whether the unified processor can be imported from the project's node_modules (installs nothing). */
export function hasUnified(root) {
  return existsSync(join(root, 'node_modules/@astrojs/markdown-remark/package.json'));
}

const config = (processor) => `// Plain Starlight${processor ? ' with the unified Markdown processor (no plugins)' : ": no Preact, Astro 7's default Markdown processor (Satteri)"}.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
${processor ? "import { unified } from '@astrojs/markdown-remark';\n" : ''}
export default defineConfig({
  // A cache per build (ASTRO_CACHE_DIR), so that every build starts cold.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
${processor ? '  markdown: { processor: unified() },\n' : ''}  integrations: [starlight({ title: 'Plain' })],
});
`;

/**
 * Writes the plain project into `dir` with `pages` (the MDX of our generated runbooks, page 1 first).
 * Returns { unified: boolean } (whether astro.unified.config.mjs was written).
 */
export function makePlainProject({ root, dir, pages, log }) {
  mkdirSync(join(dir, 'src/content/docs/demo/generated'), { recursive: true });
  linkNodeModules(join(root, 'node_modules'), join(dir, 'node_modules'), log);
  // The dependencies must be listed: Astro crawls them to bundle Starlight (which imports astro:content)
  // instead of leaving it to Node, which fails with ERR_UNSUPPORTED_ESM_URL_SCHEME ("astro:").
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const version = (name) => dependencies[name] ?? devDependencies[name] ?? '*';
  const unified = hasUnified(root);
  const deps = { astro: version('astro'), '@astrojs/starlight': version('@astrojs/starlight') };
  if (unified) deps['@astrojs/markdown-remark'] = version('@astrojs/markdown-remark');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'plain-starlight-bench', private: true, type: 'module', dependencies: deps }, null, 2)}\n`);
  writeFileSync(join(dir, 'astro.config.mjs'), config(false));
  if (unified) writeFileSync(join(dir, UNIFIED_CONFIG), config(true));
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
`,
  );
  // Starlight links /favicon.svg (its starter template ships one): without it, a 404 in the console.
  const favicon = join(root, 'public/favicon.svg');
  if (existsSync(favicon)) {
    mkdirSync(join(dir, 'public'), { recursive: true });
    copyFileSync(favicon, join(dir, 'public/favicon.svg'));
  }
  writeFileSync(join(dir, 'src/content/docs/index.mdx'), PLAIN_INDEX);
  pages.forEach((mdx, i) => writeFileSync(join(dir, 'src/content/docs/demo/generated', `${pageSlug(i + 1)}.mdx`), plainPage(mdx)));
  return { unified };
}
