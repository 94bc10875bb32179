/**
 * A handbook's drill score, "6 of 8 correct", at the top of its drill list: worked out from the
 * latest check of each drill (src/state), updated as the reader checks and when another tab does.
 * The server renders "0 of 8 correct"; the saved score replaces the text after mount, in a line of
 * fixed height, so nothing moves.
 */
import { useEffect, useState } from 'preact/hooks';
import { scoreDrills, scoreText, type DrillKey } from '../../lib/drill-score';
import { getStore } from '../../state';

export interface DrillScoreProps {
  handbook: string;
  keys: DrillKey[];
}

export default function DrillScore({ handbook, keys }: DrillScoreProps) {
  const [score, setScore] = useState(scoreDrills(keys, {}));
  useEffect(() => getStore().training(handbook).$training.subscribe((current) => setScore(scoreDrills(keys, current.drills))), []);
  return (
    <p class="drill-score not-content" data-pagefind-ignore>
      <strong class="drill-score-value">{scoreText(score)}</strong>
      <span class="drill-score-checked">{score.checked === 0 ? ' · none checked yet' : ` · ${score.checked} of ${score.total} checked`}</span>
    </p>
  );
}
