/** Checklist ticks: set, reset a checklist, put back what a reset took (its "Undo"). */
import { changeIncident, scopeId, type StoreContext } from './context';
import type { Incident, StoredState, Tick } from './persistence/schema';
import type { ItemRef, TickActions } from './api';

export function tickActions({ doc, now }: StoreContext): TickActions {
  /** Changes the named incident, or the current scope when none is named. */
  const inScope = (incidentId: string | undefined, change: (incident: Incident, state: StoredState) => Incident) =>
    doc.update((state) => changeIncident(state, incidentId ?? scopeId(state), (incident) => change(incident, state)));

  return {
    setTick(item: ItemRef, done: boolean, incidentId?: string) {
      inScope(incidentId, (incident, state) => {
        if (!done && !incident.ticks[item.id]) return incident;
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
      });
    },

    resetChecklist(checklist: string, incidentId?: string) {
      inScope(incidentId, (incident) => ({
        ...incident,
        ticks: Object.fromEntries(Object.entries(incident.ticks).filter(([, tick]) => tick.checklist !== checklist)),
      }));
    },

    restoreTicks(ticks: Record<string, Tick>, incidentId?: string) {
      inScope(incidentId, (incident) => ({ ...incident, ticks: { ...incident.ticks, ...ticks } }));
    },
  };
}
