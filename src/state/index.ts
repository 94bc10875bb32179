/** The page's one state store. Created on first use in the browser; islands import from here. */
import { createStateStore, type StateStore } from './store';

export { createStateStore, type StateStore, type ItemRef, type Backup } from './store';
export type { StoredState, Incident, Tick } from './schema';
export { PRACTICE_ID } from './keys';

let store: StateStore | undefined;

export function getStore(): StateStore {
  store ??= createStateStore();
  return store;
}
