/**
 * Stable identity for checklist items. An item's id is derived from the page, the checklist (the
 * nearest heading above the list) and the item's own text, or from an explicit id the author writes
 * as `[#my-id]` at the end of the item. Reordering items or rewording one leaves every other id as it
 * was, so ticks stay on the items they were made on. Pure: used by the build and by tests.
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

const EXPLICIT_ID = /\s*\[#([A-Za-z0-9][\w-]*)\]\s*$/;

/** Splits an explicit id marker off the end of an item's text: "Check backups [#backups]". */
export function splitExplicitId(text: string): { text: string; id?: string } {
  const match = EXPLICIT_ID.exec(text);
  return match ? { text: text.slice(0, match.index), id: match[1] } : { text };
}

/** Checklist id: page id plus the slug of the heading it sits under ("top" before any heading);
 * a second list under the same heading gets ~2 (never a slug, so no clash with a heading "H 2"). */
export function checklistId(pageId: string, heading: string | undefined, ordinal = 1): string {
  const key = heading ? slugify(heading) : 'top';
  return `${pageId}#${key}${ordinal > 1 ? `~${ordinal}` : ''}`;
}

/**
 * Assigns ids to the items of one checklist, in order. Items with the same text get ~2, ~3...
 * ("~" never occurs in a slug or an explicit id, so "Restart worker" twice and "Restart worker 2"
 * cannot collide). Explicit ids are scoped to the page, so they survive a heading rename or a move.
 */
export function itemIds(pageId: string, listId: string, items: { text: string; explicitId?: string }[]): string[] {
  const seen = new Map<string, number>();
  return items.map(({ text, explicitId }) => {
    const base = explicitId ? `${pageId}#@${explicitId}` : `${listId}/${slugify(text)}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count > 1 ? `${base}~${count}` : base;
  });
}
