/** The severity classifier's side of an incident: its saved answers, and severity changes with their reasons. */
import { changeIncident, withEntry, type StoreContext } from './context';
import { PRACTICE_ID } from './persistence/keys';
import type { SeverityEntry } from './persistence/schema';
import type { ClassificationActions } from './api';

export function classificationActions({ doc, now }: StoreContext): ClassificationActions {
  return {
    saveClassification(incidentId, classification) {
      doc.update((state) =>
        incidentId === PRACTICE_ID
          ? state
          : changeIncident(state, incidentId, (incident) => ({ ...incident, classification: { ...classification, at: now().toISOString() } })),
      );
    },

    setSeverity(incidentId, level, change = {}) {
      let recorded: SeverityEntry | undefined;
      doc.update((state) => {
        if (incidentId === PRACTICE_ID || !level) return state;
        return changeIncident(state, incidentId, (incident) => {
          const at = now().toISOString();
          let next = change.classification ? { ...incident, classification: { ...change.classification, at } } : incident;
          if (level !== incident.severity) {
            const reasons = change.reasons ?? change.classification?.reasons ?? [];
            [next, recorded] = withEntry<SeverityEntry>(state, next, {
              at,
              kind: 'severity',
              ...(incident.severity ? { from: incident.severity } : {}),
              to: level,
              reasons,
            });
            next = { ...next, severity: level };
          }
          return next;
        });
      });
      return recorded;
    },
  };
}
