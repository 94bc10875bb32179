/**
 * The clocks of an active incident: when the next status update is due (the level's cadence) and
 * which escalation step is due (the level's steps, or the handbook's policy). Pure maths over an
 * incident as stored, its level and the handbook's tiers; "now" is a parameter, so the bar, the
 * reminders and the tests all read the same answer for the same instant.
 * The rules are those of /work/notes/issue9-design.md ("Clock rules").
 */
import { addDuration, formatDuration, type Duration } from './duration';

/** The parts of a stored incident the clocks read. */
export interface ClockIncident {
  startedAt: string;
  closedAt?: string;
  severity?: string;
  /** `message-sent` entries reset the update clock; `escalated` entries (with `to`) tick steps off. */
  timeline: readonly { kind: string; at: string; to?: string }[];
}

/** A severity level as the scale defines it. */
export interface ClockLevel {
  id: string;
  name: string;
  updates?: Duration;
  updatesNote?: string;
  escalation: readonly { after?: Duration; to: string; note?: string }[];
}

/** A tier of the handbook's escalation policy. */
export interface ClockTier {
  tier: string;
  who: string;
  when: string;
  after?: Duration;
}

export type UpdateState = 'no-cadence' | 'upcoming' | 'due' | 'overdue' | 'closed';
export type StepState = 'upcoming' | 'due' | 'overdue' | 'done' | 'when-needed' | 'closed';
export type Attention = 'ok' | 'due' | 'overdue';

export interface UpdateClock {
  state: UpdateState;
  /** The level's cadence, when it has one. */
  cadence?: Duration;
  /** "every 30 min"; undefined without a cadence (the bar then says the handbook sets none). */
  cadenceText?: string;
  /** The scale's words beside the cadence, shown as written. */
  note?: string;
  /** What the clock counts from: the start, or the last update marked as sent. */
  basis: 'start' | 'last-update';
  /** The last `message-sent` entry's time, if any. */
  lastAt?: string;
  /** When the next update is due (ISO); undefined without a cadence. */
  dueAt?: string;
  /** dueAt - now in ms: negative once due. */
  msLeft?: number;
}

export interface EscalationStep {
  /** "after 30 min", "immediately", "when needed", or the handbook tier's name ("L2"). */
  label: string;
  /** Who is brought in: an `escalated` entry with this `to` ticks the step off. */
  to: string;
  /** The condition in words. */
  note?: string;
  after?: Duration;
  /** startedAt + after (ISO); undefined for steps taken "when needed". */
  dueAt?: string;
  /** dueAt - now in ms: negative once due. */
  msLeft?: number;
  state: StepState;
  /** When the matching `escalated` entry was recorded. */
  doneAt?: string;
}

export interface IncidentClock {
  /** now - startedAt, or closedAt - startedAt once closed; never negative. */
  elapsedMs: number;
  closed: boolean;
  update: UpdateClock;
  escalation: {
    /** Where the steps come from: the level's own steps, the handbook's policy tiers, or nowhere. */
    source: 'level' | 'handbook' | 'none';
    /** Every step in order: the clocked ones and those taken "when needed". */
    steps: EscalationStep[];
    /** The first step not done that is due or overdue, else the first upcoming one. */
    next?: EscalationStep;
    /** Every step not done that is due or overdue, in order: the bar may name them all. */
    due: EscalationStep[];
  };
  /** The worst of the update and escalation states. */
  attention: Attention;
  /**
   * For a live region: built from states and targets only, never from the seconds, so it changes
   * (and a screen reader speaks) only when something falls due, becomes overdue or is done.
   */
  announcement: string;
}

/** How long "due" lasts before it turns "overdue", per the design: a minute for updates... */
export const UPDATE_GRACE_MS = 60_000;
/** ...and five minutes for escalations (calling someone takes longer than posting an update). */
export const ESCALATION_GRACE_MS = 5 * 60_000;

function instant(text: string, what: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`The incident's ${what} "${text}" is not a date and time`);
  return ms;
}

/** "30 min", "business day", "3 business days": a duration that reads after "every" or "after". */
function span(duration: Duration): string {
  if (duration.kind !== 'business-days') return formatDuration(duration);
  return duration.days === 1 ? 'business day' : `${duration.days} business days`;
}

function clockState(now: number, dueAt: number, grace: number): 'upcoming' | 'due' | 'overdue' {
  if (now < dueAt) return 'upcoming';
  return now < dueAt + grace ? 'due' : 'overdue';
}

/** Names compared as people type them: "tech lead " is "Tech Lead". */
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function updateClock(incident: ClockIncident, level: ClockLevel | undefined, start: number, now: number, closed: boolean): UpdateClock {
  let last: number | undefined;
  for (const entry of incident.timeline) {
    if (entry.kind !== 'message-sent') continue;
    const at = Date.parse(entry.at);
    if (!Number.isNaN(at) && (last === undefined || at > last)) last = at;
  }
  // An update sent before the (corrected) start time cannot be later than the start.
  const basisAt = last !== undefined && last > start ? last : start;
  const base = {
    basis: last !== undefined && last > start ? ('last-update' as const) : ('start' as const),
    ...(last !== undefined ? { lastAt: new Date(last).toISOString() } : {}),
    ...(level?.updatesNote ? { note: level.updatesNote } : {}),
  };
  const cadence = level?.updates;
  // A cadence of "immediate" would be due forever: it is no cadence a clock can keep.
  if (!cadence || (cadence.kind !== 'business-days' && !(cadence.minutes > 0))) {
    return { ...base, state: closed ? 'closed' : 'no-cadence' };
  }
  const dueAt = addDuration(new Date(basisAt), cadence).getTime();
  return {
    ...base,
    state: closed ? 'closed' : clockState(now, dueAt, UPDATE_GRACE_MS),
    cadence,
    cadenceText: `every ${span(cadence)}`,
    dueAt: new Date(dueAt).toISOString(),
    msLeft: dueAt - now,
  };
}

