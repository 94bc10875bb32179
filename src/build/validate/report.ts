/**
 * The validator's report: one block per file, in the order the files were read, each problem with
 * its field path, its line and what to do. Astro shows it as the build error; `npm run validate`
 * prints it.
 */
import { pathText } from './issues.ts';
import type { Problem } from './problem.ts';

export function formatReport(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const blocks = [...byFile].map(([file, list]) => {
    const lines = dedupe(list).map((problem) => {
      const where = [problem.path.length ? pathText(problem.path) : '', problem.line ? `line ${problem.line}` : ''].filter(Boolean).join(', ');
      return `  - ${where ? `${where}: ` : ''}${problem.message}`;
    });
    const notes = [...new Set(list.map((problem) => problem.note).filter(Boolean))].map((note) => `  Note: ${note}`);
    return [file, ...lines, ...notes].join('\n');
  });
  return `${summary(problems)}\n\n${blocks.join('\n\n')}`;
}

/** "3 content errors in 2 files". */
export function summary(problems: readonly Problem[]): string {
  const count = dedupeAll(problems).length;
  const files = new Set(problems.map((problem) => problem.file)).size;
  return `${count} content ${count === 1 ? 'error' : 'errors'} in ${files} ${files === 1 ? 'file' : 'files'}`;
}

function dedupe(list: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return list.filter((problem) => {
    const key = `${pathText(problem.path)}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function dedupeAll(problems: readonly Problem[]): Problem[] {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  return [...byFile.values()].flatMap(dedupe);
}

/** What to do next, under the report. */
export const REPORT_HINT =
  'Every content file was checked; fix these and run `npm run validate` (seconds, no build) or `npm run build` again. ' +
  'The fields of each file are described in README.md, "Writing content".';
