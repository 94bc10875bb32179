/**
 * Contact details in free text: phone numbers (-> tel: links), e-mail addresses (-> mailto: links)
 * and placeholders the team has still to fill in (`[Name]`, `[Phone]`, "To be filled in").
 *
 * Phone numbers are recognised conservatively, because a false one is worse than a missed one: 7 to
 * 15 digits written with a leading +, parentheses or separators (+44 20 7946 0000, (555) 123-4567,
 * 0800 123 456); never a plain run of digits, a date, a version or an address (1.2.3, 10.0.0.1), a
 * duration or a count (1 000 000 ms), an id (INC-2026-11-22-001) or a time (09:00-17:00).
 */

export type ContactPart =
  | { type: 'text'; text: string }
  | { type: 'phone'; text: string; href: string }
  | { type: 'email'; text: string; href: string }
  | { type: 'placeholder'; text: string; label: string };

/**
 * Candidate phone numbers: an optional +country code, an optional (area code), then up to six groups
 * of digits separated by one space, dot or hyphen. Not glued to a word, a path, an id or a time.
 */
const PHONE = /(?<![\w@#/.:+\-–])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,14}(?:[ .-]\d{1,5}){0,5}(?![\w/%:@\-–]|[.,]\d)/gu;
const EMAIL = /(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g;
/** `[Name]`, `[Slack/PagerDuty]`, not `SQLSTATE[HY000]`, `[1045]`, `[ ]` or a link's `[text](url)`. */
const BRACKETED = /(?<![\w\]])\[([^[\]\n]{1,60})\](?!\()/g;
const PHRASES = /\b(?:to be filled in|TBD)\b/gi;
const UNIT_AFTER = /^\s?(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|users?|requests?|rows?|bytes?|[kmgt]b)\b|^\s?%/i;
const DATE = /^(?:\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{2,4})$/;

/** Whether `candidate` (followed in its text by `after`) reads as a phone number. */
function isPhone(candidate: string, after: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  const international = candidate.startsWith('+');
  const separators = candidate.match(/[ .\-()]/g) ?? [];
  if (!international && separators.length === 0) return false;
  if (!international && DATE.test(candidate)) return false;
  // Versions and IP addresses: only dots, at most four groups.
  if (!international && /^[\d.]+$/.test(candidate) && candidate.split('.').length <= 4) return false;
  if (UNIT_AFTER.test(after)) return false;
  return true;
}

/** "tel:+442079460000" for "+44 (0)20 7946 0000": digits and a leading +, without the trunk (0). */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  const international = trimmed.startsWith('+');
  const dialled = international ? trimmed.replace(/\(0\)/, '') : trimmed;
  return `tel:${international ? '+' : ''}${dialled.replace(/\D/g, '')}`;
}

/** Whether a whole value is a placeholder: "[Name]", "To be filled in", "TBD". */
export function isPlaceholder(value: string): boolean {
  const parts = findContactParts(value.trim());
  return parts.length === 1 && parts[0].type === 'placeholder';
}

interface Match { start: number; end: number; part: ContactPart }

/** Splits text into plain text, phone numbers, e-mail addresses and placeholders. */
export function findContactParts(text: string): ContactPart[] {
  const matches: Match[] = [];
  for (const m of text.matchAll(EMAIL)) {
    matches.push({ start: m.index, end: m.index + m[0].length, part: { type: 'email', text: m[0], href: `mailto:${m[0]}` } });
  }
  for (const m of text.matchAll(BRACKETED)) {
    const label = m[1].trim();
    if (!label || /^[\dx ]*$/i.test(label)) continue;
    matches.push({ start: m.index, end: m.index + m[0].length, part: { type: 'placeholder', text: m[0], label } });
  }
  for (const m of text.matchAll(PHRASES)) {
    matches.push({ start: m.index, end: m.index + m[0].length, part: { type: 'placeholder', text: m[0], label: m[0] } });
  }
  for (const m of text.matchAll(PHONE)) {
    const candidate = m[0];
    if (!isPhone(candidate, text.slice(m.index + candidate.length))) continue;
    matches.push({ start: m.index, end: m.index + candidate.length, part: { type: 'phone', text: candidate, href: telHref(candidate) } });
  }
  // Earlier kinds win where two overlap (an address's digits are not a phone number).
  const kept: Match[] = [];
  for (const match of matches) {
    if (!kept.some((k) => match.start < k.end && k.start < match.end)) kept.push(match);
  }
  kept.sort((a, b) => a.start - b.start);
  const parts: ContactPart[] = [];
  let at = 0;
  for (const { start, end, part } of kept) {
    if (start > at) parts.push({ type: 'text', text: text.slice(at, start) });
    parts.push(part);
    at = end;
  }
  if (at < text.length) parts.push({ type: 'text', text: text.slice(at) });
  return parts;
}
