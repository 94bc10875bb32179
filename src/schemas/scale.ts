import { z } from 'astro/zod';
import { durationSchema } from './duration';

/** Who is told about an incident of a level, and through which channel. */
export const notificationSchema = z.object({
  /** A person, role or group: "On-call engineer", "All team members". */
  who: z.string().min(1),
  /** How and how fast: "SMS (immediate)", "Slack #critical-alerts". */
  how: z.string().min(1).optional(),
});

/** One step of a level's escalation: after this long without resolution, involve this person. */
export const escalationStepSchema = z.object({
  /** Time since the incident started; omitted for steps that apply at once or on a condition. */
  after: durationSchema.optional(),
  /** Who is brought in: "Technical lead (L2)". */
  to: z.string().min(1),
  /** The condition, in words: "if customer impact". */
  note: z.string().optional(),
});

/** A severity level, as the handbook writes it. */
export const levelSchema = z.object({
  /** The id exactly as the handbook uses it: `P0`, `SEV-1`. Runbooks, templates and drills refer to it. */
  id: z.string().regex(/^[A-Za-z0-9][\w.-]*$/, 'Level ids are short codes such as P1 or SEV-2 (letters, digits, - and _)'),
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
export const answerSchema = z.object({
  label: z.string().min(1),
  level: z.string().nullish().transform((level) => level ?? undefined),
});

/** A question of the severity assessment: the classifier asks each as a radio group. */
export const questionSchema = z.object({
  /** Stable id (saved answers refer to it). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Question ids are kebab-case: "data-at-risk"'),
  /** The question, shown as the radio group's name. */
  text: z.string().min(1),
  /** Optional explanation shown under the question. */
  help: z.string().optional(),
  answers: z.array(answerSchema).min(2, 'A question needs at least two answers'),
});

/** A metric alert that maps to a level: "Error rate > 1 % for 5 min -> P1". */
export const thresholdSchema = z.object({
  metric: z.string().min(1),
  condition: z.string().min(1),
  for: durationSchema.optional(),
  level: z.string().min(1),
  /** Heading the threshold is listed under ("System health", "Business logic"). */
  group: z.string().optional(),
});

/** A handbook's severity scale (content/scales/<handbook>.yaml). */
export const scaleSchema = z
  .object({
    /** Title of the scale: "Priority levels". */
    name: z.string().default('Severity levels'),
    /** Ordered levels, most severe first. */
    levels: z.array(levelSchema).min(1, 'A severity scale needs at least one level'),
    questions: z.array(questionSchema).default([]),
    thresholds: z.array(thresholdSchema).default([]),
  })
  .superRefine((scale, ctx) => {
    const ids = scale.levels.map((level) => level.id);
    const seen = new Set<string>();
    scale.levels.forEach((level, i) => {
      if (seen.has(level.id)) {
        ctx.addIssue({ code: 'custom', path: ['levels', i, 'id'], message: `Duplicate level id "${level.id}": each level of a scale needs its own id` });
      }
      seen.add(level.id);
    });
    const known = `expected one of ${ids.join(', ')}`;
    const questionIds = new Set<string>();
    scale.questions.forEach((question, q) => {
      if (questionIds.has(question.id)) {
        ctx.addIssue({ code: 'custom', path: ['questions', q, 'id'], message: `Duplicate question id "${question.id}"` });
      }
      questionIds.add(question.id);
      question.answers.forEach((answer, a) => {
        if (answer.level !== undefined && !seen.has(answer.level)) {
          ctx.addIssue({ code: 'custom', path: ['questions', q, 'answers', a, 'level'], message: `Unknown severity "${answer.level}": ${known}` });
        }
      });
    });
    scale.thresholds.forEach((threshold, t) => {
      if (!seen.has(threshold.level)) {
        ctx.addIssue({ code: 'custom', path: ['thresholds', t, 'level'], message: `Unknown severity "${threshold.level}": ${known}` });
      }
    });
  });

export type Scale = z.output<typeof scaleSchema>;
export type Level = Scale['levels'][number];
export type Question = Scale['questions'][number];
export type Threshold = Scale['thresholds'][number];
