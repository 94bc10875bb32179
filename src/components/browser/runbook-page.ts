/**
 * The browser code of every page: storage notices, checklists, scrolling tables, named code blocks,
 * and the incident tools, whose code loads only when used: the start dialog on the header button's
 * first click, the incident bar while an incident is active.
 */
import { getStore, PRACTICE_ID } from '../../state';
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
  // Team settings: only pages with a placeholder to fill load the code that fills it.
  if (document.querySelector('[data-setting]')) void import('./team-values').then((module) => module.watchTeamValues());
  labelCodeBlocks();
  watchScrollRegions();
  const notices = document.querySelector<HTMLElement>('[data-storage-notices]');
  if (notices) showStorageNotices(notices);
  enhanceChecklists();
  watchIncident();
}

/** The header's "Start incident" opens the start dialog; the bar shows while an incident is active. */
function watchIncident() {
  for (const button of document.querySelectorAll<HTMLElement>('[data-start-incident]')) {
    button.addEventListener('click', () => void import('./incident-start').then((dialog) => dialog.openStartDialog(button)));
  }
  let bar: Promise<unknown> | undefined;
  getStore().$active.subscribe((incident) => {
    const active = incident.id !== PRACTICE_ID && !incident.closedAt;
    // The before-paint line (src/state/boot.ts) set this from storage; keep it true as things change.
    // Once the bar is here it decides (a just-closed incident keeps the bar, and its space, until dismissed).
    if (active) document.documentElement.setAttribute('data-incident', 'active');
    else if (!bar) document.documentElement.removeAttribute('data-incident');
    if (active) bar ??= import('./incident-bar').then((module) => module.mountIncidentBar());
  });
}

start();
