/** Content lookups for components and routes, with the cross-collection checks run once per build. */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { findIntegrityProblems } from '../../build/integrity';

let checked: Promise<void> | undefined;

/** Fails the build (or shows the error overlay in dev) when content is inconsistent across files. */
export function assertContentIntegrity(): Promise<void> {
  checked ??= (async () => {
    const [handbooks, scales] = await Promise.all([getCollection('handbooks'), getCollection('scales')]);
    const problems = findIntegrityProblems({
      handbooks,
      scales,
      starts: handbooks.map((h) => ({ handbook: h.id, start: h.data.start })),
    });
    if (problems.length) {
      throw new AstroError(
        `The handbook content is inconsistent:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
        'Each handbook needs content/handbooks/<id>.yaml, content/scales/<id>.yaml and its runbooks under content/docs/<id>/. See README.md, "Writing content".',
      );
    }
  })();
  return checked;
}

export async function handbook(id: string): Promise<CollectionEntry<'handbooks'>> {
  const entry = await getEntry('handbooks', id);
  if (!entry) throw new AstroError(`Unknown handbook "${id}" in a component`, `Expected a file content/handbooks/${id}.yaml.`);
  return entry;
}

export async function scale(id: string): Promise<CollectionEntry<'scales'>> {
  const entry = await getEntry('scales', id);
  if (!entry) throw new AstroError(`Handbook "${id}" has no severity scale`, `Expected a file content/scales/${id}.yaml.`);
  return entry;
}

export async function templatesOf(handbookId: string) {
  return (await getCollection('templates', (t) => t.data.handbook === handbookId)).sort(byPurpose);
}

export async function drillsOf(handbookId: string) {
  return (await getCollection('drills', (d) => d.data.handbook === handbookId)).sort((a, b) => a.data.title.localeCompare(b.data.title));
}

const PURPOSE_ORDER = ['declare', 'internal-update', 'customer-update', 'status-page', 'resolution', 'incident-log', 'post-mortem', 'other'];
function byPurpose(a: CollectionEntry<'templates'>, b: CollectionEntry<'templates'>) {
  return PURPOSE_ORDER.indexOf(a.data.purpose) - PURPOSE_ORDER.indexOf(b.data.purpose) || a.data.title.localeCompare(b.data.title);
}

let ids: Promise<Set<string>> | undefined;
/** Every runbook id (getEntry on a missing id logs a warning; this does not). */
export function docIds(): Promise<Set<string>> {
  ids ??= getCollection('docs').then((docs) => new Set(docs.map((doc) => doc.id)));
  return ids;
}

/** "/agency-platform/severity/" for a runbook id. */
export function runbookHref(id: string): string {
  return id === 'index' ? '/' : `/${id.replace(/^\/+|\/+$/g, '')}/`;
}

/** The anchor of a level in <SeverityScale>: "level-sev-1". */
export function levelAnchor(levelId: string): string {
  return `level-${levelId.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** Where a level is explained: the handbook's severity page if it has one, else its overview. */
export async function levelHref(handbookId: string, levelId: string): Promise<string> {
  const page = (await docIds()).has(`${handbookId}/severity`) ? `${handbookId}/severity` : handbookId;
  return `${runbookHref(page)}#${levelAnchor(levelId)}`;
}
