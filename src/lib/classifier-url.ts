/**
 * A classification as a readable query string (`?users-affected=all&data-at-risk=yes&error-rate=2.5`),
 * so "why I called it a P1" is a link. Questions are keyed by their id and answers by the slug of
 * their label; thresholds by their key with a number (or yes/no for a free-text threshold).
 * Decoding never throws: anything it cannot use is returned in `ignored`, with why. Pure.
 */
import { slugify } from './checklist-id';
import { NOT_SURE, type ClassifierAnswers, type ClassifierScale } from './classify';

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

const NUMBER = /^-?\d+(?:\.\d+)?$/;

export function decodeAnswers(scale: ClassifierScale, search: string | URLSearchParams): { answers: ClassifierAnswers; ignored: IgnoredParameter[] } {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const answers: ClassifierAnswers = { questions: {}, readings: {} };
  const ignored: IgnoredParameter[] = [];
  for (const [name, raw] of params) {
    const value = raw.trim();
    const question = scale.questions.find((q) => q.id === name);
    if (question) {
      if (value === NOT_SURE) {
        answers.questions[name] = NOT_SURE;
        continue;
      }
      const answer = question.answers.find((a) => answerSlug(a.label) === value.toLowerCase());
      if (answer) answers.questions[name] = answer.label;
      else ignored.push({ name, value: raw, why: `not an answer to "${question.text}" (${question.answers.map((a) => answerSlug(a.label)).join(', ')} or ${NOT_SURE})` });
      continue;
    }
    const threshold = scale.thresholds.find((t) => t.key === name);
    if (threshold) {
      if (threshold.condition) {
        const number = value.replace(',', '.');
        if (NUMBER.test(number)) answers.readings[name] = Number(number);
        else ignored.push({ name, value: raw, why: `"${threshold.metric}" needs a number` });
      } else if (/^(yes|no)$/i.test(value)) {
        answers.readings[name] = value.toLowerCase() === 'yes';
      } else {
        ignored.push({ name, value: raw, why: `"${threshold.metric}" takes yes or no` });
      }
      continue;
    }
    ignored.push({ name, value: raw, why: 'not a question or metric of this scale' });
  }
  return { answers, ignored };
}
