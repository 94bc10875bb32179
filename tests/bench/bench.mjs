#!/usr/bin/env node
/**
 * `npm run bench`: a generated handbook of N runbooks (default 1,000) built by our site, by plain
 * Starlight and by plain Starlight with the unified Markdown processor: build time, peak memory and
 * Pagefind index; four pages (runbook, the same runbook with an incident active, severity, template)
 * weighed against plain Starlight's same page; Lighthouse scores of those pages, mobile and desktop.
 * Prints one set of Markdown tables (for README.md) to stdout; progress goes to stderr.
 *
 * Everything is built in a temporary folder with `--outDir` and a cache of its own; dist/, content/ and
 * src/ are not touched. Exits 1 if a build fails, a measured page is missing or an audit cannot run;
 * budgets are reported, never asserted (times and scores vary with the machine).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PAGE_FOUR_COMPONENTS, PAGE_THREE_COMPONENTS, PAGE_TWO_COMPONENTS, availableComponents, pageSlug, pageUrl, runbook, unusedComponents } from './generate.mjs';
import { watchPeakMemory } from './memory.mjs';
import { UNIFIED_CONFIG, makePlainProject } from './plain.mjs';
import { report } from './report.mjs';
import { dirSize, htmlPages, pageWeight } from './weight.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'tests/fixtures/valid');
const ASTRO = join(ROOT, 'node_modules/.bin/astro');

const log = (...args) => console.error('[bench]', ...args);
const USAGE = `usage: npm run bench -- [options]
  --pages N         generated runbooks, 4 to 9999 (default 1000)
  --runs N          builds of each site, the sites taking turns; the median time and the median
                    of the ratios of builds in the same turn are reported (default 1)
  --quick           for CI: our site and plain Starlight only (no unified build, no example content),
                    Lighthouse on our four pages, mobile only; budgets reported, never asserted
  --no-unified      skip the plain Starlight build with the unified processor
  --no-real         skip the build of the example content (content/)
  --no-lighthouse   skip the Lighthouse audits
  --heap MB         Node heap limit of every build (NODE_OPTIONS=--max-old-space-size), for sizes
                    where the default (about 4 GB) runs out; the table says so
  --json FILE       also write the numbers as JSON
  --keep            keep the temporary folder (printed on stderr)
  -h, --help        this text`;
let TMP;
let keep = false;
let cleaned = false;
const children = new Set();
const problems = []; // what makes the run exit 1 once the table is printed

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
      heap: { type: 'string' },
      keep: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      real: { type: 'boolean' },
      unified: { type: 'boolean' },
      lighthouse: { type: 'boolean', default: true },
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
function usageError(message) {
  console.error(`[bench] ${message}\n${USAGE}`);
  process.exit(2);
}
keep = args.keep;
const QUICK = args.quick;
const PAGES = Number(args.pages);
const RUNS = Number(args.runs);
if (!/^\d+$/.test(args.pages) || PAGES < 4 || PAGES > 9999) usageError(`--pages must be a whole number from 4 to 9999 (pages 1 to 4 are the measured ones), not "${args.pages}"`);
if (!/^\d+$/.test(args.runs) || RUNS < 1) usageError(`--runs must be a whole number >= 1, not "${args.runs}"`);
if (args.json === '') usageError('--json needs a file name');
const HEAP = args.heap === undefined ? undefined : Number(args.heap);
if (HEAP !== undefined && (!/^\d+$/.test(args.heap) || HEAP < 512)) usageError(`--heap must be a number of megabytes >= 512, not "${args.heap}"`);
const WITH_REAL = args.real ?? !QUICK;
const WITH_UNIFIED = args.unified ?? !QUICK;
// npm runs scripts from the package folder; a relative --json is relative to where npm was started.
const JSON_OUT = args.json ? resolve(process.env.INIT_CWD ?? process.cwd(), args.json) : undefined;

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  fail(`The bench needs Node >= 22.19 (Astro 7, Lighthouse 13), this is ${process.version}. Run it as \`npm run bench\` (the node devDependency provides Node 24).`);
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
let cacheCount = 0;

/**
 * `astro build --root cwd --outDir outDir [--config file]` with a fresh cache; resolves with wall
 * time, peak memory of the process tree (astro's node and Pagefind's binary) and the output.
 * The process runs in the temporary folder, not in the project: with an outDir outside its working
 * directory, Astro 7 writes its prerender chunks to <working directory>/.astro/.prerender/, which
 * builds running side by side from the same folder overwrite (missing CSS, "Cannot find module").
 */
