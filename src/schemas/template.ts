import { z } from 'astro/zod';
import type { ContentIndex } from './context';
import { checkHandbook, checkLevel } from './references';
import { placeholdersOf } from '../lib/template';

export const FIELD_TYPES = ['text', 'multiline', 'choice', 'time', 'duration', 'severity', 'list'] as const;
export const TEMPLATE_PURPOSES = [
  'declare', 'internal-update', 'customer-update', 'status-page', 'resolution', 'incident-log', 'post-mortem', 'other',
] as const;

/** A field of a message template: the filler renders one labelled control per field. */
export const templateFieldSchema = z.object({
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
});

/** A message template (content/templates/<handbook>/<id>.md): frontmatter plus the body. */
export function templateSchema(index: ContentIndex) {
  return z
    .object({
      handbook: z.string().min(1),
      title: z.string().min(1),
      purpose: z.enum(TEMPLATE_PURPOSES),
      audience: z.enum(['internal', 'customers', 'public']).default('internal'),
      /** Where it is posted: "Slack #incidents", "status page". */
      channel: z.string().optional(),
      /** When it is sent: "within 15 minutes of declaring". */
      when: z.string().optional(),
      fields: z.array(templateFieldSchema).default([]),
      /** The Markdown body with {{field}} placeholders (filled in by the loader). */
      body: z.string().min(1, 'A template needs a body below its frontmatter'),
    })
    .superRefine((template, ctx) => {
      const handbookKnown = checkHandbook(index, template.handbook, ctx);
      const ids = new Set<string>();
      template.fields.forEach((field, i) => {
        if (ids.has(field.id)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `Duplicate field id "${field.id}"` });
        ids.add(field.id);
        if (field.type === 'choice' && !field.options?.length) {
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'options'], message: `Field "${field.id}" is a choice: list its options` });
        }
        if (field.type === 'choice' && field.default !== undefined && field.options && !field.options.includes(field.default)) {
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'default'], message: `Default "${field.default}" is not one of the options of "${field.id}": ${field.options.join(', ')}` });
        }
        if (field.type === 'severity' && field.default !== undefined && handbookKnown) {
          checkLevel(index, template.handbook, field.default, ctx, ['fields', i, 'default']);
        }
      });
      for (const name of placeholdersOf(template.body)) {
        if (!ids.has(name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['body'],
            message: `Placeholder {{${name}}} has no field: add a field with id "${name}" to "fields", or fix the placeholder` +
              (ids.size ? ` (fields: ${[...ids].join(', ')})` : ''),
          });
        }
      }
    });
}

export type Template = z.output<ReturnType<typeof templateSchema>>;
export type TemplateField = Template['fields'][number];
