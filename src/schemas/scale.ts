import { z } from 'astro/zod';
import { closest, displacedLevelIds, EVEN_IF_INVALID, oneOf, type Assessment } from './context';
import { durationSchema } from './duration';
import { slugify } from './slug';
import { CONDITION_HINT, parseCondition, type ThresholdCondition } from './threshold-condition';

/** The answer the classifier adds to every question; an author's own answer may not take its place. */
export const NOT_SURE_ANSWER = 'not-sure';

/** Who is told about an incident of a level, and through which channel. */
export const notificationSchema = z.strictObject({
  /** A person, role or group: "On-call engineer", "All team members". */
  who: z.string().min(1),
  /** How and how fast: "SMS (immediate)", "Slack #critical-alerts". */
  how: z.string().min(1).optional(),
});

/** One step of a level's escalation: after this long without resolution, involve this person. */
export const escalationStepSchema = z.strictObject({
  /** Time since the incident started; omitted for steps that apply at once or on a condition. */
  after: durationSchema.optional(),
  /** Who is brought in: "Technical lead (L2)". */
  to: z.string().min(1),
  /** The condition, in words: "if customer impact". */
  note: z.string().optional(),
});

/** What a level id looks like: `P0`, `SEV-1`, `sev_2`. */
export const LEVEL_ID = /^[A-Za-z0-9][\w.-]*$/;

/** A severity level, as the handbook writes it. */
export const levelSchema = z.strictObject({
  /** The id exactly as the handbook uses it: `P0`, `SEV-1`. Runbooks, templates and drills refer to it. */
  id: z.string().regex(LEVEL_ID, 'Level ids are short codes such as P1 or SEV-2 (letters, digits, - and _)'),
  /** A short name: "Critical", "Major service impaired". */
  name: z.string().min(1),
  /** What makes an incident this severe. */
  definition: z.string().min(1),
  /** Typical incidents of this level. */
  examples: z.array(z.string()).default([]),
  /** How soon someone must be working on it. */
  response: durationSchema,
  /** How soon it should be resolved, where the handbook sets a target. */
  resolution: durationSchema.optional(),
  /** How often stakeholders get an update while it is open. */
  updates: durationSchema.optional(),
  /** Words beside the cadence ("customers hourly, internal every 30 min"). */
  updatesNote: z.string().optional(),
  /** Who is notified and how. */
  notify: z.array(notificationSchema).default([]),
  /** Escalation steps, in order. */
  escalation: z.array(escalationStepSchema).default([]),
});

/** One answer of an assessment question; `level` is the level the answer points at, if any. */
export const answerSchema = z.strictObject({
  label: z.string().min(1),
  level: z.string().nullish().transform((level) => level ?? undefined),
});

/** A question of the severity assessment: the classifier asks each as a radio group. */
export const questionSchema = z.strictObject({
  /** Stable id (saved answers refer to it). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Question ids are kebab-case: "data-at-risk"'),
  /** The question, shown as the radio group's name. */
  text: z.string().min(1),
  /** Optional explanation shown under the question. */
  help: z.string().optional(),
  answers: z.array(answerSchema).min(2, 'A question needs at least two answers'),
});

/**
 * A metric alert that maps to a level: "Error rate > 1 % for 5 min -> P1". The condition is parsed at
 * build time, so the classifier can compare a reading with it; the output adds `key` (the metric's
 * slug: the classifier's URL parameter) and `comparison` (operator, number, unit).
 */
export const thresholdSchema = z
  .strictObject({
    metric: z.string().min(1),
    /** A comparison: "> 1%", "< 95%", ">= 500 ms", "> 2x". With `freeText: true`, words instead. */
    condition: z.string().min(1),
    /** The condition is words, not a comparison ("traffic looks like an attack"): the classifier asks it as yes/no. */
    freeText: z.boolean().default(false),
    for: durationSchema.optional(),
    level: z.string().min(1),
    /** Heading the threshold is listed under ("System health", "Business logic"). */
    group: z.string().optional(),
  })
  .transform((threshold, ctx): typeof threshold & { key: string; comparison?: ThresholdCondition } => {
    const key = slugify(threshold.metric);
    if (threshold.freeText) return { ...threshold, key };
    const comparison = parseCondition(threshold.condition);
    if (!comparison) {
      ctx.addIssue({ code: 'custom', path: ['condition'], input: threshold.condition, message: `Cannot read "${threshold.condition}" as a threshold condition: expected ${CONDITION_HINT}` });
      return z.NEVER;
    }
    return { ...threshold, key, comparison };
  });

