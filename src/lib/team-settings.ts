/**
 * Team settings: the values a team fills into the placeholders of its handbook (on-call names, the
 * bridge link, the incidents channel). Pure: keys, labels, substitution, and the checks of a settings
 * file (the browser's "Import settings") and of `content/team.yaml` (the build's values).
 *
 * A placeholder has a stable key and a label:
 * - team-wide values are declared once in `content/placeholders.yaml` (`bridge: Bridge link`) and used
 *   as `{team.bridge}` in YAML text and code blocks, or `<Placeholder name="team.bridge" />` in MDX;
 * - contacts get keys from their handbook and role: `<handbook>.contacts.<role>.name` (a contact
 *   without a name), `.reach`, and `.<field>.<label>` for a bracketed `[Phone]` inside a field.
 *
 * A value is text, always: it is never parsed as HTML or Markdown wherever it is shown.
 */
import { closest } from '../schemas/context.ts';
import { slugify } from '../schemas/slug.ts';
import { findContactParts } from './contact-links.ts';

/** The marker at the top of a settings file, so an import can tell one from any other JSON. */
export const SETTINGS_FORMAT = 'incident-handbook-settings';
export const SETTINGS_VERSION = 1;
/** The longest value a setting may hold: a link, a name, a phone number, never a document. */
export const SETTING_MAX_LENGTH = 500;
/** A key: lowercase words joined by dots and hyphens ("team.bridge", "agency-platform.contacts.cto.name"). */
export const KEY_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
/** `{team.bridge}` in text: the key of a team-wide value. Global: use with matchAll / split. */
export const TEAM_USE = /\{(team\.[a-z0-9]+(?:[.-][a-z0-9]+)*)\}/g;

export type TeamValues = Record<string, string>;

/** A placeholder the content uses: its key, its label (the settings page's input) and its marker as shown unfilled. */
export interface PlaceholderInfo {
  key: string;
  label: string;
  /** "[Bridge link]", "To be filled in". */
  marker: string;
}

/** The marker of an unfilled team-wide value: its label in brackets, as the source handbooks write them. */
export const markerOf = (label: string): string => `[${label}]`;

export type TextPart = { type: 'text'; text: string } | { type: 'placeholder'; key: string };

/** Splits text at each `{team.key}`; the rest is text, as given. */
export function splitTeamPlaceholders(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(TEAM_USE)) {
    if (match.index > at) parts.push({ type: 'text', text: text.slice(at, match.index) });
    parts.push({ type: 'placeholder', key: match[1] });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ type: 'text', text: text.slice(at) });
  return parts;
}

/** Every `{team.key}` a text uses, in order, each once. */
export function teamKeysIn(text: string): string[] {
  return [...new Set([...text.matchAll(TEAM_USE)].map((match) => match[1]))];
}

/**
 * The text with each `{team.key}` replaced by its value, or by the marker of its label when it has
 * none (`[Bridge link]`). Plain string work: the result is text for a text node or a clipboard.
 */
export function fillTeamText(text: string, values: TeamValues, labels: ReadonlyMap<string, string>): string {
  return text.replace(TEAM_USE, (_, key: string) => values[key] || markerOf(labels.get(key) ?? key));
}

/** `agency-platform.contacts.primary-on-call` for a contact of a handbook. */
export function contactBase(handbook: string, role: string): string {
  return `${handbook}.contacts.${slugify(role)}`;
}

/** The contact fields that can hold placeholders, in the contact table's order. */
const CONTACT_FIELDS = ['name', 'reach', 'backup', 'notes'] as const;
const FIELD_WORDS: Record<(typeof CONTACT_FIELDS)[number], string> = { name: 'name', reach: 'how to reach', backup: 'backup', notes: 'notes' };

/** The key of a placeholder found inside a contact's field: `<base>.backup.phone` for "[Phone]". */
export const partKey = (fieldKey: string, label: string): string => `${fieldKey}.${slugify(label)}`;

/**
 * The placeholders of a handbook's contact table, as the table draws them: a contact without a name
 * or a way to reach it, and each bracketed `[Phone]` (or "To be filled in") in its fields.
 */
