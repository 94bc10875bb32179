#!/usr/bin/env node
/**
 * `npm run bench`: build time of a generated handbook of N runbooks (default 1,000) versus plain
 * Starlight on the same pages, the JavaScript / CSS / HTML (gzip) a runbook page with every island
 * ships versus the same page in plain Starlight, and the size of the Pagefind index.
 *
 *   npm run bench                          # 1,000 pages, prints a Markdown table to stdout
 *   npm run bench -- --pages 50            # quicker, while developing
 *   npm run bench -- --json bench.json     # also writes the numbers as JSON
 *   npm run bench -- --runs 3              # builds each site 3 times, reports the median
 *   npm run bench -- --no-real             # skips the extra build of the example content (content/)
 *   npm run bench -- --keep                # keeps the temporary folders (printed on stderr)
 *
 * Everything is built in a temporary folder with `--outDir`; dist/, content/ and src/ are not touched.
 * Progress goes to stderr, the table to stdout.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PAGE_THREE_COMPONENTS, PAGE_TWO_COMPONENTS, PLAIN_INDEX, availableComponents, pageSlug, pageUrl, plainPage, runbook, unusedComponents } from './generate.mjs';
import { dirSize, htmlPages, pageWeight } from './weight.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'tests/fixtures/valid');
const ASTRO = join(ROOT, 'node_modules/.bin/astro');

const log = (...args) => console.error('[bench]', ...args);
const USAGE = 'usage: npm run bench -- [--pages N] [--runs N] [--json file] [--no-real] [--keep]';
let TMP; // the temporary folder, once made
let keep = false;
let cleaned = false;
const children = new Set();

function fail(message, output) {
  if (output) {
    const tail = output.trimEnd().split('\n').slice(-60).join('\n');
    console.error(`\n----- last lines of the build output -----\n${tail}\n------------------------------------------`);
  }
  console.error(`[bench] ${message}`);
  cleanup();
  process.exit(1);
}

// --- options ---------------------------------------------------------------------------------------
let args;
try {
  args = parseArgs({
    allowNegative: true,
    options: {
      pages: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '1' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      real: { type: 'boolean', default: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  console.error(`[bench] ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
keep = args.keep;
const PAGES = Number(args.pages);
const RUNS = Number(args.runs);
if (!Number.isInteger(PAGES) || PAGES < 1 || PAGES > 9999) fail(`--pages must be a whole number from 1 to 9999, not "${args.pages}"`);
if (!Number.isInteger(RUNS) || RUNS < 1) fail(`--runs must be a whole number >= 1, not "${args.runs}"`);
// npm runs scripts from the package folder; a relative --json is relative to where npm was started.
const JSON_OUT = args.json ? resolve(process.env.INIT_CWD ?? process.cwd(), args.json) : undefined;

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  fail(`Astro 7 needs Node >= 22.12, this is ${process.version}. Run it as \`npm run bench\` (the node devDependency provides Node 24).`);
}
if (!existsSync(ASTRO)) fail(`${ASTRO} is missing: run \`npm install\` first.`);

// --- temporary folders -----------------------------------------------------------------------------
TMP = mkdtempSync(join(tmpdir(), 'handbook-bench-'));
function cleanup() {
  if (cleaned || !TMP) return;
  cleaned = true;
  if (keep) log(`kept ${TMP}`);
  else rmSync(TMP, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGTERM');
    cleanup();
    process.exit(130);
  });
}

// --- builds ----------------------------------------------------------------------------------------
const strip = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** `astro build --outDir outDir` in cwd with the given extra env; resolves with wall time and output. */
function astroBuild({ cwd, outDir, env }) {
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    const child = spawn(join(cwd, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
      cwd,
      env: {
        ...process.env,
        // Same Node for every build: the node devDependency's (astro's shebang is `env node`).
        PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
        NODE_ENV: 'production',
        ASTRO_TELEMETRY_DISABLED: '1',
        HANDBOOK_CONTENT_DIR: undefined,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `\n${error.stack}`));
    child.on('close', (status, signal) => {
      children.delete(child);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      done({ status: signal ? `killed by ${signal}` : status, ms, output: strip(output) });
    });
  });
}

