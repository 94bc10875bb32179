/**
 * Inline Markdown for the short strings authors write in YAML (drill scenarios, scale definitions,
 * help texts, contact notes): code spans, emphasis, strong emphasis and links, as CommonMark reads
 * them, and nothing else.
 *
 * The result is a list of tokens, never HTML: a component renders each token as an element and the
 * text as escaped text, so raw HTML in a YAML string (`<b>`, `<script>`) shows as the characters the
 * author typed. A link keeps its target only if it is http(s), mailto, tel, site-relative (`/...`)
 * or a fragment (`#...`); anything else (`javascript:`, `data:`, `//host`) stays text.
 *
 * With `contacts: true`, text outside code and links is also searched for phone numbers, e-mail
 * addresses and placeholders (see ./contact-links).
 */
import { findContactParts } from './contact-links';

export type InlineToken =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'em'; children: InlineToken[] }
  | { type: 'strong'; children: InlineToken[] }
  | { type: 'link'; href: string; children: InlineToken[] }
  | { type: 'phone'; text: string; href: string }
  | { type: 'email'; text: string; href: string }
  | { type: 'placeholder'; text: string; label: string };

export interface InlineOptions {
  /** Also turn phone numbers and e-mail addresses into links and mark placeholders. */
  contacts?: boolean;
}

/** Tokens of an inline Markdown string. */
export function parseInline(source: string, options: InlineOptions = {}): InlineToken[] {
  const tokens = parseSpan(source, true);
  return options.contacts ? withContacts(tokens) : tokens;
}

/** The plain text of tokens, as a screen reader or a search index would read it. */
export function inlineText(tokens: InlineToken[]): string {
  return tokens.map((t) => ('children' in t ? inlineText(t.children) : t.text)).join('');
}

/** A string with its inline Markdown removed: "Run `ls` *now*" -> "Run ls now". */
export function plainInline(source: string): string {
  return inlineText(parseInline(source));
}

/** Whether a link target may be rendered as a link. */
export function isSafeHref(href: string): boolean {
  if (/^(https?:\/\/|mailto:|tel:)/i.test(href)) return true;
  // Site-relative, but not protocol-relative (//evil.example) or a backslash trick (/\evil.example).
  if (/^\/(?![/\\])/.test(href)) return true;
  return href.startsWith('#');
}

// --- Scanning --------------------------------------------------------------------------------

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WHITESPACE = /\s/;
/** Unicode punctuation and symbols count as punctuation for flanking rules. */
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;

interface Delimiter {
  type: 'delimiter';
  char: '*' | '_';
  /** Characters of the run not yet used for emphasis. */
  count: number;
  /** Length of the run as written (the "rule of 3" needs it). */
  length: number;
  canOpen: boolean;
  canClose: boolean;
}
type Node = InlineToken | Delimiter;

function isPunctuation(ch: string | undefined): boolean {
  return ch !== undefined && (PUNCTUATION.test(ch) || UNICODE_PUNCTUATION.test(ch));
}
function isSpace(ch: string | undefined): boolean {
  return ch === undefined || WHITESPACE.test(ch);
}

function parseSpan(source: string, allowLinks: boolean): InlineToken[] {
  const nodes: Node[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    // A backslash before ASCII punctuation makes it literal.
    if (ch === '\\' && i + 1 < source.length && PUNCTUATION.test(source[i + 1])) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const run = runLength(source, i, '`');
      const code = codeSpanAt(source, i, run);
      if (code) {
        flush();
        nodes.push({ type: 'code', text: code.text });
        i = code.end;
      } else {
        // No closing run of the same length: the backticks are text.
        text += source.slice(i, i + run);
        i += run;
      }
      continue;
    }
    if (ch === '[' && allowLinks) {
      const link = linkAt(source, i);
      if (link) {
        flush();
        if (isSafeHref(link.href)) nodes.push({ type: 'link', href: link.href, children: parseSpan(link.label, false) });
        // An unsafe target: the link shows as the text the author wrote, code spans kept.
        else nodes.push(...parseSpan(source.slice(i, link.end), false));
        i = link.end;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      const run = runLength(source, i, ch);
      const before = source[i - 1];
      const after = source[i + run];
      const leftFlanking = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
      const rightFlanking = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
      // `_` never opens or closes inside a word (snake_case, XERO_CLIENT_ID stay as written).
      const canOpen = ch === '*' ? leftFlanking : leftFlanking && (!rightFlanking || isPunctuation(before));
      const canClose = ch === '*' ? rightFlanking : rightFlanking && (!leftFlanking || isPunctuation(after));
      flush();
      nodes.push({ type: 'delimiter', char: ch, count: run, length: run, canOpen, canClose });
      i += run;
      continue;
    }
    text += ch;
    i += 1;
  }
  flush();
  return mergeText(resolveEmphasis(nodes));
}

