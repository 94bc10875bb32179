import { describe, expect, it } from 'vitest';
import { escalationPage, onboardingSteps, pathItemIds, pathProgress, progressText, type PathPage } from '../../src/lib/onboarding';

const page = (id: string, title: string, extra: Partial<PathPage> = {}): PathPage => ({ id, title, href: `/${id}/`, ...extra });
const PAGES = [
  page('h', 'Overview', { kind: 'overview' }),
  page('h/reference/contacts', 'Contacts', { kind: 'reference' }),
  page('h/reference/on-call-escalation', 'On-call and escalation', { kind: 'reference' }),
  page('h/scenarios/b', 'B down', { kind: 'scenario', order: 2 }),
  page('h/scenarios/a', 'A down', { kind: 'scenario', order: 1 }),
  page('h/scenarios/c', 'C slow', { kind: 'scenario' }),
  page('other/scenarios/x', 'Not this handbook', { kind: 'scenario' }),
];
const INPUT = { handbook: 'h', pages: PAGES.filter((p) => p.id.startsWith('h')), severityHref: '/h/severity/', messagesHref: '/h/messages/', drillsHref: '/h/onboarding/drills/#drill-list' };

describe('onboardingSteps', () => {
  it('orders the steps: severity, escalation, (roles,) scenarios, messages, drills', () => {
    const steps = onboardingSteps(INPUT);
    expect(steps.map((s) => s.id)).toEqual(['severity', 'escalation', 'scenarios', 'messages', 'drills']);
    expect(steps[1].href).toBe('/h/reference/on-call-escalation/');
    expect(steps[2].items!.map((i) => i.id)).toEqual(['h/scenarios/a', 'h/scenarios/b', 'h/scenarios/c']);
  });

  it('lists the role pages that exist, and leaves the step out when there are none', () => {
    const steps = onboardingSteps({ ...INPUT, pages: [...INPUT.pages, page('h/roles/incident-commander', 'Incident commander', { order: 1 }), page('h/roles/scribe', 'Scribe', { order: 2 })] });
    expect(steps.map((s) => s.id)).toEqual(['severity', 'escalation', 'roles', 'scenarios', 'messages', 'drills']);
    expect(steps[2].items!.map((i) => i.href)).toEqual(['/h/roles/incident-commander/', '/h/roles/scribe/']);
  });

  it('limits the scenarios', () => {
    expect(onboardingSteps({ ...INPUT, maxScenarios: 2 })[2].items).toHaveLength(2);
  });
});

describe('escalationPage', () => {
  it('prefers an escalation page, then contacts, then the overview', () => {
    expect(escalationPage('h', PAGES)?.id).toBe('h/reference/on-call-escalation');
    expect(escalationPage('h', PAGES.filter((p) => !p.id.includes('escalation')))?.id).toBe('h/reference/contacts');
    expect(escalationPage('h', [PAGES[0]])?.id).toBe('h');
    expect(escalationPage('h', [])).toBeUndefined();
  });
});

describe('progress', () => {
  it('counts each item of a step with items, and a step without as one', () => {
    const ids = pathItemIds(onboardingSteps(INPUT));
    expect(ids).toEqual(['severity', 'escalation', 'scenarios:h/scenarios/a', 'scenarios:h/scenarios/b', 'scenarios:h/scenarios/c', 'messages', 'drills']);
    expect(progressText(pathProgress(ids, { severity: 't', 'scenarios:h/scenarios/b': 't', 'scenarios:h/gone': 't' }))).toBe('2 of 7 read');
    expect(pathProgress(ids, {})).toEqual({ done: 0, total: 7 });
  });
});