/** Runs a build `RUNS` times (each into a fresh outDir); returns the median wall time and the last outDir. */
async function timedBuilds(label, { cwd, env = {}, outBase }) {
  const times = [];
  let outDir;
  let output = '';
  for (let run = 1; run <= RUNS; run++) {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
    outDir = `${outBase}-${run}`;
    log(`building ${label}${RUNS > 1 ? ` (run ${run} of ${RUNS})` : ''}...`);
    const result = await astroBuild({ cwd, outDir, env });
    if (result.status !== 0) fail(`The ${label} build failed (exit ${result.status}).`, result.output);
    log(`  ${label}: ${(result.ms / 1000).toFixed(1)} s`);
    times.push(result.ms);
    output = result.output;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { ms: median, runsMs: times, outDir, output };
}

/** The numbers Astro and Pagefind print, for the detail rows. */
function buildLog(output) {
  const seconds = (re) => {
    const m = re.exec(output);
    if (!m) return undefined;
    return m[2] === 'ms' ? Number(m[1]) / 1000 : Number(m[1]);
  };
  return {
    pagesReported: Number(/(\d+) page\(s\) built in/.exec(output)?.[1]) || undefined,
    pagefindS: seconds(/Finished building search index in ([\d.]+)(ms|s)/),
    warnings: (output.match(/\[WARN\]/g) ?? []).length,
  };
}

/**
 * The project's node_modules for the plain project, as hard links (same files, no copying; a full
 * copy where hard links are impossible). A symlink does not work: Astro 7 resolves packages to their
 * real path, outside the plain project's root, and then reads such an absolute path as relative to
 * the root ("No cached compile metadata found for .../starlight/dist/components/Page.astro?astro&type=style").
 * Caches are left out so that nothing the plain build writes lands in a file shared with the project.
 */
function linkNodeModules(target) {
  const source = join(ROOT, 'node_modules');
  let result = spawnSync('cp', ['-al', source, target], { encoding: 'utf8' });
  if (result.status !== 0) {
    log(`hard links failed (${result.stderr.trim() || result.error?.message}); copying node_modules instead`);
    rmSync(target, { recursive: true, force: true });
    result = spawnSync('cp', ['-a', source, target], { encoding: 'utf8' });
    if (result.status !== 0) fail(`Could not copy ${source} to ${target}: ${result.stderr || result.error?.message}`);
  }
  for (const cache of ['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']) rmSync(join(target, cache), { recursive: true, force: true });
}

// --- 1. our site on N generated runbooks -------------------------------------------------------------
const t0 = Date.now();
log(`Node ${process.version}, ${cpus().length} CPU(s), ${PAGES} generated runbooks, temp folder ${TMP}`);
const contentDir = join(TMP, 'content');
cpSync(FIXTURE, contentDir, { recursive: true });
const components = availableComponents(ROOT);
const templateComponents = availableComponents(ROOT, PAGE_TWO_COMPONENTS);
const drillComponents = availableComponents(ROOT, PAGE_THREE_COMPONENTS);
for (const name of unusedComponents(ROOT)) {
  log(`warning: src/components/content/${name} is not on page 0001; add it to PAGE_ONE_COMPONENTS in tests/bench/generate.mjs`);
}
const generated = join(contentDir, 'docs/demo/generated');
mkdirSync(generated, { recursive: true });
const pages = [];
for (let n = 1; n <= PAGES; n++) {
  const mdx = runbook(n, PAGES, n === 1 ? components : n === 2 ? templateComponents : n === 3 ? drillComponents : []);
  pages.push(mdx);
  writeFileSync(join(generated, `${pageSlug(n)}.mdx`), mdx);
}
log(`generated ${PAGES} runbooks in ${generated}`);

const ours = await timedBuilds('Incident Handbook', { cwd: ROOT, env: { HANDBOOK_CONTENT_DIR: contentDir }, outBase: join(TMP, 'dist-ours') });

// --- 2. plain Starlight on the same pages ------------------------------------------------------------
const plainDir = join(TMP, 'plain');
mkdirSync(join(plainDir, 'src/content/docs/demo/generated'), { recursive: true });
linkNodeModules(join(plainDir, 'node_modules'));
// The dependencies must be listed: Astro crawls them to bundle Starlight (which imports astro:content)
// instead of leaving it to Node, which fails with ERR_UNSUPPORTED_ESM_URL_SCHEME ("astro:").
const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
writeFileSync(
  join(plainDir, 'package.json'),
  `${JSON.stringify({ name: 'plain-starlight-bench', private: true, type: 'module', dependencies: { astro: dependencies.astro, '@astrojs/starlight': dependencies['@astrojs/starlight'] } }, null, 2)}\n`,
);
writeFileSync(
  join(plainDir, 'astro.config.mjs'),
  `// Plain Starlight: no Preact, no custom Markdown processor (Astro 7's default, Satteri).
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  integrations: [starlight({ title: 'Plain' })],
});
`,
);
writeFileSync(
  join(plainDir, 'src/content.config.ts'),
  `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
`,
);
writeFileSync(join(plainDir, 'src/content/docs/index.mdx'), PLAIN_INDEX);
pages.forEach((mdx, i) => writeFileSync(join(plainDir, 'src/content/docs/demo/generated', `${pageSlug(i + 1)}.mdx`), plainPage(mdx)));

const plain = await timedBuilds('plain Starlight', { cwd: plainDir, outBase: join(TMP, 'dist-plain') });

// --- 3. page weight, 4. Pagefind ---------------------------------------------------------------------
const PAGE = pageUrl(1);
function measure(label, build) {
  let weight;
  try {
    weight = pageWeight(build.outDir, PAGE);
  } catch (error) {
    fail(`${label}: ${error.message}`, build.output);
  }
  if (weight.missing.length) log(`warning: ${label} ${PAGE} refers to files not in the build: ${weight.missing.join(', ')}`);
  return { weight, pagefind: dirSize(join(build.outDir, 'pagefind')), pages: htmlPages(build.outDir).length, log: buildLog(build.output) };
}
const oursM = measure('Incident Handbook', ours);
const plainM = measure('plain Starlight', plain);
// A template page: page 0002 carries the template filler (the same page in plain Starlight has none).
const TEMPLATE_PAGE = pageUrl(2);
const templateJs = PAGES >= 2 && templateComponents.length ? pageWeight(ours.outDir, TEMPLATE_PAGE).js.gz - pageWeight(plain.outDir, TEMPLATE_PAGE).js.gz : undefined;
const DRILLS_PAGE = pageUrl(3);
const drillsJs = PAGES >= 3 && drillComponents.length ? pageWeight(ours.outDir, DRILLS_PAGE).js.gz - pageWeight(plain.outDir, DRILLS_PAGE).js.gz : undefined;
if (oursM.weight.checklists === 0) log(`warning: ${PAGE} of the Incident Handbook build has no checklist: did the rehype plugin run?`);

// --- optional: the real example content --------------------------------------------------------------
let real;
if (args.real && existsSync(join(ROOT, 'content/docs'))) {
  log('building the example content (content/) to find its heaviest runbook page (skip with --no-real)...');
  const outDir = join(TMP, 'dist-real');
  const result = await astroBuild({ cwd: ROOT, outDir, env: {} });
  if (result.status !== 0) {
    const tail = result.output.trimEnd().split('\n').slice(-40).join('\n');
    log(`warning: the build of the example content failed (exit ${result.status}); its row is left out.\n${tail}`);
    real = { failed: true, status: result.status };
  } else {
    // The runbook page that ships the most JavaScript; among equals, the one with the most islands,
    // then checklists, then CSS and HTML.
    const candidates = htmlPages(outDir)
      .filter((url) => url !== '/' && !url.endsWith('.html'))
      .map((url) => pageWeight(outDir, url))
      .sort((a, b) => b.js.gz - a.js.gz || b.islands - a.islands || b.checklists - a.checklists || b.css.gz - a.css.gz || b.html.gz - a.html.gz);
    real = candidates.length
      ? { ms: result.ms, weight: candidates[0], pagefind: dirSize(join(outDir, 'pagefind')), pages: htmlPages(outDir).length }
      : { failed: true, status: 'no runbook pages' };
  }
}

// --- report ------------------------------------------------------------------------------------------
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : kB(bytes));
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
const signed = (n, unit) => {
  const text = unit(Math.abs(n));
  return /^0(\.0+)? /.test(text) ? `±${text}` : `${n >= 0 ? '+' : '−'}${text}`;
};
const ratio = (a, b) => (b ? `×${(a / b).toFixed(2)}` : '');
const diff = (a, b, unit) => `${signed(a - b, unit)} (${ratio(a, b)})`;
const num = (n) => n.toLocaleString('en-US');

