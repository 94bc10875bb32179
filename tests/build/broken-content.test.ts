/**
 * Broken content must fail `astro build` with a message that names the file, the field and what was
 * expected. Each case copies the valid fixture, breaks one thing, and builds it.
 */
import { describe, expect, it } from 'vitest';
import { build, brokenFixture, VALID_FIXTURE } from './build';

describe('astro build on broken content', () => {
  it('builds the valid fixture (the baseline every broken case departs from)', () => {
    const result = build({ contentDir: VALID_FIXTURE });
    expect(result.output).toContain('Complete!');
    expect(result.status).toBe(0);
  });

  it('fails on an unknown severity id, naming the page, the field and the known levels', () => {
    const dir = brokenFixture({ 'docs/demo/scenarios/outage.mdx': (text) => text.replace('severity: P1', 'severity: P9') });
    const result = build({ contentDir: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('docs → demo/scenarios/outage');
    expect(result.output).toContain('severity: Unknown severity "P9" for handbook "demo": expected one of P1, P2');
  });

  it('fails on an unparseable duration', () => {
    const dir = brokenFixture({ 'scales/demo.yaml': (text) => text.replace('response: 15m', 'response: quickly') });
    const result = build({ contentDir: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('scales → demo');
    expect(result.output).toContain('levels.0.response: Cannot read "quickly" as a duration');
  });

  it('fails on a template placeholder that has no field', () => {
    const dir = brokenFixture({ 'templates/demo/update.md': (text) => `${text}\nETA: {{eta}}\n` });
    const result = build({ contentDir: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('templates → demo/update');
    expect(result.output).toContain('Placeholder {{eta}} has no field');
  });

  it('fails on a drill that names a missing runbook', () => {
    const dir = brokenFixture({ 'drills/demo/outage.yaml': (text) => text.replace('demo/scenarios/outage', 'demo/scenarios/outgae') });
    const result = build({ contentDir: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('runbooks.0: Unknown runbook "demo/scenarios/outgae"');
    expect(result.output).toContain('Did you mean "demo/scenarios/outage"?');
  });

  it('fails on duplicate level ids', () => {
    const dir = brokenFixture({ 'scales/demo.yaml': (text) => text.replace('  - id: P2', '  - id: P1') });
    const result = build({ contentDir: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('levels.1.id: Duplicate level id "P1"');
  });

  it('fails on a handbook without a severity scale', () => {
    const dir = brokenFixture({ 'scales/demo.yaml': '' });
    const result = build({ contentDir: dir });
    expect(result.status).not.toBe(0);
    // Pages using the scale's levels cannot be checked without it: the runbook check says so first.
    expect(result.output).toMatch(/Handbook "demo" has no severity scale|content\/handbooks\/demo.yaml: the handbook has no severity scale/);
  });

  it('fails on a broken internal link, naming the page and the target', () => {
    const dir = brokenFixture({ 'docs/demo/scenarios/outage.mdx': (text) => `${text}\nSee [the runbook](/demo/respond-nwo/).\n` });
    const result = build({ contentDir: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('on /demo/scenarios/outage/: /demo/respond-nwo/ (no such page)');
  });

  it('fails on a link to a missing heading', () => {
    const dir = brokenFixture({ 'docs/demo/scenarios/outage.mdx': (text) => `${text}\nSee [verify](/demo/respond-now/#verfiy).\n` });
    const result = build({ contentDir: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('no element with id "verfiy" on /demo/respond-now/');
  });
});
