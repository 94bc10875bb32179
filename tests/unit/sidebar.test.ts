/**
 * The per-handbook sidebar: a responder sees their own handbook's pages, overview first, grouped by
 * folder in a fixed order, then a collapsed group linking the other handbooks.
 */
import { describe, expect, it } from 'vitest';
import { flattenLinks, handbookSidebar, handbookSidebars, hrefOf, sidebarHash, type SidebarEntry, type SidebarGroupEntry, type SidebarLinkEntry, type SidebarPage } from '../../src/lib/sidebar';

const DEMO = { id: 'demo', name: 'Demo Platform' };
const OTHER = { id: 'other', name: 'Other Team' };
const THIRD = { id: 'third', name: 'Third Team' };
const HANDBOOKS = [DEMO, OTHER, THIRD];

const page = (id: string, title: string, extra: Partial<SidebarPage> = {}): SidebarPage => ({ id, title, handbook: id.split('/')[0], ...extra });

const PAGES: SidebarPage[] = [
  page('index', 'Home', { handbook: '' }),
  page('404', 'Not found', { handbook: '' }),
  page('demo/respond-now', 'Respond now', { order: 1 }),
  page('demo/glossary', 'Glossary'),
  page('demo', 'Demo Platform'),
  page('demo/onboarding/first-week', 'First week'),
  page('demo/reference/commands', 'Commands'),
  page('demo/process/declare', 'Declare an incident', { order: 2 }),
  page('demo/process/communicate', 'Communicate', { order: 1 }),
  page('demo/scenarios/outage', 'Outage'),
  page('demo/scenarios/db-down', 'Database down', { label: 'DB down' }),
  page('demo/scenarios/hidden', 'Hidden page', { hidden: true }),
  page('demo/tools/dashboards', 'Dashboards'),
  page('demo/scenarios/payments/stripe', 'Stripe down'),
  page('other', 'Other Team'),
  page('other/scenarios/outage', 'Other outage'),
];

const labels = (entries: SidebarEntry[]) => entries.map((entry) => entry.label);
const group = (entries: SidebarEntry[], label: string) => entries.find((entry): entry is SidebarGroupEntry => entry.type === 'group' && entry.label === label)!;

describe('hrefOf', () => {
  it('maps the home page to "/" and other ids to "/id/"', () => {
    expect(hrefOf('index')).toBe('/');
    expect(hrefOf('demo')).toBe('/demo/');
    expect(hrefOf('demo/scenarios/outage')).toBe('/demo/scenarios/outage/');
  });
});

