/**
 * The visible side of the storage failure policy (src/state/persistence/engine.ts): tells the reader when ticks
 * are only kept in this tab, when storage is full, and when unreadable data was kept aside, with a
 * way to download it. Built with textContent only: nothing stored is ever parsed as HTML.
 */
import { getStore } from '../../state';

// Loaded when a download is asked for: the notices are rare, and every runbook page carries this file.
const downloadText = (name: string, text: string, type?: string) => void import('./share').then((share) => share.downloadText(name, text, type));

export function showStorageNotices(container: HTMLElement) {
  const store = getStore();

  const render = () => {
    const health = store.$health.get();
    const acknowledged = new Set(store.$state.get().acknowledgedBackups ?? []);
    const backups = store.$backups.get().filter((backup) => !acknowledged.has(backup.key));
    const notices: HTMLElement[] = [];

    if (health.mode === 'memory' && !health.quotaExceeded) {
      notices.push(notice('This browser is not letting the site save data. Ticks are kept in this tab only and are lost when it closes: download a backup before you close it.', [
        ['Download backup', downloadBackup],
      ]));
    }
    if (health.quotaExceeded) {
      notices.push(notice('Browser storage is full. Your latest ticks are kept in this tab only: download a backup now, then free some space.', [
        ['Download backup', downloadBackup],
      ]));
    }
    for (const backup of backups) {
      notices.push(notice(`${backup.reason} Nothing was deleted: it is kept in this browser under the key "${backup.key}" (${backup.size} characters), and a fresh start was made.`, [
        ['Download the kept data', () => downloadText(`${backup.key.replace(/[^a-z0-9-]+/gi, '-')}.txt`, store.readBackup(backup.key) ?? '')],
        ['Dismiss', () => store.acknowledgeBackup(backup.key)],
      ]));
    }
    container.replaceChildren(...notices);
    container.hidden = notices.length === 0;
  };

  const downloadBackup = () => downloadText(`incident-handbook-backup-${new Date().toISOString().slice(0, 10)}.json`, store.exportJSON(), 'application/json');

  store.$health.listen(render);
  store.$backups.listen(render);
  store.$state.subscribe(render);
}

function notice(text: string, actions: [string, () => void][]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'storage-notice';
  box.setAttribute('role', 'alert');
  const message = document.createElement('p');
  message.textContent = text;
  box.append(message);
  for (const [label, onClick] of actions) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'checklist-button';
    button.textContent = label;
    button.addEventListener('click', onClick);
    box.append(button);
  }
  return box;
}
