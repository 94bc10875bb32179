/**
 * The persisted state document: one nanostores atom over STATE_KEY (through @nanostores/persistent
 * and the safe engine), its one way to change (`update`), and the backups of data that could not be
 * read. Actions modules change state only through `update`.
 */
import { atom, computed, type ReadableAtom } from 'nanostores';
import { persistentAtom, setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';
import { createSafeEngine, storageHealth, type SafeEngine } from './engine';
import { BACKUP_PREFIX, STATE_KEY } from './keys';
import { checkState, readState } from './migrations';
import { emptyState, type StoredState } from './schema';

/** Data kept aside because it could not be read. */
export interface Backup {
  key: string;
  /** Why it was kept aside, when this page found it; older backups say so. */
  reason: string;
  /** Size in characters. */
  size: number;
}

export interface StateDocument {
  safe: SafeEngine;
  /** The state as this tab sees it: stored, or only in memory when the stored text must be protected. */
  $state: ReadableAtom<StoredState>;
  /** The freshest state: what storage holds now (another tab may have written since $state was set), else $state. */
  read(): StoredState;
  /**
   * Applies a change to the freshest state: re-reads storage first, so a change another tab made a
   * moment ago is not overwritten by this tab's older copy. Throws if the result would not read back
   * (a bug in the caller), leaving the state as it was.
   */
  update(change: (state: StoredState) => StoredState): void;
  /** Unreadable data kept aside, for the notice. */
  $backups: ReadableAtom<Backup[]>;
  /** Copies unreadable text to a new backup key and reports it; false if even that copy could not be saved. */
  keepAside(raw: string, reason: string): boolean;
}

const noEvents = { addEventListener() {}, removeEventListener() {} };

export function openDocument(options: { local?: Storage | null; now: () => Date }): StateDocument {
  const { now } = options;
  const safe = createSafeEngine(options.local);
  setPersistentEngine(safe.engine, typeof window === 'undefined' ? noEvents : windowPersistentEvents);

  const reasons = new Map<string, string>();
  const $backups = atom<Backup[]>([]);
  const refreshBackups = () =>
    $backups.set(
      safe.keys(BACKUP_PREFIX).map((key) => ({
        key,
        reason: reasons.get(key) ?? 'kept aside on an earlier visit',
        size: safe.read(key)?.length ?? 0,
      })),
    );

  const keepAside = (raw: string, reason: string): boolean => {
    let key = `${BACKUP_PREFIX}${now().toISOString()}`;
    while (safe.read(key) !== undefined && safe.read(key) !== raw) key += '+';
    reasons.set(key, reason);
    const saved = safe.write(key, raw);
    refreshBackups();
    return saved;
  };

  // Set when unreadable text under STATE_KEY could not be copied aside: the key is then left
  // untouched for the rest of this visit so the original text survives, and changes live in memoryOnly.
  let protectStateKey = false;
  const memoryOnly = atom<StoredState | undefined>(undefined);

  const decode = (raw: string): StoredState => {
    const result = readState(raw);
    if (result.ok) return result.state;
    if (!keepAside(raw, `The saved checklist data could not be read: ${result.reason}.`)) protectStateKey = true;
    return emptyState();
  };

  const $stored = persistentAtom<StoredState>(STATE_KEY, emptyState(), { encode: JSON.stringify, decode });
  refreshBackups();
  const $state = computed([$stored, memoryOnly], (stored, memory) => memory ?? stored);

  const read = () => {
    const raw = safe.read(STATE_KEY);
    const base = $state.get();
    if (raw !== undefined && raw !== JSON.stringify(base)) {
      const fresh = readState(raw);
      if (fresh.ok) return fresh.state;
    }
    return base;
  };

  const update = (change: (state: StoredState) => StoredState) => {
    const base = read();
    const next = change(base);
    if (next === base && base === $state.get()) return;
    const problem = checkState(next);
    if (problem) throw new TypeError(`State change refused, it would not read back: ${problem}`);
    if (protectStateKey) {
      storageHealth.set({ ...storageHealth.get(), mode: 'memory' });
      memoryOnly.set(next);
      return;
    }
    $stored.set(next);
  };

  return { safe, $state, read, update, $backups, keepAside };
}
