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
import { draftActions } from './drafts';
import type { StateStore } from './api';

export type { StateStore, ItemRef } from './api';
export type { Backup } from './persistence/document';

export interface StoreOptions {
  /** The Storage to use; defaults to window.localStorage (null: unavailable, memory only). */
  local?: Storage | null;
  now?: () => Date;
}

export function createStateStore(options: StoreOptions = {}): StateStore {
  const now = options.now ?? (() => new Date());
  const doc = openDocument({ local: options.local, now });
  const context: StoreContext = { doc, now };
  const drafts = draftActions(context);

  return {
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
    ...responderActions(context),
    ...backupActions(context, drafts),
    draft: drafts.draft,
    listDrafts: drafts.listDrafts,
    clearDrafts: drafts.clearDrafts,
  };
}