describe('handbookSidebar', () => {
  const sidebar = handbookSidebar(DEMO, PAGES, HANDBOOKS, '/demo/scenarios/outage/');
  const own = group(sidebar, 'Demo Platform');

  it('starts with "All handbooks", then the handbook, then the other handbooks', () => {
    expect(labels(sidebar)).toEqual(['All handbooks', 'Incidents', 'Demo Platform', 'Other handbooks']);
    expect(sidebar[0]).toMatchObject({ type: 'link', href: '/', isCurrent: false });
  });

  it('shows only the current handbook\'s pages, and no hidden ones', () => {
    const hrefs = flattenLinks([own]).map((link) => link.href);
    expect(hrefs.every((href) => href.startsWith('/demo/'))).toBe(true);
    expect(hrefs).not.toContain('/demo/scenarios/hidden/');
    expect(hrefs).not.toContain('/other/scenarios/outage/');
    expect(hrefs).not.toContain('/');
  });

  it('leads with the overview (the handbook index), then top-level pages by sidebar order, then by title', () => {
    const top = own.entries.filter((entry): entry is SidebarLinkEntry => entry.type === 'link');
    expect(top.map((link) => [link.label, link.href])).toEqual([
      ['Overview', '/demo/'],
      ['Respond now', '/demo/respond-now/'],
      ['Glossary', '/demo/glossary/'],
    ]);
  });

  it('groups pages by folder in the order scenarios, process, reference, onboarding, then other folders', () => {
    const groups = own.entries.filter((entry) => entry.type === 'group');
    expect(labels(groups)).toEqual(['Scenarios', 'Process', 'Reference', 'Onboarding', 'Tools']);
    expect(own.entries.slice(0, 3).every((entry) => entry.type === 'link')).toBe(true);
  });

  it('orders a group by sidebar order, then label or title, and uses the sidebar label', () => {
    expect(labels(group(own.entries, 'Process').entries)).toEqual(['Communicate', 'Declare an incident']);
    // "DB down" (label) sorts before "Outage"; the nested page stays in its top folder's group.
    expect(labels(group(own.entries, 'Scenarios').entries)).toEqual(['DB down', 'Outage', 'Stripe down']);
  });

  it('puts pages with an order before pages without one', () => {
    const pages = [page('demo', 'Demo'), page('demo/process/a', 'Alpha'), page('demo/process/z', 'Zulu', { order: 5 })];
    const entries = (handbookSidebar(DEMO, pages, [DEMO], '/')[2] as SidebarGroupEntry).entries;
    expect(labels(group(entries, 'Process').entries)).toEqual(['Zulu', 'Alpha']);
  });

  it('names an unknown folder by capitalising it and replacing hyphens with spaces', () => {
    const pages = [page('demo/post-incident/review', 'Review')];
    const entries = (handbookSidebar(DEMO, pages, [DEMO], '/')[2] as SidebarGroupEntry).entries;
    expect(labels(entries)).toEqual(['Post incident']);
  });

  it('marks exactly the current page as current', () => {
    const current = flattenLinks(sidebar).filter((link) => link.isCurrent);
    expect(current.map((link) => link.href)).toEqual(['/demo/scenarios/outage/']);
  });

  it('gives each page of one site its own current link, whatever order the pages come in', () => {
    const sidebarOf = handbookSidebars(PAGES, HANDBOOKS);
    const hrefs = flattenLinks(sidebarOf(DEMO, '/demo/')).map((link) => link.href).filter((href) => href.startsWith('/demo/'));
    for (const href of [...hrefs, ...hrefs.slice().reverse(), '/nowhere/']) {
      const current = flattenLinks(sidebarOf(DEMO, href)).filter((link) => link.isCurrent).map((link) => link.href);
      expect(current).toEqual(hrefs.includes(href) ? [href] : []);
    }
  });

  it('shares the entries that are not current between pages, and copies only the list with the current one', () => {
    const sidebarOf = handbookSidebars(PAGES, HANDBOOKS);
    const [a, b] = [sidebarOf(DEMO, '/demo/scenarios/outage/'), sidebarOf(DEMO, '/demo/')];
    const scenarios = (sidebar: SidebarEntry[]) => group(group(sidebar, 'Demo Platform').entries, 'Scenarios').entries;
    expect(scenarios(a)).not.toBe(scenarios(b));
    expect(scenarios(b)).toBe(scenarios(sidebarOf(DEMO, '/demo/respond-now/')));
    const outage = (sidebar: SidebarEntry[]) => scenarios(sidebar).find((entry) => (entry as SidebarLinkEntry).href === '/demo/scenarios/outage/') as SidebarLinkEntry;
    expect(outage(a).isCurrent).toBe(true);
    expect(outage(b).isCurrent).toBe(false);
  });

  it('marks "All handbooks" as current on the home page', () => {
    const home = handbookSidebar(undefined, PAGES, HANDBOOKS, '/');
    expect(home[0]).toMatchObject({ label: 'All handbooks', isCurrent: true });
  });

  it('links the other handbooks in a collapsed group, without the current one', () => {
    const others = group(sidebar, 'Other handbooks');
    expect(others.collapsed).toBe(true);
    expect(others.entries.map((entry) => [entry.label, (entry as SidebarLinkEntry).href])).toEqual([
      ['Other Team', '/other/'],
      ['Third Team', '/third/'],
    ]);
  });

  it('shows every handbook in an open "Handbooks" group on a page of no handbook', () => {
    const home = handbookSidebar(undefined, PAGES, HANDBOOKS, '/');
    expect(labels(home)).toEqual(['All handbooks', 'Incidents', 'Handbooks']);
    expect(group(home, 'Handbooks')).toMatchObject({ collapsed: false });
    expect(labels(group(home, 'Handbooks').entries)).toEqual(['Demo Platform', 'Other Team', 'Third Team']);
  });

  it('has no other-handbooks group when there is only one handbook', () => {
    expect(labels(handbookSidebar(DEMO, PAGES, [DEMO], '/demo/'))).toEqual(['All handbooks', 'Incidents', 'Demo Platform']);
  });

  it('builds entries in the shape Starlight expects', () => {
    expect(own).toMatchObject({ type: 'group', collapsed: false, badge: undefined });
    expect(flattenLinks(sidebar)[2]).toEqual({ type: 'link', label: 'Overview', href: '/demo/', isCurrent: false, badge: undefined, attrs: {} });
  });

  it('does not reorder the pages array it is given', () => {
    const pages = [page('demo/process/b', 'B'), page('demo/process/a', 'A')];
    handbookSidebar(DEMO, pages, [DEMO], '/');
    expect(pages.map((p) => p.id)).toEqual(['demo/process/b', 'demo/process/a']);
  });
});

