/** Every content schema, importable without Astro (tests, scripts, `npm run validate`). */
export * from './context';
export * from './ids';
export * from './duration-text';
export * from './duration';
export * from './dates';
export * from './placeholders';
export * from './slug';
export * from './threshold-condition';
export * from './scale';
export * from './handbook';
export * from './runbook';
export * from './template';
export * from './drill';
export * from './references';
