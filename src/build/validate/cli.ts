/**
 * `npm run validate`: checks all content in seconds without rendering a page, and exits with 1 when
 * something is wrong. Runs on Node's own TypeScript support (see node-resolve.mjs), so a pull
 * request can be checked without building the site. HANDBOOK_CONTENT_DIR points it at another
 * content folder, as it does the build.
 */
import { fileURLToPath } from 'node:url';
import { contentDirFromEnv, formatReport, REPORT_HINT, validateContent } from './index';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { problems, counts, ms } = validateContent({ root, contentDir: contentDirFromEnv(root) });
const files = Object.values(counts).reduce((a, b) => a + b, 0);
const checked = `${files} files (${counts.handbook} handbooks, ${counts.scale} scales, ${counts.runbook} runbooks, ${counts.template} templates, ${counts.drill} drills) in ${(ms / 1000).toFixed(2)} s`;
if (problems.length) {
  console.error(`${formatReport(problems)}\n\n${REPORT_HINT}\n\nChecked ${checked}.`);
  process.exitCode = 1;
} else {
  console.log(`Content is valid: checked ${checked}.`);
}
