/**
 * How the build starts: Astro imports astro.config.mjs with Node first and, only when that fails,
 * starts a Vite server to load it (about half a second more per build, and a config whose hooks
 * cannot import() later). The modules the config imports name their .ts files so that Node loads
 * them itself; an import without its extension anywhere in that graph fails this test.
 * And the content loaders wait for the content check (src/build/validated-loader.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { afterValidation } from '../../src/build/validated-loader';
import { setPendingValidation } from '../../src/build/validate/pending';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('astro.config.mjs', () => {
  it('loads with plain Node (type stripping, no Vite)', () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', "const { default: config } = await import('./astro.config.mjs'); console.log(config.integrations.map((i) => i.name).join(','));"], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('incident-handbook-validate');
    expect(result.stdout).toContain('incident-handbook-offline');
  });
});

describe('afterValidation', () => {
  const loader = (calls: string[]) => ({ name: 'test', load: async () => void calls.push('loaded') });
  const context = {} as Parameters<ReturnType<typeof afterValidation>['load']>[0];

  it('loads once the content check has passed, not before', async () => {
    const calls: string[] = [];
    let pass!: () => void;
    setPendingValidation(new Promise<void>((resolve) => (pass = resolve)));
    const loading = afterValidation(loader(calls)).load(context);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(calls).toEqual([]);
    pass();
    await loading;
    expect(calls).toEqual(['loaded']);
  });

  it('throws the content check\'s report and loads nothing when the content is invalid', async () => {
    const calls: string[] = [];
    const report = new Error('2 content errors in 2 files');
    const failed = Promise.reject(report);
    failed.catch(() => {});
    setPendingValidation(failed);
    await expect(afterValidation(loader(calls)).load(context)).rejects.toBe(report);
    expect(calls).toEqual([]);
    setPendingValidation(Promise.resolve());
  });
});
