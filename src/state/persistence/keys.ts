/** Every localStorage key this site writes starts with this prefix; Starlight's own keys are left alone. */
export const PREFIX = 'incident-handbook:';
/** The whole persisted state, one versioned JSON document. */
export const STATE_KEY = `${PREFIX}state`;
/** Unreadable or foreign data found under one of our keys is moved here, never deleted: `${BACKUP_PREFIX}<ISO time>`. */
export const BACKUP_PREFIX = `${PREFIX}backup:`;
/**
 * Text typed into a template, one small key per incident and template:
 * `${DRAFT_PREFIX}<incidentId>:<templateId>`. Kept out of STATE_KEY so a keystroke rewrites a few
 * hundred characters, not the whole document.
 */
export const DRAFT_PREFIX = `${PREFIX}draft:`;
/**
 * Training of one handbook (drill answers, onboarding progress): `${TRAINING_PREFIX}<handbook>`. Not
 * part of any incident, so it lives apart from STATE_KEY (see training.ts).
 */
export const TRAINING_PREFIX = `${PREFIX}training:`;
/** Team settings (the values of the content's placeholders), one small document apart from STATE_KEY (see settings.ts). */
export const SETTINGS_KEY = `${PREFIX}settings`;
/** The id of the scope ticks belong to when no incident is active. */
export const PRACTICE_ID = 'practice';
/** The format marker at the top of a backup file ("Export backup"), so an import can tell one from any other JSON. */
export const BACKUP_FORMAT = 'incident-handbook-backup';
/** The format marker of a handoff (one incident carried in a link or a file to the next on-call). */
export const HANDOFF_FORMAT = 'incident-handbook-handoff';
