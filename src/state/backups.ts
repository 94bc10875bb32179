/** Backups: data kept aside (read it, dismiss its notice) and the JSON export of everything stored. */
import type { StoreContext } from './context';
import type { DraftInternals } from './drafts';
import { BACKUP_FORMAT, BACKUP_PREFIX } from './persistence/keys';
import { CURRENT_VERSION } from './persistence/schema';
import type { BackupActions } from './api';

export function backupActions({ doc, now }: StoreContext, drafts: DraftInternals): BackupActions {
  return {
    acknowledgeBackup(key) {
      doc.update((state) =>
        state.acknowledgedBackups?.includes(key) ? state : { ...state, acknowledgedBackups: [...(state.acknowledgedBackups ?? []), key] },
      );
    },

    readBackup(key) {
      return key.startsWith(BACKUP_PREFIX) ? doc.safe.read(key) : undefined;
    },

    exportJSON() {
      // Drafts first: reading them keeps any unreadable one aside, and so in `backups`.
      const allDrafts = drafts.allDrafts();
      const backups = Object.fromEntries(doc.safe.keys(BACKUP_PREFIX).map((key) => [key, doc.safe.read(key) ?? '']));
      return JSON.stringify(
        {
          format: BACKUP_FORMAT,
          version: CURRENT_VERSION,
          exportedAt: now().toISOString(),
          state: doc.$state.get(),
          ...(Object.keys(allDrafts).length ? { drafts: allDrafts } : {}),
          backups,
        },
        null,
        2,
      );
    },
  };
}
