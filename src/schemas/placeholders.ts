/**
 * Message-template placeholders: `{{field}}` in a template's body. The template schema checks them
 * against the declared fields; src/lib/template.ts fills them. Pure and dependency-free.
 */

/** A placeholder: `{{name}}`, spaces inside the braces allowed. Global: use with matchAll / replace. */
export const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The distinct placeholder names of a body, in order of first use. */
export function placeholdersOf(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}
