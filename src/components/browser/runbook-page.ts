/** The browser code of every runbook page: storage notices, checklists, scrolling tables, named code blocks. */
import { enhanceChecklists } from '../checklist/checklists';
import { showStorageNotices } from './storage-notice';
import { watchScrollRegions } from './scroll-regions';

/**
 * Expressive Code makes an overflowing code block focusable (tabindex, role=region) only after a
 * debounce, and without a name, so several of them on a page are indistinguishable landmarks.
 * Do it at once, with a name per block: "bash code, block 3 of 7: 5 commands, 2 change the system"
 * (the counts from the command plugin's line classes). Its own script then keeps ours.
 */
function labelCodeBlocks() {
  const blocks = [...document.querySelectorAll<HTMLElement>('.expressive-code pre')];
  const label = (pre: HTMLElement, n: number) => {
    const title = pre.closest('figure')?.querySelector('figcaption .title')?.textContent?.trim();
    const commands = pre.querySelectorAll('.cmd-start').length;
    const changing = pre.querySelectorAll('.cmd-start.cmd-changes').length;
    const noun = pre.dataset.language === 'sql' ? 'statement' : 'command';
    const counts = commands > 1 ? `: ${commands} ${noun}s${changing ? `, ${changing} ${changing === 1 ? 'changes' : 'change'} the system` : ''}` : '';
    return `${title || `${pre.dataset.language ?? 'Code'} code`}, block ${n + 1} of ${blocks.length}${counts}`;
  };
  blocks.forEach((pre, n) => {
    pre.setAttribute('aria-label', label(pre, n));
    if (pre.scrollWidth > pre.clientWidth) {
      pre.setAttribute('tabindex', '0');
      pre.setAttribute('role', 'region');
    }
  });
}

function start() {
  labelCodeBlocks();
  watchScrollRegions();
  const notices = document.querySelector<HTMLElement>('[data-storage-notices]');
  if (notices) showStorageNotices(notices);
  enhanceChecklists();
}

start();