describe('handbookSidebars', () => {
  it('gives each page the sidebar handbookSidebar gives it, with only its own link current, however many pages use it', () => {
    const sidebarOf = handbookSidebars(PAGES, HANDBOOKS);
    const visits: [typeof DEMO | undefined, string][] = [[DEMO, '/demo/scenarios/outage/'], [DEMO, '/demo/'], [OTHER, '/other/scenarios/outage/'], [undefined, '/'], [DEMO, '/demo/scenarios/outage/']];
    for (const [handbook, href] of visits) {
      const entries = sidebarOf(handbook, href);
      expect(entries).toEqual(handbookSidebar(handbook, PAGES, HANDBOOKS, href));
      expect(flattenLinks(entries).filter((link) => link.isCurrent).map((link) => link.href)).toEqual([href]);
    }
  });

  it('gives every page entries of its own, so one page\'s changes stay on that page', () => {
    const sidebarOf = handbookSidebars(PAGES, HANDBOOKS);
    const first = sidebarOf(DEMO, '/demo/');
    flattenLinks(first)[2].label = 'Changed';
    expect(flattenLinks(sidebarOf(DEMO, '/demo/'))[2].label).toBe('Overview');
  });
});

describe('flattenLinks', () => {
  it('lists every link depth first, in sidebar order', () => {
    const sidebar = handbookSidebar(DEMO, PAGES, HANDBOOKS, '/demo/');
    expect(flattenLinks(sidebar).map((link) => link.href)).toEqual([
      '/',
      '/incidents/', '/demo/',
      '/demo/respond-now/',
      '/demo/glossary/',
      '/demo/scenarios/db-down/',
      '/demo/scenarios/outage/',
      '/demo/scenarios/payments/stripe/',
      '/demo/process/communicate/',
      '/demo/process/declare/',
      '/demo/reference/commands/',
      '/demo/onboarding/first-week/',
      '/demo/tools/dashboards/',
      '/other/',
      '/third/',
    ]);
  });

  it('returns an empty list for no entries', () => {
    expect(flattenLinks([])).toEqual([]);
  });
});

describe('sidebarHash', () => {
  const sidebar = (current: string): SidebarEntry[] => [
    { type: 'link', label: 'All handbooks', href: '/', isCurrent: current === '/', badge: undefined, attrs: {} },
    { type: 'group', label: 'Demo', collapsed: false, badge: undefined, entries: [
      { type: 'link', label: 'A', href: '/demo/a/', isCurrent: current === '/demo/a/', badge: undefined, attrs: {} },
      { type: 'link', label: 'B', href: '/demo/b/', isCurrent: current === '/demo/b/', badge: undefined, attrs: {} },
    ] },
  ];

  it('is Starlight\'s hash of the labels and addresses: the same on every page of a sidebar, whichever link is current', () => {
    // Starlight 0.42's getSidebarHash over "All handbooks/DemoA/demo/a/B/demo/b/", worked by hand.
    let hash = 0;
    for (const char of 'All handbooks/DemoA/demo/a/B/demo/b/') hash = (hash << 5) - hash + char.charCodeAt(0);
    const expected = (hash >>> 0).toString(36).padStart(7, '0');
    expect(sidebarHash(sidebar('/demo/a/'))).toBe(expected);
    expect(sidebarHash(sidebar('/demo/b/'))).toBe(expected);
  });

  it('changes when a label or an address does', () => {
    const renamed = sidebar('/');
    (renamed[1] as { label: string }).label = 'Demo handbook';
    expect(sidebarHash(renamed)).not.toBe(sidebarHash(sidebar('/')));
  });
});
