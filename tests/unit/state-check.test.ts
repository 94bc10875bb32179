/**
 * The hand-written checkers behind the stored-state schema (src/state/persistence/check.ts): each
 * accepts what it should, and for anything else names the path and the problem in plain words.
 * Objects are loose: fields a shape does not name pass and are left in place.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  and, array, custom, kindOf, literal, nullable, object, optional, record, string, type Checker, type Infer,
} from '../../src/state/persistence/check';

/** The problem `checker` finds in `value`, as "path: message" (the path joined with dots). */
function problem<T>(checker: Checker<T>, value: unknown): string | undefined {
  const issue = checker(value);
  return issue && `${issue.path.map(String).join('.')}: ${issue.message}`;
}

describe('kindOf', () => {
  it.each([
    [undefined, 'nothing'], [null, 'null'], ['x', 'text'], ['', 'text'], [0, 'a number'], [2.5, 'a number'],
    [true, 'true'], [false, 'false'], [[], 'a list'], [{}, 'an object'],
  ])('calls %j %s', (value, kind) => {
    expect(kindOf(value)).toBe(kind);
  });
});

describe('string', () => {
  it('accepts text, the empty text included', () => {
    expect(string('Checkout down')).toBeUndefined();
    expect(string('')).toBeUndefined();
  });

  it.each([[5, 'a number'], [undefined, 'nothing'], [null, 'null'], [['a'], 'a list'], [{}, 'an object'], [false, 'false']])(
    'refuses %j, saying what it got',
    (value, kind) => {
      expect(string(value)).toEqual({ path: [], message: `expected text, got ${kind}` });
    },
  );
});

describe('literal', () => {
  it('accepts exactly its value', () => {
    expect(literal(3)(3)).toBeUndefined();
    expect(problem(literal(3), 2)).toBe(': expected 3, got a number');
    expect(problem(literal(3), '3')).toBe(': expected 3, got text');
    expect(problem(literal('note'), 'Note')).toBe(': expected "note", got text');
  });

  it('accepts any of several values and names them all', () => {
    const yesNo = literal(true, false);
    expect(yesNo(true)).toBeUndefined();
    expect(yesNo(false)).toBeUndefined();
    expect(problem(yesNo, 'yes')).toBe(': expected one of true, false, got text');
    expect(problem(yesNo, undefined)).toBe(': expected one of true, false, got nothing');
  });
});

describe('optional and nullable', () => {
  it('optional accepts nothing, or what its checker accepts', () => {
    expect(optional(string)(undefined)).toBeUndefined();
    expect(optional(string)('x')).toBeUndefined();
    expect(problem(optional(string), null)).toBe(': expected text, got null');
    expect(problem(optional(string), 1)).toBe(': expected text, got a number');
  });

  it('nullable accepts null, or what its checker accepts, and not nothing', () => {
    expect(nullable(string)(null)).toBeUndefined();
    expect(nullable(string)('x')).toBeUndefined();
    expect(problem(nullable(string), undefined)).toBe(': expected text, got nothing');
  });
});

describe('array', () => {
  it('accepts a list whose every item passes', () => {
    expect(array(string)([])).toBeUndefined();
    expect(array(string)(['a', 'b'])).toBeUndefined();
  });

  it('names the index of the first bad item', () => {
    expect(problem(array(string), ['a', 7, null])).toBe('1: expected text, got a number');
  });

  it('refuses what is not a list', () => {
    expect(problem(array(string), { 0: 'a', length: 1 })).toBe(': expected a list, got an object');
    expect(problem(array(string), 'ab')).toBe(': expected a list, got text');
  });
});

describe('record', () => {
  it('accepts an object whose every value passes, whatever its keys', () => {
    expect(record(string)({})).toBeUndefined();
    expect(record(string)({ 'demo/page#heading/item': 'x', constructor: 'y' })).toBeUndefined();
  });

  it('names the key of the first bad value', () => {
    expect(problem(record(string), { a: 'x', 'b.c': 2, d: 3 })).toBe('b.c: expected text, got a number');
  });

  it('refuses a list, null and text', () => {
    expect(problem(record(string), [])).toBe(': expected an object, got a list');
    expect(problem(record(string), null)).toBe(': expected an object, got null');
    expect(problem(record(string), 'x')).toBe(': expected an object, got text');
  });

  it('checks a "__proto__" key like any other (JSON.parse makes it an own key)', () => {
    expect(problem(record(string), JSON.parse('{"__proto__": 5}'))).toBe('__proto__: expected text, got a number');
  });
});

