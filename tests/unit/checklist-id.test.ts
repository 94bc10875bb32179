/**
 * Stable checklist item ids: ticks must stay on the items they were made on when items are
 * reordered, reworded one at a time, or when a heading is renamed (explicit ids).
 */
import { describe, expect, it } from 'vitest';
import { checklistId, itemIds, shortHash, slugify, splitExplicitId } from '../../src/lib/checklist-id';

const PAGE = 'demo/process/verify';
const LIST = `${PAGE}#verify-backups`;
const items = (...texts: string[]) => texts.map((text) => ({ text }));

describe('shortHash', () => {
  it('is FNV-1a 32 bit as 8 lower-case hex digits', () => {
    // Published FNV-1a test vectors.
    expect(shortHash('')).toBe('811c9dc5');
    expect(shortHash('a')).toBe('e40c292c');
    expect(shortHash('foobar')).toBe('bf9cf968');
  });

  it('pads to 8 digits and is stable', () => {
    for (const text of ['x', 'restart-worker', 'a'.repeat(500)]) {
      expect(shortHash(text)).toMatch(/^[0-9a-f]{8}$/);
      expect(shortHash(text)).toBe(shortHash(text));
    }
  });
});

describe('slugify', () => {
  it('lower-cases and joins words with single hyphens, dropping punctuation', () => {
    expect(slugify('Error rates back to normal levels (< 0.1%)')).toBe('error-rates-back-to-normal-levels-0-1');
    expect(slugify('Check `pg_dump` ran')).toBe('check-pg-dump-ran');
    expect(slugify('  --Restart   the   worker!!  ')).toBe('restart-the-worker');
  });

  it('removes accents and folds compatibility characters (unicode)', () => {
    expect(slugify('Café résumé: naïve façade')).toBe('cafe-resume-naive-facade');
    expect(slugify('Ｆｕｌｌｗｉｄｔｈ ﬁle №1')).toBe('fullwidth-file-no1');
  });

  it('falls back to "item" when nothing sluggable is left', () => {
    expect(slugify('')).toBe('item');
    expect(slugify('!!! --- ???')).toBe('item');
  });

  // Non-Latin item text (Cyrillic, Greek, CJK) is dropped entirely by the [a-z0-9] filter, so every
  // such item becomes "item": ids then depend on position, and reordering moves ticks to other items.
  it('gives different non-Latin texts different, non-generic slugs', () => {
    const a = slugify('Проверить резервные копии');
    const b = slugify('Перезапустить сервис');
    const c = slugify('データベースを確認する');
    expect(new Set([a, b, c]).size).toBe(3);
    for (const slug of [a, b, c]) expect(slug).not.toBe('item');
  });

  it('keeps a slug of up to 64 characters whole', () => {
    const text = 'a'.repeat(30) + ' ' + 'b'.repeat(33); // slug: 30 + 1 + 33 = 64 characters
    expect(slugify(text)).toBe(`${'a'.repeat(30)}-${'b'.repeat(33)}`);
  });

  it('shortens a long slug to a readable start plus a hash of the whole slug, at most 64 characters', () => {
    const text = 'Confirm that every replica has caught up with the primary and that replication lag is below one second';
    const full = 'confirm-that-every-replica-has-caught-up-with-the-primary-and-that-replication-lag-is-below-one-second';
    const slug = slugify(text);
    expect(slug.length).toBeLessThanOrEqual(64);
    expect(slug).toMatch(/^[a-z0-9-]+-[0-9a-f]{8}$/);
    expect(slug.endsWith(`-${shortHash(full)}`)).toBe(true);
    expect(full.startsWith(slug.slice(0, -9))).toBe(true);
    expect(slug.slice(0, -9)).not.toMatch(/-$/);
  });

  it('gives two long texts that share their first 60 characters different slugs', () => {
    const start = 'Verify that the payment service circuit breakers are closed '; // 60 characters
    expect(start).toHaveLength(60);
    const a = slugify(`${start}for the Stripe checkout endpoint in every region`);
    const b = slugify(`${start}for the PayPal checkout endpoint in every region`);
    expect(a).not.toBe(b);
    expect(a.slice(0, -9)).toBe(b.slice(0, -9));
  });

  it('is deterministic', () => {
    const text = 'x '.repeat(100);
    expect(slugify(text)).toBe(slugify(text));
  });
});

describe('splitExplicitId', () => {
  it('splits a trailing [#id] off the text', () => {
    expect(splitExplicitId('Backup integrity verified [#backup-verified]')).toEqual({ text: 'Backup integrity verified', id: 'backup-verified' });
  });

  it('allows spaces around the marker and underscores, digits and capitals in the id', () => {
    expect(splitExplicitId('Check DNS[#Dns_check-2]   ')).toEqual({ text: 'Check DNS', id: 'Dns_check-2' });
  });

  it('leaves text without a marker unchanged', () => {
    expect(splitExplicitId('Check DNS')).toEqual({ text: 'Check DNS' });
    expect(splitExplicitId('Check DNS')).not.toHaveProperty('id');
  });

  it('only reads a marker at the very end', () => {
    expect(splitExplicitId('See [#notes] then restart')).toEqual({ text: 'See [#notes] then restart' });
  });

  it('ignores markers that are not valid ids', () => {
    expect(splitExplicitId('Check [#has space]')).toEqual({ text: 'Check [#has space]' });
    expect(splitExplicitId('Check [#-leading-dash]')).toEqual({ text: 'Check [#-leading-dash]' });
    expect(splitExplicitId('Check [#]')).toEqual({ text: 'Check [#]' });
    expect(splitExplicitId('Check [#a.b]')).toEqual({ text: 'Check [#a.b]' });
  });

  it('takes only the last marker when there are two', () => {
    expect(splitExplicitId('Check [#one] [#two]')).toEqual({ text: 'Check [#one]', id: 'two' });
  });
});

