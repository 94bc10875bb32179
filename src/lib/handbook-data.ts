/**
 * What the browser needs to know about every handbook to run an incident on its clock: its name and
 * pages, its levels (cadence, escalation, targets) and its escalation policy. Built into
 * /handbooks.json at build time (src/pages/handbooks.json.ts) and fetched by the incident bar and
 * the start dialog only when they are used, so runbook pages carry none of it.
 */
import type { Duration } from './duration';

export interface LevelData {
  id: string;
  name: string;
  definition: string;
  /** The level on its handbook's scale. */
  href: string;
  response: Duration;
  resolution?: Duration;
  /** Update cadence; absent when the handbook sets none. */
  updates?: Duration;
  updatesNote?: string;
  notify: { who: string; how?: string }[];
  escalation: { after?: Duration; to: string; note?: string }[];
}

export interface PolicyTier {
  tier: string;
  who: string;
  when: string;
  after?: Duration;
}

export interface HandbookData {
  id: string;
  name: string;
  /** Overview, start page ("Respond now") and severity page addresses. */
  href: string;
  startHref: string;
  severityHref: string;
  /** Most severe first. */
  levels: LevelData[];
  policy: PolicyTier[];
}

export interface SiteData {
  handbooks: HandbookData[];
}

/** Where the site data is published. */
export const SITE_DATA_PATH = '/handbooks.json';

export function handbookOf(data: SiteData, id: string | undefined): HandbookData | undefined {
  return id === undefined ? undefined : data.handbooks.find((handbook) => handbook.id === id);
}

export function levelOf(handbook: HandbookData | undefined, id: string | undefined): LevelData | undefined {
  return id === undefined ? undefined : handbook?.levels.find((level) => level.id === id);
}

/** "P0 · Critical system down", or the bare id when the level is unknown. */
export function levelName(handbook: HandbookData | undefined, id: string): string {
  const level = levelOf(handbook, id);
  return level ? `${level.id} · ${level.name}` : id;
}