interface StepSource {
  label: string;
  to: string;
  note?: string;
  after?: Duration;
}

/**
 * The steps that apply. The level's own steps when it has a clocked one. Without a severity (or with
 * one the scale does not know) the handbook's clocked tiers: the best guess until someone classifies.
 * A level whose steps are all "when needed" keeps them and gets no clock from the handbook: in every
 * example handbook the clocked tiers belong to the higher levels ("P0 alerts: PagerDuty escalates
 * after 5 minutes", "SEV-1 not resolved in 30 min"), so borrowing them would invent an escalation the
 * handbook does not ask of a P3. (Deviation from the design note, which also fell back here.)
 */
function stepSources(level: ClockLevel | undefined, tiers: readonly ClockTier[]): { source: 'level' | 'handbook' | 'none'; steps: StepSource[] } {
  if (level && level.escalation.length > 0) {
    return {
      source: 'level',
      steps: level.escalation.map((step) => ({
        label: step.after ? (step.after.kind === 'immediate' ? 'immediately' : `after ${span(step.after)}`) : 'when needed',
        to: step.to,
        ...(step.note ? { note: step.note } : {}),
        ...(step.after ? { after: step.after } : {}),
      })),
    };
  }
  if (level) return { source: 'none', steps: [] };
  const clocked = tiers.filter((tier) => tier.after);
  if (clocked.length === 0) return { source: 'none', steps: [] };
  return {
    source: 'handbook',
    steps: clocked.map((tier) => ({ label: tier.tier, to: tier.who, note: tier.when, after: tier.after })),
  };
}

function escalationSteps(incident: ClockIncident, sources: StepSource[], start: number, now: number, closed: boolean): EscalationStep[] {
  const escalated = incident.timeline
    .filter((entry) => entry.kind === 'escalated' && typeof entry.to === 'string')
    .map((entry) => ({ to: entry.to!, at: Date.parse(entry.at) }))
    .sort((a, b) => a.at - b.at);
  return sources.map((source) => {
    const done = escalated.find((entry) => sameName(entry.to, source.to));
    const step: EscalationStep = { ...source, state: 'when-needed' };
    if (source.after) {
      const dueAt = addDuration(new Date(start), source.after).getTime();
      step.dueAt = new Date(dueAt).toISOString();
      step.msLeft = dueAt - now;
      step.state = closed ? 'closed' : clockState(now, dueAt, ESCALATION_GRACE_MS);
    }
    if (done) {
      step.state = 'done';
      if (!Number.isNaN(done.at)) step.doneAt = new Date(done.at).toISOString();
    }
    return step;
  });
}

function worst(states: readonly string[]): Attention {
  if (states.includes('overdue')) return 'overdue';
  return states.includes('due') ? 'due' : 'ok';
}

function announce(update: UpdateClock, due: readonly EscalationStep[], next: EscalationStep | undefined, closed: boolean): string {
  if (closed) return 'Incident closed.';
  const parts: string[] = [];
  if (update.state === 'due' || update.state === 'overdue') parts.push(`Status update ${update.state}.`);
  for (const step of due) parts.push(`Escalation ${step.state}: ${step.to}.`);
  // The next target is part of the text so ticking a step off is heard ("next: Management").
  if (parts.length === 0) parts.push(next ? `Nothing due. Next escalation: ${next.to}.` : 'Nothing due.');
  return parts.join(' ');
}

/**
 * The clocks of an incident at `now`. `level` is the incident's severity level on its handbook's
 * scale (undefined without a severity, or when the scale has no such level); `tiers` the handbook's
 * escalation policy. Throws a plain-words Error when startedAt (or closedAt) is not a date.
 */
export function incidentClock(input: {
  incident: ClockIncident;
  level: ClockLevel | undefined;
  tiers: readonly ClockTier[];
  now: Date;
}): IncidentClock {
  const { incident, tiers } = input;
  const now = input.now.getTime();
  const start = instant(incident.startedAt, 'start time');
  const closedAt = incident.closedAt === undefined ? undefined : instant(incident.closedAt, 'close time');
  const closed = closedAt !== undefined;
  // A level given for an incident without a severity is ignored: the clocks follow what is recorded.
  const level = incident.severity ? input.level : undefined;

  const update = updateClock(incident, level, start, now, closed);
  const { source, steps: sources } = stepSources(level, tiers);
  const steps = escalationSteps(incident, sources, start, now, closed);
  const due = steps.filter((step) => step.state === 'due' || step.state === 'overdue');
  const next = due[0] ?? steps.find((step) => step.state === 'upcoming');
  const attention = closed ? 'ok' : worst([update.state, ...due.map((step) => step.state)]);
  return {
    elapsedMs: Math.max(0, (closedAt ?? now) - start),
    closed,
    update,
    escalation: { source, steps, ...(next ? { next } : {}), due },
    attention,
    announcement: announce(update, due, next, closed),
  };
}