function runLength(source: string, start: number, ch: string): number {
  let end = start;
  while (source[end] === ch) end += 1;
  return end - start;
}

/** A code span opening at `start` with a run of `run` backticks, closed by a run of the same length. */
function codeSpanAt(source: string, start: number, run: number): { text: string; end: number } | undefined {
  let j = start + run;
  while (j < source.length) {
    if (source[j] !== '`') {
      j += 1;
      continue;
    }
    const closing = runLength(source, j, '`');
    if (closing === run) {
      let text = source.slice(start + run, j).replace(/\r\n|\r|\n/g, ' ');
      // One space on each side is stripped, so that `` `x` `` can show a backtick next to the edge.
      if (text.length > 2 && text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') text = text.slice(1, -1);
      return { text, end: j + closing };
    }
    j += closing;
  }
  return undefined;
}

/**
 * `[label](href)` at `start`: the label may hold code spans and escaped brackets, nested brackets
 * must balance; the target is one run of non-space characters with balanced parentheses.
 */
function linkAt(source: string, start: number): { label: string; href: string; end: number } | undefined {
  let depth = 0;
  let j = start;
  for (; j < source.length; j += 1) {
    const ch = source[j];
    if (ch === '\\') {
      j += 1;
      continue;
    }
    if (ch === '`') {
      const run = runLength(source, j, '`');
      const code = codeSpanAt(source, j, run);
      j = (code ? code.end : j + run) - 1;
      continue;
    }
    if (ch === '[') depth += 1;
    if (ch === ']') {
      depth -= 1;
      if (depth === 0) break;
    }
  }
  if (depth !== 0 || source[j + 1] !== '(') return undefined;
  const labelEnd = j;
  let k = j + 2;
  let parens = 0;
  let href = '';
  for (; k < source.length; k += 1) {
    const ch = source[k];
    if (WHITESPACE.test(ch)) return undefined;
    if (ch === '\\' && PUNCTUATION.test(source[k + 1] ?? '')) {
      href += source[k + 1];
      k += 1;
      continue;
    }
    if (ch === '(') parens += 1;
    if (ch === ')') {
      if (parens === 0) break;
      parens -= 1;
    }
    href += ch;
  }
  if (source[k] !== ')' || !href) return undefined;
  return { label: source.slice(start + 1, labelEnd), href, end: k + 1 };
}

/** CommonMark's "process emphasis": pair delimiter runs, innermost first, strong before em. */
function resolveEmphasis(nodes: Node[]): InlineToken[] {
  const list = [...nodes];
  let closerIndex = 0;
  while (closerIndex < list.length) {
    const closer = list[closerIndex];
    if (closer.type !== 'delimiter' || !closer.canClose || closer.count === 0) {
      closerIndex += 1;
      continue;
    }
    let openerIndex = closerIndex - 1;
    for (; openerIndex >= 0; openerIndex -= 1) {
      const opener = list[openerIndex];
      if (opener.type !== 'delimiter' || opener.char !== closer.char || !opener.canOpen || opener.count === 0) continue;
      // CommonMark's "rule of 3": a run that can both open and close pairs only in multiples of 3.
      const ruleOfThree = (opener.canClose || closer.canOpen) && (opener.length + closer.length) % 3 === 0 && !(opener.length % 3 === 0 && closer.length % 3 === 0);
      if (!ruleOfThree) break;
    }
    if (openerIndex < 0) {
      closerIndex += 1;
      continue;
    }
    const opener = list[openerIndex] as Delimiter;
    const use = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    const inner = list.slice(openerIndex + 1, closerIndex).map(delimiterAsText);
    const wrapped: InlineToken = use === 2 ? { type: 'strong', children: mergeText(inner) } : { type: 'em', children: mergeText(inner) };
    opener.count -= use;
    closer.count -= use;
    list.splice(openerIndex + 1, closerIndex - openerIndex - 1, wrapped);
    closerIndex = openerIndex + 2;
    if (opener.count === 0) {
      list.splice(openerIndex, 1);
      closerIndex -= 1;
    }
    // A closer with characters left over can close again (***a** b*): look at it once more.
  }
  return list.map(delimiterAsText);
}

function delimiterAsText(node: Node): InlineToken {
  return node.type === 'delimiter' ? { type: 'text', text: node.char.repeat(node.count) } : node;
}

function mergeText(tokens: InlineToken[]): InlineToken[] {
  const merged: InlineToken[] = [];
  for (const token of tokens) {
    if (token.type === 'text' && !token.text) continue;
    const last = merged[merged.length - 1];
    if (token.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', text: last.text + token.text };
    else merged.push(token);
  }
  return merged;
}

function withContacts(tokens: InlineToken[]): InlineToken[] {
  return tokens.flatMap((token): InlineToken[] => {
    if (token.type === 'text') return findContactParts(token.text);
    if (token.type === 'em' || token.type === 'strong') return [{ ...token, children: withContacts(token.children) }];
    return [token];
  });
}