export function contactPlaceholders(
  handbook: string,
  contacts: readonly { role: string; name?: string | null; reach?: string | null; backup?: string | null; notes?: string | null }[],
): PlaceholderInfo[] {
  const found = new Map<string, PlaceholderInfo>();
  for (const contact of contacts) {
    const base = contactBase(handbook, contact.role);
    for (const field of CONTACT_FIELDS) {
      const value = contact[field];
      const fieldKey = `${base}.${field}`;
      if (!value && (field === 'name' || field === 'reach')) {
        found.set(fieldKey, { key: fieldKey, label: `${contact.role}: ${FIELD_WORDS[field]}`, marker: 'To be filled in' });
        continue;
      }
      if (!value) continue;
      for (const part of findContactParts(value)) {
        if (part.type !== 'placeholder') continue;
        const key = partKey(fieldKey, part.label);
        if (!found.has(key)) found.set(key, { key, label: `${contact.role}: ${FIELD_WORDS[field]} (${part.label})`, marker: part.text });
      }
    }
  }
  return [...found.values()];
}

/** What a value may be: text, trimmed not empty, one line, at most SETTING_MAX_LENGTH characters. */
export function valueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `expected text, got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`;
  if (value.length > SETTING_MAX_LENGTH) return `expected at most ${SETTING_MAX_LENGTH} characters, got ${value.length}`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'expected one line of text, got a line break or a control character';
  return undefined;
}

/** The result of reading settings: the values, or why not (nothing is changed then). */
export type SettingsRead = { ok: true; values: TeamValues } | { ok: false; reason: string };

/** Checks a plain object of values (a settings file's `values`, content/team.yaml): every key a key, every value text. */
export function checkValues(data: unknown, where: string): SettingsRead {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reason: `${where}: expected an object of settings (key: value), got ${Array.isArray(data) ? 'a list' : data === null ? 'null' : typeof data}` };
  }
  const values: TeamValues = {};
  for (const [key, value] of Object.entries(data)) {
    if (!KEY_PATTERN.test(key)) return { ok: false, reason: `${where}: "${key.slice(0, 80)}" is not a setting's key; expected lowercase words joined by dots and hyphens, such as team.bridge` };
    const problem = valueProblem(value);
    if (problem) return { ok: false, reason: `${where}: ${key}: ${problem}` };
    const trimmed = (value as string).trim();
    if (trimmed) values[key] = trimmed;
  }
  return { ok: true, values };
}

/** The JSON of "Export settings": the format marker, its version, when, and the values. */
export function settingsFile(values: TeamValues, now: Date): string {
  const sorted = Object.fromEntries(Object.entries(values).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ format: SETTINGS_FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), values: sorted }, null, 2)}\n`;
}

/** Reads a settings file ("Import settings"): all of it is valid, or nothing is taken and the reason says why. */
export function readSettingsFile(text: string): SettingsRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'This file is not JSON: expected a settings file from "Export settings".' };
  }
  const file = data as { format?: unknown; version?: unknown; values?: unknown } | null;
  if (typeof file !== 'object' || file === null || file.format !== SETTINGS_FORMAT) {
    return { ok: false, reason: `This is not a settings file: expected "format": "${SETTINGS_FORMAT}" (from "Export settings").` };
  }
  if (file.version !== SETTINGS_VERSION) {
    return { ok: false, reason: `This settings file has version ${JSON.stringify(file.version)}; this site reads version ${SETTINGS_VERSION}.` };
  }
  return checkValues(file.values, 'values');
}

/** Where a placeholder's value comes from: this browser, the build's content/team.yaml, or nowhere yet. */
export type ValueSource = 'browser' | 'build' | 'none';

/** A placeholder's value and its source: the browser's value overrides the build's. */
export function effectiveValue(key: string, build: TeamValues, browser: TeamValues): { value?: string; source: ValueSource } {
  if (browser[key]) return { value: browser[key], source: 'browser' };
  if (build[key]) return { value: build[key], source: 'build' };
  return { source: 'none' };
}

/** Why a `team.<key>` is not known: "there is no placeholder ... Did you mean "team.bridge"?" */
export function unknownTeamKey(key: string, labels: ReadonlyMap<string, string>): string {
  const guess = closest(key, labels.keys());
  return `there is no placeholder "${key}": declare it in content/placeholders.yaml (${key.replace(/^team\./, '')}: Its label)` +
    (guess ? `. Did you mean "${guess}"?` : labels.size ? ` (declared: ${[...labels.keys()].join(', ')})` : '');
}
