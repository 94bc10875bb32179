/**
 * Team settings: the values this browser fills into the content's placeholders (the bridge link,
 * on-call names), by key (see src/lib/team-settings.ts). Kept under their own key
 * (`incident-handbook:settings`, see keys.ts), apart from the incident state: they belong to the
 * team, not to an incident, and a new hire imports them from a file. Written through the same safe
 * engine as the state (memory and quota policy included); other tabs see changes (storage events).
 * Stored data that cannot be read is kept aside under a backup key and reported, never thrown.
 *
 * Not part of the StateStore object: only pages with placeholders, /settings/ and the template filler
 * load this module (`settingsOf(getStore())`), so other pages do not carry its bytes.
 */
import { persistentAtom } from '@nanostores/persistent';
import { literal, object, record, string, and, type Infer } from './persistence/check';
import { SETTINGS_KEY } from './persistence/keys';
import { checkValues, KEY_PATTERN, valueProblem, type TeamValues } from '../lib/team-settings';
import type { ReadableAtom } from 'nanostores';
import { internals, type StoreInternals } from './store';
import type { StateStore } from './api';

/** What is stored: the version of this shape and the values, every one of them a valid setting. */
export const settingsSchema = and(object({ version: literal(1), values: record(string) }), (settings) => {
  const checked = checkValues(settings.values, 'values');
  return checked.ok ? undefined : { path: ['values'], message: checked.reason };
});
export type StoredSettings = Infer<typeof settingsSchema>;

const EMPTY: StoredSettings = { version: 1, values: {} };

/** The team settings of a store: read, set one value, replace them all. */
export interface SettingsStore {
  /** As stored (`values`: key -> text); other tabs' changes arrive while something listens. */
  readonly $settings: ReadableAtom<StoredSettings>;
  /** Sets one value (trimmed; empty removes it). False, changing nothing, for a key that is not one or a value that is not one line of at most 500 characters. */
  setSetting(key: string, value: string): boolean;
  /** Replaces every value with these (an imported file): all are checked first; on a problem nothing changes and the reason says why. */
  replaceSettings(values: Record<string, string>): { ok: true; values: TeamValues } | { ok: false; reason: string };
}

const opened = new WeakMap<StateStore, SettingsStore>();

/** The team settings kept with a store (the same object for the same store). */
export function settingsOf(store: StateStore): SettingsStore {
  let settings = opened.get(store);
  if (!settings) {
    const context = internals.get(store);
    if (!context) throw new Error('settingsOf() needs a store made by createStateStore()');
    settings = openSettings(context.doc);
    opened.set(store, settings);
  }
  return settings;
}

function openSettings(doc: StoreInternals['doc']): SettingsStore {
  const decode = (raw: string): StoredSettings => {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
    if (!settingsSchema(data)) return data as StoredSettings;
    if (doc.keepAside(raw, 'The saved team settings could not be read.')) doc.safe.remove(SETTINGS_KEY);
    return EMPTY;
  };
  // No values, no key: clearing every setting (or reading unreadable ones) leaves nothing stored.
  const encode = (settings: StoredSettings) => (Object.keys(settings.values).length ? JSON.stringify(settings) : undefined) as string;
  const $settings = persistentAtom<StoredSettings>(SETTINGS_KEY, EMPTY, { encode, decode });
  const write = (values: TeamValues) => $settings.set({ version: 1, values });

  return {
    $settings,
    setSetting(key, value) {
      const trimmed = value.trim();
      if (!KEY_PATTERN.test(key) || valueProblem(trimmed)) return false;
      const values = { ...$settings.get().values };
      if (trimmed) values[key] = trimmed;
      else delete values[key];
      write(values);
      return true;
    },
    replaceSettings(values) {
      const checked = checkValues(values, 'values');
      if (!checked.ok) return checked;
      write(checked.values);
      return checked;
    },
  };
}
