/**
 * Checklist ticks: set, reset a checklist, put back what a reset took (its "Undo"). A tick whose item
 * says how many items its checklist has keeps that with the incident (`checklists`), and a change that
 * makes every item of a checklist done records a `checklist-completed` entry.
 */
import { changeIncident, scopeId, withEntry, type StoreContext } from './context';
import { PRACTICE_ID } from './persistence/keys';
import type { ChecklistInfo, Incident, StoredState, Tick } from './persistence/schema';
import type { ItemRef, TickActions } from './api';

/** The checklist as the ticked item describes it, kept with the incident when it is new or changed. */
function withChecklist(incident: Incident, { checklist, page, pageTitle, heading, checklistSize: total }: ItemRef): Incident {
  if (!total || !Number.isInteger(total) || total < 1) return incident;
  const info: ChecklistInfo = { page, pageTitle, heading, total };
  const known = incident.checklists?.[checklist];
  if (known && JSON.stringify(known) === JSON.stringify(info)) return incident;
  return { ...incident, checklists: { ...incident.checklists, [checklist]: info } };
}

/**
 * Records a `checklist-completed` entry for each of `checklists` that the change from `before` to
 * `after` completed: all its `total` items ticked after, not before. Once per completion: ticking a
 * done checklist again records nothing; un-ticking and ticking again is a new completion. A
 * `restore` (the undo of a reset) puts back ticks with their times: when their completion is
 * already recorded (an entry no older than the newest of them) it records nothing, as if the reset
 * had not happened. The practice scope has no timeline.
 */
function recordCompletions(state: StoredState, before: Incident, after: Incident, checklists: Iterable<string>, at: string, restore?: boolean): Incident {
  if (after.id === PRACTICE_ID) return after;
  let next = after;
  for (const checklist of new Set(checklists)) {
    const info = after.checklists?.[checklist];
    if (!info) continue;
    const ticksOf = (incident: Incident) => Object.values(incident.ticks).filter((tick) => tick.checklist === checklist);
    const ticked = ticksOf(after);
    if (ticked.length < info.total || ticksOf(before).length >= info.total) continue;
    // ISO 8601 instants in UTC, as the store writes them, sort as text.
    const newest = ticked.reduce((latest, tick) => (tick.at > latest ? tick.at : latest), '');
    if (restore && after.timeline.some((entry) => entry.kind === 'checklist-completed' && entry.checklist === checklist && entry.at >= newest)) continue;
    [next] = withEntry(state, next, { at, kind: 'checklist-completed', checklist, ...info });
  }
  return next;
}

export function tickActions({ doc, now }: StoreContext): TickActions {
  /** Changes the named incident, or the current scope when none is named. */
  const inScope = (incidentId: string | undefined, change: (incident: Incident, state: StoredState) => Incident) =>
    doc.update((state) => changeIncident(state, incidentId ?? scopeId(state), (incident) => change(incident, state)));

  return {
    setTick(item: ItemRef, done: boolean, incidentId?: string) {
      inScope(incidentId, (incident, state) => {
        const described = withChecklist(incident, item);
        if (!done && !incident.ticks[item.id]) return described;
        const at = now().toISOString();
        const ticks = { ...incident.ticks };
        if (done) {
          ticks[item.id] = {
            at,
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
        return recordCompletions(state, incident, { ...described, ticks }, [item.checklist], at);
      });
    },

    resetChecklist(checklist: string, incidentId?: string) {
      inScope(incidentId, (incident) => ({
        ...incident,
        ticks: Object.fromEntries(Object.entries(incident.ticks).filter(([, tick]) => tick.checklist !== checklist)),
      }));
    },

    restoreTicks(ticks: Record<string, Tick>, incidentId?: string) {
      inScope(incidentId, (incident, state) =>
        recordCompletions(
          state,
          incident,
          { ...incident, ticks: { ...incident.ticks, ...ticks } },
          Object.values(ticks).map((tick) => tick.checklist),
          now().toISOString(),
          true,
        ),
      );
    },
  };
}
