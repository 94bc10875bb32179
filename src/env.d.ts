/**
 * Types of Starlight's virtual modules that src/components/Search.astro (a copy of Starlight's own
 * search component) imports. Starlight declares them only for its own source, not for users.
 */
declare module 'virtual:starlight/project-context' {
  const project: { trailingSlash: 'always' | 'never' | 'ignore'; build: { format: 'file' | 'directory' | 'preserve' } };
  export default project;
}

declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}
