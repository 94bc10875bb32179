/**
 * The state store: everything the islands persist, as nanostores over the safe engine. Islands read
 * the atoms and call the actions here; nothing else touches storage (see engine.ts for the failure
 * policy, migrations.ts for versions).
 */
import { atom, computed, type ReadableAtom } from 'nanostores';
import { persistentAtom, setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';
import { createSafeEngine, storageHealth, type SafeEngine, type StorageHealth } from './engine';
import { BACKUP_PREFIX, PRACTICE_ID, STATE_KEY } from './keys';
import { readState } from './migrations';
import { emptyState, practiceScope, type Incident, type StoredState, type Tick } from './schema';
import { nextIncidentId } from '../lib/incident-id';

/** Data kept aside because it could not be read. */
export interface Backup {
  key: string;
  /** Why it was kept aside, when this page found it; older backups say so. */
  reason: string;
  /** Size in characters. */
  size: number;
}

/** What the checklist code tells the store about an item when it is ticked. */
export interface ItemRef {
  id: string;
  label: string;
  page: string;
  pageTitle: string;
  checklist: string;
  heading: string;
}

export interface StoreOptions {
  /** The Storage to use; defaults to window.localStorage (undefined: unavailable, memory only). */
  local?: Storage | null;
  now?: () => Date;
}

const noEvents = { addEventListener() {}, removeEventListener() {} };

export function createStateStore(options: StoreOptions = {}) {
  const now = options.now ?? (() => new Date());
  const safe: SafeEngine = createSafeEngine(options.local);
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

  /** Moves unreadable text out of the way under a backup key. If even that cannot be saved, the
   * state key is left untouched for the rest of this visit so the original text survives. */
  const keepAside = (raw: string, reason: string) => {
    let key = `${BACKUP_PREFIX}${now().toISOString()}`;
    while (safe.read(key) !== undefined && safe.read(key) !== raw) key += '+';
    reasons.set(key, reason);
    if (!safe.write(key, raw)) protectStateKey = true;
    refreshBackups();
  };
  let protectStateKey = false;
  // Used instead of the persistent atom while protectStateKey is set.
  const memoryOnly = atom<StoredState | undefined>(undefined);

  const decode = (raw: string): StoredState => {
    const result = readState(raw);
    if (result.ok) return result.state;
    keepAside(raw, `The saved checklist data could not be read: ${result.reason}.`);
    return emptyState();
  };

  const $state = persistentAtom<StoredState>(STATE_KEY, emptyState(), {
    encode: JSON.stringify,
    decode,
  });
  refreshBackups();

  /** Applies a change to the freshest state: re-reads storage first, so a tick made in another tab a
   * moment ago is not overwritten by this tab's older copy. */
  const update = (change: (state: StoredState) => StoredState) => {
    const raw = safe.read(STATE_KEY);
    let base = $state.get();
    if (raw !== undefined && raw !== JSON.stringify(base)) {
      const fresh = readState(raw);
      if (fresh.ok) base = fresh.state;
    }
    const next = change(base);
    if (protectStateKey) {
      // Only in memory: the unreadable original is still under STATE_KEY and could not be copied.
      storageHealth.set({ ...storageHealth.get(), mode: 'memory' });
      memoryOnly.set(next);
      return;
    }
    $state.set(next);
  };
  const $current: ReadableAtom<StoredState> = computed([$state, memoryOnly], (stored, memory) => memory ?? stored);

  const $active: ReadableAtom<Incident> = computed($current, (state) =>
    (state.activeIncident && state.incidents[state.activeIncident]) || state.incidents[PRACTICE_ID] || practiceScope(),
  );

  const scopeId = (state: StoredState) =>
    state.activeIncident && state.incidents[state.activeIncident] ? state.activeIncident : PRACTICE_ID;

  const withScope = (state: StoredState, change: (incident: Incident) => Incident): StoredState => {
    const id = scopeId(state);
    const incident = state.incidents[id] ?? practiceScope();
    return { ...state, incidents: { ...state.incidents, [id]: change(incident) } };
  };

  return {
    /** The stored state (what other tabs see). */
    $state: $current,
    /** The incident ticks go to now: the active one, or the practice scope. */
    $active,
    /** Unreadable data kept aside, for the notice. */
    $backups,
    /** Whether saving works (local / memory, quota). */
    $health: storageHealth as ReadableAtom<StorageHealth>,

    setTick(item: ItemRef, done: boolean) {
      update((state) =>
        withScope(state, (incident) => {
          const ticks = { ...incident.ticks };
          if (done) {
            ticks[item.id] = {
              at: now().toISOString(),
              ...(state.responder ? { by: state.responder } : {}),
              label: item.label,
              page: item.page,
              pageTitle: item.pageTitle,
              checklist: item.checklist,
              heading: item.heading,
            };
          } else {
            delete ticks[item.id];
          }
          return { ...incident, ticks };
        }),
      );
    },

    /** Unticks every item of a checklist in the current scope, including items no longer on the page. */
    resetChecklist(checklist: string) {
      update((state) =>
        withScope(state, (incident) => ({
          ...incident,
          ticks: Object.fromEntries(Object.entries(incident.ticks).filter(([, tick]) => tick.checklist !== checklist)),
        })),
      );
    },

    /** Puts back ticks taken away by a reset (the checklist's "Undo"). */
    restoreTicks(ticks: Record<string, Tick>) {
      update((state) => withScope(state, (incident) => ({ ...incident, ticks: { ...incident.ticks, ...ticks } })));
    },

    startIncident(input: { title: string; handbook?: string; severity?: string }): Incident {
      let created!: Incident;
      update((state) => {
        const startedAt = now();
        const id = nextIncidentId(startedAt, Object.keys(state.incidents));
        created = { id, title: input.title.trim() || id, startedAt: startedAt.toISOString(), ticks: {} };
        if (input.handbook) created.handbook = input.handbook;
        if (input.severity) created.severity = input.severity;
        return { ...state, activeIncident: id, incidents: { ...state.incidents, [id]: created } };
      });
      return created;
    },

    /** Makes an incident active; null goes back to the practice scope. */
    switchIncident(id: string | null) {
      update((state) => ({ ...state, activeIncident: id && state.incidents[id] ? id : null }));
    },

    closeIncident(id: string) {
      update((state) => {
        const incident = state.incidents[id];
        if (!incident || id === PRACTICE_ID) return state;
        return {
          ...state,
          activeIncident: state.activeIncident === id ? null : state.activeIncident,
          incidents: { ...state.incidents, [id]: { ...incident, closedAt: now().toISOString() } },
        };
      });
    },

    setResponder(name: string) {
      update((state) => {
        const trimmed = name.trim();
        const { responder: _, ...rest } = state;
        return trimmed ? { ...rest, responder: trimmed } : rest;
      });
    },

    /** Hides a backup's notice; the data stays where it is. */
    acknowledgeBackup(key: string) {
      update((state) => ({ ...state, acknowledgedBackups: [...new Set([...(state.acknowledgedBackups ?? []), key])] }));
    },

    readBackup(key: string): string | undefined {
      return key.startsWith(BACKUP_PREFIX) ? safe.read(key) : undefined;
    },

    /** A JSON backup of everything stored, including data kept aside. */
    exportJSON(): string {
      const backups = Object.fromEntries(safe.keys(BACKUP_PREFIX).map((key) => [key, safe.read(key) ?? '']));
      return JSON.stringify({ exportedAt: now().toISOString(), state: $current.get(), backups }, null, 2);
    },
  };
}

export type StateStore = ReturnType<typeof createStateStore>;
