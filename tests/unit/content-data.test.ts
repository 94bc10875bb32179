/**
 * The content components' own errors (src/components/content/data.ts), for a page that reaches them
 * unvalidated: a misspelt `handbook` property says the handbook is unknown and lists the known ones,
 * and never tells the author to create a file with the misspelt name.
 */
import { describe, expect, it, vi } from 'vitest';

const HANDBOOKS = ['agency-platform', 'customer-portal'];
vi.mock('astro:content', () => ({
  // Two handbooks; only the first has a scale.
  getEntry: async (collection: string, id: string) =>
    (collection === 'handbooks' && HANDBOOKS.includes(id)) || (collection === 'scales' && id === 'agency-platform') ? { id, data: {} } : undefined,
  getCollection: async (collection: string) => (collection === 'handbooks' ? HANDBOOKS.map((id) => ({ id, data: {} })) : []),
}));

const { handbook, scale } = await import('../../src/components/content/data');

describe('content data lookups', () => {
  for (const [name, lookup] of [['handbook', handbook], ['scale', scale]] as const) {
    it(`${name}(): an unknown handbook is named as unknown, with the known ones, and no file to create`, async () => {
      const error = await lookup('agency-platfrom').then(() => undefined, (caught: Error & { hint?: string }) => caught);
      expect(error?.message).toBe('Unknown handbook "agency-platfrom" in a component\'s `handbook` property');
      expect(error?.hint).toContain('Expected one of agency-platform, customer-portal');
      expect(`${error?.message} ${error?.hint}`).not.toContain('agency-platfrom.yaml');
    });
  }

  it('scale(): a known handbook without a scale names the scale file to add', async () => {
    const error = await scale('customer-portal').then(() => undefined, (caught: Error & { hint?: string }) => caught);
    expect(error?.message).toBe('Handbook "customer-portal" has no severity scale');
    expect(error?.hint).toContain('content/scales/customer-portal.yaml');
  });
});
