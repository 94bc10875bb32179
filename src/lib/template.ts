/**
 * Message-template placeholders: `{{field}}` in a body, filled from a map of values. Pure. What a
 * placeholder is lives in src/schemas/placeholders.ts, which the template schema checks bodies with.
 */
import { PLACEHOLDER } from '../schemas/placeholders';

export { placeholdersOf } from '../schemas/placeholders';

/**
 * Fills a body. A value that is missing or empty leaves a visible `[label]` marker so a half
 * filled message never reads as finished.
 */
export function fillTemplate(body: string, values: Record<string, string | undefined>, labels: Record<string, string> = {}): string {
  return body.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    return value !== undefined && value.trim() !== '' ? value : `[${labels[name] ?? name}]`;
  });
}
