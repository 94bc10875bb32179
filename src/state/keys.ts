/** Every localStorage key this site writes starts with this prefix; Starlight's own keys are left alone. */
export const PREFIX = 'incident-handbook:';
/** The whole persisted state, one versioned JSON document. */
export const STATE_KEY = `${PREFIX}state`;
/** Unreadable or foreign data found under STATE_KEY is moved here, never deleted: `${BACKUP_PREFIX}<ISO time>`. */
export const BACKUP_PREFIX = `${PREFIX}backup:`;
/** The id of the scope ticks belong to when no incident is active. */
export const PRACTICE_ID = 'practice';
