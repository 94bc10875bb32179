/**
 * Zod's issues as an author reads them: the field path, what the file has and what was expected,
 * with a "did you mean" when a known value or field name is close. Our own schema messages already
 * say all that and pass through as they are; Zod's generic ones ("Invalid input: expected string,
 * received number") are rewritten, and what was received is quoted from the file itself.
 */
import { z } from 'astro/zod';
import { closest, INTERNAL_KEYS, oneOf } from '../../schemas/context.ts';
import { DURATION_HINT } from '../../schemas/duration-text.ts';
import { isDurationSchema } from '../../schemas/duration.ts';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

export interface DescribedIssue {
  path: Path;
  message: string;
  /** The problem is about the key at `path` (an unknown field), not its value: the line of the key. */
  atKey?: boolean;
  /** The offending text, when the issue gives it (a placeholder in a template's body). */
  input?: unknown;
  /** For an unknown field: the known field it is closest to. */
  guess?: string;
}

export interface IssueContext {
  /** The file as reports name it. */
  file: string;
  /** The data as read from the file, before any schema ran. */
  data: unknown;
  /** The schema the data was checked with (to list the known fields of an object). */
  schema: z.ZodType;
}

const defaultMessage = z.locales.en().localeError;

/**
 * Every issue of a failed parse, described; an unknown-fields issue gives one entry per field. One
 * mistake gives one entry: a misspelt required field (`handbok:`) is an unknown field whose closest
 * match is missing, and is reported as the unknown field alone, saying that the match is required.
 */
export function describeIssues(issues: readonly Issue[], context: IssueContext): DescribedIssue[] {
  const described = issues.flatMap((issue) => describe(issue, issue.path, context));
  const missing = new Set(
    described.filter((issue) => !issue.atKey && issue.path.length > 0 && valueAt(context.data, issue.path) === undefined).map((issue) => pathText(issue.path)),
  );
  const explained = new Set<string>();
  const merged = described.map((issue) => {
    if (!issue.atKey || issue.guess === undefined) return issue;
    const target = pathText([...issue.path.slice(0, -1), issue.guess]);
    if (!missing.has(target)) return issue;
    explained.add(target);
    return { ...issue, message: `${issue.message} (\`${issue.guess}\` is required)` };
  });
  return merged.filter((issue) => issue.atKey || !explained.has(pathText(issue.path)));
}

function describe(issue: Issue, path: Path, context: IssueContext): DescribedIssue[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(context.schema, path);
    const where = path.length ? `\`${pathText(path)}\` of \`${context.file}\`` : `\`${context.file}\``;
    return issue.keys.map((key) => {
      const guess = closest(key, known);
      const hint = guess ? `did you mean \`${guess}\`?` : known.length ? `expected one of ${known.map((k) => `\`${k}\``).join(', ')}` : 'no fields are expected here';
      return { path: [...path, key], message: `Unknown field \`${key}\` in ${where}: ${hint}`, atKey: true, guess };
    });
  }
  if (issue.code === 'invalid_union') return describeUnion(issue, path, context);
  const received = valueAt(context.data, path);
  if (isCustomMessage(issue)) {
    // Our own messages name what was found; Zod checks given a message (regex, min) may not.
    const quote = issue.code === 'invalid_format' && typeof received === 'string' ? ` (received "${received}")` : '';
    return [{ path, message: `${issue.message}${quote}`, input: issue.input }];
  }
  return [{ path, message: genericMessage(issue, path, received, context) }];
}

/** "Missing field `response`: expected a duration such as ...", or "Missing value: ..." in a list. */
function missingMessage(path: Path, expected: string): string {
  const name = path[path.length - 1];
  return typeof name === 'string' ? `Missing field \`${name}\`: expected ${expected}` : `Missing value: expected ${expected}`;
}

/** What a missing value at `path` should be, in words: a duration's grammar rather than "text or a number". */
function expectedAt(context: IssueContext, path: Path, fallback: string): string {
  return fieldSchemasAt(context.schema, path).some(readsDuration) ? DURATION_HINT : fallback;
}

function genericMessage(issue: Issue, path: Path, received: unknown, context: IssueContext): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (received === undefined) return missingMessage(path, expectedAt(context, path, typeName(issue.expected)));
      return `Expected ${typeName(issue.expected)}, received ${show(received)}`;
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const guess = typeof received === 'string' ? closest(received, values) : undefined;
      return `Received ${show(received)}: expected ${values.length === 1 ? values[0] : `one of ${oneOf(values)}`}${guess ? `. Did you mean "${guess}"?` : ''}`;
    }
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return `Expected text, received ${show(received)}`;
      if (issue.origin === 'array') return `Expected at least ${count(Number(issue.minimum), 'item')}, received ${count(Array.isArray(received) ? received.length : 0, 'item')}`;
      return `Expected at least ${issue.minimum}${issue.origin === 'string' ? ' characters' : ''}, received ${show(received)}`;
    }
    case 'too_big':
      return `Expected at most ${issue.maximum}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}, received ${show(received)}`;
    case 'invalid_format':
      return `Received ${show(received)}: expected ${issue.format === 'url' ? 'a full URL (https://...)' : `a valid ${issue.format}`}`;
    default:
      return `${issue.message} (received ${show(received)})`;
  }
}

