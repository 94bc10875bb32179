import { z } from 'astro/zod';
import { closest, EVEN_IF_INVALID, oneOf, type ContentIndex } from './context';
import { placeholdersOf } from './placeholders';
import { checkHandbookOfEntry, checkLevel } from './references';

export const FIELD_TYPES = ['text', 'multiline', 'choice', 'time', 'duration', 'severity', 'list'] as const;
export const TEMPLATE_PURPOSES = [
  'declare', 'internal-update', 'customer-update', 'status-page', 'resolution', 'incident-log', 'post-mortem', 'other',
] as const;
/** Who reads a message: the team, the customers, anyone (a public status page). */
export const AUDIENCES = ['internal', 'customers', 'public'] as const;
/**
 * The kind of channel a message goes to, which decides its formats: `chat` (Slack, Teams: a "Copy for
 * Slack" in mrkdwn), `sms` and `pager` (a character and segment counter; a pager message is also a
 * PagerDuty summary, at most 1,024 characters), `email`, `status-page`, `document` (an incident log,
 * a post-mortem), `call` (read out on a bridge).
 */
export const CHANNEL_KINDS = ['chat', 'sms', 'pager', 'email', 'status-page', 'document', 'call'] as const;
/**
 * Where a field's value can come from: the active incident (`incident.*`: `next-update` is now plus
 * the level's update cadence, `cadence` that interval, `update-number` the number this update will
 * have, `date` the start day), the name the reader gave (`responder.name`) or the clock (`now`). The
 * filler fills it in and marks it as filled; the reader can always type over it.
 */
export const PREFILL_SOURCES = [
  'incident.id', 'incident.title', 'incident.severity', 'incident.start', 'incident.end', 'incident.duration',
  'incident.status', 'incident.notify', 'incident.timeline', 'incident.follow-ups', 'incident.next-update',
  'incident.cadence', 'incident.update-number', 'incident.date', 'responder.name', 'now',
] as const;
/** Which field types each prefill source fits (a list source is text lines; a time source an instant). */
export const PREFILL_TYPES: Record<PrefillSource, readonly FieldType[]> = {
  'incident.id': ['text'],
  'incident.title': ['text', 'multiline'],
  'incident.severity': ['severity', 'text'],
  'incident.start': ['time'],
  'incident.end': ['time'],
  'incident.duration': ['duration', 'text'],
  'incident.status': ['choice', 'text'],
  'incident.notify': ['list', 'multiline', 'text'],
  'incident.timeline': ['list', 'multiline'],
  'incident.follow-ups': ['list', 'multiline'],
  'incident.next-update': ['time'],
  'incident.cadence': ['duration', 'text'],
  'incident.update-number': ['text'],
  'incident.date': ['text'],
  'responder.name': ['text'],
  now: ['time'],
};
/** The channel limits a field's value can be held to (the numbers are in src/lib/channel-limits.ts). */
export const FIELD_LIMITS = ['slack-channel-name', 'slack-channel-topic', 'pagerduty-summary'] as const;

export type FieldType = (typeof FIELD_TYPES)[number];
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];
export type Audience = (typeof AUDIENCES)[number];
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
/**
 * A team setting as a prefill: `team.bridge` (a key of content/placeholders.yaml) fills the field with
 * the team's value (this browser's, else the build's content/team.yaml). It gives text.
 */
export const TEAM_PREFILL = /^team\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
export type PrefillSource = (typeof PREFILL_SOURCES)[number] | `team.${string}`;

/** Whether a value names a prefill source (an incident value, the clock, the responder, or a team setting). */
export function isPrefillSource(value: unknown): value is PrefillSource {
  return typeof value === 'string' && ((PREFILL_SOURCES as readonly string[]).includes(value) || TEAM_PREFILL.test(value));
}

/** Which field types a prefill source fits: a team setting is text. */
export function prefillTypes(source: PrefillSource): readonly FieldType[] {
  return source.startsWith('team.') ? ['text', 'multiline'] : PREFILL_TYPES[source as (typeof PREFILL_SOURCES)[number]];
}

/** A field of a message template: the filler renders one labelled control per field. */
export const templateFieldSchema = z.strictObject({
  /** Used in the body as {{id}}. */
  id: z.string().regex(/^[A-Za-z_][\w-]*$/, 'Field ids are identifiers such as incident_id'),
  /** The control's label. */
  label: z.string().min(1),
  type: z.enum(FIELD_TYPES).default('text'),
  required: z.boolean().default(false),
  /** Prefilled value. For `list`, items separated by new lines. */
  default: z.union([z.string(), z.number(), z.array(z.string())]).optional()
    .transform((value) => (value === undefined ? undefined : Array.isArray(value) ? value.join('\n') : String(value))),
  /** The choices of a `choice` field. */
  options: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  /** A hint shown under the control. */
  help: z.string().optional(),
  /** Filled in from the active incident or the clock (see PREFILL_SOURCES); the reader can override it. */
  prefill: z
    .custom<PrefillSource>(isPrefillSource, {
      error: (issue) => {
        const guess = typeof issue.input === 'string' ? closest(issue.input, PREFILL_SOURCES) : undefined;
        return `Received ${JSON.stringify(issue.input)}: expected one of ${oneOf(PREFILL_SOURCES)}, or team.<key> (a team setting of content/placeholders.yaml)${guess ? `. Did you mean "${guess}"?` : ''}`;
      },
    })
    .optional(),
  /** A channel limit the value must stay within: a Slack channel name, a channel topic, a PagerDuty summary. */
  limit: z.enum(FIELD_LIMITS).optional(),
});

