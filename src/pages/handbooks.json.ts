/**
 * /handbooks.json: every handbook's name, pages, levels (cadence, escalation, targets) and escalation
 * policy, for the browser's incident tools (see src/lib/handbook-data.ts). Durations keep their
 * parsed form (`{ kind, text, minutes }`) so the browser does the same maths as the build.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { docIds, levelHref, runbookHref } from '../components/content/data';
import type { SiteData } from '../lib/handbook-data';

export const GET: APIRoute = async () => {
  const [handbooks, scales, ids] = await Promise.all([getCollection('handbooks'), getCollection('scales'), docIds()]);
  const data: SiteData = {
    handbooks: await Promise.all(
      handbooks
        .sort((a, b) => a.data.name.localeCompare(b.data.name))
        .map(async ({ id, data: handbook }) => {
          const scale = scales.find((s) => s.id === id)?.data;
          return {
            id,
            name: handbook.name,
            href: runbookHref(id),
            startHref: runbookHref(handbook.start),
            severityHref: runbookHref(ids.has(`${id}/severity`) ? `${id}/severity` : id),
            levels: await Promise.all(
              (scale?.levels ?? []).map(async (level) => ({
                id: level.id,
                name: level.name,
                definition: level.definition,
                href: await levelHref(id, level.id),
                response: level.response,
                ...(level.resolution ? { resolution: level.resolution } : {}),
                ...(level.updates ? { updates: level.updates } : {}),
                ...(level.updatesNote ? { updatesNote: level.updatesNote } : {}),
                notify: level.notify.map((n) => ({ who: n.who, ...(n.how ? { how: n.how } : {}) })),
                escalation: level.escalation.map((step) => ({ to: step.to, ...(step.after ? { after: step.after } : {}), ...(step.note ? { note: step.note } : {}) })),
              })),
            ),
            policy: handbook.escalation.map((tier) => ({ tier: tier.tier, who: tier.who, when: tier.when, ...(tier.after ? { after: tier.after } : {}) })),
          };
        }),
    ),
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
