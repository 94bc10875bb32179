/**
 * Every word the command plugin puts on the page, in one place (the site is written in English;
 * a translation replaces this module's strings).
 */
import { API_BASE_VARIABLE } from '../../lib/shell-commands.ts';

export const texts = {
  /** Accessible name of a command's own copy button. */
  copyCommand: (command: string, changes: boolean, kind: 'command' | 'statement') =>
    `Copy ${kind}: ${command}${changes ? ' (changes the system)' : ''}`,
  /** Accessible name of the whole-block copy button. */
  copyAll: (count: number, changing: number, kind: 'command' | 'statement') =>
    `Copy all ${count} ${kind}s${changing ? `, ${changing === count ? (count === 2 ? 'both' : 'all') : changing} ${changing === 1 && changing !== count ? 'changes' : 'change'} the system` : ''}`,
  /** The visible words on the whole-block button of a block of several commands. */
  copyAllShort: 'Copy all',
  /** The live-region message after a copy, and the visible "Copied" beside the button. */
  copied: 'Copied',
  copyFailed: 'Could not copy: select the command and copy it by hand',
  /** The visible mark beside a command that changes a system; `markContext` is read by screen readers only. */
  mark: 'changes',
  markContext: ' the system:',
  /** Under blocks that call the platform's API by relative path. */
  apiNote: {
    lead: 'API paths are relative to the platform’s own API. ',
    variable: `$${API_BASE_VARIABLE}`,
    middle: ' stands for its base URL: set it once per terminal, for example ',
    command: `export ${API_BASE_VARIABLE}=https://api.example.com`,
  },
};
