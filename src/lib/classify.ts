/**
 * Severity classification from a handbook's own scale: the assessment questions and the metric
 * thresholds. The answer is the most severe level that any answer or threshold points to; "Not sure"
 * counts as the most severe level the question could give (PagerDuty and incident.io both tell
 * responders to pick the higher level when in doubt); nothing is ever invented: with no answer that
 * points at a level, there is no level. Pure: the classifier island, its tests and drills use it.
 */
import { meetsCondition, type ThresholdCondition } from '../schemas/threshold-condition';
import type { Scale } from '../schemas/scale';
import { formatDuration } from './duration';

/** The answer value for "Not sure". */
export const NOT_SURE = 'not-sure';

export interface ClassifierLevel {
  id: string;
  name: string;
}

export interface ClassifierQuestion {
  id: string;
  text: string;
  answers: { label: string; level?: string }[];
}

export interface ClassifierThreshold {
  /** Stable key (the URL parameter): the metric's slug. */
  key: string;
  metric: string;
  level: string;
  /** A parsed comparison; absent for a free-text threshold, asked as a yes/no question. */
  condition?: ThresholdCondition;
  /** The condition as written, for free-text thresholds ("traffic looks like an attack"). */
  text?: string;
  /** "5 min": how long the condition must hold, as written. */
  for?: string;
}

export interface ClassifierScale {
  /** Most severe first. */
  levels: ClassifierLevel[];
  questions: ClassifierQuestion[];
  thresholds: ClassifierThreshold[];
}

export interface ClassifierAnswers {
  /** Question id -> the chosen answer's label, or NOT_SURE. */
  questions: Record<string, string>;
  /** Threshold key -> a reading (number), or yes/no for a free-text threshold. */
  readings: Record<string, number | boolean>;
}

export interface Reason {
  source: 'question' | 'threshold';
  /** Question id or threshold key. */
  id: string;
  /** "Data at risk: Yes" (the question without its "?"), "Error rate: 2 % (> 1 % for 5 min)". */
  text: string;
  level: string;
  /** The reader picked "Not sure" and the most severe answer was assumed. */
  notSure?: boolean;
  /** This reason alone gives the final level. */
  decisive: boolean;
}

export interface Classification {
  /** The most severe level pointed at; undefined when nothing points at a level. */
  level?: string;
  /** One per answer or reading that points at a level, most severe first, then in question order. */
  reasons: Reason[];
  /** Question ids without an answer. */
  unanswered: string[];
  /** How many answers and readings were given (0: nothing entered yet). */
  given: number;
  /** Unanswered questions that could still make it more severe, each with the level it could give. */
  couldRaise: { id: string; text: string; level: string }[];
  /** True while unanswered questions could still raise the level. */
  provisional: boolean;
  /** The reasons point at more than one level: the higher one was taken. */
  between?: { higher: string; lower: string };
  /** Readings given that point at no level ("Error rate: 0.5 % (P1 if > 1 %)"), so a typo shows. */
  withinLimits: { id: string; text: string }[];
}

/** What the classifier needs of a validated scale (content/scales/<handbook>.yaml). */
export function classifierScale(scale: Pick<Scale, 'levels' | 'questions' | 'thresholds'>): ClassifierScale {
  return {
    levels: scale.levels.map((level) => ({ id: level.id, name: level.name })),
    questions: scale.questions.map((question) => ({
      id: question.id,
      text: question.text,
      answers: question.answers.map((answer) => ({ label: answer.label, ...(answer.level ? { level: answer.level } : {}) })),
    })),
    thresholds: scale.thresholds.map((threshold) => ({
      key: threshold.key,
      metric: threshold.metric,
      level: threshold.level,
      ...(threshold.comparison ? { condition: threshold.comparison } : { text: threshold.condition }),
      ...(threshold.for ? { for: formatDuration(threshold.for) } : {}),
    })),
  };
}

/** Rank of a level: 0 is the most severe; unknown ids rank after every level. */
export function levelRank(scale: Pick<ClassifierScale, 'levels'>, id: string | undefined): number {
  const index = id === undefined ? -1 : scale.levels.findIndex((level) => level.id === id);
  return index === -1 ? Number.POSITIVE_INFINITY : index;
}

/** The most severe of some level ids (undefined for none). */
export function mostSevere(scale: Pick<ClassifierScale, 'levels'>, ids: Iterable<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const id of ids) {
    if (id !== undefined && levelRank(scale, id) < levelRank(scale, best)) best = id;
  }
  return best;
}

/** "2 %", "500 ms", "3x", "7". */
export function formatReading(value: number, unit: string): string {
  const number = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
  if (!unit) return number;
  return unit === 'x' ? `${number}${unit}` : `${number} ${unit}`;
}

/**
 * A reading as a person types it into a metric box or a link: "94,5", "94.5", ".5", "2.5%" (a unit
 * after the number must be the threshold's own). A comma is a decimal separator only when it is the
 * only separator and not followed by exactly three digits ("1,000" could be a thousand or one: it is
 * refused, never guessed). Refused too: negative readings and percentages over 100. Empty text is no
 * reading and no error. `error` completes a sentence whose subject is the metric ("needs a number...").
 */
