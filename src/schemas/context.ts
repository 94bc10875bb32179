/**
 * What every schema may need to know about the rest of the content: which handbooks exist, the
 * level ids of each handbook's scale, and which runbooks exist. Astro validates one entry at a time
 * and a dangling `reference()` only logs a warning, so the schemas check references against this
 * index themselves and fail the build with the file and field named.
 */
export interface ContentIndex {
  /** Handbook ids (file names in content/handbooks/). */
  handbooks: ReadonlySet<string>;
  /**
   * Level ids of each handbook's scale, most severe first, each once. Only scales whose ids can be
   * trusted are here (see `readLevelIds` in scale.ts).
   */
  levels: ReadonlyMap<string, readonly string[]>;
  /**
   * Handbooks whose scale exists but whose level ids cannot be trusted (a YAML error, two levels with
   * one id, a malformed id). The scale's own errors say what is wrong; the severities other files use
   * are not checked against it, so those files are not blamed for the scale's mistake.
   */
  unreadableScales: ReadonlySet<string>;
  /** Runbook ids (see src/schemas/ids.ts: paths under content/docs/ without extension, `index` dropped). */
  runbooks: ReadonlySet<string>;
}

/** Builds an index from plain data (the content reader, tests and fixtures); level ids are deduplicated. */
export function makeContentIndex(input: {
  handbooks?: string[];
  levels?: Record<string, string[]>;
  runbooks?: string[];
  unreadableScales?: string[];
}): ContentIndex {
  const levels = new Map(Object.entries(input.levels ?? {}).map(([id, ids]) => [id, [...new Set(ids)]]));
  const unreadableScales = new Set(input.unreadableScales ?? []);
  return {
    handbooks: new Set([...(input.handbooks ?? []), ...levels.keys(), ...unreadableScales]),
    levels,
    unreadableScales,
    runbooks: new Set(input.runbooks ?? []),
  };
}

/** "a, b, c" for error messages: each value once, in first-seen order. */
export function oneOf(values: Iterable<string>): string {
  const list = [...new Set(values)];
  if (list.length === 0) return '(none defined)';
  return list.join(', ');
}

/**
 * Options for a check that must run even when another field of the same object is invalid, so that
 * one run reports every mistake in a file (Zod skips an object's refinements when one of its fields
 * failed). Such a check sees partly parsed data: it tests the type of everything it reads.
 */
export const EVEN_IF_INVALID = { when: () => true };

/** Closest known value, for "did you mean" hints on typos. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (score < bestScore) [best, bestScore] = [candidate, score];
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
