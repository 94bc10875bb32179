/**
 * A classification as a readable query string (`?users-affected=all&data-at-risk=yes&error-rate=2.5`),
 * so "why I called it a P1" is a link. Questions are keyed by their id and answers by the slug of
 * their label (a link may shorten it while it stays unique); thresholds by their key with a number
 * (or yes/no for a free-text threshold).
 * Decoding never throws: anything it cannot use is returned in `ignored`, with why. Pure.
 */
import { slugify } from './checklist-id';
import { levelRank, mostSevere, NOT_SURE, parseReading, type ClassifierAnswers, type ClassifierScale } from './classify';
import { meetsCondition } from '../schemas/threshold-condition';

export interface IgnoredParameter {
  name: string;
  value: string;
  why: string;
}

/** The URL value of an answer label: "Yes, above 5 s" -> "yes-above-5-s". */
export function answerSlug(label: string): string {
  return slugify(label);
}

/** The query string of some answers, in the scale's order (questions, then thresholds); "" for none. */
export function encodeAnswers(scale: ClassifierScale, answers: ClassifierAnswers): string {
  const params = new URLSearchParams();
  for (const question of scale.questions) {
    const chosen = answers.questions[question.id];
    if (chosen === undefined) continue;
    params.set(question.id, chosen === NOT_SURE ? NOT_SURE : answerSlug(chosen));
  }
  for (const threshold of scale.thresholds) {
    const reading = answers.readings[threshold.key];
    if (reading === undefined) continue;
    params.set(threshold.key, typeof reading === 'boolean' ? (reading ? 'yes' : 'no') : String(reading));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The answer a link's value names: its slug, or a shorter form of it when only one answer starts with
 * it, word by word (`all-users=yes` for "Yes, complete outage for all users"). Never a guess between two.
 */
function findAnswer(question: ClassifierScale['questions'][number], value: string) {
  const exact = question.answers.find((a) => answerSlug(a.label) === value);
  if (exact || !value) return exact;
  const starting = question.answers.filter((a) => answerSlug(a.label).startsWith(`${value}-`));
  return starting.length === 1 ? starting[0] : undefined;
}

/**
 * Parameters that are not the classifier's business (campaign tags a chat tool or a newsletter adds):
 * left in the address, never reported, never read as answers.
 */
export function isForeignParameter(name: string): boolean {
  return /^(utm_|fbclid$|gclid$|mc_)/i.test(name);
}

/**
 * Reads answers from a query string. Names and values are read without regard to case
 * (`Data-At-Risk=YES`, `not-sure`). A question or metric given twice with different answers keeps
 * the answer with the higher level (a link must never lower a level silently), and the note says so.
 * Foreign parameters (utm_*...) are skipped silently; anything else unusable is in `ignored`, with why.
 */
export function decodeAnswers(scale: ClassifierScale, search: string | URLSearchParams): { answers: ClassifierAnswers; ignored: IgnoredParameter[] } {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const answers: ClassifierAnswers = { questions: {}, readings: {} };
  const ignored: IgnoredParameter[] = [];
  // What each answered question or metric was read from, and the rank of the level it gives (0: most severe).
  const kept = new Map<string, { name: string; raw: string; rank: number }>();
  /** Keeps an answer unless one with a higher level was given; true when it is kept. */
  const keep = (key: string, name: string, raw: string, rank: number): boolean => {
    const before = kept.get(key);
    if (before && rank >= before.rank) {
      if (raw.trim().toLowerCase() !== before.raw.trim().toLowerCase()) {
        ignored.push({ name, value: raw, why: `conflicts with ${before.name}=${before.raw}: ${rank > before.rank ? 'the answer with the higher level is kept' : 'both give the same level; the first is kept'}` });
      }
      return false;
    }
    if (before) ignored.push({ name: before.name, value: before.raw, why: `conflicts with ${name}=${raw}: the answer with the higher level is kept` });
    kept.set(key, { name, raw, rank });
    return true;
  };
  for (const [name, raw] of params) {
    if (isForeignParameter(name)) continue;
    const key = name.trim().toLowerCase();
    const value = raw.trim().toLowerCase();
    const question = scale.questions.find((q) => q.id === key);
    if (question) {
      const answer = value === NOT_SURE ? undefined : findAnswer(question, value);
      if (value !== NOT_SURE && !answer) {
        ignored.push({ name, value: raw, why: `not an answer to "${question.text}" (${question.answers.map((a) => answerSlug(a.label)).join(', ')} or ${NOT_SURE})` });
        continue;
      }
      const level = answer ? answer.level : mostSevere(scale, question.answers.map((a) => a.level));
      if (keep(key, name, raw, levelRank(scale, level))) answers.questions[key] = answer ? answer.label : NOT_SURE;
      continue;
    }
    const threshold = scale.thresholds.find((t) => t.key === key);
    if (threshold) {
      let reading: number | boolean;
      if (threshold.condition) {
        const { value: number, error } = parseReading(raw, threshold.condition.unit);
        if (number === undefined) {
          ignored.push({ name, value: raw, why: `"${threshold.metric}" ${error ?? 'needs a number'}` });
          continue;
        }
        reading = number;
      } else if (value === 'yes' || value === 'no') {
        reading = value === 'yes';
      } else {
        ignored.push({ name, value: raw, why: `"${threshold.metric}" takes yes or no` });
        continue;
      }
      const counts = threshold.condition ? meetsCondition(threshold.condition, reading as number) : reading === true;
      if (keep(key, name, raw, counts ? levelRank(scale, threshold.level) : Number.POSITIVE_INFINITY)) answers.readings[key] = reading;
      continue;
    }
    ignored.push({ name, value: raw, why: 'not a question or metric of this scale' });
  }
  return { answers, ignored };
}
