/** Gives each runbook page the sidebar of its own handbook and pagination within it. */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { getCollection } from 'astro:content';
import { flattenLinks, handbookSidebar, type SidebarPage } from './lib/sidebar';

let pages: Promise<{ pages: SidebarPage[]; handbooks: { id: string; name: string }[] }> | undefined;

function loadPages() {
  pages ??= (async () => {
    const [docs, handbooks] = await Promise.all([getCollection('docs'), getCollection('handbooks')]);
    return {
      pages: docs.map((doc) => ({
        id: doc.id,
        title: doc.data.title,
        label: doc.data.sidebar.label,
        order: doc.data.sidebar.order,
        hidden: doc.data.sidebar.hidden,
        handbook: doc.data.handbook ?? '',
      })),
      handbooks: handbooks
        .map((h) => ({ id: h.id, name: h.data.name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  })();
  return pages;
}

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const data = await loadPages();
  const handbookId = (route.entry.data as { handbook?: string }).handbook;
  const handbook = data.handbooks.find((h) => h.id === handbookId);
  const current = context.url.pathname.endsWith('/') ? context.url.pathname : `${context.url.pathname}/`;
  route.sidebar = handbookSidebar(handbook, data.pages, data.handbooks, current) as typeof route.sidebar;
  // Prev / next stay inside the handbook: "next" from the last scenario is not another team's page.
  const links = flattenLinks(route.sidebar as never).filter((link) => link.href !== '/' && (!handbook || link.href.startsWith(`/${handbook.id}/`)));
  const at = links.findIndex((link) => link.isCurrent);
  if (at !== -1) {
    route.pagination = { prev: links[at - 1] as never, next: links[at + 1] as never };
  }
});
