/**
 * The severity classifier: the handbook's own assessment questions and metric thresholds, and the
 * level they give with the reasons, the targets, who to notify and the escalation clock.
 *
 * - The server renders every question with the level each answer points to, so the page reads,
 *   prints and works as a reference with JavaScript off.
 * - After mount (never during hydration: Preact keeps server DOM that differs, see STACK-NOTES) it
 *   applies, in this order of precedence: what the reader already did in the form before the island
 *   hydrated (it loads when it scrolls into view, seconds later on a slow phone), the link's answers,
 *   the active incident's saved answers. That runs in a layout effect, before paint, and when the
 *   classifier is above the viewport the page is scrolled by what it grew, so nothing the reader sees
 *   moves.
 * - The answers are mirrored into the URL with replaceState, so the address is always the link.
 * - Everything stored goes through src/state.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { classify, levelRank, mostSevere, NOT_SURE, parseReading, sameAnswers, type ClassifierAnswers } from '../../lib/classify';
import { decodeAnswers, encodeAnswers, isForeignParameter, type IgnoredParameter } from '../../lib/classifier-url';
import {
  couldRaiseLines, headline, levelLabel, levelView, reasonLine, summaryText, thresholdGroups, thresholdRule, type ClassifierView,
} from '../../lib/classifier-view';
import { getStore, PRACTICE_ID, type Incident } from '../../state';
import { copyText } from '../browser/share';
import InlineText from './InlineText';

export interface SeverityClassifierProps {
  view: ClassifierView;
  /** Prefix of element ids and radio names, unique on the page; also the classifier's own id (links land on it). */
  idPrefix: string;
}

const EMPTY: ClassifierAnswers = { questions: {}, readings: {} };
const count = (answers: ClassifierAnswers) => Object.keys(answers.questions).length + Object.keys(answers.readings).length;

interface ActiveIncident {
  id: string;
  title: string;
  handbook?: string;
  severity?: string;
  /** The answers saved with it on this handbook's scale. */
  saved?: ClassifierAnswers;
}

function activeOf(incident: Incident): ActiveIncident | undefined {
  if (incident.id === PRACTICE_ID) return undefined;
  const { id, title, handbook, severity, classification } = incident;
  return { id, title, handbook, severity, saved: classification && classification.handbook === handbook ? classification.answers : undefined };
}

