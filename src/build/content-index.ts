/**
 * The ids every schema checks references against (see src/schemas/context.ts), read straight from
 * content/ before anything is validated. Tolerant on purpose: a scale whose level ids cannot be read
 * (a YAML error, a level without an id, a malformed id) is marked unreadable rather than guessed at;
 * its own schema reports what is wrong, and other files are not checked against it. A scale that
 * repeats an id is read: its distinct ids are still the valid ones.
 */
import { readFileSync } from 'node:fs';
import { makeContentIndex, readAssessment, readLevelIds, type Assessment, type ContentIndex } from '../schemas';
import { listContent } from './content-files';
import { readYaml } from './yaml';

/** The index from what the content reader found: file ids and each scale's parsed YAML. */
export function contentIndexOf(input: { handbooks: string[]; scales: { id: string; data: unknown }[]; runbooks: string[] }): ContentIndex {
  const levels: Record<string, string[]> = {};
  const unreadableScales: string[] = [];
  const assessments = new Map<string, Assessment>();
  for (const scale of input.scales) {
    const ids = readLevelIds(scale.data);
    if (ids) {
      levels[scale.id] = ids;
      assessments.set(scale.id, readAssessment(scale.data));
    } else unreadableScales.push(scale.id);
  }
  // Only handbook files make a handbook: a scale without one is reported, not taken for a handbook.
  return { ...makeContentIndex({ levels, unreadableScales, runbooks: input.runbooks }), handbooks: new Set(input.handbooks), assessments };
}

/** Reads the index from a content folder (the collections' schemas in src/content.config.ts use it). */
export function readContentIndex(contentDir: string): ContentIndex {
  return contentIndexOf({
    handbooks: listContent(contentDir, contentDir, 'handbook').map((file) => file.id),
    scales: listContent(contentDir, contentDir, 'scale').map((file) => ({ id: file.id, data: readYaml(readFileSync(file.file, 'utf8')).data })),
    runbooks: listContent(contentDir, contentDir, 'runbook').map((file) => file.id),
  });
}
