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

export type FieldType = (typeof FIELD_TYPES)[number];
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];
export type Audience = (typeof AUDIENCES)[number];

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
});

/** A message template (content/templates/<handbook>/<id>.md): frontmatter plus the body. */
export function templateSchema(index: ContentIndex) {
  return z
    .strictObject({
      handbook: z.string().min(1),
      title: z.string().min(1),
      purpose: z.enum(TEMPLATE_PURPOSES),
      audience: z.enum(AUDIENCES).default('internal'),
      /** Where it is posted: "Slack #incidents", "status page". */
      channel: z.string().optional(),
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
