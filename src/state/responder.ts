/** The responder's name, recorded with ticks and timeline entries. */
import type { StoreContext } from './context';
import type { ResponderActions } from './api';

export function responderActions({ doc }: StoreContext): ResponderActions {
  return {
    setResponder(name) {
      doc.update((state) => {
        const trimmed = name.trim();
        if (trimmed === (state.responder ?? '')) return state;
        const { responder: _, ...rest } = state;
        return trimmed ? { ...rest, responder: trimmed } : rest;
      });
    },
  };
}
