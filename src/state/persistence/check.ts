/**
 * Structural checks of plain JSON data (what JSON.parse gives), naming where a problem is. Written by
 * hand for the few shapes the browser stores (see schema.ts): a validation library would be most of
 * the state code every page loads, to say the same.
 *
 * A checker is a function: the first problem with a value, or undefined when there is none. Checkers
 * only look: they never copy, default or strip anything, so what passed is used as it was given.
 * Objects are loose: fields a shape does not name are allowed and left where they are.
 */

/** A problem: where it is (keys and indexes from the checked value), and what is wrong, in words. */
export interface Issue {
  path: PropertyKey[];
  message: string;
}

/** Checks a value: its first problem, or undefined if it is a `T`. */
export type Checker<T> = ((value: unknown) => Issue | undefined) & {
  /** The type a passing value has, for Infer; never set. */
  readonly type?: T;
};

/** The type of the data a checker accepts. */
export type Infer<C> = C extends Checker<infer T> ? T : never;

type Shape = Record<string, Checker<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
/** An object type written out (not left as an intersection), so editors and errors show its fields. */
type Flat<T> = { [K in keyof T]: T[K] };
/** The object a shape describes: a field whose checker accepts undefined may be absent. */
export type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

/** What a value is, in words ("text", "a list"), for "expected ..., got ...". */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  const type = typeof value;
  return type === 'string' ? 'text' : type === 'number' ? 'a number' : type === 'boolean' ? String(value) : type === 'object' ? 'an object' : type;
}

const fail = (expected: string, value: unknown): Issue => ({ path: [], message: `expected ${expected}, got ${kindOf(value)}` });

/** The problem `issue` of a value under `key`, as a problem of the value holding it. */
const under = (key: PropertyKey, issue: Issue): Issue => ({ path: [key, ...issue.path], message: issue.message });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A check written by hand: `test` says whether a value is a T; `expected` names what is, for the
 * message ("a whole number of items" gives "expected a whole number of items, got text").
 */
export const custom =
  <T>(test: (value: unknown) => value is T, expected: string): Checker<T> =>
  (value) =>
    test(value) ? undefined : fail(expected, value);

export const string = custom((value): value is string => typeof value === 'string', 'text');

/** Exactly one of `values` (compared with ===). */
export const literal = <const Values extends readonly (string | number | boolean | null)[]>(...values: Values): Checker<Values[number]> =>
  custom(
    (value): value is Values[number] => values.includes(value as Values[number]),
    (values.length > 1 ? 'one of ' : '') + values.map((value) => JSON.stringify(value)).join(', '),
  );

/** `checker`, or absent (undefined). */
export const optional =
  <T>(checker: Checker<T>): Checker<T | undefined> =>
  (value) =>
    value === undefined ? undefined : checker(value);

/** `checker`, or null. */
export const nullable =
  <T>(checker: Checker<T>): Checker<T | null> =>
  (value) =>
    value === null ? undefined : checker(value);

/** A list whose every item passes `item`; a problem's path starts with the item's index. */
export const array =
  <T>(item: Checker<T>): Checker<T[]> =>
  (value) => {
    if (!Array.isArray(value)) return fail('a list', value);
    for (let index = 0; index < value.length; index++) {
      const issue = item(value[index]);
      if (issue) return under(index, issue);
    }
  };

/** An object used as a map: any keys, every value passes `item`. */
export const record =
  <T>(item: Checker<T>): Checker<Record<string, T>> =>
  (value) => {
    if (!isObject(value)) return fail('an object', value);
    for (const key of Object.keys(value)) {
      const issue = item(value[key]);
      if (issue) return under(key, issue);
    }
  };

/**
 * An object with the fields of `shape`, checked in the shape's order (the first problem is that of
 * the first field listed). Loose: fields the shape does not name are allowed, whatever they hold.
 */
export const object =
  <S extends Shape>(shape: S): Checker<ObjectOf<S>> =>
  (value) => {
    if (!isObject(value)) return fail('an object', value);
    for (const key in shape) {
      const issue = shape[key](Object.hasOwn(value, key) ? value[key] : undefined);
      if (issue) return under(key, issue);
    }
  };

/** `first`, then, once it passed, `then` on the same value: a check that needs what `first` made sure of. */
export const and =
  <T>(first: Checker<T>, then: (value: T) => Issue | undefined): Checker<T> =>
  (value) =>
    first(value) ?? then(value as T);
