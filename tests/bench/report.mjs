/**
 * The bench's results as one set of Markdown tables for README.md: the machine, the three builds,
 * the four pages against plain Starlight, Lighthouse, the budgets, and the notes that explain them.
 */
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : kB(bytes));
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
const num = (n) => n.toLocaleString('en-US');
const memory = (bytes) => (bytes === undefined ? '?' : `${num(Math.round(bytes / 1e6))} MB`);
const signed = (n, unit) => {
  const text = unit(Math.abs(n));
  return /^0(\.0+)? /.test(text) ? `±${text}` : `${n >= 0 ? '+' : '−'}${text}`;
};
const ratio = (a, b) => (b ? `×${(a / b).toFixed(2)}` : '');
/** A build's time against plain Starlight's: the median of the ratios of builds made in the same turn, when there are some. */
const pairedRatio = (build, plain) => build.pairedRatio ?? build.ms / plain.ms;
const buildRatio = (build, plain) => `×${pairedRatio(build, plain).toFixed(2)}`;
const ok = (pass) => (pass ? '✅' : '❌');
/** CLS with enough digits that a tiny shift does not print as 0 (the budget is zero). */
const clsText = (cls) => (cls === undefined ? '?' : cls === 0 ? '0' : cls < 0.001 ? cls.toPrecision(2) : cls.toFixed(3));
const table = (head, body) =>
  [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export const BUILD_RATIO_BUDGET = 1.2;
export const RUNBOOK_JS_BUDGET = 20_000;

function buildTable({ plain, unified, ours }, pagesGenerated) {
  const cols = [plain, unified, ours];
  const cell = (fn) => cols.map((b) => (b.skipped ? '–' : fn(b)));
  const rows = [
    ['Build wall time (`astro build`, incl. Pagefind)', ...cell((b) => sec(b.ms))],
    [`**Ratio to plain Starlight** (goal: ours ≤ ×${BUILD_RATIO_BUDGET})`, ...cell((b) => (b === ours ? `**${buildRatio(b, plain)}**` : buildRatio(b, plain)))],
    ['Build time per generated page', ...cell((b) => `${(b.ms / pagesGenerated).toFixed(1)} ms`)],
    ['Peak memory (RSS of the build process tree)', ...cell((b) => memory(b.peakBytes))],
    ['HTML pages written', ...cell((b) => num(b.pages))],
    ['Pagefind indexing (from the build log)', ...cell((b) => (b.log.pagefindS === undefined ? '?' : `${b.log.pagefindS.toFixed(1)} s`))],
    ['Pagefind index (`pagefind/`)', ...cell((b) => `${MB(b.pagefind.bytes)} (${num(b.pagefind.files)} files)`)],
    ['Pagefind index per HTML page', ...cell((b) => kB(b.pagefind.bytes / b.pages))],
    ['Build warnings (`[WARN]` lines)', ...cell((b) => num(b.log.warnings))],
  ];
  return table(['', 'Plain Starlight ¹', 'Plain Starlight + unified ²', 'Incident Handbook'], rows);
}

function pagesTable(pages) {
  const rows = pages.map((p) => {
    const our = p.ours.js - p.plain.js;
    const budget = p.key === 'runbook' || p.key === 'incident' ? ` ${ok(our <= RUNBOOK_JS_BUDGET)}` : '';
    const pair = (a, b) => `${kB(a)} / ${kB(b)}`;
    const total = (w) => w.js + w.css + w.html;
    return [
      `${p.label}: \`${p.url}\``,
      pair(p.ours.js, p.plain.js),
      `**${signed(our, kB)}**${budget}`,
      pair(p.ours.css, p.plain.css),
      pair(p.ours.html, p.plain.html),
      `${pair(total(p.ours), total(p.plain))} (${ratio(total(p.ours), total(p.plain))})`,
      `${p.ours.islands}`,
    ];
  });
  return table(['Page (ours / plain Starlight, gzip)', 'JavaScript', '**Our JavaScript** ³', 'CSS', 'HTML', 'Total', 'Islands'], rows);
}

const SCORE_KEYS = [['performance', 'Performance'], ['accessibility', 'Accessibility'], ['best-practices', 'Best practices'], ['seo', 'SEO']];

function lighthouseTables(lh, pages) {
  const out = [];
  const find = (site, key, formFactor) => {
    // Plain Starlight has no incident: its runbook page stands for both runbook rows.
    const pageKey = site === 'plain' && key === 'incident' ? 'runbook' : key;
    return lh.results.find((r) => r.site === site && r.page === pageKey && r.formFactor === formFactor);
  };
  const withPlain = lh.sites.includes('plain');
  const rows = [];
  for (const p of pages.filter((page) => !page.extra)) {
    for (const formFactor of lh.formFactors) {
      const o = find('ours', p.key, formFactor);
      const pl = withPlain ? find('plain', p.key, formFactor) : undefined;
      const cell = (get) => {
        const a = o ? get(o) : '–';
        return withPlain ? `${a} / ${pl ? get(pl) : '–'}` : `${a}`;
      };
      rows.push([`${p.label}`, formFactor, ...SCORE_KEYS.map(([k]) => cell((r) => r.scores[k] ?? '?')), cell((r) => clsText(r.cls)), cell((r) => sec(r.lcpMs ?? 0))]);
    }
  }
  out.push(table([`Lighthouse 13${withPlain ? ' (ours / plain Starlight)' : ' (ours)'}`, 'Device', ...SCORE_KEYS.map(([, l]) => l), 'CLS', 'LCP'], rows), '');
  const losses = [];
  for (const r of lh.results.filter((x) => x.site === 'ours')) {
    for (const [k, l] of SCORE_KEYS) {
      if (r.scores[k] === 100 || !r.lost[k].length) continue;
      const audits = r.lost[k].map((a) => `\`${a.id}\` −${a.points}${a.value ? ` (${a.value})` : ''}${a.items?.length ? `: ${a.items.join('; ')}` : ''}`).join(', ');
      losses.push(`- ${r.page}, ${r.formFactor}, ${l} ${r.scores[k]}: ${audits}`);
    }
  }
  if (losses.length) out.push('Where our pages lose points (audit id, points of the category lost, value):', '', ...losses, '');
  return out;
}

function budgets({ builds, pages, lighthouse }) {
  const lines = [];
  const { ours, plain } = builds;
  lines.push(`- ${ok(pairedRatio(ours, plain) <= BUILD_RATIO_BUDGET)} Build time ≤ ×${BUILD_RATIO_BUDGET} plain Starlight: ${buildRatio(ours, plain)}`);
  for (const key of ['runbook', 'incident']) {
    const p = pages.find((x) => x.key === key);
    const our = p.ours.js - p.plain.js;
    lines.push(`- ${ok(our <= RUNBOOK_JS_BUDGET)} Our JavaScript on a runbook page${key === 'incident' ? ' with an incident active' : ''} ≤ ${kB(RUNBOOK_JS_BUDGET)} gzip: ${kB(our)}`);
  }
  if (lighthouse.results) {
    const ours = lighthouse.results.filter((r) => r.site === 'ours');
    const under = ours.filter((r) => r.scores.performance < 100 || r.scores.accessibility < 100);
    lines.push(
      `- ${ok(!under.length && ours.length)} Lighthouse performance and accessibility 100 on our ${ours.length} audits (${lighthouse.formFactors.join(' + ')}): ${under.length ? under.map((r) => `${r.page} ${r.formFactor} ${r.scores.performance}/${r.scores.accessibility}`).join('; ') : 'all 100'}`,
    );
    const shifts = ours.filter((r) => r.cls !== 0);
    lines.push(`- ${ok(!shifts.length && ours.length)} CLS 0: ${shifts.length ? shifts.map((r) => `${r.page} ${r.formFactor} ${clsText(r.cls)}${r.shifts?.length ? ` (${r.shifts.slice(0, 3).map((x) => `\`${x.element}\` ${clsText(x.score)}`).join(', ')})` : ''}`).join('; ') : 'zero on every audit'}`);
  }
  return lines;
}

export function report(results) {
  const { machine, generatedPages, runs, quick, heapMb, builds, pages, lighthouse, real } = results;
  const out = [];
  out.push(`## Benchmark: ${num(generatedPages)} generated runbooks${quick ? ' (quick mode)' : ''}`, '');
  out.push(
    `${machine.date.slice(0, 10)} · ${machine.cpu}, ${machine.cores} cores, ${(machine.ramBytes / 2 ** 30).toFixed(0)} GB RAM · Node ${machine.node} · ${runs === 1 ? 'one build each' : `median of ${runs} builds each, the sites taking turns`} · load average ${machine.loadStart[0]} at the start, ${machine.loadEnd[0]} at the end${heapMb ? ` · builds with \`--max-old-space-size=${heapMb}\` (--heap)` : ''}`,
    '',
  );
  if (results.problems.length) {
    out.push('**This run has problems (the numbers below may not mean much):**', '', ...results.problems.map((p) => `- ${p}`), '');
  }
  out.push('### Build', '', buildTable(builds, generatedPages), '');
  out.push('### Pages against plain Starlight\'s same page', '', pagesTable(pages), '');
  out.push('### Lighthouse', '');
  if (lighthouse.skipped) out.push(`Lighthouse: ${lighthouse.skipped}.`, '');
  else out.push(...lighthouseTables(lighthouse, pages));
  out.push('### Budgets', '', ...budgets(results), '');
  if (real) {
    out.push('### Heaviest runbook page of the example content', '');
    if (real.failed) out.push(`The build of content/ failed (${real.status}).`, '');
    else {
      const w = real.weight;
      out.push(
        table(
          ['Page', 'JavaScript, gzip', 'CSS, gzip', 'HTML, gzip', 'Islands', 'Checklists', `Build (${num(real.pages)} pages)`, 'Peak memory', 'Pagefind index'],
          [[`\`${w.page}\``, kB(w.js.gz), kB(w.css.gz), kB(w.html.gz), String(w.islands), String(w.checklists), sec(real.ms), memory(real.peakBytes), MB(real.pagefind.bytes)]],
        ),
        '',
      );
    }
  }
  const runbook = pages.find((p) => p.key === 'runbook');
  const notes = [
    `¹ Plain Starlight: \`starlight({ title: 'Plain' })\`, \`docsLoader()\` + \`docsSchema()\`, Astro 7's default Markdown processor (Sätteri), the same generated pages (Markdown only: imports and components removed) plus an index page, the same packages (a hard-linked copy of node_modules). Every build starts with an empty cache.`,
    `² The same plain project with \`markdown: { processor: unified() }\` from \`@astrojs/markdown-remark\` and no plugins: the share of the processor in the build time.${builds.unified.skipped ? ` This run: ${builds.unified.skipped}.` : ''}`,
    `³ Our JavaScript: ours − plain Starlight's same page; JavaScript is every script, module preload and island file a page loads with their static imports, each gzipped (level 9) on its own; modules reached only by dynamic \`import()\` (Pagefind's UI) are not counted, except the incident bar on the active-incident row. Budget: ${kB(RUNBOOK_JS_BUDGET)} on a runbook page, with and without an incident.`,
    `Runbook page \`${runbook.url}\` also renders ${runbook.components.map((c) => `\`${c}\``).join(', ') || 'no components'}; the severity page renders ${pages.find((p) => p.key === 'severity').components.map((c) => `\`${c}\``).join(', ') || 'nothing'}, compared with plain Starlight's same page (same Markdown, no components); the template page ${pages.find((p) => p.key === 'template').components.map((c) => `\`${c}\``).join(', ') || 'nothing'}.`,
    `Peak memory: the resident set sizes of the build's process tree (astro's node and Pagefind's binary) summed, polled from /proc every 200 ms.`,
  ];
  if (lighthouse.results) {
    notes.push(
      `Lighthouse ${'13'} with Debian's Chromium (headless), default (mobile, simulated throttling) and \`--preset=desktop\`; each build served by a local static server with gzip. The active-incident row: a profile where an incident was started through the header's "Start incident", audited with \`disableStorageReset\` (HTTP cache and service workers cleared first); plain Starlight's runbook page stands in for its counterpart. Mobile performance moves by a point with the machine's load: compare within one run.`,
    );
  }
  out.push('### Notes', '', ...notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}
