/**
 * Team settings on a page: every slot the server marked (`<span class="team-slot" data-setting>`,
 * from Placeholder.astro and the code-block plugin) shows the value this browser keeps for it, as
 * text only (never parsed as HTML); without one it shows what the server rendered (the build's value,
 * or the marked placeholder). A code block's copy buttons copy the filled values. The page script
 * loads this only on pages with a slot (runbook-page.ts), and it follows changes made in another tab.
 */
import { getStore } from '../../state';
import { settingsOf } from '../../state/settings';

/** What the server put in each slot, and each copy button's text, to put back when a value is removed. */
const served = new Map<Element, Node[]>();
const servedCode = new Map<HTMLElement, string[]>();
/** A copy button's text and its name ("Copy command: curl -sI [Status page URL]"). */
const COPY_ATTRIBUTES = ['data-code', 'title', 'aria-label'];

export function fillTeamValues(values: Record<string, string>): void {
  const slots = document.querySelectorAll<HTMLElement>('[data-setting]');
  for (const slot of slots) {
    if (!served.has(slot)) served.set(slot, [...slot.childNodes].map((node) => node.cloneNode(true)));
    const value = values[slot.dataset.setting!];
    if (value) {
      if (slot.textContent !== value || slot.children.length) slot.replaceChildren(value);
    } else {
      slot.replaceChildren(...served.get(slot)!.map((node) => node.cloneNode(true)));
    }
    slot.toggleAttribute('data-filled', !!value);
  }
  // Copy buttons carry the block's text as served: swap each slot's served text for its value.
  for (const figure of new Set([...slots].map((slot) => slot.closest('figure')).filter(Boolean))) {
    const swaps = [...figure!.querySelectorAll<HTMLElement>('[data-setting]')].map((slot) => [
      served.get(slot)!.map((node) => node.textContent).join(''),
      values[slot.dataset.setting!] || undefined,
    ] as const);
    for (const button of figure!.querySelectorAll<HTMLElement>('button[data-code]')) {
      if (!servedCode.has(button)) servedCode.set(button, COPY_ATTRIBUTES.map((name) => button.getAttribute(name) ?? ''));
      servedCode.get(button)!.forEach((text, n) => {
        for (const [from, to] of swaps) if (to && from) text = text.split(from).join(to);
        if (text) button.setAttribute(COPY_ATTRIBUTES[n], text);
      });
    }
  }
}

/** Fills the page's slots now and whenever the settings change (here or in another tab). */
export function watchTeamValues(): void {
  settingsOf(getStore()).$settings.subscribe((settings) => fillTeamValues(settings.values));
}
