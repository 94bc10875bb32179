/**
 * A metric threshold's condition as a handbook writes it ("> 1%", "< 95%", ">= 500 ms", "> 2x"),
 * parsed at build time into an operator, a number and a unit, so the classifier can compare a reading
 * with it. Pure: the scale schema and the tests use it.
 */

export type ConditionOperator = '>' | '>=' | '<' | '<=' | '=';

export interface ThresholdCondition {
  /** What the author wrote, for display. */
  text: string;
  operator: ConditionOperator;
  value: number;
  /** "%", "ms", "s", "x"...; "" when the number has no unit. */
  unit: string;
}

/** The grammar, for error messages. */
export const CONDITION_HINT = 'a comparison such as "> 1%", "< 95%", ">= 500 ms" or "> 2x" (or mark the threshold `freeText: true`)';

const OPERATORS: Record<string, ConditionOperator> = { '>': '>', '>=': '>=', '≥': '>=', '<': '<', '<=': '<=', '≤': '<=', '=': '=', '==': '=' };
// Units people write after a number in an alert rule; spelled-out forms map to the short one.
const UNITS: Record<string, string> = {
  '%': '%', percent: '%',
  ms: 'ms', millisecond: 'ms', milliseconds: 'ms',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  min: 'min', mins: 'min', minute: 'min', minutes: 'min',
  x: 'x', '×': 'x', times: 'x',
  '': '',
};
const CONDITION = /^(>=|<=|==|[><=≥≤])\s*(\d+(?:[.,]\d+)?)\s*([^\d\s]*)$/;

/** Parses a condition; `undefined` when it is not one the classifier can compare against. */
export function parseCondition(input: string): ThresholdCondition | undefined {
  const text = input.trim();
  const match = CONDITION.exec(text.replace(/\s+/g, ' '));
  if (!match) return undefined;
  const unit = UNITS[match[3].toLowerCase()];
  if (unit === undefined) return undefined;
  return { text, operator: OPERATORS[match[1]], value: Number(match[2].replace(',', '.')), unit };
}

/** Whether a reading meets the condition ("> 1%" with 1 does not; with 1.1 it does). */
export function meetsCondition(condition: Pick<ThresholdCondition, 'operator' | 'value'>, reading: number): boolean {
  switch (condition.operator) {
    case '>': return reading > condition.value;
    case '>=': return reading >= condition.value;
    case '<': return reading < condition.value;
    case '<=': return reading <= condition.value;
    case '=': return reading === condition.value;
  }
}
