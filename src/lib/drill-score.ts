/**
 * Drills that score: the runbook choices a drill offers (its first runbook among distractors picked
 * deterministically at build time), whether an answer is right, and a handbook's score
 * ("6 of 8 correct"). Pure: the drill list (build time), the drill island and the tests use it.
 */
import { shortHash } from '../schemas/slug';

/** A drill as scoring needs it: its id and the expected answer. */
export interface DrillKey {
  id: string;
  /** The level it should get. */
  level: string;
  /** The first runbook to open (the drill's first `runbooks` entry). */
  runbook: string;
}

/** What the reader answered on a drill's latest check. */
export interface DrillAnswer {
  level: string;
  runbook: string;
}

/** Which parts of an answer were right. */
export interface DrillCheck {
  level: boolean;
  runbook: boolean;
  /** Both parts right. */
  correct: boolean;
}

/** A handbook's score over its drills. */
export interface DrillScore {
  /** Drills whose latest check had both parts right. */
  correct: number;
  /** Drills checked at least once. */
  checked: number;
  /** Drills of the handbook. */
  total: number;
}

/** A small PRNG (mulberry32) from a 32-bit seed: the same seed gives the same sequence everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `items` shuffled (Fisher-Yates) by a seed text: the same text always gives the same order. A copy. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const next = random(parseInt(shortHash(seed), 16));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The runbooks a drill offers as "First runbook": the right one and up to `distractors` others, in an
 * order fixed by the drill's id (so the right answer's position varies from drill to drill but not
 * from build to build). Distractors come from `preferred` (the handbook's scenario pages) first, then
 * from `fallback` (its other pages) when there are too few; never one of the drill's own runbooks,
 * which would be right in a way.
 */
export function runbookChoices(
  drill: { id: string; runbooks: readonly string[] },
  preferred: readonly string[],
  fallback: readonly string[] = [],
  distractors = 3,
): string[] {
  const [answer] = drill.runbooks;
  const taken = new Set(drill.runbooks);
  const pick = (pool: readonly string[], salt: string) => seededShuffle([...new Set(pool)].filter((id) => !taken.has(id)), `${drill.id}:${salt}`);
  const chosen = pick(preferred, 'preferred').slice(0, distractors);
  chosen.forEach((id) => taken.add(id));
  if (chosen.length < distractors) chosen.push(...pick(fallback, 'fallback').slice(0, distractors - chosen.length));
  return seededShuffle([answer, ...chosen], `${drill.id}:order`);
}

/** Which parts of an answer are right. */
export function checkDrill(key: Pick<DrillKey, 'level' | 'runbook'>, answer: DrillAnswer): DrillCheck {
  const level = answer.level === key.level;
  const runbook = answer.runbook === key.runbook;
  return { level, runbook, correct: level && runbook };
}

/**
 * The score over a handbook's drills from the latest answer of each. Answers to drills that are no
 * longer in the handbook are not counted; a drill is judged against its current expected answer.
 */
export function scoreDrills(keys: readonly DrillKey[], answers: Readonly<Record<string, DrillAnswer | undefined>>): DrillScore {
  let correct = 0;
  let checked = 0;
  for (const key of keys) {
    const answer = answers[key.id];
    if (!answer) continue;
    checked++;
    if (checkDrill(key, answer).correct) correct++;
  }
  return { correct, checked, total: keys.length };
}

/** "6 of 8 correct" (the UI contract's words). */
export function scoreText(score: Pick<DrillScore, 'correct' | 'total'>): string {
  return `${score.correct} of ${score.total} correct`;
}
