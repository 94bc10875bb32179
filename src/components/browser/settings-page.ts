/**
 * /settings/ in the browser: each input shows and saves this browser's value of its placeholder (an
 * empty input removes it, so the build's value or the marker shows again); the line under it says
 * where the value on the pages comes from. Export and import go through src/lib/team-settings.ts.
 * Values are text: shown with textContent and input values, never parsed as HTML.
 */
import { getStore } from '../../state';
import { settingsOf } from '../../state/settings';
import { readSettingsFile, settingsFile } from '../../lib/team-settings';
import { fill, el } from './dom';
import { downloadText } from './share';

export function showSettingsPage(root: HTMLElement): void {
  const store = settingsOf(getStore());
  const inputs = [...root.querySelectorAll<HTMLInputElement>('[data-setting-input]')];
  const status = root.querySelector<HTMLElement>('[data-settings-status]')!;
  const fileInput = root.querySelector<HTMLInputElement>('[data-settings-file]')!;
  const say = (text: string) => (status.textContent = text);
  /** What the server wrote under each input (the build's value, or the marker), to put back when a value is removed. */
  const served = new Map<Element, Node[]>();

  const showSource = (key: string, value: string | undefined) => {
    const line = root.querySelector<HTMLElement>(`[data-setting-source="${CSS.escape(key)}"]`);
    if (!line) return;
    if (!served.has(line)) served.set(line, [...line.childNodes].map((node) => node.cloneNode(true)));
    if (value) fill(line, 'Set in this browser', line.dataset.build ? ' (overrides the build’s value)' : '', '.');
    else line.replaceChildren(...served.get(line)!.map((node) => node.cloneNode(true)));
  };

  const render = (values: Record<string, string>) => {
    for (const input of inputs) {
      const key = input.dataset.settingInput!;
      const value = values[key] ?? '';
      // The field being typed in keeps what is typed (the store trims); the others follow the store (another tab).
      if (document.activeElement !== input && input.value !== value) input.value = value;
      showSource(key, values[key]);
    }
  };

  for (const input of inputs) {
    input.disabled = false;
    input.addEventListener('input', () => {
      if (!store.setSetting(input.dataset.settingInput!, input.value)) say(`Not saved: ${input.labels?.[0]?.textContent ?? 'this value'} must be one line of at most 500 characters.`);
    });
    input.addEventListener('change', () => {
      if (input.value !== input.value.trim()) input.value = input.value.trim();
    });
  }
  store.$settings.subscribe((settings) => render(settings.values));

  root.querySelector('[data-settings-actions]')!.removeAttribute('hidden');
  root.querySelector('[data-settings-export]')!.addEventListener('click', () => {
    const values = store.$settings.get().values;
    downloadText(`team-settings-${new Date().toISOString().slice(0, 10)}.json`, settingsFile(values, new Date()), 'application/json');
    const count = Object.keys(values).length;
    say(count ? `Exported ${count} setting${count === 1 ? '' : 's'}.` : 'Exported an empty settings file: nothing is set in this browser yet.');
  });
  root.querySelector('[data-settings-import]')!.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    const read = readSettingsFile(await file.text());
    if (!read.ok) return say(`Nothing was imported from ${file.name}: ${read.reason}`);
    const result = store.replaceSettings(read.values);
    if (!result.ok) return say(`Nothing was imported from ${file.name}: ${result.reason}`);
    const keys = Object.keys(result.values);
    const here = new Set(inputs.map((input) => input.dataset.settingInput));
    const unused = keys.filter((key) => !here.has(key)).length;
    fill(status, el('span', {}, `Imported ${keys.length} setting${keys.length === 1 ? '' : 's'} from ${file.name}`,
      ' (they replace this browser’s)', unused ? `; ${unused} of them ${unused === 1 ? 'is' : 'are'} for placeholders this site does not use (kept)` : '', '.'));
  });
}
