/**
 * One drill as a quiz: pick the level and the first runbook, "Check answer", and the feedback (each
 * part right or wrong, why, links to the level and the runbooks) in a live region. The latest check is
 * kept per handbook through src/state (never the browser storage directly), and the handbook's score follows it.
 *
 * - The server renders the form with nothing picked; the answer itself stays in the drill's
 *   disclosure, which the page shows instead of this form when JavaScript is off.
 * - After mount (never during hydration: Preact keeps server DOM that differs, see STACK-NOTES) the
 *   latest saved answer is picked again and summed up in a line of fixed height, so a reload moves
 *   nothing. The full feedback appears only when the reader checks.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkDrill, scoreDrills, scoreText, type DrillAnswer, type DrillKey } from '../../lib/drill-score';
import type { InlineToken } from '../../lib/inline-markdown';
import { getStore } from '../../state';
import InlineText from './InlineText';

export interface DrillQuizLevel {
  id: string;
  name: string;
  href: string;
}

export interface DrillQuizRunbook {
  id: string;
  title: string;
  href: string;
}

export interface DrillQuizProps {
  handbook: string;
  /** The drill's id ("agency-platform/site-returns-502") and its expected answer. */
  drill: DrillKey & { why: string; runbooks: DrillQuizRunbook[] };
  /** Every drill of the handbook, for the score in the feedback. */
  keys: DrillKey[];
  /** The handbook's levels, most severe first. */
  levels: DrillQuizLevel[];
  /** The runbooks offered as "First runbook", in their fixed order. */
  choices: DrillQuizRunbook[];
  /** Unique on the page: element ids and radio names start with it. */
  idPrefix: string;
  /** Inline Markdown of `why`, tokenised at build time. */
  rich?: Record<string, InlineToken[]>;
}

const label = (level: DrillQuizLevel) => `${level.id} · ${level.name}`;

/** "Latest check: correct." in a few words, for the line of fixed height. */
function summary(check: ReturnType<typeof checkDrill>): string {
  if (check.correct) return 'Latest check: correct, level and runbook.';
  // A miss says where its reasons are: the saved picks are back in the form, so "Check answer" shows them.
  if (!check.level && !check.runbook) return 'Latest check: level and runbook both wrong. Check answer shows why.';
  return `Latest check: ${check.level ? 'level right' : 'level wrong'}, ${check.runbook ? 'runbook right' : 'runbook wrong'}. Check answer shows why.`;
}

export default function DrillQuiz({ handbook, drill, keys, levels, choices, idPrefix, rich }: DrillQuizProps) {
  const [level, setLevel] = useState('');
  const [runbook, setRunbook] = useState('');
  const [saved, setSaved] = useState<DrillAnswer | undefined>(undefined);
  /** The answer just checked, shown in full; undefined until the reader checks. */
  const [shown, setShown] = useState<DrillAnswer | undefined>(undefined);
  const [missing, setMissing] = useState('');
  const [score, setScore] = useState('');
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const training = getStore().training(handbook);
    // What the reader picked before the island hydrated is still in the form: it wins over the saved answer.
    const value = (name: string) => (form.current?.elements.namedItem(name) as RadioNodeList | null)?.value ?? '';
    const typed = { level: value(`${idPrefix}-level`), runbook: value(`${idPrefix}-runbook`) };
    let first = true;
    return training.$training.subscribe((current) => {
      const answer = current.drills[drill.id];
      setSaved(answer);
      setScore(scoreText(scoreDrills(keys, current.drills)));
      if (first) {
        first = false;
        setLevel(typed.level || answer?.level || '');
        setRunbook(typed.runbook || answer?.runbook || '');
      }
    });
  }, []);

  function check() {
    if (!level || !runbook) {
      setShown(undefined);
      setMissing(!level && !runbook ? 'Pick a level and a first runbook, then check.' : !level ? 'Pick a level too, then check.' : 'Pick a first runbook too, then check.');
      return;
    }
    setMissing('');
    const answer = { level, runbook };
    getStore().training(handbook).recordDrill(drill.id, answer);
    setShown(answer);
  }

  function retry() {
    setLevel('');
    setRunbook('');
    setShown(undefined);
    setMissing('');
    const first = form.current?.querySelector<HTMLInputElement>('input[type="radio"]');
    first?.focus();
  }

  const expectedLevel = levels.find((l) => l.id === drill.level);
  const firstRunbook = drill.runbooks[0];
  const levelOf = (id: string) => levels.find((l) => l.id === id);
  const runbookOf = (id: string) => choices.find((c) => c.id === id) ?? drill.runbooks.find((r) => r.id === id);
  const result = shown && checkDrill(drill, shown);
  const latest = saved && checkDrill(drill, saved);
  const others = drill.runbooks.slice(1);

  return (
    <div class="drill-quiz not-content" data-pagefind-ignore>
      <form ref={form} onSubmit={(event) => event.preventDefault()}>
        <fieldset class="drill-field">
          <legend>Severity</legend>
          <div class="drill-options">
            {levels.map((l) => (
              <label class="drill-option" key={l.id}>
                <input type="radio" name={`${idPrefix}-level`} value={l.id} checked={level === l.id} onChange={() => setLevel(l.id)} />
                <span>{label(l)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class="drill-field">
          <legend>First runbook</legend>
          <div class="drill-options drill-options--runbooks">
            {choices.map((c) => (
              <label class="drill-option" key={c.id}>
                <input type="radio" name={`${idPrefix}-runbook`} value={c.id} checked={runbook === c.id} onChange={() => setRunbook(c.id)} />
                <span>{c.title}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div class="drill-actions">
          {/* A plain button, not a submit: pressed before the island hydrates, it does nothing (a submit would load the page again). */}
          <button type="button" class="drill-button drill-button--primary" onClick={check}>Check answer</button>
          <button type="button" class="drill-button" onClick={retry}>Try again</button>
          <span class="drill-latest" data-correct={latest ? String(latest.correct) : undefined}>{latest ? summary(latest) : '\u00a0'}</span>
        </div>
      </form>
      <div class="drill-feedback" role="status" data-correct={result ? String(result.correct) : undefined}>
        {missing && <p class="drill-missing">{missing}</p>}
        {result && shown && (
          <>
            <p class="drill-verdict">{result.correct ? 'Correct: level and first runbook.' : result.level || result.runbook ? 'Half right.' : 'Not this time: level and runbook both wrong.'}</p>
            <ul class="drill-parts">
              <li data-right={String(result.level)}>
                <strong>Severity: {result.level ? 'right' : 'wrong'}.</strong>{' '}
                {result.level ? 'It is ' : <>You picked {label(levelOf(shown.level) ?? { id: shown.level, name: '', href: '' })}; it is </>}
                {expectedLevel ? <a href={expectedLevel.href}>{label(expectedLevel)}</a> : drill.level}.
              </li>
              <li data-right={String(result.runbook)}>
                <strong>First runbook: {result.runbook ? 'right' : 'wrong'}.</strong>{' '}
                {result.runbook ? 'Open ' : <>You picked {runbookOf(shown.runbook)?.title ?? shown.runbook}; open </>}
                <a href={firstRunbook.href}>{firstRunbook.title}</a> first.
                {others.length > 0 && <> Also: {others.map((r, i) => <span key={r.id}>{i > 0 && ', '}<a href={r.href}>{r.title}</a></span>)}.</>}
              </li>
            </ul>
            <p class="drill-why"><strong>Why: </strong><InlineText text={drill.why} rich={rich} /></p>
            <p class="drill-score-line">Score: {score}.</p>
          </>
        )}
      </div>
    </div>
  );
}
