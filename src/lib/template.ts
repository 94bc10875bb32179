/** Message-template placeholders: `{{field}}` in a body, filled from a map of values. Pure. */

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The distinct placeholder names of a body, in order of first use. */
export function placeholdersOf(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

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
