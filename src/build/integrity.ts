/**
 * Checks that span collections, which no single entry's schema can see: every handbook has a scale
 * and every scale a handbook, and a handbook's start page is one of its own. (A runbook's folder is
 * checked by its schema.) Pure: returns the problems, one sentence each, naming the file.
 */
export interface IntegrityInput {
  handbooks: { id: string }[];
  scales: { id: string }[];
  starts: { handbook: string; start: string }[];
}

export function findIntegrityProblems(input: IntegrityInput): string[] {
  const problems: string[] = [];
  const handbooks = new Set(input.handbooks.map((h) => h.id));
  const scales = new Set(input.scales.map((s) => s.id));
  for (const id of handbooks) {
    if (!scales.has(id)) problems.push(`content/handbooks/${id}.yaml: the handbook has no severity scale; add content/scales/${id}.yaml`);
  }
  for (const id of scales) {
    if (!handbooks.has(id)) problems.push(`content/scales/${id}.yaml: there is no handbook "${id}" (content/handbooks/${id}.yaml) for this scale`);
  }
  for (const { handbook, start } of input.starts) {
    const folder = start.replace(/^\/+/, '').split('/')[0];
    if (folder !== handbook) problems.push(`content/handbooks/${handbook}.yaml: field "start" is "${start}", a page of another handbook; expected a page under content/docs/${handbook}/`);
  }
  return problems;
}
