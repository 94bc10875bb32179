/**
 * A message template's body and a responder's values, as text for each channel: the exact message
 * ("Copy message"), Slack mrkdwn, an HTML fragment for the clipboard (Teams, Google Docs, e-mail)
 * and SMS. Pure; runs in the template filler island, so it stays small.
 *
 * Only the template's own Markdown is converted. Each placeholder becomes a private-use sentinel
 * (`\uE000<n>\uE001`) before the template is parsed, and values are put back, escaped for the
 * format, only when a text node is written: a value is never parsed as Markdown or HTML and never
 * searched for placeholders again, whatever it holds (`<script>`, `**x**`, `{{other}}`).
 */
import { PLACEHOLDER } from '../schemas/placeholders';
import { isSafeHref } from './inline-markdown';

export type MessageFormat = 'plain' | 'slack' | 'html' | 'sms';
export interface MessageField {
  id: string;
  label: string;
  type: 'text' | 'multiline' | 'choice' | 'time' | 'duration' | 'severity' | 'list';
  required?: boolean;
}
export type MessageValues = Record<string, string | undefined>;
/** A piece of the plain message: template text, a value (`field`) or a `[Label]` marker (`field`, `missing`). */
export interface MessagePart {
  text: string;
  field?: string;
  missing?: boolean;
}

const ISO_INSTANT = /^(\d{4})-(\d\d)-(\d\d)T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)$/i;

function listItems(raw: string): string[] {
  return raw.split('\n').map((item) => item.trim()).filter(Boolean);
}

/** The value of one field as it appears in a message; undefined when empty (whitespace only counts as empty). */
export function formatValue(field: MessageField, raw: string | undefined): string | undefined {
  const text = (raw ?? '').replace(/\r\n?/g, '\n');
  if (!text.trim()) return undefined;
  if (field.type === 'list') return listItems(text).join(', ');
  if (field.type === 'multiline') return text.trimEnd();
  const value = text.trim();
  const iso = field.type === 'time' ? ISO_INSTANT.exec(value) : null;
  const date = new Date(value);
  // Date() rolls 30 February over into March: the calendar date must exist as written.
  if (iso && !Number.isNaN(date.getTime()) && new Date(Date.UTC(+iso[1], +iso[2] - 1, +iso[3])).getUTCDate() === +iso[3]) {
    const utc = date.toISOString();
    return `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;
  }
  return value;
}

/** Required fields that are empty. */
export function missingRequired(fields: readonly MessageField[], values: MessageValues): MessageField[] {
  return fields.filter((field) => field.required && formatValue(field, values[field.id]) === undefined);
}

// --- The body with sentinels ---------------------------------------------------------------------

const SENTINEL = /\uE000(\d+)\uE001/;
/** A placeholder alone on its line, with its indentation and an optional bullet or number. */
const ALONE = new RegExp(`^(\\s*)(?:([-*]) |(\\d+)\\. )?${PLACEHOLDER.source}\\s*$`);
/** A list item that brings its own bullet, number or table pipe gets no second bullet. */
const OWN_MARKER = /^(?:[-*+•] |\d+[.)] |\|)/;

/** The body's lines, each placeholder replaced by a sentinel indexing `parts` (values and markers). */
function withSentinels(body: string, fields: readonly MessageField[], values: MessageValues) {
  const parts: MessagePart[] = [];
  const slot = (part: MessagePart) => `\uE000${parts.push(part) - 1}\uE001`;
  const fieldOf = (id: string): MessageField => fields.find((field) => field.id === id) ?? { id, label: id, type: 'text' };
  const fill = (id: string) => {
    const field = fieldOf(id);
    const value = formatValue(field, values[id]);
    return slot(value === undefined ? { text: `[${field.label}]`, field: id, missing: true } : { text: value, field: id });
  };
  // A sentinel character typed by the author would be read as a slot: drop it.
  const lines = body.replace(/\r\n?/g, '\n').replace(/[\uE000\uE001]/g, '').split('\n').flatMap((line) => {
    const alone = ALONE.exec(line);
    const field = alone && fieldOf(alone[4]);
    const items = field?.type === 'list' ? listItems((values[field.id] ?? '').replace(/\r/g, '\n')) : [];
    if (!alone || !items.length) return line.replace(PLACEHOLDER, (_, id: string) => fill(id));
    // One item per line, each with the line's indentation and bullet (numbers count up).
    const [, indent, bullet, number, id] = alone;
    return items.map((item, k) => {
      const marker = number ? `${+number + k}. ` : bullet ? `${bullet} ` : OWN_MARKER.test(item) ? '' : '- ';
      return indent + marker + slot({ text: item, field: id });
    });
  });
  return { lines, parts };
}

/** The plain message split into template text, values and markers, for the preview. */
export function messageParts(body: string, fields: readonly MessageField[], values: MessageValues): MessagePart[] {
  const { lines, parts } = withSentinels(body, fields, values);
  return lines
    .join('\n')
    .split(SENTINEL)
    .map((piece, i) => (i % 2 ? parts[+piece] : { text: piece }))
    .filter((part) => part.text);
}

// --- Writing a format ----------------------------------------------------------------------------

interface Writer {
  format: MessageFormat;
  parts: MessagePart[];
  escape: (text: string) => string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const ITEM = /^(\s*)([-*+]|\d+[.)])[ \t]+(.*)$/;
/** A bare URL, without trailing punctuation that usually ends the sentence around it. */
const BARE_URL = /(https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\]])/;

/** Template text with its sentinels filled: values escaped as the format needs, bare URLs linked in HTML. */
function text(source: string, w: Writer, linkUrls = false): string {
  const html = w.format === 'html';
  return source
    .split(SENTINEL)
    .map((piece, i, all) => {
      if (i % 2) {
        const value = w.escape(w.parts[+piece].text);
        return html ? value.replace(/\n/g, '<br>') : value;
      }
      if (!html || !linkUrls) return w.escape(piece);
      // A URL running straight into a value (https://x/{{id}}) is left unlinked rather than cut short.
      const bits = piece.split(BARE_URL);
      const valueFollows = i < all.length - 1 && bits[bits.length - 1] === '';
      return bits
        .map((bit, b) => (b % 2 && !(valueFollows && b === bits.length - 2) ? `<a href="${w.escape(bit)}">${w.escape(bit)}</a>` : w.escape(bit)))
        .join('');
    })
    .join('');
}

/**
 * Inline Markdown, the subset templates use: a backslash escape, a code span, a link, strong and
 * emphasis (`**`/`__`, `*`/`_`, not inside a word, so snake_case stays). Much smaller than
 * ./inline-markdown, whose full CommonMark rules and contact detection would double this island's
 * weight for messages that use a handful of markers.
 */
const INLINE = /\\([!-/:-@[-`{-~])|(`+)(.+?)\2(?!`)|\[([^\]]+)\]\(([^\s()]+)\)|(?<![\w\uE001])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\6(?![\w\uE000*])/;