/** A handbook's severity scale (content/scales/<handbook>.yaml). */
export const scaleSchema = z
  .strictObject({
    /** Title of the scale: "Priority levels". */
    name: z.string().default('Severity levels'),
    /** Ordered levels, most severe first. */
    levels: z.array(levelSchema).min(1, 'A severity scale needs at least one level'),
    questions: z.array(questionSchema).default([]),
    thresholds: z.array(thresholdSchema).default([]),
  })
  .superRefine((scale, ctx) => {
    // Runs even when a field failed (EVEN_IF_INVALID), so every value is type-tested before use.
    const levels = Array.isArray(scale.levels) ? scale.levels : [];
    const seen = new Set<string>();
    levels.forEach((level, i) => {
      if (typeof level?.id !== 'string') return;
      if (seen.has(level.id)) {
        ctx.addIssue({ code: 'custom', path: ['levels', i, 'id'], input: level.id, message: `Duplicate level id "${level.id}": each level of a scale needs its own id` });
      }
      seen.add(level.id);
    });
    // With a level without a usable id, an answer's "SEV-2" may be right and the ids wrong: that one
    // mistake is reported at the level, not once more per answer and threshold. An id given twice
    // leaves the other ids as they are; only the ids the repeated level may have been meant to have
    // are not held against the answers and thresholds (see `displacedLevelIds`).
    const ids = readLevelIds(scale);
    if (!ids) return;
    const displaced = new Set(displacedLevelIds(ids));
    const unknown = (level: unknown): level is string => typeof level === 'string' && !seen.has(level) && !displaced.has(level);
    const unknownLevel = (level: string) => `Unknown severity "${level}": expected one of ${oneOf(seen)}${didYouMean(level, seen)}`;
    const questionIds = new Set<string>();
    (Array.isArray(scale.questions) ? scale.questions : []).forEach((question, q) => {
      if (typeof question?.id !== 'string') return;
      if (questionIds.has(question.id)) {
        ctx.addIssue({ code: 'custom', path: ['questions', q, 'id'], input: question.id, message: `Duplicate question id "${question.id}"` });
      }
      questionIds.add(question.id);
      const slugs = new Map<string, string>();
      (Array.isArray(question.answers) ? question.answers : []).forEach((answer, a) => {
        if (typeof answer?.label === 'string') {
          // Answers travel in the classifier's URL as slugs: two answers must not share one.
          const slug = slugify(answer.label);
          if (slug === NOT_SURE_ANSWER) {
            ctx.addIssue({ code: 'custom', path: ['questions', q, 'answers', a, 'label'], input: answer.label, message: `The classifier adds "Not sure" to every question itself: remove this answer` });
          } else if (slugs.has(slug)) {
            ctx.addIssue({ code: 'custom', path: ['questions', q, 'answers', a, 'label'], input: answer.label, message: `Answer "${answer.label}" reads the same as "${slugs.get(slug)}" in a link ("${slug}"): word one of them differently` });
          }
          slugs.set(slug, answer.label);
        }
        if (unknown(answer?.level)) {
          ctx.addIssue({ code: 'custom', path: ['questions', q, 'answers', a, 'level'], input: answer.level, message: unknownLevel(answer.level) });
        }
      });
    });
    const metricKeys = new Map<string, string>();
    (Array.isArray(scale.thresholds) ? scale.thresholds : []).forEach((threshold, t) => {
      if (typeof threshold?.metric === 'string') {
        // Readings travel in the classifier's URL under the metric's slug, beside the question ids.
        const key = slugify(threshold.metric);
        if (questionIds.has(key)) {
          ctx.addIssue({ code: 'custom', path: ['thresholds', t, 'metric'], input: threshold.metric, message: `Metric "${threshold.metric}" has the same key ("${key}") as a question id: rename one of them` });
        } else if (metricKeys.has(key)) {
          ctx.addIssue({ code: 'custom', path: ['thresholds', t, 'metric'], input: threshold.metric, message: `Metric "${threshold.metric}" reads the same as "${metricKeys.get(key)}" ("${key}"): each metric needs its own name` });
        }
        metricKeys.set(key, threshold.metric);
      }
      if (unknown(threshold?.level)) {
        ctx.addIssue({ code: 'custom', path: ['thresholds', t, 'level'], input: threshold.level, message: unknownLevel(threshold.level) });
      }
    });
  }, EVEN_IF_INVALID);

function didYouMean(value: string, candidates: Iterable<string>): string {
  const guess = closest(value, candidates);
  return guess ? `. Did you mean "${guess}"?` : '';
}

/**
 * The level ids of a scale as written in its file (a repeated one twice), when they can be read: a
 * list of levels, each with a well-formed id. `undefined` otherwise: checking other files against
 * this scale would only repeat its own mistake (a runbook's "SEV-2" is not wrong because the scale
 * left a level's id out). Reads the raw YAML, so it works whatever else in the scale is invalid.
 */
export function readLevelIds(data: unknown): string[] | undefined {
  const levels = (data as { levels?: unknown } | null)?.levels;
  if (!Array.isArray(levels) || levels.length === 0) return undefined;
  const ids = levels.map((level) => (level as { id?: unknown } | null)?.id);
  return ids.every((id): id is string => typeof id === 'string' && LEVEL_ID.test(id)) ? ids : undefined;
}

/**
 * A scale's questions and metrics as drills may name them, read tolerantly from the raw YAML (before
 * the scale itself is validated): anything unreadable is left out, and the scale's own errors say why.
 */
export function readAssessment(data: unknown): Assessment {
  const raw = (data ?? {}) as { questions?: unknown; thresholds?: unknown };
  const questions = new Map<string, string[]>();
  for (const question of Array.isArray(raw.questions) ? raw.questions : []) {
    const { id, answers } = (question ?? {}) as { id?: unknown; answers?: unknown };
    if (typeof id !== 'string') continue;
    const labels = (Array.isArray(answers) ? answers : []).map((answer) => (answer as { label?: unknown } | null)?.label);
    questions.set(id, labels.filter((label): label is string => typeof label === 'string').map(slugify));
  }
  const metrics = new Map<string, 'number' | 'yes-no'>();
  for (const threshold of Array.isArray(raw.thresholds) ? raw.thresholds : []) {
    const { metric, freeText } = (threshold ?? {}) as { metric?: unknown; freeText?: unknown };
    if (typeof metric === 'string') metrics.set(slugify(metric), freeText === true ? 'yes-no' : 'number');
  }
  return { questions, metrics };
}

export type Scale = z.output<typeof scaleSchema>;
export type Level = Scale['levels'][number];
export type Question = Scale['questions'][number];
export type Threshold = Scale['thresholds'][number];