/**
 * A value that matched none of a union's shapes. When the value had the right kind for one shape
 * (a list, but with a number in it), that shape's own issues are what the author needs; otherwise
 * the kinds that would do.
 */
function describeUnion(issue: Extract<Issue, { code: 'invalid_union' }>, path: Path, context: IssueContext): DescribedIssue[] {
  const branches = issue.errors.filter((branch) => branch.length > 0);
  const nested = branches.filter((branch) => branch.every((inner) => inner.path.length > 0));
  if (nested.length) {
    const best = nested.reduce((a, b) => (b.length < a.length ? b : a));
    return best.flatMap((inner) => describe(inner, [...path, ...inner.path], context));
  }
  const kinds = new Set<string>();
  for (const branch of branches) {
    for (const inner of branch) if (inner.code === 'invalid_type' && inner.path.length === 0) kinds.add(typeName(inner.expected));
  }
  const received = valueAt(context.data, path);
  if (kinds.size === 0) return [{ path, message: `Received ${show(received)}, which matches none of the accepted forms` }];
  const list = [...kinds];
  const expected = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
  return [{ path, message: received === undefined ? missingMessage(path, expectedAt(context, path, expected)) : `Expected ${expected}, received ${show(received)}` }];
}

function isCustomMessage(issue: Issue): boolean {
  if (issue.code === 'custom') return true;
  const fallback = defaultMessage(issue as never);
  const text = typeof fallback === 'string' ? fallback : fallback?.message;
  return text !== undefined && issue.message !== text;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields (key: value)',
  date: 'a date such as 2024-01-20',
  null: 'nothing (null)',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

/** A value as the author wrote it, short. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value (null)';
  if (value === '') return 'an empty value';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = JSON.stringify(value);
  const kind = Array.isArray(value) ? 'a list' : 'a mapping';
  return text.length <= 60 ? `${kind} ${text}` : kind;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "levels.1.id" */
export function pathText(path: Path): string {
  return path.map(String).join('.');
}

/** The value at a path of plain data (`undefined` when the path leads nowhere). */
export function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/**
 * The field names the schema knows for the object at `path`, found by walking the schema's
 * definition (through optional, default, transforms, lists and unions).
 */
export function knownKeysAt(schema: z.ZodType, path: Path): string[] {
  let current: z.core.$ZodType[] = [schema];
  for (const segment of path) current = current.flatMap((s) => childrenOf(unwrap(s), segment));
  const keys = current.map(unwrap).flatMap((s) => (s._zod.def.type === 'object' ? Object.keys((s as z.ZodObject)._zod.def.shape) : []));
  // Keys the loaders set are not the author's to write (see INTERNAL_KEYS).
  return [...new Set(keys)].filter((key) => !(INTERNAL_KEYS as readonly string[]).includes(key));
}

/** The schemas of the field at `path`, with their wrappers (optional, default...) still on. */
function fieldSchemasAt(schema: z.ZodType, path: Path): z.core.$ZodType[] {
  if (path.length === 0) return [schema];
  let current: z.core.$ZodType[] = [schema];
  for (const segment of path.slice(0, -1)) current = current.flatMap((s) => childrenOf(unwrap(s), segment));
  return current.flatMap((s) => childrenOf(unwrap(s), path[path.length - 1]));
}

/** Whether a field's schema, under any wrappers, reads a duration. */
function readsDuration(schema: z.core.$ZodType): boolean {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    if (isDurationSchema(current)) return true;
    const def = current._zod.def as { innerType?: z.core.$ZodType };
    if (!def.innerType) return false;
    current = def.innerType;
  }
  return false;
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; getter?: () => z.core.$ZodType };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else break;
  }
  return current;
}

function childrenOf(schema: z.core.$ZodType, segment: PropertyKey): z.core.$ZodType[] {
  const def = schema._zod.def as {
    type: string;
    shape?: Record<string, z.core.$ZodType>;
    element?: z.core.$ZodType;
    options?: z.core.$ZodType[];
    valueType?: z.core.$ZodType;
  };
  if (def.type === 'object' && typeof segment === 'string' && def.shape?.[segment]) return [def.shape[segment]];
  if (def.type === 'array' && typeof segment === 'number' && def.element) return [def.element];
  if (def.type === 'record' && def.valueType) return [def.valueType];
  if (def.type === 'union' && def.options) return def.options.flatMap((option) => childrenOf(unwrap(option), segment));
  return [];
}
