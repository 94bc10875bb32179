/**
 * The state store: the persisted document (persistence/) with one actions module per concern,
 * put together behind the StateStore interface (api.ts). Nothing else touches storage (see
 * persistence/engine.ts for the failure policy, persistence/migrations.ts for versions).
 */
import { computed } from 'nanostores';
import { storageHealth } from './persistence/engine';
import { openDocument } from './persistence/document';
import { PRACTICE_ID } from './persistence/keys';
import { practiceScope } from './persistence/schema';
import { $now } from './clock';
import type { StoreContext } from './context';
import { tickActions } from './ticks';
import { incidentActions } from './incidents';
import { classificationActions } from './classification';
import { responderActions } from './responder';
import { backupActions } from './backups';
import { draftActions, type DraftInternals } from './drafts';
import { timelineActions } from './timeline';
import { preferenceActions } from './preferences';
import { usageActions } from './usage';
import { trainingActions } from './training';
import type { StateStore } from './api';

export type { StateStore, ItemRef } from './api';
export type { Backup } from './persistence/document';

export interface StoreOptions {
  /** The Storage to use; defaults to window.localStorage (null: unavailable, memory only). */
  local?: Storage | null;
  now?: () => Date;
}

/** What the state module's own parts loaded on demand (import.ts, handoff.ts) use beyond the StateStore interface. */
export interface StoreInternals extends StoreContext {
  drafts: DraftInternals;
}

/** The document and drafts behind each store: for import.ts and handoff.ts only (islands use the StateStore actions). */
export const internals = new WeakMap<StateStore, StoreInternals>();

export function createStateStore(options: StoreOptions = {}): StateStore {
  const now = options.now ?? (() => new Date());
  const doc = openDocument({ local: options.local, now });
  const context: StoreContext = { doc, now };
  const drafts = draftActions(context);

  const store: StateStore = {
    $state: doc.$state,
    $active: computed(doc.$state, (state) =>
      (state.activeIncident && state.incidents[state.activeIncident]) || state.incidents[PRACTICE_ID] || practiceScope(),
    ),
    $backups: doc.$backups,
    $health: storageHealth,
    $now,
    ...tickActions(context),
    ...incidentActions(context, drafts),
    ...classificationActions(context),
    ...timelineActions(context),
    ...responderActions(context),
    ...preferenceActions(context),
    ...usageActions(context),
    ...backupActions(context, drafts),
    draft: drafts.draft,
    listDrafts: drafts.listDrafts,
    clearDrafts: drafts.clearDrafts,
    ...trainingActions(context),
  };
  internals.set(store, { ...context, drafts });
  return store;
}
