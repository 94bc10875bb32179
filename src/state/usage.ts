/**
 * How much this site keeps in the browser's storage, so the reader is warned, and offered an export,
 * long before a write is refused.
 */
import { atom, onMount } from 'nanostores';
import type { StoreContext } from './context';
import { PREFIX } from './persistence/keys';
import type { StorageUsage, UsageActions } from './api';

/**
 * Where the warning starts, in characters (keys and values). Every major browser gives an origin
 * about 5 MB of localStorage, counted in different units: Chromium allows 10 MiB and charges two
 * bytes (UTF-16) per character, so 5,242,880 characters; Firefox 5 MiB; a browser that charged two
 * bytes per character against 5 MB would hold about 2.6 million. 2,000,000 stays under the smallest
 * reading with room to spare: a responder who sees the warning can still work for hours while they
 * export a backup and delete old incidents.
 */
export const STORAGE_WARN_CHARS = 2_000_000;

const usage = (chars: number): StorageUsage => ({ chars, limit: STORAGE_WARN_CHARS, nearLimit: chars >= STORAGE_WARN_CHARS });

export function usageActions({ doc }: StoreContext): UsageActions {
  const { safe } = doc;
  /** Characters per key this site stores. */
  const measure = () => new Map(safe.keys(PREFIX).map((key) => [key, key.length + (safe.read(key)?.length ?? 0)]));
  const total = (sizes: Map<string, number>) => usage([...sizes.values()].reduce((sum, size) => sum + size, 0));

  const $usage = atom(usage(0));
  onMount($usage, () => {
    let sizes = measure();
    const changed = (key: string | null, value?: string | null) => {
      if (key === null) sizes = measure(); // another tab cleared storage
      else if (!key.startsWith(PREFIX)) return;
      else if (value == null) sizes.delete(key);
      else sizes.set(key, key.length + value.length);
      $usage.set(total(sizes));
    };
    $usage.set(total(sizes));
    const stop = safe.watch(changed);
    // Other tabs' writes reach this tab as storage events (there is no window in tests or on the server).
    const onStorage = (event: StorageEvent) => changed(event.key, event.newValue);
    const win = typeof window === 'undefined' ? undefined : window;
    win?.addEventListener('storage', onStorage);
    return () => {
      stop();
      win?.removeEventListener('storage', onStorage);
    };
  });

  return {
    storageUsage: () => total(measure()),
    $usage,
  };
}
