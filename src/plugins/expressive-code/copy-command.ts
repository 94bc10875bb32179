/**
 * The browser half of the command plugin, shipped through Expressive Code's `jsModules` (one file per
 * site, deduplicated per page): one click listener on the document copies a command button's
 * `data-code`, says "Copied: <command>" in the block's live region and shows "Copied" beside the
 * button. Clipboard API first; a hidden textarea and execCommand where that is blocked.
 *
 * A string, not a function's source: the markdown renderer (Node) and Starlight's <Code> component
 * (the bundler) must produce the very same module, or the page asks for a script file that does not
 * exist. No backticks or dollar-brace in it (it is a String.raw template).
 */
const source = String.raw`
(() => {
  // Clipboard API first; a hidden textarea and execCommand where it is blocked (http, old browsers).
  const write = async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.cssText = 'position:fixed;top:0;left:0;opacity:0';
      document.body.append(area);
      area.select();
      let copied = false;
      try {
        copied = document.execCommand('copy');
      } catch {}
      area.remove();
      return copied;
    }
  };
  const timers = new WeakMap();
  document.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest('.expressive-code button.cmd-copy') : null;
    if (!button) return;
    const copied = await write(button.dataset.code.replace(/\u007f/g, '\n'));
    // The textarea fallback moves focus: give it back so the keyboard stays where it was.
    if (document.activeElement !== button) button.focus({ preventScroll: true });
    const status = button.closest('figure')?.querySelector('.cmd-status');
    if (status) {
      status.textContent = '';
      // New text in the next frame, so a second copy of the same command is announced again.
      requestAnimationFrame(() => (status.textContent = copied ? button.dataset.copied + ': ' + button.dataset.command : status.dataset.failed));
    }
    if (!copied) return;
    button.classList.add('is-copied');
    clearTimeout(timers.get(button));
    timers.set(button, setTimeout(() => button.classList.remove('is-copied'), 2000));
  });
})();
`;

/** Without comment lines and indentation: what the page downloads. */
export const copyCommandScript = source
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('//'))
  .join('\n');
