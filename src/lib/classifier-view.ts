/**
 * What the severity classifier shows beside a result, prepared at build time from the scale (targets
 * and clocks already in words), and the plain-text summary a commander pastes into chat. Pure.
 */
import type { Classification, ClassifierQuestion, ClassifierScale, ClassifierThreshold, ClassifierLevel } from './classify';
import type { InlineToken } from './inline-markdown';

export interface LevelView extends ClassifierLevel {
  definition: string;
  /** The level on its own handbook's scale. */
  href: string;
  /** "within 15 min", "immediately", "next business day". */
  response: string;
  resolution?: string;
  /** "every 30 min", with the handbook's note; or only the note; absent when the handbook sets none. */
  updates?: string;
  /** `updates` is only the handbook's note, with no cadence ("Daily summary"). */
  updatesIsNote?: boolean;
  notify: { who: string; how?: string }[];
  /** In order: "After 30 min" -> "Tech Lead" (note). */
  escalation: { when: string; to: string; note?: string }[];
}

export interface ClassifierView extends ClassifierScale {
  handbook: { id: string; name: string };
  levels: LevelView[];
  questions: (ClassifierQuestion & { help?: string })[];
  thresholds: (ClassifierThreshold & { group?: string })[];
  /**
   * The scale's texts that hold inline Markdown (a code span, emphasis, a link), tokenized at build
   * time (src/lib/inline-markdown.ts), keyed by the text as written: the island renders the tokens,
   * so it needs no Markdown parser. Texts without markup are not in it.
   */
  rich?: Record<string, InlineToken[]>;
}

export function levelView(view: Pick<ClassifierView, 'levels'>, id: string | undefined): LevelView | undefined {
  return id === undefined ? undefined : view.levels.find((level) => level.id === id);
}

/** "SEV-1 · Service down". */
export function levelLabel(level: Pick<LevelView, 'id' | 'name'>): string {
  return `${level.id} · ${level.name}`;
}

/** The headline of a result: the level, "so far" while it could still rise, or that there is none. */
export function headline(view: ClassifierView, result: Classification): string {
  const level = levelView(view, result.level);
  if (!level) {
    if (result.given === 0) return 'No answers yet: answer the questions to get a level.';
    return result.unanswered.length
      ? 'No level yet: no answer so far points at a level of this scale.'
      : 'No level: none of the answers points at a level of this scale.';
  }
  return `${levelLabel(level)}${result.provisional ? ' so far' : ''}`;
}

/** "'Data at risk?' could make it SEV-1", one per question, for a provisional result. */
export function couldRaiseLines(result: Classification): string[] {
  return result.couldRaise.map((item) => `“${item.text}” could make it ${item.level}`);
}

export function reasonLine(reason: Classification['reasons'][number]): string {
  return `${reason.text} → ${reason.level}${reason.notSure ? ' (not sure: the higher level is assumed)' : ''}`;
}

/** The level, why, and what it means, as plain text for chat or a ticket. */
export function summaryText(view: ClassifierView, result: Classification, link: string): string {
  const level = levelView(view, result.level);
  const lines: string[] = [];
  if (!level) {
    lines.push(`Severity: not determined (${view.handbook.name} handbook). ${headline(view, result)}`);
  } else {
    lines.push(`Severity: ${levelLabel(level)}${result.provisional ? ' (provisional)' : ''} (${view.handbook.name} handbook)`);
  }
  if (result.reasons.length) {
    lines.push('Why:');
    for (const reason of result.reasons) lines.push(`- ${reasonLine(reason)}`);
  }
  if (result.between) lines.push(`Answers point at ${result.between.higher} and ${result.between.lower}: the higher level applies.`);
  if (result.withinLimits.length) lines.push(`Within their limits: ${result.withinLimits.map((item) => item.text).join('; ')}.`);
  const raise = couldRaiseLines(result);
  if (raise.length) lines.push(`Still open: ${raise.join('; ')}.`);
  if (level) {
    const targets = [`Respond ${level.response}`];
    if (level.resolution) targets.push(`resolve ${level.resolution}`);
    if (!level.updatesIsNote) targets.push(level.updates ? `updates ${level.updates}` : 'no update cadence set by the handbook');
    lines.push(`${targets.join('; ')}.`);
    if (level.updatesIsNote) lines.push(`Updates: ${sentence(level.updates!)}`);
    if (level.notify.length) lines.push(`Notify: ${level.notify.map((n) => (n.how ? `${n.who}: ${n.how}` : n.who)).join('; ')}.`);
    if (level.escalation.length) {
      lines.push(`Escalation: ${level.escalation.map((step) => `${step.when}: ${step.to}${step.note ? ` (${step.note})` : ''}`).join('; ')}.`);
    }
  }
  lines.push(`Link: ${link}`);
  return lines.join('\n');
}

/** A text ending with one full stop. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Thresholds grouped under their headings, in the scale's order. */
export function thresholdGroups(view: Pick<ClassifierView, 'thresholds'>): { group: string; thresholds: ClassifierView['thresholds'] }[] {
  const groups: { group: string; thresholds: ClassifierView['thresholds'] }[] = [];
  for (const threshold of view.thresholds) {
    const name = threshold.group ?? '';
    let group = groups.find((g) => g.group === name);
    if (!group) groups.push((group = { group: name, thresholds: [] }));
    group.thresholds.push(threshold);
  }
  return groups;
}

/** "P1 if > 1 % for 5 min", "P2 if yes". */
export function thresholdRule(threshold: ClassifierThreshold): string {
  if (!threshold.condition) return `${threshold.level} if yes`;
  const { operator, value, unit } = threshold.condition;
  const limit = unit === 'x' ? `${value}x` : unit ? `${value} ${unit}` : String(value);
  return `${threshold.level} if ${operator} ${limit}${threshold.for ? ` for ${threshold.for}` : ''}`;
}