function astroBuild({ cwd, outDir, env = {}, config }) {
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    const workDir = join(TMP, `work-${cacheCount + 1}`);
    mkdirSync(workDir, { recursive: true });
    // The prerender chunks import packages by name: resolve them from the project's node_modules.
    if (!existsSync(join(workDir, 'node_modules'))) symlinkSync(join(cwd, 'node_modules'), join(workDir, 'node_modules'));
    // --config is relative to --root (Astro joins the two).
    const args = ['build', '--root', cwd, '--outDir', outDir, ...(config ? ['--config', config] : [])];
    const child = spawn(join(cwd, 'node_modules/.bin/astro'), args, {
      cwd: workDir,
      env: {
        ...process.env,
        // Same Node for every build: the node devDependency's (astro's shebang is `env node`).
        PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
        NODE_ENV: 'production',
        ASTRO_TELEMETRY_DISABLED: '1',
        HANDBOOK_CONTENT_DIR: undefined,
        // Never the project's default cache; a cold cache per build, so that runs compare.
        ASTRO_CACHE_DIR: join(TMP, `cache-${++cacheCount}`),
        ...(HEAP ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${HEAP}`.trim() } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    const memory = watchPeakMemory(child.pid);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `\n${error.stack}`));
    child.on('close', (status, signal) => {
      children.delete(child);
      const peak = memory.stop();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      done({ status: signal ? `killed by ${signal}` : status, ms, peakBytes: peak.peakBytes, peakProcesses: peak.peakProcesses, output: strip(output) });
    });
  });
}

/** The numbers Astro and Pagefind print. */
function buildLog(output) {
  const m = /Finished building search index in ([\d.]+)(ms|s)/.exec(output);
  return {
    pagesReported: Number(/(\d+) page\(s\) built in/.exec(output)?.[1]) || undefined,
    pagefindS: m ? (m[2] === 'ms' ? Number(m[1]) / 1000 : Number(m[1])) : undefined,
    warnings: (output.match(/\[WARN\]/g) ?? []).length,
  };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * One build of one site into a fresh outDir (the site's previous one is removed); fails the bench when
 * the build fails.
 */
async function oneBuild(site, run) {
  if (site.outDir) rmSync(site.outDir, { recursive: true, force: true });
  site.outDir = `${site.outBase}-${run}`;
  log(`building ${site.label}${RUNS > 1 ? ` (run ${run} of ${RUNS})` : ''}...`);
  const result = await astroBuild({ cwd: site.cwd, outDir: site.outDir, env: site.env, config: site.config });
  if (result.status !== 0) {
    const heapHint = /heap out of memory/.test(result.output) ? ` Node ran out of heap${HEAP ? ` (--heap ${HEAP})` : ''}; try a larger --heap to measure anyway.` : '';
    fail(`The ${site.label} build failed (exit ${result.status}) after ${(result.ms / 1000).toFixed(1)} s, peak memory ${result.peakBytes ? `${Math.round(result.peakBytes / 1e6)} MB` : '?'}.${heapHint}`, result.output);
  }
  log(`  ${site.label}: ${(result.ms / 1000).toFixed(1)} s, peak ${result.peakBytes ? `${Math.round(result.peakBytes / 1e6)} MB` : '?'} (up to ${result.peakProcesses} processes)`);
  site.runs.push(result);
}

/**
 * Builds each site `RUNS` times, taking turns (ours, plain, plain + unified, ours, ...): the machine's
 * speed drifts over minutes, and builds side by side in time see the same machine. Each site: median
 * time, highest peak memory, its last outDir. The ratio to plain Starlight is the median of the ratios
 * of builds made in the same turn.
 */
async function timedBuildsInTurns(sites) {
  const states = sites.map((site) => ({ ...site, runs: [], outDir: undefined }));
  for (let run = 1; run <= RUNS; run++) for (const state of states) await oneBuild(state, run);
  const [first] = states;
  return states.map((state) => {
    const peaks = state.runs.map((r) => r.peakBytes).filter((b) => b !== undefined);
    const output = state.runs.at(-1).output;
    return {
      label: state.label,
      ms: median(state.runs.map((r) => r.ms)),
      runsMs: state.runs.map((r) => r.ms),
      peakBytes: peaks.length ? Math.max(...peaks) : undefined,
      outDir: state.outDir,
      output,
      log: buildLog(output),
      pages: htmlPages(state.outDir).length,
      pagefind: dirSize(join(state.outDir, 'pagefind')),
      // Against the first site of the turn (plain Starlight).
      pairedRatio: median(state.runs.map((r, i) => r.ms / first.runs[i].ms)),
    };
  });
}

// --- 1. the generated content ---------------------------------------------------------------------------
const t0 = Date.now();
const loadStart = loadavg();
log(`Node ${process.version}, ${cpus().length} CPU(s), ${PAGES} generated runbooks${QUICK ? ', quick mode' : ''}, temp folder ${TMP}`);
const contentDir = join(TMP, 'content');
cpSync(FIXTURE, contentDir, { recursive: true });
const components = availableComponents(ROOT);
const special = {
  2: availableComponents(ROOT, PAGE_TWO_COMPONENTS),
  3: availableComponents(ROOT, PAGE_THREE_COMPONENTS),
  4: availableComponents(ROOT, PAGE_FOUR_COMPONENTS),
};
for (const name of unusedComponents(ROOT)) log(`note: src/components/content/${name} is on no generated page (see tests/bench/generate.mjs)`);
const generated = join(contentDir, 'docs/demo/generated');
mkdirSync(generated, { recursive: true });
const mdxPages = [];
for (let n = 1; n <= PAGES; n++) {
  const mdx = runbook(n, PAGES, n === 1 ? components : (special[n] ?? []));
  mdxPages.push(mdx);
  writeFileSync(join(generated, `${pageSlug(n)}.mdx`), mdx);
}
log(`generated ${PAGES} runbooks in ${generated}`);

// --- 2. plain Starlight (and with the unified processor), built in turns with ours ---------------------
const plainDir = join(TMP, 'plain');
let plainProject;
try {
  plainProject = makePlainProject({ root: ROOT, dir: plainDir, pages: mdxPages, log });
} catch (error) {
  fail(error.message);
}
let unified;
if (!WITH_UNIFIED) unified = { skipped: QUICK ? 'skipped in quick mode' : 'skipped (--no-unified)' };
else if (!plainProject.unified) unified = { skipped: '`@astrojs/markdown-remark` is not in node_modules (nothing was installed for it)' };
const sites = [
  { label: 'plain Starlight', cwd: plainDir, outBase: join(TMP, 'dist-plain') },
  { label: 'Incident Handbook', cwd: ROOT, env: { HANDBOOK_CONTENT_DIR: contentDir }, outBase: join(TMP, 'dist-ours') },
  ...(unified ? [] : [{ label: 'plain Starlight + unified', cwd: plainDir, config: UNIFIED_CONFIG, outBase: join(TMP, 'dist-unified') }]),
];
const built = await timedBuildsInTurns(sites);
const [plain, ours] = built;
if (!unified) unified = built[2];

// --- 3. the four pages, weighed -----------------------------------------------------------------------
const PAGE_KINDS = [
  { key: 'runbook', n: 1, label: 'Runbook page, checklists, no incident' },
  { key: 'incident', n: 1, incident: true, label: 'Same runbook page, incident active' },
  { key: 'severity', n: 4, label: 'Severity page (classifier island + scale)' },
  { key: 'template', n: 2, label: 'Template page (template filler)' },
  { key: 'drills', n: 3, label: 'Drills page (drill quizzes, onboarding path)', extra: true },
];
const weighed = new Map();
function weigh(label, build, url) {
  const key = `${build.outDir} ${url}`;
  if (!weighed.has(key)) weighed.set(key, weighOnce(label, build, url));
  return weighed.get(key);
}
function weighOnce(label, build, url) {
  try {
    const weight = pageWeight(build.outDir, url);
    if (weight.missing.length) problems.push(`${label} ${url} refers to files not in the build: ${weight.missing.join(', ')}`);
    return weight;
  } catch (error) {
    fail(`${label}: ${error.message} (the page the bench measures is missing)`, build.output);
  }
}
const pages = PAGE_KINDS.map((kind) => {
  const url = pageUrl(kind.n);
  const o = weigh('Incident Handbook', ours, url);
  const p = weigh('plain Starlight', plain, url);
  const oursJs = o.js.gz + (kind.incident ? o.incidentJs.gz : 0);
  return { ...kind, url, weights: { ours: o, plain: p }, components: kind.n === 1 ? components.map(([c]) => c) : (special[kind.n] ?? []).map(([c]) => c), ours: { js: oursJs, css: o.css.gz, html: o.html.gz, islands: o.islands, checklists: o.checklists, lazyJs: o.lazyJs.gz, incidentJs: o.incidentJs.gz }, plain: { js: p.js.gz, css: p.css.gz, html: p.html.gz, lazyJs: p.lazyJs.gz } };
});
if (pages[0].ours.checklists === 0) problems.push(`${pages[0].url} of our build has no checklist: did the checklist plugin run?`);
if (pages[1].ours.incidentJs === 0) problems.push(`${pages[1].url} of our build loads no incident bar (weight.mjs looks for an incident-bar.*.js module reached by a dynamic import)`);
const severity = pages.find((p) => p.key === 'severity');
if (!severity.components.includes('Classifier')) problems.push('src/components/content/Classifier.astro is missing: the severity page has no classifier');
else if (severity.ours.islands === 0) problems.push(`${severity.url} of our build has no island: the classifier did not render as one`);

// --- 4. optional: the real example content ------------------------------------------------------------
let real;
if (WITH_REAL && existsSync(join(ROOT, 'content/docs'))) {
  log('building the example content (content/) to find its heaviest runbook page (skip with --no-real)...');
  const outDir = join(TMP, 'dist-real');
  const result = await astroBuild({ cwd: ROOT, outDir });
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
      ? { ms: result.ms, peakBytes: result.peakBytes, weight: candidates[0], pagefind: dirSize(join(outDir, 'pagefind')), pages: htmlPages(outDir).length }
      : { failed: true, status: 'no runbook pages' };
  }
}

// --- 5. Lighthouse --------------------------------------------------------------------------------------
let lighthouse;
if (!args.lighthouse) lighthouse = { skipped: 'skipped (--no-lighthouse)' };
else {
  const { runAudits } = await import('./audits.mjs');
  try {
    lighthouse = await runAudits({ ours: ours.outDir, plain: plain.outDir, pages: PAGE_KINDS.filter((k) => !k.extra).map((k) => ({ ...k, url: pageUrl(k.n) })), quick: QUICK, tmp: TMP, log });
    for (const e of lighthouse.errors) problems.push(`Lighthouse: ${e}`);
  } catch (error) {
    problems.push(`Lighthouse could not run: ${error.message}`);
    lighthouse = { skipped: `failed: ${error.message.split('\n')[0]}` };
  }
}

// --- report ---------------------------------------------------------------------------------------------
const machine = {
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  ramBytes: totalmem(),
  node: process.version,
  loadStart: loadStart.map((n) => Number(n.toFixed(2))),
  loadEnd: loadavg().map((n) => Number(n.toFixed(2))),
};
const results = { machine, generatedPages: PAGES, runs: RUNS, quick: QUICK, heapMb: HEAP, builds: { plain, unified, ours }, pages, lighthouse, real, problems };
console.log(report(results));

if (JSON_OUT) {
  const build = (b) => (b.skipped ? b : { buildMs: Math.round(b.ms), buildRunsMs: b.runsMs.map(Math.round), peakBytes: b.peakBytes, pages: b.pages, buildLog: b.log, pagefind: b.pagefind });
  const json = {
    ...machine,
    generatedPages: PAGES,
    runs: RUNS,
    quick: QUICK,
    heapMb: HEAP ?? null,
    builds: { plain: build(plain), unified: build(unified), ours: build(ours) },
    ratios: { ours: Number((ours.ms / plain.ms).toFixed(3)), unified: unified.skipped ? null : Number((unified.ms / plain.ms).toFixed(3)) },
    pages: pages.map(({ key, url, label, components: c, ours: o, plain: p, weights }) => ({ key, url, label, components: c, ours: o, plain: p, ourJs: o.js - p.js, weights })),
    lighthouse,
    real: real ? (real.failed ? real : { buildMs: Math.round(real.ms), peakBytes: real.peakBytes, pages: real.pages, page: real.weight, pagefind: real.pagefind }) : null,
    problems,
  };
  mkdirSync(resolve(JSON_OUT, '..'), { recursive: true });
  writeFileSync(JSON_OUT, `${JSON.stringify(json, null, 2)}\n`);
  log(`wrote ${JSON_OUT}`);
}

cleanup();
log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (problems.length) {
  for (const p of problems) console.error(`[bench] problem: ${p}`);
  process.exit(1);
}
