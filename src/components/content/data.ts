/** Content lookups for components and routes. (The checks across files run before the build: src/build/validate/.) */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { pageHref } from '../../schemas/ids';
import { TEMPLATE_PURPOSES } from '../../schemas/template';
import type { Duration } from '../../lib/duration';
import { nextReviewDate, reviewInterval } from '../../lib/review';

export async function handbook(id: string): Promise<CollectionEntry<'handbooks'>> {
  const entry = await getEntry('handbooks', id);
  if (!entry) throw await unknownHandbook(id);
  return entry;
}

export async function scale(id: string): Promise<CollectionEntry<'scales'>> {
  const entry = await getEntry('scales', id);
  if (entry) return entry;
  if (!(await getEntry('handbooks', id))) throw await unknownHandbook(id);
  throw new AstroError(`Handbook "${id}" has no severity scale`, `Add its scale: content/scales/${id}.yaml.`);
}

/**
 * A component was given a handbook that does not exist: almost always a typo in its `handbook`
 * property, so the hint lists the handbooks there are (never "create content/handbooks/<typo>.yaml").
 * `npm run validate` reports the same mistake with its file and line before any page renders.
 */
async function unknownHandbook(id: string): Promise<AstroError> {
  const known = (await getCollection('handbooks')).map((entry) => entry.id).sort();
  return new AstroError(
    `Unknown handbook "${id}" in a component's \`handbook\` property`,
    `Expected one of ${known.join(', ') || '(none defined)'}: check the spelling of handbook="${id}". Run \`npm run validate\` for the file and line.`,
  );
}

export async function templatesOf(handbookId: string) {
  return (await getCollection('templates', (t) => t.data.handbook === handbookId)).sort(byPurpose);
}

export async function drillsOf(handbookId: string) {
  return (await getCollection('drills', (d) => d.data.handbook === handbookId)).sort((a, b) => a.data.title.localeCompare(b.data.title));
}

/** The handbook's Messages page, where every template is a form. */
export function messagesHref(handbookId: string): string {
  return runbookHref(`${handbookId}/messages`);
}

/** Templates in the order an incident uses them: the order of TEMPLATE_PURPOSES. */
function byPurpose(a: CollectionEntry<'templates'>, b: CollectionEntry<'templates'>) {
  return TEMPLATE_PURPOSES.indexOf(a.data.purpose) - TEMPLATE_PURPOSES.indexOf(b.data.purpose) || a.data.title.localeCompare(b.data.title);
}

let ids: Promise<Set<string>> | undefined;
/** Every runbook id (getEntry on a missing id logs a warning; this does not). */
export function docIds(): Promise<Set<string>> {
  ids ??= getCollection('docs').then((docs) => new Set(docs.map((doc) => doc.id)));
  return ids;
}

/** "/agency-platform/severity/" for a runbook id (the one rule: src/schemas/ids.ts). */
export const runbookHref = pageHref;

/** The anchor of a level in <SeverityScale>: "level-sev-1". */
export function levelAnchor(levelId: string): string {
  return `level-${levelId.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** Where a level is explained: the handbook's severity page if it has one, else its overview. */
export async function levelHref(handbookId: string, levelId: string): Promise<string> {
  const page = (await docIds()).has(`${handbookId}/severity`) ? `${handbookId}/severity` : handbookId;
  return `${runbookHref(page)}#${levelAnchor(levelId)}`;
}

/** One runbook on the review dashboard (/reviews/) and in /reviews.json. */
export interface ReviewRow {
  handbook: string;
  handbookName: string;
  id: string;
  url: string;
  title: string;
  owner: string | undefined;
  lastReviewed: Date | undefined;
  reviewEvery: Duration;
  nextReview: Date | undefined;
}

/** Every runbook of every handbook with its review dates, unsorted (the status depends on the day). */
export async function reviewRows(): Promise<ReviewRow[]> {
  const [docs, handbooks] = await Promise.all([getCollection('docs'), getCollection('handbooks')]);
  const byId = new Map(handbooks.map((h) => [h.id, h]));
  return docs.flatMap((doc) => {
    const handbook = doc.data.handbook ? byId.get(doc.data.handbook) : undefined;
    if (!handbook) return [];
    const reviewEvery = reviewInterval(doc.data.reviewEvery, handbook.data.reviewEvery);
    return [{
      handbook: handbook.id,
      handbookName: handbook.data.name,
      id: doc.id,
      url: pageHref(doc.id),
      title: doc.data.title,
      owner: doc.data.owner,
      lastReviewed: doc.data.lastReviewed,
      reviewEvery,
      nextReview: nextReviewDate(doc.data.lastReviewed, reviewEvery),
    }];
  });
}
