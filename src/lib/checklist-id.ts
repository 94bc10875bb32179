/**
 * Stable identity for checklist items. An item's id is derived from the page, the checklist (the
 * nearest heading above the list) and the item's own text, or from an explicit id the author writes
 * as `[#my-id]` at the end of the item. Reordering items or rewording one leaves every other id as it
 * was, so ticks stay on the items they were made on. Pure: used by the build and by tests.
 */

import { shortHash, slugify } from '../schemas/slug.ts';

export { shortHash, slugify };

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
