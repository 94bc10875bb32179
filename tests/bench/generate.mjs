/**
 * Generated content for the benchmark: N runbooks in the "demo" handbook of tests/fixtures/valid,
 * and the same pages as a plain Starlight project sees them (no imports, no components).
 *
 * The text is pseudo-random but deterministic (seeded by the page number), so that two runs build
 * exactly the same pages and the Pagefind index grows as it would with real, varied prose.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `
incident outage latency timeout retry backoff queue consumer producer replica primary failover
connection pool saturation memory pressure eviction cache miss hit ratio certificate expiry renewal
deployment rollback canary feature flag circuit breaker throttle rate limit quota disk inode
partition leader election quorum heartbeat probe readiness liveness restart crash loop kernel
scheduler cron backlog webhook payload signature checkout payment invoice refund ledger
reconciliation migration index vacuum bloat lock contention deadlock transaction isolation
snapshot backup restore checksum integrity replication lag upstream downstream gateway proxy
ingress egress firewall dns resolver ttl propagation load balancer health check threshold alert
pager escalation responder commander scribe stakeholder customer status update timeline
mitigation remediation root cause postmortem action item owner runbook dashboard metric log
trace span sampling cardinality error budget objective burn rate region zone cluster node pod
container image registry secret rotation token session cookie login authentication authorisation
`.trim().split(/\s+/);

const SERVICES = ['api-gateway', 'postgres', 'pgbouncer', 'redis', 'stripe', 'worker', 'nginx', 'kafka', 'search', 'auth', 'cdn', 'scheduler'];
const OWNERS = ['Platform team', 'Payments team', 'Data team', 'SRE', 'Identity team'];
const TAGS = ['database', 'network', 'payments', 'cache', 'queue', 'auth', 'storage', 'frontend', 'capacity', 'security'];

/**
 * Components of src/components/content/ put on page 0001 so that it carries every island and
 * every data component of the site. Props are for the "demo" handbook of the valid fixture.
 * A component listed here whose file is missing is left out; a component in that folder that is not
 * listed is reported (see `unusedComponents`) so that the list can be kept up to date.
 */
export const PAGE_ONE_COMPONENTS = [
  ['SeverityScale', '<SeverityScale handbook="demo" />'],
  ['EscalationPolicy', '<EscalationPolicy handbook="demo" />'],
  ['Contacts', '<Contacts handbook="demo" />'],
  ['TemplateLinks', '<TemplateLinks handbook="demo" />'],
];

/**
 * Islands are measured on pages of their own: a runbook page does not carry them, and its budget is
 * not spent on them. Page 0002 is a template page (the template filler), page 0003 a drills page
 * (the drill quizzes, the score and the onboarding path), page 0004 a severity page (below).
 */
export const PAGE_TWO_COMPONENTS = [
  ['TemplateList', '<TemplateList handbook="demo" />'],
  ['MessageTemplate', '<MessageTemplate id="demo/update" />'],
];
export const PAGE_THREE_COMPONENTS = [
  ['DrillList', '<DrillList handbook="demo" />'],
  ['OnboardingPath', '<OnboardingPath handbook="demo" />'],
];
/**
 * Page 0004 is a severity page, like each handbook's severity page in content/: the severity
 * classifier island and the scale. (The valid fixture has no severity page of its own.)
 */
export const PAGE_FOUR_COMPONENTS = [
  ['Classifier', '<Classifier handbook="demo" />'],
  ['SeverityScale', '<SeverityScale handbook="demo" />'],
];

export function availableComponents(root, list = PAGE_ONE_COMPONENTS) {
  const dir = join(root, 'src/components/content');
  return list.filter(([name]) => existsSync(join(dir, `${name}.astro`)));
}

export function unusedComponents(root) {
  const dir = join(root, 'src/components/content');
  if (!existsSync(dir)) return [];
  const known = new Set([...PAGE_ONE_COMPONENTS, ...PAGE_TWO_COMPONENTS, ...PAGE_THREE_COMPONENTS, ...PAGE_FOUR_COMPONENTS].map(([name]) => name));
  return readdirSync(dir)
    .filter((file) => file.endsWith('.astro') || file.endsWith('.tsx') || file.endsWith('.jsx'))
    .map((file) => file.replace(/\.(astro|tsx|jsx)$/, ''))
    .filter((name) => !known.has(name));
}