const ow = oursM.weight;
const pw = plainM.weight;
const total = (w) => w.js.gz + w.css.gz + w.html.gz;
const rows = [
  ['Build wall time (`astro build`, incl. Pagefind)', sec(ours.ms), sec(plain.ms), diff(ours.ms, plain.ms, sec)],
  ['Build time per generated page', `${(ours.ms / PAGES).toFixed(1)} ms`, `${(plain.ms / PAGES).toFixed(1)} ms`, ''],
  ['HTML pages written', num(oursM.pages), num(plainM.pages), ''],
  ['Pagefind indexing (from the build log)', oursM.log.pagefindS === undefined ? '?' : `${oursM.log.pagefindS.toFixed(1)} s`, plainM.log.pagefindS === undefined ? '?' : `${plainM.log.pagefindS.toFixed(1)} s`, ''],
  ['Build warnings (`[WARN]` lines)', num(oursM.log.warnings), num(plainM.log.warnings), ''],
  [`JavaScript, gzip (${PAGE})`, kB(ow.js.gz), kB(pw.js.gz), diff(ow.js.gz, pw.js.gz, kB)],
  ['CSS, gzip', kB(ow.css.gz), kB(pw.css.gz), diff(ow.css.gz, pw.css.gz, kB)],
  ['HTML, gzip', kB(ow.html.gz), kB(pw.html.gz), diff(ow.html.gz, pw.html.gz, kB)],
  ['**Page total, gzip**', `**${kB(total(ow))}**`, `**${kB(total(pw))}**`, `**${diff(total(ow), total(pw), kB)}**`],
  ['JavaScript files + inline scripts', `${ow.js.count}`, `${pw.js.count}`, ''],
  ['Islands (`<astro-island>`) / checklists on the page', `${ow.islands} / ${ow.checklists}`, `${pw.islands} / ${pw.checklists}`, ''],
  ['JavaScript added while an incident is active (the incident bar), gzip', kB(ow.incidentJs.gz), '', ''],
  ['**Our JavaScript on the page with an incident active** (budget 20 kB)', `**${kB(ow.js.gz - pw.js.gz + ow.incidentJs.gz)}**`, '', ''],
  ...(templateJs === undefined ? [] : [[`Our JavaScript on a template page (${TEMPLATE_PAGE}, the template filler)`, kB(templateJs), '', '']]),
  ...(drillsJs === undefined ? [] : [[`Our JavaScript on a drills page (${DRILLS_PAGE}, drill quizzes and the onboarding path)`, kB(drillsJs), '', '']]),
  ['JavaScript loaded on demand, gzip ¹', kB(ow.lazyJs.gz), kB(pw.lazyJs.gz), diff(ow.lazyJs.gz, pw.lazyJs.gz, kB)],
  ['Pagefind index (`pagefind/`)', `${MB(oursM.pagefind.bytes)} (${num(oursM.pagefind.files)} files)`, `${MB(plainM.pagefind.bytes)} (${num(plainM.pagefind.files)} files)`, diff(oursM.pagefind.bytes, plainM.pagefind.bytes, MB)],
];
const table = (head, body) =>
  [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const out = [];
out.push(`## Benchmark: ${num(PAGES)} generated runbooks`, '');
out.push(table(['', 'Incident Handbook', 'Plain Starlight ²', 'Difference'], rows), '');
if (real) {
  if (real.failed) out.push(`Example content (content/): the build failed (${real.status}), so it has no row.`, '');
  else {
    const w = real.weight;
    out.push(`### Heaviest runbook page of the example content: \`${w.page}\``, '');
    out.push(
      table(
        ['JavaScript, gzip', 'CSS, gzip', 'HTML, gzip', 'Total, gzip', 'Islands', 'Checklists', 'Build (' + num(real.pages) + ' pages)', 'Pagefind index'],
        [[kB(w.js.gz), kB(w.css.gz), kB(w.html.gz), kB(total(w)), String(w.islands), String(w.checklists), sec(real.ms), MB(real.pagefind.bytes)]],
      ),
      '',
    );
  }
}
const notes = [
  `Our site renders Markdown with unified (\`@astrojs/markdown-remark\`) for its rehype checklist plugin; plain Starlight uses Astro 7's default processor, Sätteri. Part of the build-time difference is the processor, not our code.`,
  `Page ${PAGE} of our build also renders ${components.length ? components.map(([n]) => `\`${n}\``).join(', ') : 'no components'}; the islands are on pages of their own: ${TEMPLATE_PAGE} renders ${templateComponents.map(([n]) => `\`${n}\``).join(', ') || 'nothing'}, ${DRILLS_PAGE} ${drillComponents.map(([n]) => `\`${n}\``).join(', ') || 'nothing'} (with page 0001, every component in src/components/content/). The plain pages have only their Markdown (imports and components removed). Both builds have the same ${num(PAGES)} pages in the sidebar.`,
  `JavaScript: external and inline scripts, module preloads, island component/renderer files and their static imports, each gzipped (level 9) on its own. ¹ Modules reached only through dynamic \`import()\` (e.g. Pagefind's UI when search opens) are not in the JavaScript row.`,
  `Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'}), ${RUNS === 1 ? 'one build each' : `median of ${RUNS} builds each (ours: ${ours.runsMs.map(sec).join(', ')}; plain: ${plain.runsMs.map(sec).join(', ')})`}; wall times vary with the machine's load.`,
];
out.push(`² Plain Starlight: \`starlight({ title: 'Plain' })\`, \`docsLoader()\` + \`docsSchema()\`, the same generated pages plus an index page, the same packages (a hard-linked copy of node_modules).`, '');
out.push(...notes.map((n) => `- ${n}`), '');
console.log(out.join('\n'));

