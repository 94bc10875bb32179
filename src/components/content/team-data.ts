/**
 * Team settings for pages and components: the declared placeholders (content/placeholders.yaml) and
 * the build's values (content/team.yaml), from the `team` collection (src/build/team.ts reads and
 * checks both files).
 */
import { getEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { unknownTeamKey, type TeamValues } from '../../lib/team-settings';

export interface TeamData {
  /** `team.bridge` -> "Bridge link", in the catalog's order. */
  labels: Map<string, string>;
  /** The build's values by key. */
  values: TeamValues;
}

let loaded: Promise<TeamData> | undefined;
export function teamData(): Promise<TeamData> {
  loaded ??= Promise.all([getEntry('team', 'labels'), getEntry('team', 'values')]).then(([labels, values]) => ({
    labels: new Map(Object.entries((labels?.data ?? {}) as Record<string, string>)),
    values: (values?.data ?? {}) as TeamValues,
  }));
  return loaded;
}

/** The label of a team-wide key; fails the build with a "did you mean" when content/placeholders.yaml does not declare it. */
export async function teamLabel(key: string, where: string): Promise<string> {
  const { labels } = await teamData();
  const label = labels.get(key);
  if (label === undefined) throw new AstroError(`${where}: ${unknownTeamKey(key, labels)}`, 'Declare it in content/placeholders.yaml, or fix the key.');
  return label;
}
