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
   * read are here (see `readLevelIds` in scale.ts); a scale that gives one id to two levels is here
   * with its distinct ids: repeating an id does not make another one valid.
   */
  levels: ReadonlyMap<string, readonly string[]>;
  /**
   * Handbooks whose scale exists but whose level ids cannot be read (a YAML error, a level without an
   * id, a malformed id). The scale's own errors say what is wrong; the severities other files use
   * are not checked against it, so those files are not blamed for the scale's mistake.
   */
  unreadableScales: ReadonlySet<string>;
  /**
   * For a scale that gives one id to two levels: the ids the repeated level may have been meant to
   * have (see `displacedLevelIds`). Other files that use one of these are not blamed while the scale
   * is wrong; any other unknown severity is still reported.
   */
  displacedLevels: ReadonlyMap<string, ReadonlySet<string>>;
  /** Runbook ids (see src/schemas/ids.ts: paths under content/docs/ without extension, `index` dropped). */
  runbooks: ReadonlySet<string>;
  /**
   * Each readable scale's assessment: question ids with their answers' slugs, and metric keys with
   * the kind of reading they take. A drill's `classifier:` facts are checked against it. Absent (or
   * a handbook missing from it) when unknown: nothing is checked then.
   */
  assessments?: ReadonlyMap<string, Assessment>;
}

/** What a drill's classifier facts may name: see `ContentIndex.assessments` and `readAssessment` in scale.ts. */
export interface Assessment {
  /** Question id -> the slugs of its answers (the classifier's URL values), in order. */
  questions: ReadonlyMap<string, readonly string[]>;
  /** Threshold key (the metric's slug) -> a number, or yes/no for a free-text threshold. */
  metrics: ReadonlyMap<string, 'number' | 'yes-no'>;
}

/**
 * Builds an index from plain data (the content reader, tests and fixtures). `levels` are each scale's
 * ids as written, a repeated one included: the index keeps each once and works out which ids the
 * repetition may have displaced.
 */
export function makeContentIndex(input: {
  handbooks?: string[];
  levels?: Record<string, string[]>;
  runbooks?: string[];
  unreadableScales?: string[];
}): ContentIndex {
  const written = Object.entries(input.levels ?? {});
  const levels = new Map(written.map(([id, ids]) => [id, [...new Set(ids)]]));
  const displacedLevels = new Map(written.flatMap(([id, ids]) => {
    const displaced = displacedLevelIds(ids);
    return displaced.length ? [[id, new Set(displaced)] as const] : [];
  }));
  const unreadableScales = new Set(input.unreadableScales ?? []);
  return {
    handbooks: new Set([...(input.handbooks ?? []), ...levels.keys(), ...unreadableScales]),
    levels,
    unreadableScales,
    displacedLevels,
    runbooks: new Set(input.runbooks ?? []),
  };
}

/**
 * The ids a scale that repeats a level id may have meant, so that files using them are not blamed
 * for the scale's mistake. Only numbered ids can be guessed at: when every id is one prefix and a
 * number ("P1", "SEV-2"), the candidates are the numbers missing from the scale within as many steps
 * of its range as there are repeated ids (P1, P1, P3, P4 -> P0, P2, P5). `severity: P9` is not one:
 * it matches no level however the scale is fixed, and is reported.
 */
export function displacedLevelIds(ids: readonly string[]): string[] {
  const repeated = ids.length - new Set(ids).size;
  if (repeated === 0) return [];
  const parts = ids.map((id) => /^(.*?)(\d+)$/.exec(id));
  if (!parts.every((match) => match !== null)) return [];
  const prefixes = new Set(parts.map((match) => match![1]));
  const widths = new Set(parts.map((match) => match![2].length));
  if (prefixes.size !== 1) return [];
  const [prefix] = prefixes;
  const numbers = parts.map((match) => Number(match![2]));
  const padded = widths.size === 1 && parts[0]![2].startsWith('0') ? parts[0]![2].length : 0;
  const written = new Set(ids);
  const candidates: string[] = [];
  for (let n = Math.max(0, Math.min(...numbers) - repeated); n <= Math.max(...numbers) + repeated; n++) {
    const id = `${prefix}${String(n).padStart(padded, '0')}`;
    if (!written.has(id)) candidates.push(id);
  }
  return candidates;
}

/**
 * Keys the loaders add to an entry's data, which authors do not write: the entry's id (`entryPath`,
 * every kind that lives in a handbook's folder) and a template's `body`. Not offered as known fields
 * in "did you mean"; the validator reports an author's own (src/build/validate/sources.ts).
 */
export const INTERNAL_KEYS = ['entryPath', 'body'] as const;

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

/**
 * The one closest known value, for "did you mean" hints on typos (case is ignored). Nothing when no
 * candidate is close, or when several are equally close: "P5" is as near to P0 as to P1, P2 and P3,
 * and suggesting the first would point at the wrong one as often as not.
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  let tied = false;
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const score = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (score < bestScore) [best, bestScore, tied] = [candidate, score, false];
    else if (score === bestScore) tied = true;
  }
  return best !== undefined && !tied && bestScore <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
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
