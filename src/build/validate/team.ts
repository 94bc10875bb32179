/**
 * Team settings in the content: every `team.<key>` a file uses (`{team.bridge}` in text and code
 * blocks, `<Placeholder name="team.bridge" />`, `prefill: team.bridge`) must be declared in
 * content/placeholders.yaml; the catalog and content/team.yaml must be valid (src/build/team.ts).
 * Each mistake names the file and line, with a "did you mean".
 */
import { relative, sep } from 'node:path';
import { unknownTeamKey } from '../../lib/team-settings';
import { readTeamContent } from '../team';
import type { Problem } from './problem';

/** `{team.x}`, `name="team.x"` and `prefill: team.x`: the key is group 1, 2 or 3. */
const USES = /\{(team\.[a-z0-9][\w.-]*)\}|\bname=["'](team\.[^"']*)["']|\bprefill:\s*["']?(team\.[\w.-]*)/g;

export function findTeamProblems(files: readonly { path: string; text: string }[], contentDir: string, root: string): Problem[] {
  let labels: ReadonlyMap<string, string>;
  try {
    labels = readTeamContent(contentDir).labels;
  } catch (error) {
    const message = (error as Error).message;
    // "content/team.yaml, line 2: ..." -> that file and line.
    const at = /^content\/([\w.]+\.yaml)(?:, line (\d+))?: /.exec(message);
    const file = relative(root, `${contentDir}/${at?.[1] ?? 'placeholders.yaml'}`).split(sep).join('/');
    return [{ file, path: [], ...(at?.[2] ? { line: Number(at[2]) } : {}), message: at ? message.slice(at[0].length) : message }];
  }
  const problems: Problem[] = [];
  for (const { path, text } of files) {
    text.split('\n').forEach((line, index) => {
      for (const match of line.matchAll(USES)) {
        const key = match[1] ?? match[2] ?? match[3];
        if (!labels.has(key)) problems.push({ file: path, path: [], line: index + 1, message: unknownTeamKey(key, labels) });
      }
    });
  }
  return problems;
}
