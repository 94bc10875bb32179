/**
 * The onboarding path's checkboxes (OnboardingPath.astro): ticks saved per handbook through src/state,
 * progress "4 of 9 read", "Reset progress" with an undo. The server HTML is complete (plain checkboxes
 * and links); this only applies and saves ticks. Other tabs' ticks arrive through storage events.
 */
import { getStore } from '../../state';
import { pathProgress, progressText } from '../../lib/onboarding';

function enhance(root: HTMLElement) {
  const handbook = root.dataset.handbook;
  if (!handbook) return;
  const training = getStore().training(handbook);
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[data-item]')];
  const ids = boxes.map((box) => box.dataset.item!);
  const progress = root.querySelector<HTMLElement>('[data-progress]');
  const reset = root.querySelector<HTMLButtonElement>('[data-reset]');
  const undo = root.querySelector<HTMLButtonElement>('[data-undo]');
  const note = root.querySelector<HTMLElement>('[data-note]');
  let taken: Record<string, string> | undefined;

  // Ticks made before this script ran (a quick reader) are saved, not overwritten by the stored ones.
  for (const box of boxes) if (box.checked) training.setRead(box.dataset.item!, true);

  training.$training.subscribe((current) => {
    for (const box of boxes) box.checked = Object.hasOwn(current.read, box.dataset.item!);
    const done = pathProgress(ids, current.read);
    if (progress) progress.textContent = progressText(done);
    root.dataset.complete = String(done.done === done.total);
  });

  root.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (!box.dataset?.item) return;
    training.setRead(box.dataset.item, box.checked);
    if (undo) undo.hidden = true;
    if (note) note.textContent = '';
  });

  reset?.addEventListener('click', () => {
    const ticked = training.resetOnboarding();
    if (!Object.keys(ticked).length) {
      if (note) note.textContent = 'Nothing to reset: no step is ticked.';
      return;
    }
    taken = ticked;
    if (note) note.textContent = 'Progress reset.';
    if (undo) {
      undo.hidden = false;
      undo.focus();
    }
  });

  undo?.addEventListener('click', () => {
    if (taken) training.restoreOnboarding(taken);
    taken = undefined;
    undo.hidden = true;
    if (note) note.textContent = 'Progress restored.';
    reset?.focus();
  });
}

document.querySelectorAll<HTMLElement>('[data-onboarding-path]').forEach(enhance);
