/**
 * A modal dialog for the incident tools: a native <dialog> (focus trapped and restored, Escape
 * closes), named by its heading, built from elements (never HTML).
 */
import { el } from './dom';

export interface DialogAction {
  label: string;
  /** Return false to keep the dialog open (a validation message was shown). */
  run?: () => unknown;
  kind?: 'primary' | 'danger';
}

let count = 0;

export function openDialog(title: string, body: (Node | string)[], actions: DialogAction[], opener?: HTMLElement | null): HTMLDialogElement {
  const id = `incident-dialog-${++count}`;
  const returnTo = opener ?? (document.activeElement as HTMLElement | null);
  const dialog = el(
    'dialog',
    { class: 'incident-dialog', 'aria-labelledby': id },
    el('h2', { id }, title),
    ...body,
    el('p', { class: 'incident-dialog-actions' },
      ...actions.map((action) => el('button', {
        type: 'button',
        class: `incident-button${action.kind ? ` incident-button--${action.kind}` : ''}`,
        // A dialog that can destroy something opens with the focus on the way out, not on the danger.
        autofocus: actions.some((other) => other.kind === 'danger') && !action.kind && action === actions.findLast((other) => !other.kind),
        onclick: async () => {
          const result = await action.run?.();
          if (result !== false) dialog.close();
        },
      }, action.label)),
    ),
  );
  dialog.addEventListener('close', () => {
    dialog.remove();
    returnTo?.focus?.();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
