/** Every content schema, importable without Astro (tests, scripts). */
export * from './context';
export * from './duration';
export * from './scale';
export * from './handbook';
export * from './runbook';
export * from './template';
export * from './drill';
export * from './references';