if (JSON_OUT) {
  const pick = (m, b) => ({
    buildMs: Math.round(b.ms),
    buildRunsMs: b.runsMs.map(Math.round),
    pages: m.pages,
    buildLog: m.log,
    page: m.weight,
    pagefind: m.pagefind,
  });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    generatedPages: PAGES,
    runs: RUNS,
    page: PAGE,
    pageComponents: components.map(([n]) => n),
    ours: pick(oursM, ours),
    plain: pick(plainM, plain),
    diff: {
      buildMs: Math.round(ours.ms - plain.ms),
      buildRatio: Number((ours.ms / plain.ms).toFixed(3)),
      jsGz: ow.js.gz - pw.js.gz,
      cssGz: ow.css.gz - pw.css.gz,
      htmlGz: ow.html.gz - pw.html.gz,
      totalGz: total(ow) - total(pw),
      pagefindBytes: oursM.pagefind.bytes - plainM.pagefind.bytes,
    },
    real: real ? (real.failed ? real : { buildMs: Math.round(real.ms), pages: real.pages, page: real.weight, pagefind: real.pagefind }) : null,
  };
  mkdirSync(resolve(JSON_OUT, '..'), { recursive: true });
  writeFileSync(JSON_OUT, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${JSON_OUT}`);
}

cleanup();
log(`done in ${sec(Date.now() - t0)}`);
