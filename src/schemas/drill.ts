import { z } from 'astro/zod';
import { EVEN_IF_INVALID, type ContentIndex } from './context';
import { normalisePageId } from './ids';
import { checkClassifierFacts, checkHandbookOfEntry, checkLevel, checkRunbookRef, classifierFactValue } from './references';

/** A practice scenario for new on-call staff (content/drills/<handbook>/<id>.yaml). */
export function drillSchema(index: ContentIndex) {
  return z
    .strictObject({
      handbook: z.string().min(1),
      title: z.string().min(1),
      /** What the responder sees, written as an alert or a report would say it. */
      scenario: z.string().min(1),
      /** The level it should get on the handbook's scale. */
      expected: z.string().min(1),
      /** The runbooks that apply (ids: paths under content/docs/). */
      runbooks: z.array(z.string()).min(1, 'A drill names at least one runbook that applies'),
      /** Why that level and those runbooks. */
      why: z.string().min(1),
      /**
       * The scenario's facts as the handbook's severity classifier asks them, for "Practise with the
       * classifier": question id -> answer (the slug of its label, or a start of it only one answer
       * has), metric key -> reading (a number; yes/no for a free-text threshold). Checked against the scale.
       */
      classifier: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
      /** The entry's id, set by the validator so the handbook can be checked against the folder (see `INTERNAL_KEYS`). */
      entryPath: z.string().optional(),
    })
    .superRefine((drill, ctx) => {
      const handbook = checkHandbookOfEntry(index, { kind: 'drill', handbook: drill.handbook, entryPath: drill.entryPath }, ctx);
      if (handbook !== undefined) checkLevel(index, handbook, drill.expected, ctx, ['expected']);
      if (handbook !== undefined) checkClassifierFacts(index, handbook, drill.classifier, ctx, ['classifier']);
      if (Array.isArray(drill.runbooks)) drill.runbooks.forEach((runbook, i) => checkRunbookRef(index, runbook, ctx, ['runbooks', i]));
    }, EVEN_IF_INVALID)
    .transform((drill) => ({
      ...drill,
      runbooks: drill.runbooks.map(normalisePageId),
      ...(drill.classifier ? { classifier: Object.fromEntries(Object.entries(drill.classifier).map(([key, value]) => [key, classifierFactValue(value)])) } : {}),
    }));
}

export type Drill = z.output<ReturnType<typeof drillSchema>>;
