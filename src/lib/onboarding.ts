/**
 * The onboarding path of a handbook: an ordered list of steps, each ticked off as read (a step with
 * sub-items, such as the top scenarios, is ticked item by item), and the progress over them
 * ("4 of 9 read"). Pure: the path is put together at build time from the handbook's pages.
 */

/** A page of the handbook, as the path needs it. */
export interface PathPage {
  /** Runbook id: "agency-platform/scenarios/application-down". */
  id: string;
  title: string;
  href: string;
  /** The runbook's kind (scenario, onboarding...). */
  kind?: string;
  /** Its order in the sidebar, if set. */
  order?: number;
}

/** Something to read: one checkbox. `id` is stable (a page id, or a step's own id) and is what is stored. */
export interface PathItem {
  id: string;
  title: string;
  href: string;
}

/** One step of the path: read as one item, or item by item. */
export interface PathStep {
  /** "severity", "escalation", "roles", "scenarios", "messages", "drills". */
  id: string;
  title: string;
  /** What to read in it, in words. */
  description: string;
  /** The page to read for a step without items. */
  href?: string;
  /** The step's own pages (each a checkbox); absent for a step read as one. */
  items?: PathItem[];
}

/** What the path is made from: the handbook's pages and where its tools are. */
export interface PathInput {
  handbook: string;
  /** Every page of the handbook. */
  pages: readonly PathPage[];
  /** The severity scale: its page (or the overview). */
  severityHref: string;
  /** The message templates page. */
  messagesHref: string;
  /** The drills, on the page or elsewhere. */
  drillsHref: string;
  /** Most scenarios to list in step 4 (the rest are a search away). */
  maxScenarios?: number;
}

const byOrder = (a: PathPage, b: PathPage) => (a.order ?? 999) - (b.order ?? 999) || a.title.localeCompare(b.title);

/** The page with the escalation policy and contacts: a reference page named for them, or the overview. */
export function escalationPage(handbook: string, pages: readonly PathPage[]): PathPage | undefined {
  const reference = pages.filter((page) => page.id.startsWith(`${handbook}/reference/`));
  return (
    reference.find((page) => /escalation/.test(page.id)) ??
    reference.find((page) => /contacts/.test(page.id)) ??
    pages.find((page) => page.id === handbook)
  );
}

/**
 * The steps, in order: the severity scale; the escalation policy and contacts; the roles (the pages
 * under roles/, when there are any, else the step is left out); the top scenarios (the onboarding
 * pages' picks would go here; today the scenario pages in sidebar order); the message templates; the drills.
 */
export function onboardingSteps(input: PathInput): PathStep[] {
  const { handbook, pages } = input;
  const steps: PathStep[] = [
    { id: 'severity', title: 'Read the severity scale', description: 'What each level means, how fast to respond and who is told.', href: input.severityHref },
  ];
  const escalation = escalationPage(handbook, pages);
  if (escalation) {
    steps.push({ id: 'escalation', title: 'Learn the escalation policy and contacts', description: `Who to call, and when: ${escalation.title}.`, href: escalation.href });
  }
  const roles = pages.filter((page) => page.id.startsWith(`${handbook}/roles/`)).sort(byOrder);
  if (roles.length) {
    steps.push({ id: 'roles', title: 'Know the incident roles', description: 'Who does what during an incident.', items: roles.map(itemOf) });
  }
  const scenarios = pages.filter((page) => page.kind === 'scenario').sort(byOrder).slice(0, input.maxScenarios ?? 12);
  if (scenarios.length) {
    steps.push({ id: 'scenarios', title: 'Read the top scenarios', description: 'The failures this system has, with their exact commands.', items: scenarios.map(itemOf) });
  }
  steps.push(
    { id: 'messages', title: 'Look through the message templates', description: 'The declaration, the updates and the resolution notice, ready to fill in.', href: input.messagesHref },
    { id: 'drills', title: 'Do the drills', description: 'Practise picking the level and the first runbook.', href: input.drillsHref },
  );
  return steps;
}

const itemOf = (page: PathPage): PathItem => ({ id: page.id, title: page.title, href: page.href });

/** The ids of everything to tick: a step without items is one, a step with items is its items. */
export function pathItemIds(steps: readonly PathStep[]): string[] {
  return steps.flatMap((step) => (step.items ? step.items.map((item) => `${step.id}:${item.id}`) : [step.id]));
}

/** How much of the path is read: ticks of items no longer on the path are not counted. */
export function pathProgress(ids: readonly string[], read: Readonly<Record<string, unknown>>): { done: number; total: number } {
  return { done: ids.filter((id) => Object.hasOwn(read, id)).length, total: ids.length };
}

/** "4 of 9 read". */
export function progressText(progress: { done: number; total: number }): string {
  return `${progress.done} of ${progress.total} read`;
}
