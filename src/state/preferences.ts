/** The reader's settings kept with the state (read them from $state): reminders on or off. */
import type { StoreContext } from './context';
import type { PreferenceActions } from './api';

export function preferenceActions({ doc }: StoreContext): PreferenceActions {
  return {
    setReminders(on) {
      doc.update((state) => {
        if (on === !!state.reminders) return state;
        const { reminders: _, ...rest } = state;
        return on ? { ...rest, reminders: true } : rest;
      });
    },
  };
}
