/**
 * The team-wide placeholders and the build's own values, read once per build:
 * - `content/placeholders.yaml` (the catalog, public): `bridge: Bridge link`, used as `{team.bridge}`
 *   in YAML text and code blocks and as `<Placeholder name="team.bridge" />` in MDX;
 * - `content/team.yaml` (optional, for a private deployment): values by key
 *   (`team.bridge: https://...`, `agency-platform.contacts.cto.name: Ada`), rendered into the HTML.
 * A mistake in either fails the build with the file, the key and what was expected. Pages read them
 * through the `team` collection (teamLoader); the code-block plugin through teamContent().
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkValues, unknownTeamKey, type TeamValues } from '../lib/team-settings.ts';
import { readYaml } from './yaml.ts';
import type { Loader } from 'astro/loaders';

export interface TeamContent {
  /** `team.bridge` -> "Bridge link", in the catalog's order. */
  labels: Map<string, string>;
  /** The build's values (content/team.yaml), already checked; empty without the file. */
  values: TeamValues;
  /** Where the build values came from, for messages ("content/team.yaml"). */
  valuesFile: string;
}

const CATALOG_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The content folder, as content.config.ts and astro.config.mjs find it. */
export function contentDir(root = process.cwd()): string {
  return resolve(root, process.env.HANDBOOK_CONTENT_DIR ?? 'content');
}

/** Reads and checks the catalog and content/team.yaml of a content folder; throws with the file and key on a mistake. */
export function readTeamContent(dir: string): TeamContent {
  const labels = new Map<string, string>();
  const catalogFile = resolve(dir, 'placeholders.yaml');
  if (existsSync(catalogFile)) {
    const yaml = readYaml(readFileSync(catalogFile, 'utf8'));
    if (yaml.error) throw new Error(`content/placeholders.yaml, line ${yaml.error.line}: ${yaml.error.message}`);
    const data = yaml.data ?? {};
    if (typeof data !== 'object' || Array.isArray(data)) throw new Error('content/placeholders.yaml: expected a mapping of key: label (bridge: Bridge link)');
    for (const [key, label] of Object.entries(data as Record<string, unknown>)) {
      const line = yaml.lineOf([key], { key: true });
      const at = `content/placeholders.yaml${line ? `, line ${line}` : ''}`;
      if (!CATALOG_KEY.test(key)) throw new Error(`${at}: "${key}" is not a placeholder key; expected lowercase words joined by hyphens, such as incidents-channel`);
      if (typeof label !== 'string' || !label.trim()) throw new Error(`${at}: ${key}: expected its label as text (bridge: Bridge link), got ${JSON.stringify(label)}`);
      labels.set(`team.${key}`, label.trim());
    }
  }
  const valuesFile = 'content/team.yaml';
  let values: TeamValues = {};
  const teamFile = resolve(dir, 'team.yaml');
  if (existsSync(teamFile)) {
    const yaml = readYaml(readFileSync(teamFile, 'utf8'));
    if (yaml.error) throw new Error(`${valuesFile}, line ${yaml.error.line}: ${yaml.error.message}`);
    const checked = checkValues(yaml.data ?? {}, valuesFile);
    if (!checked.ok) throw new Error(checked.reason);
    values = checked.values;
    for (const key of Object.keys(values)) {
      if (key.startsWith('team.') && !labels.has(key)) {
        const line = yaml.lineOf([key], { key: true });
        throw new Error(`${valuesFile}${line ? `, line ${line}` : ''}: ${unknownTeamKey(key, labels)}`);
      }
    }
  }
  return { labels, values, valuesFile };
}

let cached: { dir: string; team: TeamContent } | undefined;

/** The team content of this build (read once). */
export function teamContent(): TeamContent {
  const dir = contentDir();
  if (cached?.dir !== dir) cached = { dir, team: readTeamContent(dir) };
  return cached.team;
}

/**
 * The `team` content collection (content.config.ts): the same data for pages and components, which
 * do not import build code. Entries `labels` (key -> label) and `values` (key -> the build's value).
 */
export function teamLoader(): Loader {
  return {
    name: 'team-settings',
    load: async ({ store }) => {
      const team = readTeamContent(contentDir());
      store.clear();
      store.set({ id: 'labels', data: Object.fromEntries(team.labels) });
      store.set({ id: 'values', data: team.values });
    },
  };
}
