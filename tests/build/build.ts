/** Runs `astro build` as a user would, on the example content or on a copy of a fixture. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const VALID_FIXTURE = join(ROOT, 'tests/fixtures/valid');

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
  ms: number;
}

/**
 * The environment of a build run from vitest, as if typed in a shell. Vitest exports Vite's mode flags
 * (DEV=1, PROD, MODE=test, TEST, VITEST...) into process.env; a child `astro build` that inherits DEV=1
 * renders dev-only markup (Starlight ships its "search only in production builds" notice instead of the
 * search box), so those are dropped and NODE_ENV is production.
 */
function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(DEV|PROD|MODE|SSR|BASE_URL|TEST|VITEST(_.*)?)$/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NODE_ENV: 'production', ...extra };
}

export function build(options: { contentDir?: string; outDir?: string } = {}): BuildResult {
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'handbook-dist-'));
  const started = Date.now();
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: buildEnv(options.contentDir ? { HANDBOOK_CONTENT_DIR: options.contentDir } : {}),
  });
  // Astro colours its output; strip ANSI codes so tests can match the words.
  const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: result.status, output, outDir, ms: Date.now() - started };
}

/** A copy of the valid fixture with some files replaced (path relative to the fixture -> new text). */
export function brokenFixture(changes: Record<string, string | ((text: string) => string)>): string {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-content-'));
  cpSync(VALID_FIXTURE, dir, { recursive: true });
  for (const [path, change] of Object.entries(changes)) {
    const file = join(dir, path);
    if (change === '') rmSync(file);
    else writeFileSync(file, typeof change === 'function' ? change(readFileSync(file, 'utf8')) : change);
  }
  return dir;
}