export function parseReading(input: string, unit: string): { value?: number; error?: string } {
  let text = input.trim();
  if (!text) return {};
  const lower = text.toLowerCase();
  for (const written of unit === 'x' ? ['x', '×'] : unit ? [unit.toLowerCase()] : []) {
    if (lower.endsWith(written)) {
      text = text.slice(0, -written.length).trim();
      break;
    }
  }
  const match = /^(-?)(\d*)([.,]?)(\d*)$/.exec(text);
  if (!match || !(match[2] || match[4])) return { error: `needs a number${unit ? ` in ${unit}` : ''}, such as 2.5 or 2,5` };
  const [, minus, whole, separator, fraction] = match;
  if (separator === ',' && whole && fraction.length === 3) {
    return { error: `could mean ${Number(whole + fraction)} or ${Number(`${whole}.${fraction}`)}: write the one you mean without a comma` };
  }
  const value = Number(`${whole || '0'}.${fraction || '0'}`);
  if (minus && value) return { error: 'cannot be negative' };
  if (unit === '%' && value > 100) return { error: 'cannot be over 100 %' };
  return { value };
}

/** Whether two sets of answers are the same (the order of keys aside). */
export function sameAnswers(a: ClassifierAnswers, b: ClassifierAnswers): boolean {
  const same = (x: Record<string, unknown>, y: Record<string, unknown>) =>
    Object.keys(x).length === Object.keys(y).length && Object.keys(x).every((key) => x[key] === y[key]);
  return same(a.questions, b.questions) && same(a.readings, b.readings);
}

/** A reading's line: "Error rate: 2 % (> 1 % for 5 min)"; the level when it points at one. */
function thresholdLine(threshold: ClassifierThreshold, reading: number | boolean): { text: string; level?: string } | undefined {
  if (threshold.condition) {
    if (typeof reading !== 'number') return undefined;
    const limit = `${threshold.condition.operator} ${formatReading(threshold.condition.value, threshold.condition.unit)}${threshold.for ? ` for ${threshold.for}` : ''}`;
    const value = formatReading(reading, threshold.condition.unit);
    return meetsCondition(threshold.condition, reading)
      ? { text: `${threshold.metric}: ${value} (${limit})`, level: threshold.level }
      : { text: `${threshold.metric}: ${value}, within the limit (${threshold.level} if ${limit})` };
  }
  if (typeof reading !== 'boolean') return undefined;
  return reading
    ? { text: `${threshold.metric}: ${threshold.text ?? 'yes'}`, level: threshold.level }
    : { text: `${threshold.metric}: no (${threshold.level} if ${threshold.text ?? 'yes'})` };
}

/** A question as the start of a reason line: "Data at risk?" -> "Data at risk" (never "Data at risk?: Yes"). */
function asked(text: string): string {
  return text.replace(/\s*\?\s*$/, '');
}

export function classify(scale: ClassifierScale, answers: ClassifierAnswers): Classification {
  const found: Omit<Reason, 'decisive'>[] = [];
  const unanswered: string[] = [];
  for (const question of scale.questions) {
    const chosen = answers.questions[question.id];
    if (chosen === undefined) {
      unanswered.push(question.id);
      continue;
    }
    if (chosen === NOT_SURE) {
      const level = mostSevere(scale, question.answers.map((answer) => answer.level));
      if (level) found.push({ source: 'question', id: question.id, level, notSure: true, text: `${asked(question.text)}: Not sure` });
      continue;
    }
    const answer = question.answers.find((a) => a.label === chosen);
    if (answer?.level) found.push({ source: 'question', id: question.id, level: answer.level, text: `${asked(question.text)}: ${answer.label}` });
  }
  const withinLimits: Classification['withinLimits'] = [];
  for (const threshold of scale.thresholds) {
    const reading = answers.readings[threshold.key];
    const line = reading === undefined ? undefined : thresholdLine(threshold, reading);
    if (line?.level) found.push({ source: 'threshold', id: threshold.key, level: line.level, text: line.text });
    else if (line) withinLimits.push({ id: threshold.key, text: line.text });
  }

  const level = mostSevere(scale, found.map((reason) => reason.level));
  // Stable sort: most severe first, then in the order the questions and thresholds are listed.
  const reasons = found
    .map((reason, order) => ({ reason, order }))
    .sort((a, b) => levelRank(scale, a.reason.level) - levelRank(scale, b.reason.level) || a.order - b.order)
    .map(({ reason }) => ({ ...reason, decisive: reason.level === level }));

  const couldRaise = unanswered
    .map((id) => scale.questions.find((question) => question.id === id)!)
    .map((question) => ({ id: question.id, text: question.text, level: mostSevere(scale, question.answers.map((answer) => answer.level)) }))
    .filter((item): item is { id: string; text: string; level: string } => item.level !== undefined && levelRank(scale, item.level) < levelRank(scale, level));

  const lower = [...new Set(reasons.map((reason) => reason.level))].filter((id) => id !== level);
  const given = scale.questions.length - unanswered.length + scale.thresholds.filter((t) => answers.readings[t.key] !== undefined).length;
  const result: Classification = { level, reasons, unanswered, given, couldRaise, provisional: couldRaise.length > 0, withinLimits };
  if (level && lower.length) result.between = { higher: level, lower: mostSevere(scale, lower)! };
  return result;
}
