/**
 * The HTML the command plugin adds to a code block: a copy button per command, the mark beside a
 * command that changes a system, the note under the block. Every text is escaped by hast; nothing an
 * author writes becomes markup.
 */
import { h, type Element } from '@astrojs/starlight/expressive-code/hast';
import { shortCommand, type Command } from '../../lib/shell-commands.ts';
import { texts } from './texts.ts';

/** Newlines in `data-code` travel as DEL (\x7F), as Expressive Code's own copy button does. */
const encodeCopy = (text: string) => text.replace(/\n/g, '\u007f');

export type CommandKind = 'command' | 'statement';

/** The gutter cell of the copy column: a button on a command's first line, empty elsewhere. */
export function copyCell(command: Command | undefined, kind: CommandKind): Element {
  if (!command) return h('div.cmd-gutter');
  const name = shortCommand(command.text);
  return h('div.cmd-gutter', [
    h(
      'button.cmd-copy',
      {
        type: 'button',
        'aria-label': texts.copyCommand(name, !!command.change, kind),
        'data-code': encodeCopy(command.text),
        'data-command': name,
        'data-copied': texts.copied,
        'data-pagefind-ignore': '',
      },
      [h('span.cmd-copy-icon', { 'aria-hidden': 'true' })],
    ),
  ]);
}

/** The gutter cell of the mark column: "⚠ changes" on the first line of a command that changes a system. */
export function markCell(command: Command | undefined): Element {
  if (!command?.change) return h('div.cmd-gutter.cmd-mark-cell');
  return h('div.cmd-gutter.cmd-mark-cell', [
    h('span.cmd-mark', { 'data-pagefind-ignore': '', title: `Changes the system: ${command.change}` }, [
      h('span.cmd-mark-icon', { 'aria-hidden': 'true' }, '⚠'),
      h('span.cmd-mark-text', texts.mark),
      h('span.sr-only', texts.markContext),
    ]),
  ]);
}

/** The lines under a block: which commands change the system, and what `$API_URL` is. */
export function blockNotes(summary: string | undefined, usesApiBase: boolean): Element | undefined {
  const notes: Element[] = [];
  if (summary) {
    notes.push(h('p.cmd-summary', [h('span.cmd-summary-icon', { 'aria-hidden': 'true' }, '⚠'), ` ${summary}`]));
  }
  if (usesApiBase) {
    const note = texts.apiNote;
    notes.push(
      h('p.cmd-api-note', [
        note.lead,
        h('code', [h('var.cmd-placeholder', note.variable)]),
        note.middle,
        h('code', note.command),
      ]),
    );
  }
  return notes.length ? h('div.cmd-notes', { 'data-pagefind-ignore': '' }, notes) : undefined;
}

/** The block's live region: "Copied: docker restart payment-service" (or why not, once per block). */
export function statusRegion(): Element {
  return h('div.cmd-status.sr-only', { 'aria-live': 'polite', 'data-failed': texts.copyFailed });
}
