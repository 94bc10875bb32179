/**
 * Shared by the state-*.test.ts files: a fake localStorage, a hand-moved clock, checklist items, and
 * a store over them. @nanostores/persistent keeps one global engine that createStateStore replaces,
 * so every test creates its own store (and only the newest store of a test is used for writes).
 */
import { createStateStore, type ItemRef } from '../../src/state/store';
import { BACKUP_PREFIX, DRAFT_PREFIX, STATE_KEY } from '../../src/state/persistence/keys';
import type { StoredState } from '../../src/state/persistence/schema';

/** A Storage over a Map. `full` makes setItem throw like a browser whose quota is exceeded. */
export class FakeStorage implements Storage {
  readonly data = new Map<string, string>();
  full = false;
  /** Any other error setItem should throw (a browser that blocks writes). */
  failWith: Error | undefined;
  writes = 0;
  /** Every setItem that got through, in order. */
  readonly log: string[] = [];

  get length(): number {
    return this.data.size;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    if (this.failWith) throw this.failWith;
    this.writes += 1;
    this.log.push(key);
    this.data.set(key, String(value));
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  clear(): void {
    this.data.clear();
  }
  /** The stored state, parsed. */
  state(): StoredState {
    return JSON.parse(this.data.get(STATE_KEY)!);
  }
  backupKeys(): string[] {
    return [...this.data.keys()].filter((key) => key.startsWith(BACKUP_PREFIX));
  }
  draftKeys(): string[] {
    return [...this.data.keys()].filter((key) => key.startsWith(DRAFT_PREFIX));
  }
}

export const T0 = new Date('2026-11-23T10:00:00.000Z');

/** A clock the test moves by hand. */
export function clock(start = T0) {
  let at = new Date(start);
  return {
    now: () => new Date(at),
    set: (iso: string) => {
      at = new Date(iso);
    },
  };
}

export function item(id: string, extra: Partial<ItemRef> = {}): ItemRef {
  return {
    id: `demo/respond-now#verify/${id}`,
    label: id.replace(/-/g, ' '),
    page: 'demo/respond-now',
    pageTitle: 'Respond now',
    checklist: 'demo/respond-now#verify',
    heading: 'Verify',
    ...extra,
  };
}

export function setup(options: { storage?: FakeStorage; start?: Date } = {}) {
  const storage = options.storage ?? new FakeStorage();
  const time = clock(options.start);
  const store = createStateStore({ local: storage, now: time.now });
  return { storage, time, store };
}