function inline(source: string, w: Writer, inStrong = false, linkUrls = true): string {
  const match = INLINE.exec(source);
  if (!match) return text(source, w, linkUrls);
  const [all, escaped, , code, label, href, marker, inner] = match;
  let out: string;
  if (escaped) out = w.escape(escaped);
  else if (code !== undefined) {
    const codeText = text(code, w);
    out = w.format === 'html' ? `<code>${codeText}</code>` : w.format === 'slack' ? `\`${codeText}\`` : codeText;
  } else if (label !== undefined) {
    const labelText = inline(label, w, inStrong, false);
    const hrefText = text(href, w);
    if (!isSafeHref(href)) out = text(all, w);
    else if (w.format === 'html') out = /^(https?:|mailto:)/i.test(href) ? `<a href="${hrefText}">${labelText}</a>` : `${labelText} (${hrefText})`;
    else out = labelText === hrefText ? hrefText : w.format === 'sms' ? `${labelText} ${hrefText}` : `${labelText} (${hrefText})`;
  } else {
    const strong = marker.length === 2;
    const innerText = inline(inner, w, inStrong || strong, linkUrls);
    if (w.format === 'html') out = strong ? `<strong>${innerText}</strong>` : `<em>${innerText}</em>`;
    // Slack has no nested bold: bold inside bold (or a heading) is written once.
    else if (w.format === 'slack') out = strong ? (inStrong ? innerText : `*${innerText}*`) : `_${innerText}_`;
    else out = innerText;
  }
  return text(source.slice(0, match.index), w, linkUrls) + out + inline(source.slice(match.index + all.length), w, inStrong, linkUrls);
}

function renderHtml(lines: string[], w: Writer): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let items: string[] = [];
  let listTag = '';
  let start = '';
  const flush = () => {
    if (paragraph.length) blocks.push(`<p>${paragraph.join('<br>')}</p>`);
    if (items.length) blocks.push(`<${listTag}${start}>${items.map((item) => `<li>${item}</li>`).join('')}</${listTag}>`);
    paragraph = [];
    items = [];
  };
  for (const source of lines) {
    const heading = HEADING.exec(source);
    const item = ITEM.exec(source);
    if (heading) {
      flush();
      const level = heading[1].length;
      blocks.push(`<h${level}>${inline(heading[2], w)}</h${level}>`);
    } else if (item) {
      const tag = /\d/.test(item[2]) ? 'ol' : 'ul';
      if (paragraph.length || tag !== listTag) flush();
      if (!items.length) {
        listTag = tag;
        start = tag === 'ol' && parseInt(item[2], 10) !== 1 ? ` start="${parseInt(item[2], 10)}"` : '';
      }
      items.push(inline(item[3], w));
    } else if (!source.trim()) {
      flush();
    } else {
      if (items.length) flush();
      paragraph.push(inline(source.trim(), w));
    }
  }
  flush();
  return blocks.join('\n');
}

/** Slack and SMS: line by line, Markdown markers converted (Slack) or dropped (SMS). */
function renderLines(lines: string[], w: Writer): string {
  const slack = w.format === 'slack';
  const out = lines
    .map((source) => {
      const heading = HEADING.exec(source);
      if (heading) return slack ? `*${inline(heading[2], w, true)}*` : inline(heading[2], w);
      const item = ITEM.exec(source);
      if (item) return item[1] + (/\d/.test(item[2]) ? `${item[2]} ` : slack ? '• ' : '- ') + inline(item[3], w);
      return inline(source, w);
    })
    .join('\n');
  // Every character costs on a pager: two or more blank lines in a row become one.
  return slack ? out : out.replace(/\n(?:[ \t]*\n){2,}/g, '\n\n');
}

export function renderMessage(body: string, fields: readonly MessageField[], values: MessageValues, format: MessageFormat): string {
  if (format === 'plain') return messageParts(body, fields, values).map((part) => part.text).join('');
  const { lines, parts } = withSentinels(body, fields, values);
  const special = format === 'html' ? /[&<>"']/g : format === 'slack' ? /[&<>]/g : undefined;
  const escape = (source: string) => (special ? source.replace(special, (c) => ENTITIES[c]) : source);
  const w: Writer = { format, parts, escape };
  return format === 'html' ? renderHtml(lines, w) : renderLines(lines, w);
}