describe('checklistId', () => {
  it('is the page id plus the slug of the heading', () => {
    expect(checklistId(PAGE, 'Verify backups')).toBe('demo/process/verify#verify-backups');
  });

  it('uses "top" for a list before any heading', () => {
    expect(checklistId(PAGE, undefined)).toBe('demo/process/verify#top');
    expect(checklistId(PAGE, '')).toBe('demo/process/verify#top');
  });

  it('adds -N for the Nth list under the same heading, and nothing for the first', () => {
    expect(checklistId(PAGE, 'Verify', 1)).toBe('demo/process/verify#verify');
    expect(checklistId(PAGE, 'Verify', 2)).toBe('demo/process/verify#verify~2');
    expect(checklistId(PAGE, undefined, 3)).toBe('demo/process/verify#top~3');
  });
});

describe('itemIds', () => {
  it('derives each id from the checklist id and the item text', () => {
    expect(itemIds(PAGE, LIST, items('Check `pg_dump` ran', 'Restore to staging'))).toEqual([
      `${LIST}/check-pg-dump-ran`,
      `${LIST}/restore-to-staging`,
    ]);
  });

  it('numbers items with the same text ~2, ~3 in order', () => {
    expect(itemIds(PAGE, LIST, items('Restart worker', 'Check logs', 'Restart worker', 'restart worker!'))).toEqual([
      `${LIST}/restart-worker`,
      `${LIST}/check-logs`,
      `${LIST}/restart-worker~2`,
      `${LIST}/restart-worker~3`,
    ]);
  });

  // "Restart worker" twice plus an item whose own slug is "restart-worker-2": the second duplicate
  // and the third item both got `.../restart-worker-2`, so one tick would tick both boxes.
  it('never gives two items of a checklist the same id, even when a numbered duplicate meets a real slug', () => {
    const ids = itemIds(PAGE, LIST, items('Restart worker', 'Restart worker', 'Restart worker 2'));
    expect(new Set(ids).size).toBe(3);
    const explicit = itemIds(PAGE, LIST, [
      { text: 'A', explicitId: 'x' },
      { text: 'B', explicitId: 'x' },
      { text: 'C', explicitId: 'x-2' },
    ]);
    expect(new Set(explicit).size).toBe(3);
  });

  it('keeps every id when the items are reordered', () => {
    const texts = ['Acknowledge the page', 'Open the incident channel', 'Post the first update'];
    const before = itemIds(PAGE, LIST, items(...texts));
    const after = itemIds(PAGE, LIST, items(texts[2], texts[0], texts[1]));
    expect(after).toEqual([before[2], before[0], before[1]]);
  });

  it('changes only the id of the item that was edited', () => {
    const before = itemIds(PAGE, LIST, items('Acknowledge the page', 'Open the incident channel', 'Post the first update'));
    const after = itemIds(PAGE, LIST, items('Acknowledge the page', 'Open #incidents in Slack', 'Post the first update'));
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]).toBe(`${LIST}/open-incidents-in-slack`);
  });

  it('keeps an item with an explicit id on the same id when its text is reworded', () => {
    const before = itemIds(PAGE, LIST, [{ text: 'Backup integrity verified', explicitId: 'backup-verified' }]);
    const after = itemIds(PAGE, LIST, [{ text: 'Backups restored and checksums match', explicitId: 'backup-verified' }]);
    expect(before).toEqual([`${PAGE}#@backup-verified`]);
    expect(after).toEqual(before);
  });

  it('scopes explicit ids to the page, so they survive a heading rename or a move to another list', () => {
    const underOld = itemIds(PAGE, checklistId(PAGE, 'Verify backups'), [{ text: 'Backups OK', explicitId: 'backups' }]);
    const underNew = itemIds(PAGE, checklistId(PAGE, 'Check the backups', 2), [{ text: 'Backups OK', explicitId: 'backups' }]);
    expect(underNew).toEqual(underOld);
    // ...but not across pages.
    const otherPage = itemIds('demo/process/other', 'demo/process/other#verify-backups', [{ text: 'Backups OK', explicitId: 'backups' }]);
    expect(otherPage).not.toEqual(underOld);
  });

  it('numbers repeated explicit ids too', () => {
    expect(itemIds(PAGE, LIST, [{ text: 'A', explicitId: 'x' }, { text: 'B', explicitId: 'x' }])).toEqual([`${PAGE}#@x`, `${PAGE}#@x~2`]);
  });

  it('does not confuse an explicit id with a text id of the same slug', () => {
    const ids = itemIds(PAGE, LIST, [{ text: 'backups' }, { text: 'Anything', explicitId: 'backups' }]);
    expect(ids).toEqual([`${LIST}/backups`, `${PAGE}#@backups`]);
  });

  it('returns an empty list for an empty checklist', () => {
    expect(itemIds(PAGE, LIST, [])).toEqual([]);
  });
});
