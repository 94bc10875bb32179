/**
 * Zod's issues as an author reads them: the field path, what the file has and what was expected,
 * with a "did you mean" when a known value or field name is close. Our own schema messages already
 * say all that and pass through as they are; Zod's generic ones ("Invalid input: expected string,
 * received number") are rewritten, and what was received is quoted from the file itself.
 */
import { z } from 'astro/zod';
import { closest, oneOf } from '../../schemas/context';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

export interface DescribedIssue {
  path: Path;
  message: string;
  /** The problem is about the key at `path` (an unknown field), not its value: the line of the key. */
  atKey?: boolean;
  /** The offending text, when the issue gives it (a placeholder in a template's body). */
  input?: unknown;
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

/** Every issue of a failed parse, described; an unknown-fields issue gives one entry per field. */
export function describeIssues(issues: readonly Issue[], context: IssueContext): DescribedIssue[] {
  return issues.flatMap((issue) => describe(issue, issue.path, context));
}

function describe(issue: Issue, path: Path, context: IssueContext): DescribedIssue[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(context.schema, path);
    const where = path.length ? `\`${pathText(path)}\` of \`${context.file}\`` : `\`${context.file}\``;
    return issue.keys.map((key) => {
      const guess = closest(key, known);
      const hint = guess ? `did you mean \`${guess}\`?` : known.length ? `expected one of ${known.map((k) => `\`${k}\``).join(', ')}` : 'no fields are expected here';
      return { path: [...path, key], message: `Unknown field \`${key}\` in ${where}: ${hint}`, atKey: true };
    });
  }
  if (issue.code === 'invalid_union') return describeUnion(issue, path, context);
  const received = valueAt(context.data, path);
  if (isCustomMessage(issue)) {
    // Our own messages name what was found; Zod checks given a message (regex, min) may not.
    const quote = issue.code === 'invalid_format' && typeof received === 'string' ? ` (received "${received}")` : '';
    return [{ path, message: `${issue.message}${quote}`, input: issue.input }];
  }
  return [{ path, message: genericMessage(issue, path, received) }];
}

function genericMessage(issue: Issue, path: Path, received: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const name = path[path.length - 1];
      if (received === undefined) {
        return typeof name === 'string' ? `Missing field \`${name}\`: expected ${typeName(issue.expected)}` : `Missing value: expected ${typeName(issue.expected)}`;
      }
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
  return [{ path, message: received === undefined ? `Missing value: expected ${expected}` : `Expected ${expected}, received ${show(received)}` }];
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
  return [...new Set(current.map(unwrap).flatMap((s) => (s._zod.def.type === 'object' ? Object.keys((s as z.ZodObject)._zod.def.shape) : [])))];
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
