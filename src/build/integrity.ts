/**
 * Checks that span files, which no single file's schema can see: every handbook has a scale and
 * every scale a handbook, a handbook's start page is one of its own, and no two files give the same
 * id. (A runbook's folder is checked by its schema.) Pure: returns the problems, each against the
 * file that has to change.
 */
import { folderOfPage } from '../schemas/ids';
import type { ContentFile } from './content-files';
import type { Problem } from './validate/problem';

export interface IntegrityInput {
  /** The content folder as reports name it: "content". */
  contentPath: string;
  files: readonly Pick<ContentFile, 'kind' | 'id' | 'path'>[];
  /** Each handbook's `start` (only those that have one). */
  starts: readonly { handbook: string; start: string }[];
}

export function findIntegrityProblems(input: IntegrityInput): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, string>();
  for (const file of input.files) {
    const key = `${file.kind}:${file.id}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, file.path);
    else problems.push({ file: file.path, path: [], message: `Two files give the ${file.kind} id "${file.id}": ${earlier} and this one. Rename or remove one of them` });
  }
  const ids = (kind: ContentFile['kind']) => new Map(input.files.filter((f) => f.kind === kind).map((f) => [f.id, f.path] as const));
  const handbooks = ids('handbook');
  const scales = ids('scale');
  for (const [id, path] of handbooks) {
    if (!scales.has(id)) problems.push({ file: path, path: [], message: `The handbook has no severity scale: add ${input.contentPath}/scales/${id}.yaml` });
  }
  for (const [id, path] of scales) {
    if (!handbooks.has(id)) problems.push({ file: path, path: [], message: `There is no handbook "${id}" for this scale: expected ${input.contentPath}/handbooks/${id}.yaml` });
  }
  for (const { handbook, start } of input.starts) {
    const path = handbooks.get(handbook);
    if (path === undefined || folderOfPage(start) === handbook) continue;
    problems.push({
      file: path,
      path: ['start'],
      message: `"${start}" is a page of another handbook: expected a page under ${input.contentPath}/docs/${handbook}/`,
    });
  }
  return problems;
}