export default function SeverityClassifier({ view, idPrefix }: SeverityClassifierProps) {
  const [answers, setAnswers] = useState<ClassifierAnswers>(EMPTY);
  // What the reader typed in each metric box, kept as text: "94,5" stays as typed, a mistake stays visible.
  const [readingText, setReadingText] = useState<Record<string, string>>({});
  const [ignored, setIgnored] = useState<IgnoredParameter[]>([]);
  const [origin, setOrigin] = useState('');
  const [active, setActive] = useState<ActiveIncident | undefined>(undefined);
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  // The level a lowering "Set severity" waits to be confirmed for.
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  // What "Clear answers" took away, until the next change: its "Undo" puts it back.
  const [cleared, setCleared] = useState<{ answers: ClassifierAnswers; text: Record<string, string>; origin: string } | undefined>(undefined);
  // The summary to copy by hand when the browser refuses the clipboard (a new object on each refusal: it is selected again).
  const [manualCopy, setManualCopy] = useState<{ text: string } | undefined>(undefined);
  const mounted = useRef(false);
  const root = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const metrics = useRef<HTMLDetailsElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const manualCopyBox = useRef<HTMLTextAreaElement>(null);
  // The classifier's bottom edge (in the viewport) before answers were applied after mount.
  const anchor = useRef<number | undefined>(undefined);

  const result = useMemo(() => classify(view, answers), [view, answers]);
  const level = levelView(view, result.level);
  const { rich } = view;
  const questionName = (id: string) => `${idPrefix}-q-${id}`;
  const metricId = (key: string) => `${idPrefix}-m-${key}`;

  // Declared before the mount effect so it runs first there: it only acts on the render that follows.
  useLayoutEffect(() => {
    if (anchor.current === undefined || !root.current) return;
    const moved = root.current.getBoundingClientRect().bottom - anchor.current;
    anchor.current = undefined;
    if (moved) window.scrollBy(0, moved);
  });

  useLayoutEffect(() => {
    const store = getStore();
    const link = decodeAnswers(view, location.search);
    const incident = activeOf(store.$active.get());
    const typed = readForm();
    let base = EMPTY;
    if (count(link.answers)) {
      base = link.answers;
      setOrigin('Answers from the link.');
    } else if (incident?.saved && incident.handbook === view.handbook.id) {
      base = incident.saved;
      setOrigin(`Answers saved with ${incident.id}.`);
    }
    const next = { questions: { ...base.questions, ...typed.answers.questions }, readings: { ...base.readings, ...typed.answers.readings } };
    if (count(next) || Object.keys(typed.text).length) {
      const box = root.current!.getBoundingClientRect();
      if (box.top < 0) anchor.current = box.bottom;
      if (Object.keys(next.readings).length && metrics.current) metrics.current.open = true;
      apply(next, typed.text);
    }
    setIgnored(link.ignored);
    const typedTitle = (document.getElementById(`${idPrefix}-title`) as HTMLInputElement | null)?.value;
    if (typedTitle) setTitle(typedTitle);
    mounted.current = true;
    return store.$active.subscribe((current) => setActive(activeOf(current)));
  }, []);

  // The address is the link: keep the query string in step with the answers.
  useEffect(() => {
    if (mounted.current) history.replaceState(history.state, '', `${location.pathname}${query()}${location.hash}`);
  }, [answers]);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  // The clipboard was refused: the summary is shown selected, and the older way of copying a selection
  // is tried; where that is refused too, Ctrl+C (or the phone's Copy) is all that is left to do.
  useEffect(() => {
    const box = manualCopyBox.current;
    if (!manualCopy || !box) return;
    box.focus();
    box.select();
    void copyText(manualCopy.text, box).then((copied) => {
      if (copied) setMessage('Summary copied, as plain text for chat.');
    });
  }, [manualCopy]);

  /** What the form holds now: answers given before the island hydrated are still in the DOM. */
  function readForm(): { answers: ClassifierAnswers; text: Record<string, string> } {
    const read: ClassifierAnswers = { questions: {}, readings: {} };
    const text: Record<string, string> = {};
    const value = (name: string) => (form.current?.elements.namedItem(name) as RadioNodeList | HTMLInputElement | null)?.value;
    for (const question of view.questions) {
      const chosen = value(questionName(question.id));
      if (chosen) read.questions[question.id] = chosen;
    }
    for (const threshold of view.thresholds) {
      const given = value(metricId(threshold.key))?.trim();
      if (!given) continue;
      if (!threshold.condition) {
        read.readings[threshold.key] = given === 'yes';
        continue;
      }
      text[threshold.key] = given;
      const reading = parseReading(given, threshold.condition.unit).value;
      if (reading !== undefined) read.readings[threshold.key] = reading;
    }
    return { answers: read, text };
  }

  /** The query string of the answers, with any foreign parameters (utm_*) kept. */
  function query(): string {
    const own = encodeAnswers(view, answers);
    const foreign = [...new URLSearchParams(location.search)].filter(([name]) => isForeignParameter(name));
    return foreign.length ? `${own ? `${own}&` : '?'}${new URLSearchParams(foreign)}` : own;
  }

  function apply(next: ClassifierAnswers, text: Record<string, string> = {}) {
    setAnswers({ questions: { ...next.questions }, readings: { ...next.readings } });
    setReadingText({ ...Object.fromEntries(Object.entries(next.readings).map(([key, value]) => [key, typeof value === 'number' ? String(value) : ''])), ...text });
  }

  /** A change the reader made: what was said about the link or a pending confirmation no longer applies. */
  function update(change: (current: ClassifierAnswers) => ClassifierAnswers) {
    setAnswers(change);
    setIgnored([]);
    setConfirming(undefined);
    setMessage('');
    setCleared(undefined);
    setManualCopy(undefined);
  }

  function choose(questionId: string, label: string) {
    update((current) => ({ ...current, questions: { ...current.questions, [questionId]: label } }));
  }

  function read(key: string, unit: string, text: string) {
    setReadingText((current) => ({ ...current, [key]: text }));
    const { value } = parseReading(text, unit);
    update((current) => {
      const readings = { ...current.readings };
      if (value === undefined) delete readings[key];
      else readings[key] = value;
      return { ...current, readings };
    });
  }

  function readYesNo(key: string, value: boolean) {
    update((current) => ({ ...current, readings: { ...current.readings, [key]: value } }));
  }

  function clear() {
    const previous = { answers, text: readingText, origin };
    setReadingText({});
    update(() => EMPTY);
    setOrigin('');
    if (count(previous.answers) || Object.keys(previous.text).length) setCleared(previous);
    setMessage('Answers cleared.');
  }

  function undoClear() {
    if (!cleared) return;
    update(() => cleared.answers);
    setReadingText(cleared.text);
    setOrigin(cleared.origin);
    setMessage('Answers restored.');
    // The Undo button goes away: the focus goes back where the reader pressed Clear.
    clearButton.current?.focus();
  }

  /** Whether the last write reached this browser's storage (a refused write is kept in this tab only). */
  const stored = () => {
    const health = getStore().$health.get();
    return health.mode === 'local' && !health.quotaExceeded;
  };
  const notStored = ' But this browser refused to save it: it is kept in this tab only and is lost when the tab closes. Download a backup before you close it.';

  /** A link to this classifier with these answers: it lands on the questions, with the result in view. */
  const shareLink = () => `${location.origin}${location.pathname}${query()}#${idPrefix}`;

  /** The level on the scale: on this page, a fragment (no reload, the answers stay); elsewhere, the page. */
  function levelLink(href: string): string {
    const at = href.indexOf('#');
    const path = (p: string) => p.replace(/\/(index\.html)?$/, '');
    return at >= 0 && typeof location !== 'undefined' && path(href.slice(0, at)) === path(location.pathname) ? href.slice(at) : href;
  }

  const classification = () => ({
    handbook: view.handbook.id,
    answers: { questions: { ...answers.questions }, readings: { ...answers.readings } },
    ...(result.level ? { level: result.level } : {}),
    reasons: result.reasons.map(reasonLine),
  });

  async function copyLink() {
    setMessage((await copyText(shareLink())) ? 'Link copied. Whoever opens it sees these answers and this result.' : 'Could not copy: copy the address from the address bar.');
  }

  async function copySummary() {
    const summary = summaryText(view, result, shareLink());
    const ok = await copyText(summary);
    setManualCopy(ok ? undefined : { text: summary });
    setMessage(ok ? 'Summary copied, as plain text for chat.' : 'This browser refused the clipboard: the summary is selected below, copy it with Ctrl+C (⌘C on a Mac).');
  }

  function start() {
    const incident = getStore().startIncident({
      title,
      handbook: view.handbook.id,
      ...(result.level ? { severity: result.level } : {}),
      classification: classification(),
    });
    setTitle('');
    setMessage(stored()
      ? `Started ${incident.id}${result.level ? ` at ${result.level}` : ' (severity not set yet)'}. The answers and reasons are saved with it.`
      : `Started ${incident.id}${result.level ? ` at ${result.level}` : ' (severity not set yet)'}, with the answers and reasons.${notStored}`);
  }

  /** Sets the active incident's level; lowering it asks first (a tab with older answers must not lower it in one click). */
  function setSeverity(confirmed: boolean) {
    if (!active || !result.level) return;
    const before = active.severity;
    if (!confirmed && before && levelRank(view, result.level) > levelRank(view, before)) {
      setConfirming(result.level);
      return;
    }
    setConfirming(undefined);
    const change = getStore().setSeverity(active.id, result.level, { classification: classification() });
    setMessage(
      change
        ? `${active.id} is now ${result.level}${before ? ` (was ${before})` : ''}. The change and its reasons are recorded with the incident.`
        : `${active.id} is already ${result.level}; the answers are saved with it.`,
    );
    if (!stored()) setMessage((current) => `${current}${notStored}`);
  }

  const sameHandbook = active && active.handbook === view.handbook.id;
  const raise = couldRaiseLines(result);
  // "P0 · Critical system down": an id never shows without its name (P1 is Critical in one handbook, Major in another).
  const levelName = (id: string) => {
    const found = levelView(view, id);
    return found ? levelLabel(found) : id;
  };
  /** One answer: the whole row is the label; the level it points to is the radio's description, not part of its name. */
  const option = (name: string, id: string, value: string, text: string, hint: string | undefined, checked: boolean, onChange: () => void) => (
    <label class="classifier-answer" key={value}>
      <input type="radio" id={id} name={name} value={value} checked={checked} onChange={onChange} aria-describedby={hint ? `${id}-level` : undefined} />
      <span><InlineText text={text} rich={rich} /></span>
      {hint && <span class="classifier-points" id={`${id}-level`} aria-hidden="true">{hint}</span>}
    </label>
  );
  /** "Not sure" counts as the question's most severe answer: the hint names that level. */
  const notSureHint = (choices: { level?: string }[]) => {
    const assumed = mostSevere(view, choices.map((choice) => choice.level));
    return assumed ? `→ ${levelName(assumed)} (assumed)` : '→ no level';
  };
  const groups = thresholdGroups(view);
  const whyNoLevel = `${idPrefix}-why`;

  return (
    <div class="classifier not-content" id={idPrefix} ref={root} data-pagefind-ignore>
      <form class="classifier-questions" ref={form} onSubmit={(event) => event.preventDefault()} aria-label={`Severity assessment: ${view.handbook.name}`}>
        {view.questions.map((question) => {
          const name = questionName(question.id);
          const helpId = question.help ? `${name}-help` : undefined;
          return (
            <fieldset class="classifier-question" aria-describedby={helpId} key={question.id}>
              <legend><InlineText text={question.text} rich={rich} /></legend>
              {question.help && <p class="classifier-help" id={helpId}><InlineText text={question.help} rich={rich} /></p>}
              <div class="classifier-answers">
                {question.answers.map((answer, i) => option(
                  name, `${name}-${i}`, answer.label, answer.label, answer.level ? `→ ${levelName(answer.level)}` : '→ no level',
                  answers.questions[question.id] === answer.label, () => choose(question.id, answer.label),
                ))}
                {option(name, `${name}-unsure`, NOT_SURE, 'Not sure', notSureHint(question.answers), answers.questions[question.id] === NOT_SURE, () => choose(question.id, NOT_SURE))}
              </div>
            </fieldset>
          );
        })}
        {groups.length > 0 && (
          <details class="classifier-more" ref={metrics}>
            <summary>Metrics from the dashboard (optional)</summary>
            {groups.map(({ group, thresholds }) => (
              <fieldset class="classifier-metrics" key={group}>
                <legend>{group ? `Metrics: ${group}` : 'Metrics'}</legend>
                {thresholds.map((threshold) => {
                  const id = metricId(threshold.key);
                  if (!threshold.condition) {
                    return (
                      <fieldset class="classifier-metric classifier-metric--yesno" key={threshold.key} aria-describedby={`${id}-rule`}>
                        <legend><InlineText text={threshold.metric} rich={rich} /></legend>
                        <span class="classifier-rule" id={`${id}-rule`}><InlineText text={threshold.text ?? ''} rich={rich} /> ({thresholdRule(threshold)})</span>
                        {[true, false].map((yes) => option(
                          id, `${id}-${yes}`, yes ? 'yes' : 'no', yes ? 'Yes' : 'No', undefined,
                          answers.readings[threshold.key] === yes, () => readYesNo(threshold.key, yes),
                        ))}
                      </fieldset>
                    );
                  }
                  const { unit } = threshold.condition;
                  const error = parseReading(readingText[threshold.key] ?? '', unit).error;
                  return (
                    <div class="classifier-metric" key={threshold.key}>
                      <label for={id}><InlineText text={threshold.metric} rich={rich} /></label>
                      <span class="classifier-reading">
                        <input
                          type="text" inputMode="decimal" id={id} name={id} value={readingText[threshold.key] ?? ''}
                          onInput={(event) => read(threshold.key, unit, (event.currentTarget as HTMLInputElement).value)}
                          aria-describedby={`${id}-rule${error ? ` ${id}-error` : ''}`} aria-invalid={error ? 'true' : undefined}
                        />
                        {unit && <span class="classifier-unit" aria-hidden="true">{unit}</span>}
                      </span>
                      {error && <span class="classifier-error" id={`${id}-error`}>{error[0].toUpperCase()}{error.slice(1)}: not counted.</span>}
                      <span class="classifier-rule" id={`${id}-rule`}>{unit ? `in ${unit}; ` : ''}{thresholdRule(threshold)}</span>
                    </div>
                  );
                })}
              </fieldset>
            ))}
          </details>
        )}
      </form>

      {/* Sticky at the bottom of the screen while the questions scroll by, so every answer shows its effect. */}
      <p class="classifier-status" role="status" data-level={result.level ?? ''}>
        {level ? (
          <>
            <span class="classifier-level">{levelLabel(level)}</span>{result.provisional && ' so far'}
            {raise.length > 0 && `; ${raise.join('; ')}`}
          </>
        ) : headline(view, result)}
      </p>
      <section class="classifier-result" aria-label="Severity result" data-level={result.level ?? ''} data-given={result.given}>
        <p class="classifier-nojs">
          Each answer shows the level it points to. The incident's level is the most severe level any answer points
          to; when unsure, take the higher one.
        </p>
        {origin && <p class="classifier-origin">{origin}</p>}
        {ignored.length > 0 && (
          <div class="classifier-ignored" role="note">
            <p>Some of the link's answers were ignored:</p>
            <ul>{ignored.map((param, i) => <li key={i}><code>{param.name}={param.value}</code>: {param.why}</li>)}</ul>
          </div>
        )}
        {result.reasons.length > 0 && (
          <>
            <h3 class="classifier-heading">Why</h3>
            <ul class="classifier-reasons">
              {result.reasons.map((reason) => (
                <li key={`${reason.source}-${reason.id}`} class={reason.decisive ? 'is-decisive' : undefined}>{reasonLine(reason)}</li>
              ))}
            </ul>
            {result.between && <p class="classifier-between">Answers point at {result.between.higher} and {result.between.lower}: the higher level, {result.between.higher}, applies.</p>}
          </>
        )}
        {result.withinLimits.length > 0 && (
          <>
            <h3 class="classifier-heading">Within their limits</h3>
            <ul class="classifier-within">{result.withinLimits.map((item) => <li key={item.id}>{item.text}</li>)}</ul>
          </>
        )}
        {level && (
          <>
            <h3 class="classifier-heading">What {level.id} means here</h3>
            <p class="classifier-definition"><InlineText text={level.definition} rich={rich} /> <a href={levelLink(level.href)}>{level.id} on the scale</a></p>
            <dl class="classifier-targets">
              <div><dt>Respond</dt><dd>{level.response}</dd></div>
              {level.resolution && <div><dt>Resolve</dt><dd>{level.resolution}</dd></div>}
              <div><dt>Updates</dt><dd>{level.updates ? <InlineText text={level.updates} rich={rich} /> : 'no cadence set by the handbook'}</dd></div>
            </dl>
            {level.notify.length > 0 && (
              <>
                <h4 class="classifier-heading">Notify</h4>
                <ul class="classifier-notify">
                  {level.notify.map((n) => <li key={n.who}><strong><InlineText text={n.who} rich={rich} /></strong>{n.how && <>: <InlineText text={n.how} rich={rich} /></>}</li>)}
                </ul>
              </>
            )}
            {level.escalation.length > 0 && (
              <>
                <h4 class="classifier-heading">Escalation</h4>
                <ol class="classifier-escalation">
                  {level.escalation.map((step, i) => (
                    <li key={i}><strong>{step.when}</strong>: <InlineText text={step.to} rich={rich} />{step.note && <> (<InlineText text={step.note} rich={rich} />)</>}</li>
                  ))}
                </ol>
              </>
            )}
          </>
        )}
        <div class="classifier-actions">
          <button type="button" class="classifier-button" onClick={copyLink}>Copy link</button>
          <button type="button" class="classifier-button" onClick={copySummary}>Copy summary</button>
          <button type="button" class="classifier-button classifier-button--quiet" ref={clearButton} onClick={clear}>Clear answers</button>
          {cleared && <button type="button" class="classifier-button" onClick={undoClear}>Undo clear</button>}
        </div>
        <div class="classifier-incident">
          {sameHandbook ? (
            <>
              <p class="classifier-incident-line">
                Active incident: <strong>{active!.id}</strong>{active!.title && active!.title !== active!.id ? ` ${active!.title}` : ''}
                {active!.severity ? `, now ${active!.severity}` : ', severity not set'}.
              </p>
              {!sameAnswers(answers, active!.saved ?? EMPTY) && (
                <p class="classifier-incident-line classifier-unsaved">These answers are not saved with {active!.id}: press Set severity to record them.</p>
              )}
              <span class="classifier-start">
                <button type="button" class="classifier-button classifier-button--primary" onClick={() => setSeverity(false)} disabled={!result.level} aria-describedby={result.level ? undefined : whyNoLevel}>
                  Set severity
                </button>
                {!result.level && (
                  <span class="classifier-why" id={whyNoLevel}>
                    No level to set: {result.given ? 'none of the answers points at one' : 'answer the questions first'}.
                  </span>
                )}
              </span>
              {confirming && confirming === result.level && (
                <p class="classifier-confirm">
                  Lower {active!.id} from {active!.severity} to {confirming}?{' '}
                  <button type="button" class="classifier-button classifier-button--primary" ref={confirmButton} onClick={() => setSeverity(true)}>Lower to {confirming}</button>{' '}
                  <button type="button" class="classifier-button" onClick={() => setConfirming(undefined)}>Keep {active!.severity}</button>
                </p>
              )}
            </>
          ) : (
            <>
              {active && <p class="classifier-incident-line">The active incident, {active.id}, uses another handbook's scale: starting here opens a new incident.</p>}
              <label class="classifier-title-label" for={`${idPrefix}-title`}>Incident title (optional)</label>
              <span class="classifier-start">
                <input type="text" id={`${idPrefix}-title`} value={title} maxLength={120} onInput={(event) => setTitle((event.currentTarget as HTMLInputElement).value)} />
                <button type="button" class="classifier-button classifier-button--primary" onClick={start}>Start incident</button>
              </span>
            </>
          )}
        </div>
        <p class="classifier-message" role="status">{message}</p>
        {manualCopy && (
          <div class="classifier-manual-copy">
            <label for={`${idPrefix}-summary`}>Summary to copy</label>
            <textarea id={`${idPrefix}-summary`} ref={manualCopyBox} readOnly rows={8} value={manualCopy.text} />
          </div>
        )}
      </section>
    </div>
  );
}