/** A message template (content/templates/<handbook>/<id>.md): frontmatter plus the body. */
export function templateSchema(index: ContentIndex) {
  return z
    .strictObject({
      handbook: z.string().min(1),
      title: z.string().min(1),
      purpose: z.enum(TEMPLATE_PURPOSES),
      audience: z.enum(AUDIENCES).default('internal'),
      /** Where it is posted, in words: "Slack #incidents", "status page". */
      channel: z.string().optional(),
      /** The kind of channel (see CHANNEL_KINDS): decides "Copy for Slack", the SMS counter and limits. */
      kind: z.enum(CHANNEL_KINDS),
      /**
       * `site` for a template this site adds that the source handbook does not have (a short SMS
       * version of a declaration): shown as the site's own, so nobody mistakes it for the policy.
       */
      origin: z.enum(['handbook', 'site']).default('handbook'),
      /** A channel limit the whole message must stay within (a `pager` message is held to the PagerDuty summary's without it). */
      limit: z.enum(FIELD_LIMITS).optional(),
      /** When it is sent: "within 15 minutes of declaring". */
      when: z.string().optional(),
      fields: z.array(templateFieldSchema).default([]),
      /** The Markdown body with {{field}} placeholders (filled in by the loader; see `INTERNAL_KEYS`). */
      body: z.string().min(1, 'A template needs a body below its frontmatter'),
      /** The entry's id, set by the loader so the handbook can be checked against the folder (see `INTERNAL_KEYS`). */
      entryPath: z.string().optional(),
    })
    .superRefine((template, ctx) => {
      // Runs even when a field failed (EVEN_IF_INVALID), so every value is type-tested before use.
      const handbook = checkHandbookOfEntry(index, { kind: 'template', handbook: template.handbook, entryPath: template.entryPath }, ctx);
      const ids = new Set<string>();
      (Array.isArray(template.fields) ? template.fields : []).forEach((field, i) => {
        if (typeof field?.id !== 'string') return;
        if (ids.has(field.id)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], input: field.id, message: `Duplicate field id "${field.id}"` });
        ids.add(field.id);
        const options = Array.isArray(field.options) ? field.options.filter((option) => typeof option === 'string') : undefined;
        if (field.type === 'choice' && !options?.length) {
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'options'], message: `Field "${field.id}" is a choice: list its options` });
        }
        const seen = new Set<string>();
        (Array.isArray(field.options) ? field.options : []).forEach((option, o) => {
          if (typeof option !== 'string') return;
          if (seen.has(option)) {
            ctx.addIssue({ code: 'custom', path: ['fields', i, 'options', o], input: option, message: `Option "${option}" of "${field.id}" is listed twice: list each option once` });
          }
          seen.add(option);
        });
        if (field.type === 'choice' && typeof field.default === 'string' && options?.length && !options.includes(field.default)) {
          const guess = closest(field.default, options);
          ctx.addIssue({
            code: 'custom',
            path: ['fields', i, 'default'],
            input: field.default,
            message: `Default "${field.default}" is not one of the options of "${field.id}": ${oneOf(options)}${guess ? `. Did you mean "${guess}"?` : ''}`,
          });
        }
        if (typeof field.type === 'string' && isPrefillSource(field.prefill)) {
          const fits = prefillTypes(field.prefill);
          if (!fits.includes(field.type as FieldType)) {
            ctx.addIssue({
              code: 'custom',
              path: ['fields', i, 'prefill'],
              input: field.prefill,
              message: `Field "${field.id}" is a ${field.type} field, but prefill "${field.prefill}" gives a ${fits[0]}: make the field's type ${oneOf(fits)}, or remove \`prefill\``,
            });
          }
        }
        if (field.type === 'severity' && typeof field.default === 'string' && handbook !== undefined) {
          checkLevel(index, handbook, field.default, ctx, ['fields', i, 'default']);
        }
      });
      if (typeof template.body !== 'string') return;
      for (const name of placeholdersOf(template.body)) {
        if (!ids.has(name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['body'],
            input: `{{${name}}}`,
            message: `Placeholder {{${name}}} has no field: add a field with id "${name}" to \`fields\`, or fix the placeholder` +
              (ids.size ? ` (fields: ${oneOf(ids)})` : ''),
          });
        }
      }
    }, EVEN_IF_INVALID);
}

export type Template = z.output<ReturnType<typeof templateSchema>>;
export type TemplateField = Template['fields'][number];
