/**
 * Broken content must fail `astro build` with every mistake named at its source: the file, the field
 * and what was expected. The five-mistake case copies the example content (content/), as an author's
 * checkout would be; the others copy the small valid fixture and break one thing. The messages
 * themselves are pinned in tests/unit/validate.test.ts.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, brokenFixture, ROOT, VALID_FIXTURE } from './build';

/** Replaces `pattern` in a file of `dir`, failing loudly if the example content no longer has it. */
function edit(dir: string, path: string, pattern: RegExp, replacement: string) {
  const file = join(dir, path);
  const text = readFileSync(file, 'utf8');
  expect(pattern.test(text), `${path} should match ${pattern}`).toBe(true);
  writeFileSync(file, text.replace(pattern, replacement));
}

describe('astro build on broken content', () => {
  it('builds the valid fixture (the baseline every broken case departs from)', () => {
    const result = build({ contentDir: VALID_FIXTURE });
    expect(result.output).toContain('Content is valid');
    expect(result.output).toContain('Complete!');
    expect(result.status).toBe(0);
  });

  it('names five mistakes in five files of the example content in one run, each at its source, before building anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handbook-content-'));
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
    // 1. A field renamed wrongly.
    edit(dir, 'handbooks/agency-platform.yaml', /^reviewEvery:/m, 'reveiwEvery:');
    // 2. A level id reused: the scale's second level takes the first one's id.
    const scale = readFileSync(join(dir, 'scales/customer-portal.yaml'), 'utf8');
    const [first, second] = [...scale.matchAll(/^ {2}- id: (\S+)$/gm)].map((match) => match[1]);
    edit(dir, 'scales/customer-portal.yaml', new RegExp(`^ {2}- id: ${second}$`, 'm'), `  - id: ${first}`);
    // 3. A duration that does not parse.
    edit(dir, 'scales/hundred-k-platform.yaml', /^( {4}response: ).+$/m, '$1quickly');
    // 4. A severity the scale does not have.
    const runbook = readdirSync(join(dir, 'docs/foundation-platform/scenarios')).sort()[0];
    edit(dir, `docs/foundation-platform/scenarios/${runbook}`, /^severity: .+$/m, 'severity: P9');
    // 5. A link to a page that does not exist.
    writeFileSync(join(dir, 'docs/manufacturing-platform/index.mdx'), `${readFileSync(join(dir, 'docs/manufacturing-platform/index.mdx'), 'utf8')}\nSee [respond now](/manufacturing-platform/respond-nwo/).\n`);

    const result = build({ contentDir: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('5 content errors in 5 files');
    expect(result.output).toContain('handbooks/agency-platform.yaml\n  - reveiwEvery, line');
    expect(result.output).toContain('did you mean `reviewEvery`?');
    expect(result.output).toMatch(new RegExp(`scales/customer-portal.yaml\\n  - levels.1.id, line \\d+: Duplicate level id "${first}"`));
    expect(result.output).toMatch(/scales\/hundred-k-platform.yaml\n {2}- levels.0.response, line \d+: Cannot read "quickly" as a duration/);
    expect(result.output).toMatch(new RegExp(`docs/foundation-platform/scenarios/${runbook.replace('.', '\\.')}\\n  - severity, line \\d+: Unknown severity "P9"`));
    expect(result.output).toMatch(/docs\/manufacturing-platform\/index.mdx\n {2}- body, line \d+: Broken link "\/manufacturing-platform\/respond-nwo\/".*Did you mean "\/manufacturing-platform\/respond-now\/"\?/);
    // Reported at the source: no customer-portal page is blamed for the scale's reused id.
    expect(result.output).not.toMatch(/docs\/customer-portal\//);
    // Stopped before Astro loaded any content or rendered a page: the check runs while Astro starts
    // up, and every collection's loader waits for it.
    expect(result.output).not.toContain('Synced content');
    expect(result.output).not.toContain('generating static routes');
    expect(result.output).not.toMatch(/InvalidContentEntry|does not match collection schema/);
  });

  it('fails on a handbook without a severity scale, against the handbook file', () => {
    const result = build({ contentDir: brokenFixture({ 'scales/demo.yaml': '' }) });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/handbooks\/demo.yaml\n {2}- The handbook has no severity scale: add .*scales\/demo.yaml/);
  });

  it('fails on a broken link only the built site can show (a fragment on a page made with components)', () => {
    // content/docs/demo/index.mdx renders <SeverityScale> and others: its ids are known only once built.
    // The same broken address on two pages: the check reads each address once, and the report still names both pages.
    const dir = brokenFixture({
      'docs/demo/scenarios/outage.mdx': (text) => `${text}\nSee [the scale](/demo/#levle-p1).\n`,
      'docs/demo/respond-now.mdx': (text) => `${text}\nSee [the scale](/demo/#levle-p1).\n`,
    });
    const result = build({ contentDir: dir });
    expect(result.output).toContain('Content is valid');
    expect(result.status).not.toBe(0);
    // Named by its source file (outside the project here, so the path climbs out of it) and its page, with the likely fix.
    expect(result.output).toContain('docs/demo/scenarios/outage.mdx (/demo/scenarios/outage/): /demo/#levle-p1 (no element with id "levle-p1" on /demo/). Did you mean "#level-p1"?');
    expect(result.output).toContain('docs/demo/respond-now.mdx (/demo/respond-now/): /demo/#levle-p1 (no element with id "levle-p1" on /demo/). Did you mean "#level-p1"?');
    // The third is the same link in the printed handbook, which holds both pages.
    expect(result.output).toContain('3 broken internal links');
    expect(result.output).toContain('(/demo/print/): #print-overview--levle-p1');
  });
});
