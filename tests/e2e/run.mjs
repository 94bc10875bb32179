/**
 * `npm run test:e2e`: builds the site (unless E2E_SKIP_BUILD=1 and dist/ exists), then runs every
 * tests/e2e/*.test.mjs with node's test runner against Chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, DIST } from './harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(`${DIST}index.html`)) {
  run('npx', ['astro', 'build', '--outDir', DIST], { NODE_ENV: 'production' });
}
const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => `tests/e2e/${f}`);
run(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...(process.argv.slice(2).length ? process.argv.slice(2) : files)]);
