/**
 * The severity classifier: the handbook's own assessment questions and metric thresholds, and the
 * level they give with the reasons, the targets, who to notify and the escalation clock.
 *
 * - The server renders every question with the level each answer points to, so the page reads,
 *   prints and works as a reference with JavaScript off.
 * - Saved or shared answers (the URL's query string, or the active incident's classification) are
 *   applied after mount, never during hydration (Preact keeps server DOM that differs: STACK-NOTES).
 * - The answers are mirrored into the URL with replaceState, so the address is always the link.
 * - Everything stored goes through src/state.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { classify, NOT_SURE, type ClassifierAnswers } from '../../lib/classify';
import { decodeAnswers, encodeAnswers, type IgnoredParameter } from '../../lib/classifier-url';
import {
  couldRaiseLines, headline, levelLabel, levelView, reasonLine, summaryText, thresholdGroups, thresholdRule, type ClassifierView,
} from '../../lib/classifier-view';
import { getStore, PRACTICE_ID, type Incident } from '../../state';
import { copyText } from '../browser/share';

export interface SeverityClassifierProps {
  view: ClassifierView;
  /** Prefix of element ids and radio names, unique on the page. */
  idPrefix: string;
}

const EMPTY: ClassifierAnswers = { questions: {}, readings: {} };

interface ActiveIncident {
  id: string;
  title: string;
  handbook?: string;
  severity?: string;
}

function activeOf(incident: Incident): ActiveIncident | undefined {
  return incident.id === PRACTICE_ID ? undefined : { id: incident.id, title: incident.title, handbook: incident.handbook, severity: incident.severity };
}

