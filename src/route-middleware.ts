/** Gives each runbook page the sidebar of its own handbook and pagination within it. */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { getCollection } from 'astro:content';
import { flattenLinks, handbookSidebars, sidebarHash, type SidebarEntry, type SidebarLinkEntry } from './lib/sidebar';
import { nestToc, withTemplateHeadings } from './lib/template-toc';
import { templatesOf } from './components/content/data';

/** Read once per build: every page's sidebar is cut from the same lists. */
let pages: Promise<{ handbooks: { id: string; name: string }[]; sidebarOf: (handbook: { id: string; name: string } | undefined, currentHref: string) => SidebarEntry[] }> | undefined;

function loadPages() {
  pages ??= (async () => {
    const [docs, handbooks] = await Promise.all([getCollection('docs'), getCollection('handbooks')]);
    const sorted = handbooks
      .map((h) => ({ id: h.id, name: h.data.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const all = docs.map((doc) => ({
      id: doc.id,
      title: doc.data.title,
      label: doc.data.sidebar.label,
      order: doc.data.sidebar.order,
      hidden: doc.data.sidebar.hidden,
      handbook: doc.data.handbook ?? '',
    }));
    return { handbooks: sorted, sidebarOf: handbookSidebars(all, sorted) };
  })();
  return pages;
}

/**
 * What every page of a handbook shares, worked out once per handbook (not once per page: a handbook
 * of 1,000 runbooks would walk a million links): the links prev / next walk through, in sidebar
 * order, and the key of the sidebar's saved state. Prev / next stay inside the handbook: "next" from
 * the last scenario is not another team's page.
 */
const navigations = new Map<string, { links: SidebarLinkEntry[]; indexOf: Map<string, number>; hash: string }>();
function navigationOf(data: Awaited<ReturnType<typeof loadPages>>, handbook: { id: string; name: string } | undefined) {
  const key = handbook?.id ?? '';
  let navigation = navigations.get(key);
  if (!navigation) {
    // No page is current in this sidebar: the marked copy a page gets differs only in its own link.
    const sidebar = data.sidebarOf(handbook, '');
    const links = flattenLinks(sidebar as never).filter((link) => link.href !== '/' && (!handbook || link.href.startsWith(`/${handbook.id}/`)));
    const indexOf = new Map<string, number>();
    links.forEach((link, index) => {
      if (!indexOf.has(link.href)) indexOf.set(link.href, index);
    });
    // The key of the sidebar's saved state (src/components/Sidebar.astro): labels and addresses only.
    navigations.set(key, (navigation = { links, indexOf, hash: sidebarHash(sidebar) }));
  }
  return navigation;
}

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const data = await loadPages();
  const handbookId = (route.entry.data as { handbook?: string }).handbook;
  const handbook = data.handbooks.find((h) => h.id === handbookId);
  const current = context.url.pathname.endsWith('/') ? context.url.pathname : `${context.url.pathname}/`;
  route.sidebar = data.sidebarOf(handbook, current) as typeof route.sidebar;
  const { links, indexOf, hash } = navigationOf(data, handbook);
  context.locals.handbookSidebarHash = hash;
  const at = indexOf.get(current) ?? -1;
  if (at !== -1) {
    route.pagination = { prev: links[at - 1] as never, next: links[at + 1] as never };
  }
  await addTemplateHeadings(route);
});

/** Message templates draw their own headings: list them in "On this page" too, each with its anchor. */
async function addTemplateHeadings(route: App.Locals['starlightRoute']) {
  const source = route.entry.body ?? '';
  if (!route.toc || !/<(TemplateList|MessageTemplate)\b/.test(source)) return;
  const all = await getCollection('templates');
  const byHandbook = new Map<string, { id: string; title: string }[]>();
  for (const handbook of new Set(all.map((t) => t.data.handbook))) {
    byHandbook.set(handbook, (await templatesOf(handbook)).map((t) => ({ id: t.id, title: t.data.title })));
  }
  route.headings = withTemplateHeadings(source, route.headings, {
    templates: (handbook) => byHandbook.get(handbook) ?? [],
    title: (id) => all.find((t) => t.id === id)?.data.title,
  });
  route.toc = { ...route.toc, items: nestToc(route.headings, { ...route.toc, title: route.toc.items[0]?.text ?? 'Overview' }) as typeof route.toc.items };
}
