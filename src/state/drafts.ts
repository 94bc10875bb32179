/**
 * Drafts: what the reader types into a template, saved as they type. Each draft is its own small key
 * (`incident-handbook:draft:<incidentId>:<templateId>`, see keys.ts) written through the same safe
 * engine as the state (memory and quota policy included), so a keystroke never rewrites the state
 * document. A draft that cannot be read is kept aside under a backup key and reported, never thrown.
 */
import { persistentAtom } from '@nanostores/persistent';
import type { WritableAtom } from 'nanostores';
import type { StoreContext } from './context';
import { object, record, string } from './persistence/check';
import { DRAFT_PREFIX } from './persistence/keys';
import type { Draft, DraftActions, DraftRef, DraftStore } from './api';

export const draftSchema = object({
  at: string,
  values: record(string),
});

export function draftKey(incidentId: string, templateId: string): string {
  return `${DRAFT_PREFIX}${incidentId}:${templateId}`;
}

/** The incident and template of a draft key (incident ids have no colon; template ids may have anything). */
function refOf(key: string): DraftRef {
  const rest = key.slice(DRAFT_PREFIX.length);
  const colon = rest.indexOf(':');
  return { key, incidentId: rest.slice(0, colon), templateId: rest.slice(colon + 1) };
}

export interface DraftInternals extends DraftActions {
  /** Puts a draft back as it was (undoing a delete), time included. */
  putDraft(incidentId: string, templateId: string, draft: Draft): void;
  /** Every readable draft, by incident id and template id. */
  allDrafts(): Record<string, Record<string, Draft>>;
}

export function draftActions({ doc, now }: StoreContext): DraftInternals {
  const atoms = new Map<string, WritableAtom<Draft | undefined>>();
  const stores = new Map<string, DraftStore>();

  /** Parses a draft's text; unreadable text is moved to a backup key (left in place if that fails). */
  const decode = (key: string, raw: string): Draft | undefined => {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
    if (!draftSchema(data)) return data as Draft;
    const { incidentId, templateId } = refOf(key);
    if (doc.keepAside(raw, `A saved draft of "${templateId}" for ${incidentId} could not be read.`)) doc.safe.remove(key);
    return undefined;
  };

  const atomOf = (key: string) => {
    let draft = atoms.get(key);
    if (!draft) {
      draft = persistentAtom<Draft | undefined>(key, undefined, {
        encode: JSON.stringify,
        decode: (raw) => decode(key, raw),
      });
      atoms.set(key, draft);
    }
    return draft;
  };

  /** The draft as stored now (an atom nothing listens to may be stale). */
  const read = (key: string) => {
    const raw = doc.safe.read(key);
    return raw === undefined ? undefined : decode(key, raw);
  };

  const listDrafts = (incidentId?: string) =>
    doc.safe.keys(DRAFT_PREFIX).map(refOf).filter((ref) => incidentId === undefined || ref.incidentId === incidentId);

  return {
    draft(incidentId, templateId) {
      const key = draftKey(incidentId, templateId);
      let store = stores.get(key);
      if (!store) {
        const $draft = atomOf(key);
        store = {
          $draft,
          save: (values) => $draft.set({ at: now().toISOString(), values: { ...values } }),
          clear: () => $draft.set(undefined),
        };
        stores.set(key, store);
      }
      return store;
    },

    listDrafts,

    clearDrafts(incidentId) {
      const cleared: Record<string, Draft> = {};
      for (const { key, templateId } of listDrafts(incidentId)) {
        const draft = read(key);
        if (!draft) continue;
        cleared[templateId] = draft;
        atomOf(key).set(undefined);
      }
      return cleared;
    },

    putDraft(incidentId, templateId, draft) {
      atomOf(draftKey(incidentId, templateId)).set(draft);
    },

    allDrafts() {
      const all: Record<string, Record<string, Draft>> = {};
      for (const { key, incidentId, templateId } of listDrafts()) {
        const draft = read(key);
        if (draft) (all[incidentId] ??= {})[templateId] = draft;
      }
      return all;
    },
  };
}
