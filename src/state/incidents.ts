/** Incidents: start, switch, close, reopen, delete (and undo), rename, correct the start time. */
import { changeIncident, withEntry, type StoreContext } from './context';
import type { DraftInternals } from './drafts';
import { PRACTICE_ID } from './persistence/keys';
import type { Incident, StoredState, TimelineEntry } from './persistence/schema';
import { nextIncidentId } from '../lib/incident-id';
import type { DeletedIncident, IncidentActions } from './api';

/** A valid time no later than now, or undefined. */
function pastTime(at: Date | string | undefined, now: Date): Date | undefined {
  if (at === undefined) return undefined;
  const time = new Date(at);
  return Number.isNaN(time.getTime()) || time > now ? undefined : time;
}

export function incidentActions({ doc, now }: StoreContext, drafts: DraftInternals): IncidentActions {
  /** Changes an incident other than the practice scope. */
  const changeReal = (id: string, change: (incident: Incident, state: StoredState) => Incident) =>
    doc.update((state) => (id === PRACTICE_ID ? state : changeIncident(state, id, (incident) => change(incident, state))));

  return {
    startIncident(input) {
      let created!: Incident;
      doc.update((state) => {
        const declaredAt = now();
        const startedAt = pastTime(input.startedAt, declaredAt) ?? declaredAt;
        const id = nextIncidentId(startedAt, [...Object.keys(state.incidents), ...(state.deletedIncidents ?? [])]);
        let incident: Incident = { id, title: input.title.trim() || id, startedAt: startedAt.toISOString(), ticks: {}, timeline: [] };
        if (input.handbook) incident.handbook = input.handbook;
        [incident] = withEntry(state, incident, {
          at: incident.startedAt,
          kind: 'started',
          ...(startedAt < declaredAt ? { declaredAt: declaredAt.toISOString() } : {}),
        });
        if (input.severity) {
          incident.severity = input.severity;
          const reasons = input.reasons ?? input.classification?.reasons ?? [];
          [incident] = withEntry(state, incident, { at: declaredAt.toISOString(), kind: 'severity', to: input.severity, reasons });
        }
        if (input.classification) incident.classification = { ...input.classification, at: declaredAt.toISOString() };
        created = incident;
        return { ...state, activeIncident: id, incidents: { ...state.incidents, [id]: incident } };
      });
      return created;
    },

    switchIncident(id) {
      doc.update((state) => {
        const activeIncident = id && state.incidents[id] ? id : null;
        return activeIncident === state.activeIncident ? state : { ...state, activeIncident };
      });
    },

    closeIncident(id) {
      doc.update((state) => {
        if (id === PRACTICE_ID) return state;
        const next = changeIncident(state, id, (incident) => {
          if (incident.closedAt) return incident;
          const at = now().toISOString();
          return { ...withEntry(state, incident, { at, kind: 'closed' })[0], closedAt: at };
        });
        return next.activeIncident === id ? { ...next, activeIncident: null } : next;
      });
    },

    reopenIncident(id) {
      doc.update((state) => {
        if (id === PRACTICE_ID || !state.incidents[id]) return state;
        const next = changeIncident(state, id, (incident) => {
          if (!incident.closedAt) return incident;
          const { closedAt: _, ...open } = withEntry(state, incident, { at: now().toISOString(), kind: 'reopened' })[0];
          return open;
        });
        return next.activeIncident === id ? next : { ...next, activeIncident: id };
      });
    },

    deleteIncident(id) {
      let deleted: DeletedIncident | undefined;
      doc.update((state) => {
        const { [id]: incident, ...incidents } = state.incidents;
        if (!incident || id === PRACTICE_ID) return state;
        deleted = { incident, wasActive: state.activeIncident === id, drafts: {} };
        return {
          ...state,
          activeIncident: deleted.wasActive ? null : state.activeIncident,
          incidents,
          deletedIncidents: [...new Set([...(state.deletedIncidents ?? []), id])],
        };
      });
      if (deleted) deleted.drafts = drafts.clearDrafts(id);
      return deleted;
    },

    restoreIncident({ incident, wasActive, drafts: saved }) {
      let restored = false;
      doc.update((state) => {
        if (state.incidents[incident.id]) return state;
        restored = true;
        const deletedIncidents = (state.deletedIncidents ?? []).filter((id) => id !== incident.id);
        return {
          ...state,
          activeIncident: wasActive && !state.activeIncident ? incident.id : state.activeIncident,
          incidents: { ...state.incidents, [incident.id]: incident },
          deletedIncidents,
        };
      });
      if (restored) for (const [templateId, draft] of Object.entries(saved)) drafts.putDraft(incident.id, templateId, draft);
      return restored;
    },

    renameIncident(id, title) {
      changeReal(id, (incident) => {
        const next = title.trim() || id;
        return next === incident.title ? incident : { ...incident, title: next };
      });
    },

    setStartTime(id, at) {
      const time = pastTime(at, now());
      if (!time) return false;
      let found = false;
      changeReal(id, (incident) => {
        found = true;
        const startedAt = time.toISOString();
        const timeline = incident.timeline.map((entry): TimelineEntry =>
          entry.kind === 'started' ? { ...entry, at: startedAt, declaredAt: entry.declaredAt ?? entry.at } : entry,
        );
        return { ...incident, startedAt, timeline };
      });
      return found;
    },
  };
}
