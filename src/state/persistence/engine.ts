/**
 * The storage engine under @nanostores/persistent, with this site's failure policy:
 * - localStorage unavailable (blocked, private mode, sandboxed): keep everything in memory and say so;
 * - a write refused (quota exceeded): keep the value in memory for this tab, say so, offer an export;
 * - nothing is ever deleted except on an explicit reset.
 * It is the only module that touches localStorage.
 */
import { atom } from 'nanostores';
import { PREFIX } from './keys';

export interface StorageHealth {
  /** 'local': saved in this browser; 'memory': only in this tab, lost on close. */
  mode: 'local' | 'memory';
  /** A write was refused because storage is full; the latest changes live in this tab only. */
  quotaExceeded: boolean;
}

export const storageHealth = atom<StorageHealth>({ mode: 'local', quotaExceeded: false });

/** localStorage if it can be read, else undefined (some browsers throw on mere access). */
function openLocalStorage(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return undefined;
    storage.getItem(`${PREFIX}probe`);
    return storage;
  } catch {
    return undefined;
  }
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (error as { code?: number })?.code === 22;
}

export interface SafeEngine {
  /** The object given to setPersistentEngine: property get/set/delete/in map to storage. */
  engine: Record<string, string>;
  /** Writes a key, reporting instead of throwing; returns whether it reached localStorage. */
  write(key: string, value: string): boolean;
  read(key: string): string | undefined;
  /** Every key that starts with `prefix`, from storage and from this tab's memory. */
  keys(prefix: string): string[];
  /** Deletes a key from storage and from this tab's memory. */
  remove(key: string): void;
  /** Calls `listener` after every write (value) and removal (undefined) this tab makes; returns the unsubscribe. */
  watch(listener: (key: string, value: string | undefined) => void): () => void;
}

/** `storage`: the Storage to use; null: none (memory only); omitted: the browser's localStorage. */
export function createSafeEngine(storage?: Storage | null): SafeEngine {
  const local = storage === undefined ? openLocalStorage() : storage ?? undefined;
  // Values that could not be written to localStorage (or all values, when there is none).
  const memory = new Map<string, string>();
  const listeners = new Set<(key: string, value: string | undefined) => void>();
  const changed = (key: string, value?: string) => listeners.forEach((listener) => listener(key, value));
  if (!local) storageHealth.set({ ...storageHealth.get(), mode: 'memory' });

  const read = (key: string): string | undefined => {
    if (memory.has(key)) return memory.get(key);
    try {
      return local?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  };

  const write = (key: string, value: string): boolean => {
    const saved = store(key, value);
    changed(key, value);
    return saved;
  };

  const store = (key: string, value: string): boolean => {
    if (!local) {
      memory.set(key, value);
      return false;
    }
    try {
      local.setItem(key, value);
      memory.delete(key);
      if (storageHealth.get().quotaExceeded && memory.size === 0) {
        storageHealth.set({ ...storageHealth.get(), quotaExceeded: false });
      }
      return true;
    } catch (error) {
      memory.set(key, value);
      storageHealth.set({ mode: storageHealth.get().mode, quotaExceeded: isQuotaError(error) || storageHealth.get().quotaExceeded });
      if (!isQuotaError(error)) storageHealth.set({ ...storageHealth.get(), mode: 'memory' });
      return false;
    }
  };

  const remove = (key: string) => {
    memory.delete(key);
    try {
      local?.removeItem(key);
    } catch {
      // Nothing to report: the key is gone from this tab's view either way.
    }
    changed(key);
  };

  const keys = (prefix: string): string[] => {
    const found = new Set<string>([...memory.keys()].filter((key) => key.startsWith(prefix)));
    try {
      for (let i = 0; local && i < local.length; i++) {
        const key = local.key(i);
        if (key?.startsWith(prefix)) found.add(key);
      }
    } catch {
      // Unreadable storage lists nothing beyond memory.
    }
    return [...found].sort();
  };

  const engine = new Proxy({} as Record<string, string>, {
    get: (_, key) => (typeof key === 'string' ? read(key) : undefined),
    set: (_, key, value) => {
      if (typeof key === 'string') write(key, String(value));
      return true;
    },
    has: (_, key) => typeof key === 'string' && read(key) !== undefined,
    deleteProperty: (_, key) => {
      if (typeof key === 'string') remove(key);
      return true;
    },
  });

  const watch = (listener: (key: string, value: string | undefined) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  return { engine, write, read, keys, remove, watch };
}