describe('object', () => {
  const person = object({ name: string, nick: optional(string), tags: array(string) });

  it('accepts an object with its fields', () => {
    expect(person({ name: 'Ana', tags: [] })).toBeUndefined();
    expect(person({ name: 'Ana', nick: 'A', tags: ['on-call'] })).toBeUndefined();
  });

  it('names a missing field, and a field of the wrong kind', () => {
    expect(problem(person, { tags: [] })).toBe('name: expected text, got nothing');
    expect(problem(person, { name: 'Ana', nick: 3, tags: [] })).toBe('nick: expected text, got a number');
  });

  it('reports the first problem in the order the shape lists its fields, whatever the data\'s order', () => {
    expect(problem(person, { tags: [1], nick: 2, name: 3 })).toBe('name: expected text, got a number');
    expect(problem(person, { tags: [1], nick: 2, name: 'Ana' })).toBe('nick: expected text, got a number');
  });

  it('gives the whole path of a problem deep inside', () => {
    const doc = object({ incidents: record(object({ timeline: array(object({ text: string })) })) });
    expect(problem(doc, { incidents: { 'INC-1': { timeline: [{ text: 'a' }, { text: 'b' }, {}] } } })).toBe(
      'incidents.INC-1.timeline.2.text: expected text, got nothing',
    );
    expect(doc({ incidents: { 'INC-1': { timeline: [{ text: 'a' }, {}] } } })?.path).toEqual(['incidents', 'INC-1', 'timeline', 1, 'text']);
  });

  it('keeps unknown fields: they pass, and the value is left exactly as it was', () => {
    const value = { name: 'Ana', tags: [], photo: { url: 'x' }, later: [1, 2] };
    const before = JSON.stringify(value);
    expect(person(value)).toBeUndefined();
    expect(JSON.stringify(value)).toBe(before);
  });

  it('refuses what is not an object', () => {
    expect(problem(person, [])).toBe(': expected an object, got a list');
    expect(problem(person, null)).toBe(': expected an object, got null');
    expect(problem(person, undefined)).toBe(': expected an object, got nothing');
  });

  it('does not take a field from the object prototype', () => {
    expect(problem(object({ constructor: string }), {})).toBe('constructor: expected text, got nothing');
  });
});

describe('custom and and', () => {
  const count = custom((value): value is number => Number.isInteger(value) && (value as number) >= 1, 'a whole number of items');

  it('custom accepts what its test accepts, and says what it expected and what it got', () => {
    expect(count(3)).toBeUndefined();
    expect(problem(count, 0)).toBe(': expected a whole number of items, got a number');
    expect(problem(count, '8')).toBe(': expected a whole number of items, got text');
    expect(problem(object({ total: count }), {})).toBe('total: expected a whole number of items, got nothing');
  });

  it('and runs its second check only once the first passed, on the same value', () => {
    const seen: unknown[] = [];
    const entry = and(object({ kind: string }), (value) => {
      seen.push(value);
      const text = (value as { text?: unknown }).text;
      return value.kind === 'note' && typeof text !== 'string' ? { path: ['text'], message: 'a note needs its text' } : undefined;
    });
    expect(problem(entry, { kind: 1 })).toBe('kind: expected text, got a number');
    expect(seen).toEqual([]);
    const note = { kind: 'note' };
    expect(problem(entry, note)).toBe('text: a note needs its text');
    expect(seen[0]).toBe(note);
    expect(entry({ kind: 'note', text: 'x' })).toBeUndefined();
    expect(entry({ kind: 'later' })).toBeUndefined();
  });
});

describe('Infer', () => {
  it('gives the type a checker accepts, with fields a checker allows to be absent optional', () => {
    const shape = object({ id: string, by: optional(string), active: nullable(string), kind: literal('a', 'b'), list: array(record(string)) });
    expectTypeOf<Infer<typeof shape>>().toEqualTypeOf<{
      id: string;
      by?: string | undefined;
      active: string | null;
      kind: 'a' | 'b';
      list: Record<string, string>[];
    }>();
  });
});