export default function SeverityClassifier({ view, idPrefix }: SeverityClassifierProps) {
  const [answers, setAnswers] = useState<ClassifierAnswers>(EMPTY);
  // What the reader typed in each metric box, kept as text so "1." or "" is not rewritten under them.
  const [readingText, setReadingText] = useState<Record<string, string>>({});
  const [ignored, setIgnored] = useState<IgnoredParameter[]>([]);
  const [origin, setOrigin] = useState<string>('');
  const [active, setActive] = useState<ActiveIncident | undefined>(undefined);
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  const mounted = useRef(false);

  const result = useMemo(() => classify(view, answers), [view, answers]);
  const level = levelView(view, result.level);

  // After mount: the shared link wins; else the active incident's saved answers for this handbook.
  useEffect(() => {
    const store = getStore();
    const fromUrl = decodeAnswers(view, location.search);
    const incident = activeOf(store.$active.get());
    const saved = store.$active.get().classification;
    if (Object.keys(fromUrl.answers.questions).length || Object.keys(fromUrl.answers.readings).length || fromUrl.ignored.length) {
      apply(fromUrl.answers);
      setIgnored(fromUrl.ignored.filter((param) => !isForeign(param.name)));
      setOrigin('Answers from the link.');
    } else if (incident && saved && saved.handbook === view.handbook.id) {
      apply(saved.answers);
      setOrigin(`Answers saved with ${incident.id}.`);
    }
    mounted.current = true;
    return store.$active.subscribe((next) => setActive(activeOf(next)));
  }, []);

  // The address is the link: keep the query string in step with the answers.
  useEffect(() => {
    if (!mounted.current) return;
    const query = encodeAnswers(view, answers);
    const foreign = [...new URLSearchParams(location.search)].filter(([name]) => isForeign(name));
    const rest = foreign.length ? `${query ? '&' : '?'}${new URLSearchParams(foreign)}` : '';
    history.replaceState(history.state, '', `${location.pathname}${query}${rest}${location.hash}`);
  }, [answers]);

  function apply(next: ClassifierAnswers) {
    setAnswers({ questions: { ...next.questions }, readings: { ...next.readings } });
    setReadingText(Object.fromEntries(Object.entries(next.readings).map(([key, value]) => [key, typeof value === 'number' ? String(value) : ''])));
  }

  function choose(questionId: string, label: string) {
    setAnswers((current) => ({ ...current, questions: { ...current.questions, [questionId]: label } }));
    setMessage('');
  }

  function read(key: string, text: string) {
    setReadingText((current) => ({ ...current, [key]: text }));
    const value = Number(text.replace(',', '.'));
    setAnswers((current) => {
      const readings = { ...current.readings };
      if (text.trim() === '' || !Number.isFinite(value)) delete readings[key];
      else readings[key] = value;
      return { ...current, readings };
    });
    setMessage('');
  }

  function readYesNo(key: string, value: boolean) {
    setAnswers((current) => ({ ...current, readings: { ...current.readings, [key]: value } }));
    setMessage('');
  }

  function clear() {
    apply(EMPTY);
    setIgnored([]);
    setOrigin('');
    setMessage('Answers cleared.');
  }

  const classification = () => ({
    handbook: view.handbook.id,
    answers: { questions: { ...answers.questions }, readings: { ...answers.readings } },
    ...(result.level ? { level: result.level } : {}),
    reasons: result.reasons.map(reasonLine),
  });

  async function copyLink() {
    setMessage((await copyText(location.href)) ? 'Link copied. Whoever opens it sees these answers and this result.' : 'Could not copy: copy the address from the address bar.');
  }

  async function copySummary() {
    const ok = await copyText(summaryText(view, result, location.href));
    setMessage(ok ? 'Summary copied, as plain text for chat.' : 'Could not copy the summary: this browser refused the clipboard.');
  }

  function start() {
    const store = getStore();
    const incident = store.startIncident({
      title,
      handbook: view.handbook.id,
      ...(result.level ? { severity: result.level } : {}),
      classification: classification(),
    });
    setTitle('');
    setMessage(`Started ${incident.id}${result.level ? ` at ${result.level}` : ' (severity not set yet)'}. The answers and reasons are saved with it.`);
  }

  function setSeverity() {
    if (!active || !result.level) return;
    const store = getStore();
    const before = active.severity;
    const change = store.setSeverity(active.id, result.level, { classification: classification() });
    setMessage(
      change
        ? `${active.id} is now ${result.level}${before ? ` (was ${before})` : ''}. The change and its reasons are recorded with the incident.`
        : `${active.id} is already ${result.level}; the answers are saved with it.`,
    );
  }

  const sameHandbook = active && active.handbook === view.handbook.id;
  const raise = couldRaiseLines(result);
  const questionName = (id: string) => `${idPrefix}-q-${id}`;
  // "P0 · Critical system down": an id never shows without its name (P1 is Critical in one handbook, Major in another).
  const levelName = (id: string) => {
    const found = levelView(view, id);
    return found ? levelLabel(found) : id;
  };

  return (
    <div class="classifier not-content" data-pagefind-ignore>
      <form class="classifier-questions" onSubmit={(event) => event.preventDefault()} aria-label={`Severity assessment: ${view.handbook.name}`}>
        {view.questions.map((question) => {
          const helpId = question.help ? `${questionName(question.id)}-help` : undefined;
          return (
            <fieldset class="classifier-question" aria-describedby={helpId} key={question.id}>
              <legend>{question.text}</legend>
              {question.help && <p class="classifier-help" id={helpId}>{question.help}</p>}
              <div class="classifier-answers">
                {question.answers.map((answer, i) => {
                  const id = `${questionName(question.id)}-${i}`;
                  return (
                    <div class="classifier-answer" key={answer.label}>
                      <input
                        type="radio" id={id} name={questionName(question.id)} value={answer.label}
                        checked={answers.questions[question.id] === answer.label}
                        onChange={() => choose(question.id, answer.label)}
                        aria-describedby={`${id}-level`}
                      />
                      <label for={id}>{answer.label}</label>
                      <span class="classifier-points" id={`${id}-level`}>
                        {answer.level ? `→ ${levelName(answer.level)}` : '→ no level'}
                      </span>
                    </div>
                  );
                })}
                <div class="classifier-answer classifier-answer--unsure">
                  <input
                    type="radio" id={`${questionName(question.id)}-unsure`} name={questionName(question.id)} value={NOT_SURE}
                    checked={answers.questions[question.id] === NOT_SURE}
                    onChange={() => choose(question.id, NOT_SURE)}
                    aria-describedby={`${questionName(question.id)}-unsure-level`}
                  />
                  <label for={`${questionName(question.id)}-unsure`}>Not sure</label>
                  <span class="classifier-points" id={`${questionName(question.id)}-unsure-level`}>→ the higher level</span>
                </div>
              </div>
            </fieldset>
          );
        })}
        {thresholdGroups(view).map(({ group, thresholds }) => (
          <fieldset class="classifier-metrics" key={group}>
            <legend>{group ? `Metrics: ${group}` : 'Metrics'} <span class="classifier-optional">(optional: enter what the dashboard shows)</span></legend>
            {thresholds.map((threshold) => {
              const id = `${idPrefix}-m-${threshold.key}`;
              if (!threshold.condition) {
                return (
                  <fieldset class="classifier-metric classifier-metric--yesno" key={threshold.key} aria-describedby={`${id}-rule`}>
                    <legend>{threshold.metric}</legend>
                    <span class="classifier-rule" id={`${id}-rule`}>{threshold.text} ({thresholdRule(threshold)})</span>
                    {[true, false].map((value) => (
                      <span class="classifier-answer" key={String(value)}>
                        <input type="radio" id={`${id}-${value}`} name={id} checked={answers.readings[threshold.key] === value} onChange={() => readYesNo(threshold.key, value)} />
                        <label for={`${id}-${value}`}>{value ? 'Yes' : 'No'}</label>
                      </span>
                    ))}
                  </fieldset>
                );
              }
              return (
                <div class="classifier-metric" key={threshold.key}>
                  <label for={id}>{threshold.metric}</label>
                  <span class="classifier-reading">
                    <input
                      type="number" inputMode="decimal" step="any" id={id} value={readingText[threshold.key] ?? ''}
                      onInput={(event) => read(threshold.key, (event.currentTarget as HTMLInputElement).value)}
                      aria-describedby={`${id}-rule`}
                    />
                    {threshold.condition.unit && <span class="classifier-unit" aria-hidden="true">{threshold.condition.unit}</span>}
                  </span>
                  <span class="classifier-rule" id={`${id}-rule`}>
                    {threshold.condition.unit ? `in ${threshold.condition.unit}; ` : ''}{thresholdRule(threshold)}
                  </span>
                </div>
              );
            })}
          </fieldset>
        ))}
      </form>

      {/* Sticky at the bottom of the screen while the questions scroll by, so every answer shows its effect. */}
      <p class="classifier-status" role="status" data-level={result.level ?? ''}>
        {level ? (
          <>
            <span class="classifier-level">{levelLabel(level)}</span>{result.provisional && ' so far'}
            {raise.length > 0 && <span class="classifier-open">; {raise.join('; ')}</span>}
          </>
        ) : headline(view, result)}
      </p>
      <section class="classifier-result" aria-label="Severity result" data-level={result.level ?? ''}>
        <p class="classifier-nojs">
          Each answer shows the level it points to. The incident's level is the most severe level any answer points
          to; when unsure, take the higher one.
        </p>
        {origin && <p class="classifier-origin">{origin}</p>}
        {ignored.length > 0 && (
          <div class="classifier-ignored" role="note">
            <p>Some of the link's answers were ignored:</p>
            <ul>{ignored.map((param) => <li key={param.name}><code>{param.name}={param.value}</code>: {param.why}</li>)}</ul>
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
        {level && (
          <>
            <h3 class="classifier-heading">What {level.id} means here</h3>
            <p class="classifier-definition">{level.definition} <a href={level.href}>{level.id} on the scale</a></p>
            <dl class="classifier-targets">
              <div><dt>Respond</dt><dd>{level.response}</dd></div>
              {level.resolution && <div><dt>Resolve</dt><dd>{level.resolution}</dd></div>}
              <div><dt>Updates</dt><dd>{level.updates ?? 'no cadence set by the handbook'}</dd></div>
            </dl>
            {level.notify.length > 0 && (
              <>
                <h4 class="classifier-heading">Notify</h4>
                <ul class="classifier-notify">{level.notify.map((n) => <li key={n.who}><strong>{n.who}</strong>{n.how && `: ${n.how}`}</li>)}</ul>
              </>
            )}
            {level.escalation.length > 0 && (
              <>
                <h4 class="classifier-heading">Escalation</h4>
                <ol class="classifier-escalation">
                  {level.escalation.map((step, i) => <li key={i}><strong>{step.when}</strong>: {step.to}{step.note && ` (${step.note})`}</li>)}
                </ol>
              </>
            )}
          </>
        )}
        <div class="classifier-actions">
          <button type="button" class="classifier-button" onClick={copyLink}>Copy link</button>
          <button type="button" class="classifier-button" onClick={copySummary}>Copy summary</button>
          <button type="button" class="classifier-button classifier-button--quiet" onClick={clear}>Clear answers</button>
        </div>
        <div class="classifier-incident">
          {sameHandbook ? (
            <>
              <p class="classifier-incident-line">Active incident: <strong>{active!.id}</strong> {active!.title}{active!.severity ? `, now ${active!.severity}` : ', severity not set'}.</p>
              <button type="button" class="classifier-button classifier-button--primary" onClick={setSeverity} disabled={!result.level}>Set severity</button>
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
      </section>
    </div>
  );
}

/** Parameters that are not the classifier's business (utm_*, and the like) are left alone, silently. */
function isForeign(name: string): boolean {
  return /^utm_/.test(name);
}
