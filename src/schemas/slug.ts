/**
 * Slugs and short hashes: the readable, stable keys of checklist items, classifier answers in a URL
 * and metric thresholds. Pure and dependency-free, so schemas (which check that keys are unique),
 * lib and browser code share one rule.
 */

const MAX_SLUG = 64;

/** FNV-1a, 32 bit, as 8 hex digits: short, stable, dependency-free. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** "Error rates back to normal levels (< 0.1%)" -> "error-rates-back-to-normal-levels-0-1". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Letters and digits of any script: "Проверить копии" keeps its words, not a generic "item".
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug || 'item';
  // Long items keep a readable start plus a hash of the whole text, so two long items that
  // share their first words still get different ids.
  return `${slug.slice(0, MAX_SLUG - 9).replace(/-+$/, '')}-${shortHash(slug).slice(0, 8)}`;
}