const pad = (n) => String(n).padStart(4, '0');
export const pageSlug = (n) => `page-${pad(n)}`;
export const pageUrl = (n) => `/demo/generated/${pageSlug(n)}/`;

/**
 * One runbook as MDX. `components` (from availableComponents) are imported and rendered on the page;
 * pass [] for every page but the first.
 */
export function runbook(n, total, components = []) {
  const random = rng(n * 7919 + 17);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = (count) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const sentence = () => {
    const text = words(8 + Math.floor(random() * 10));
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 3) }, sentence).join(' ');
  const services = [...new Set([pick(SERVICES), pick(SERVICES), pick(SERVICES)])];
  const tags = [...new Set([pick(TAGS), pick(TAGS), 'generated'])];
  const svc = `svc-${pad(n)}`;
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  const next = n < total ? n + 1 : 1;

  const lines = [
    '---',
    `title: "Runbook ${pad(n)}: ${words(3)}"`,
    `description: "${sentence()}"`,
    'handbook: demo',
    'kind: scenario',
    `severity: ${n % 3 === 0 ? 'P1' : 'P2'}`,
    `services: [${services.join(', ')}]`,
    `owner: ${pick(OWNERS)}`,
    `lastReviewed: 2025-${month}-${day}`,
    `tags: [${tags.join(', ')}]`,
    '---',
  ];
  for (const [name] of components) lines.push(`import ${name} from '~/components/content/${name}.astro';`);
  if (components.length) lines.push('');
  lines.push(
    paragraph(),
    '',
    paragraph(),
    '',
    '## Symptoms',
    '',
    paragraph(),
    '',
    '## Diagnosis',
    '',
    paragraph(),
    '',
    '```bash',
    `kubectl -n production get pods -l app=${svc} -o wide`,
    `kubectl -n production logs deploy/${svc} --since=15m | grep -i error | tail -50`,
    `curl -sS -o /dev/null -w '%{http_code} %{time_total}s\\n' https://${svc}.internal.example/health`,
    `psql "$DATABASE_URL" -c "select state, count(*) from pg_stat_activity group by state;"`,
    '```',
    '',
    '| Signal | Normal | Page when | First action |',
    '| --- | --- | --- | --- |',
    ...Array.from({ length: 5 }, () => `| ${words(2)} | ${Math.floor(random() * 90) + 1} % | above ${Math.floor(random() * 9) + 1} % for 5 min | ${words(4)} |`),
    '',
    '## Recovery checklist',
    '',
    ...Array.from({ length: 8 }, (_, i) => `- [ ] ${sentence()}${i === 0 ? ` [#${svc}-acknowledged]` : ''}`),
    '',
    '## Follow-up',
    '',
    paragraph(),
    `See also [runbook ${pad(next)}](${pageUrl(next)}) and [respond now](/demo/respond-now/).`,
    '',
  );
  if (components.length) {
    lines.push('## Handbook data', '');
    for (const [, usage] of components) lines.push(usage, '');
  }
  return lines.join('\n');
}

/**
 * The same page for plain Starlight: the frontmatter stays (Starlight's schema strips unknown keys),
 * imports and component lines go, and links to pages plain Starlight does not have become text.
 */
export function plainPage(mdx) {
  return mdx
    .split('\n')
    .filter((line) => !/^import\s.+\sfrom\s+['"].+['"];?\s*$/.test(line))
    .filter((line) => !/^<[A-Z][\w.]*(\s[^>]*)?\/>\s*$/.test(line))
    .join('\n')
    .replace(/\[respond now\]\(\/demo\/respond-now\/\)/g, 'respond now');
}

export const PLAIN_INDEX = `---
title: Plain Starlight
description: The generated runbooks, built by Starlight with no customisation.
---
The generated runbooks are under [demo/generated](${pageUrl(1)}).
`;
