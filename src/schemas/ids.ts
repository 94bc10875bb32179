/**
 * The one rule from a runbook's file to its page id and its address. Everything that names a page
 * goes through here: the docs loader (Astro's entry ids), the content index, the schemas' reference
 * checks, the checklist plugin, the sidebar, the components and the validator.
 *
 *   content/docs/agency-platform/scenarios/app-down.mdx -> id "agency-platform/scenarios/app-down"
 *                                                       -> address "/agency-platform/scenarios/app-down/"
 *   content/docs/agency-platform/index.mdx              -> id "agency-platform" -> "/agency-platform/"
 *   content/docs/index.mdx                              -> id "index"           -> "/"
 *
 * Pure and dependency-free: browser code, lib and schemas can all import it.
 */

/** Runbook files: Markdown or MDX. */
export const PAGE_EXTENSION = /\.(md|mdx)$/;

/**
 * Whether a path under content/docs/ is a page: a Markdown or MDX file whose name does not start
 * with `_` (Starlight's rule for partials and drafts).
 */
export function isPageFile(path: string): boolean {
  const name = path.replace(/\\/g, '/').split('/').pop() ?? '';
  return PAGE_EXTENSION.test(name) && !name.startsWith('_');
}

/** "agency-platform/index.mdx" (a path under content/docs/) -> "agency-platform". */
export function pageIdOfFile(path: string): string {
  return normalisePageId(path.replace(/\\/g, '/').replace(PAGE_EXTENSION, ''));
}

/** How authors refer to a page in YAML: "x/y", "/x/y/" and "x/y/index" are the same page, "x/y". */
export function normalisePageId(ref: string): string {
  return ref.replace(/^\/+|\/+$/g, '').replace(/(^|\/)index$/, '') || 'index';
}

/** The address of a page: "/x/y/" ("/" for the home page). Accepts any form `normalisePageId` does. */
export function pageHref(id: string): string {
  const page = normalisePageId(id);
  return page === 'index' ? '/' : `/${page}/`;
}

/** The handbook a page belongs to by its place: the first folder under content/docs/ ("" for a top-level page). */
export function folderOfPage(id: string): string {
  const page = normalisePageId(id);
  return page.includes('/') ? page.split('/')[0] : page === 'index' ? '' : page;
}
