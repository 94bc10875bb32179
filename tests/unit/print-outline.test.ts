/**
 * The printed handbook's outline: which pages go into the binder, in what order, with what number,
 * and the CSS string that carries the handbook's name into the page margins.
 */
import { describe, expect, it } from 'vitest';
import { cssString, printOutline, sectionAnchor, sectionsOf, type OutlinePage } from '../../src/lib/print-outline';

const PAGES: OutlinePage[] = [
  { id: 'demo/scenarios/db-down', title: 'Database down', order: 2 },
  { id: 'demo/scenarios/api-down', title: 'API down', order: 1 },
  { id: 'demo/severity', title: 'Severity and escalation', order: 3 },
  { id: 'demo', title: 'Demo handbook', order: 9 },
  { id: 'demo/respond-now', title: 'Respond now', order: 2 },
  { id: 'demo/process/review', title: 'Post-incident review' },
  { id: 'demo/reference/contacts', title: 'On-call contacts', order: 1 },
  { id: 'demo/roles/commander', title: 'Incident commander' },
  { id: 'demo/onboarding/drills', title: 'Drills', kind: 'onboarding' },
  { id: 'demo/scenarios/secret', title: 'Hidden page', hidden: true },
  { id: 'demo/custom-folder/thing', title: 'A page in a folder of its own' },
  { id: 'other/scenarios/api-down', title: 'Another team' },
  { id: 'demonstration/page', title: 'A handbook whose id starts like this one' },
];

describe('printOutline', () => {
  const parts = printOutline('demo', PAGES);

  it('puts the overview first, then the top pages by sidebar order, then reference, scenarios, process, roles, other folders', () => {
    expect(parts.map((part) => `${part.number} ${part.title}`)).toEqual([
      '1 Demo handbook',
      '2 Respond now',
      '3 Severity and escalation',
      '4 Reference',
      '5 Scenarios',
      '6 Process',
      '7 Roles',
      '8 Custom folder',
    ]);
  });

  it('numbers the pages of a folder within its part, in sidebar order', () => {
    expect(parts[4].sections.map((section) => `${section.number} ${section.title}`)).toEqual(['5.1 API down', '5.2 Database down']);
  });

  it('leaves out onboarding pages, hidden pages and other handbooks', () => {
    const ids = sectionsOf(parts).map((section) => section.id);
    expect(ids).not.toContain('demo/onboarding/drills');
    expect(ids).not.toContain('demo/scenarios/secret');
    expect(ids.filter((id) => !id.startsWith('demo/') && id !== 'demo')).toEqual([]);
    expect(ids).toHaveLength(9);
  });

  it('gives each section an anchor of its own and its site address', () => {
    const sections = sectionsOf(parts);
    expect(new Set(sections.map((section) => section.anchor)).size).toBe(sections.length);
    expect(sections[0]).toMatchObject({ anchor: 'print-overview', href: '/demo/' });
    expect(sections.find((section) => section.id === 'demo/scenarios/db-down')).toMatchObject({ anchor: 'print-scenarios-db-down', href: '/demo/scenarios/db-down/' });
    expect(parts[3].anchor).toBe('print-part-reference');
    expect(parts[0].anchor).toBeUndefined();
  });

  it('makes anchors from page ids', () => {
    expect(sectionAnchor('demo', 'demo')).toBe('print-overview');
    expect(sectionAnchor('demo', 'demo/process/post-incident-review')).toBe('print-process-post-incident-review');
  });
});

describe('cssString', () => {
  it('keeps letters, digits and spaces, and escapes everything else', () => {
    expect(cssString('Customer Portal 2')).toBe('"Customer Portal 2"');
    expect(cssString('100K-User')).toBe('"100K\\2d User"');
  });

  it('cannot end the string, the rule or the style element', () => {
    const css = cssString('"; } </style><script>alert(1)</script>\\');
    expect(css.slice(1, -1)).not.toMatch(/["<>;{}]/);
    expect(css).not.toMatch(/\\(?![0-9a-f]+ )/);
  });
});
