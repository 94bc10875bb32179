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

/** Used by src/components/Header.astro (a copy of Starlight's header). */
declare module 'virtual:starlight/user-config' {
  const config: { pagefind: unknown; components: Record<string, string> };
  export default config;
}
declare module 'virtual:starlight/components/LanguageSelect' { const Component: (props: Record<string, unknown>) => unknown; export default Component; }
declare module 'virtual:starlight/components/Search' { const Component: (props: Record<string, unknown>) => unknown; export default Component; }
declare module 'virtual:starlight/components/SiteTitle' { const Component: (props: Record<string, unknown>) => unknown; export default Component; }
declare module 'virtual:starlight/components/SocialIcons' { const Component: (props: Record<string, unknown>) => unknown; export default Component; }
declare module 'virtual:starlight/components/ThemeSelect' { const Component: (props: Record<string, unknown>) => unknown; export default Component; }

/** Used by src/components/Sidebar.astro (a copy of Starlight's sidebar). */
declare module 'virtual:starlight/components/MobileMenuFooter' { const Component: (props: Record<string, unknown>) => unknown; export default Component; }

declare namespace App {
  interface Locals {
    /** The hash keying the saved sidebar state, worked out once per handbook by src/route-middleware.ts. */
    handbookSidebarHash?: string;
  }
}
