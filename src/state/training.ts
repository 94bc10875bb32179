/**
 * Training: a handbook's drill answers and onboarding progress, kept in this browser under the
 * handbook's own key (`incident-handbook:training:<handbook>`, see keys.ts). Not part of any incident
 * (practising is not responding), so never in the state document. Written through the same safe
 * engine as the state (memory and quota policy included); text that cannot be read is kept aside under
 * a backup key and reported, never thrown; other tabs see changes through storage events.
 */
import { persistentAtom } from '@nanostores/persistent';
import type { WritableAtom } from 'nanostores';
import type { StoreContext } from './context';
import { object, optional, record, string } from './persistence/check';
import { TRAINING_PREFIX } from './persistence/keys';
import type { Training, TrainingActions, TrainingStore } from './api';

export const trainingSchema = object({
  /** Drill id -> the latest checked answer. */
  drills: optional(record(object({ level: string, runbook: string, at: string }))),
  /** Onboarding item id -> when it was ticked off as read. */
  read: optional(record(string)),
});

/** Nothing practised yet. */
export const NO_TRAINING: Training = { drills: {}, read: {} };

export function trainingKey(handbook: string): string {
  return `${TRAINING_PREFIX}${handbook}`;
}

export function trainingActions({ doc, now }: StoreContext): TrainingActions {
  const stores = new Map<string, TrainingStore>();

  /** Parses the stored text; unreadable text is moved to a backup key (left in place if that fails). */
  const decode = (handbook: string, raw: string): Training => {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
    if (!trainingSchema(data)) {
      const { drills = {}, read = {} } = data as { drills?: Training['drills']; read?: Training['read'] };
      return { ...(data as object), drills, read };
    }
    if (doc.keepAside(raw, `The saved drill answers and onboarding progress of "${handbook}" could not be read.`)) doc.safe.remove(trainingKey(handbook));
    return NO_TRAINING;
  };

  return {
    training(handbook) {
      let store = stores.get(handbook);
      if (store) return store;
      const key = trainingKey(handbook);
      const $training: WritableAtom<Training> = persistentAtom<Training>(key, NO_TRAINING, {
        encode: JSON.stringify,
        decode: (raw) => decode(handbook, raw),
      });
      /** The value as stored now (an atom nothing listens to may be stale), changed and written. */
      const change = (next: (current: Training) => Training) => {
        const raw = doc.safe.read(key);
        $training.set(next(raw === undefined ? NO_TRAINING : decode(handbook, raw)));
      };
      store = {
        $training,
        recordDrill(drillId, answer) {
          change((current) => ({ ...current, drills: { ...current.drills, [drillId]: { level: answer.level, runbook: answer.runbook, at: now().toISOString() } } }));
        },
        setRead(itemId, read) {
          change((current) => {
            const next = { ...current.read };
            if (read) next[itemId] ??= now().toISOString();
            else delete next[itemId];
            return { ...current, read: next };
          });
        },
        resetOnboarding() {
          let taken: Record<string, string> = {};
          change((current) => {
            taken = current.read;
            return { ...current, read: {} };
          });
          return taken;
        },
        restoreOnboarding(read) {
          change((current) => ({ ...current, read: { ...read, ...current.read } }));
        },
      };
      stores.set(handbook, store);
      return store;
    },
  };
}
