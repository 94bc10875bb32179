import { z } from 'astro/zod';
import { EVEN_IF_INVALID, type ContentIndex } from './context';
import { contentDateSchema } from './dates';
import { durationSchema, reviewIntervalSchema } from './duration';
import { checkRunbookRef } from './references';

/** A tier of the escalation policy: "L2 Technical lead, P1/P2 not resolved in 30 minutes". */
export const escalationTierSchema = z.strictObject({
  /** Short label: "L1", "Level 2", "15 min". */
  tier: z.string().min(1),
  /** Who is brought in. */
  who: z.string().min(1),
  /** The rule, in words. */
  when: z.string().min(1),
  /** The clock that triggers it, where the rule has one. */
  after: durationSchema.optional(),
});

/** A row of the on-call / contact table. A missing `name` is a placeholder the team must fill in. */
export const contactSchema = z.strictObject({
  role: z.string().min(1),
  name: z.string().nullish().transform((name) => name ?? undefined),
  /** How to reach them: "Slack @sysadmin, phone". */
  reach: z.string().optional(),
  backup: z.string().optional(),
  availability: z.string().optional(),
  notes: z.string().optional(),
});

/** A handbook (content/handbooks/<handbook>.yaml): one organisation's or team's incident handbook. */
export function handbookSchema(index: ContentIndex) {
  return z
    .strictObject({
      name: z.string().min(1),
      organisation: z.string().optional(),
      /** One or two sentences for the home page. */
      description: z.string().min(1),
      /** Systems the handbook covers; shown on the home page and searchable. */
      stack: z.array(z.string()).default([]),
      /** The runbook a responder lands on from the home page ("what do I do now"). */
      start: z.string().min(1),
      version: z.union([z.string(), z.number()]).transform(String).optional(),
      /** When the source document was last updated: YYYY-MM-DD. */
      sourceUpdated: contentDateSchema().optional(),
      maintainer: z.string().optional(),
      /** Default review interval of its runbooks (a day or more). */
      reviewEvery: reviewIntervalSchema.optional(),
      escalation: z.array(escalationTierSchema).default([]),
      contacts: z.array(contactSchema).default([]),
    })
    .superRefine((handbook, ctx) => checkRunbookRef(index, handbook.start, ctx, ['start']), EVEN_IF_INVALID);
}

export type Handbook = z.output<ReturnType<typeof handbookSchema>>;
export type Contact = Handbook['contacts'][number];
export type EscalationTier = Handbook['escalation'][number];
