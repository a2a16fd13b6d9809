import { useEffect, useState } from 'preact/hooks';
import type { Claim, Incident, Lang, Source, Statement } from '../data/schema/index';
import { compareChronology, formatDateRange, type Chronology } from '../utils/chronology';
import { formatCopy, type CopyFormat } from '../utils/citation';
import { formatDate } from '../utils/format-date';
import { whyParts, type MatchWhy } from '../utils/engine/index';
import { whyLabels } from './why-labels';
import type { MessageKey } from '../utils/i18n-keys';
import { buildWrongMatchReport, describeMatchScore } from '../utils/report-text';
import { countOriginalPublishers, mirrorHost } from './source-display';

export interface ClaimCardProps {
  claim: Claim;
  sources: Record<string, Source>;
  incident?: Incident;
  /**
   * What was marked: the dataset phrasing, the page text, the engine's score between 0 and 1 and, when the
   * caller has it, the engine's reasons. Absent when the card is opened from a search (nothing was marked).
   */
  matched?: { phrasing: string; text: string; score: number; why?: MatchWhy | null };
  /** i18n lookup injected by the caller (browser.i18n.getMessage in the extension, createTranslator elsewhere). */
  t: (key: MessageKey, substitutions?: string[]) => string;
  /** 'rtl' when the UI language is Persian; content in another language keeps its own direction. */
  dir: 'ltr' | 'rtl';
  /** Copy `text` to the clipboard. If this returns a promise, the card waits for it to report success. */
  onCopyCitation(text: string, format: CopyFormat): void;
  /** Hide this mark; the caller remembers it locally. Without it (no mark), the button is not shown. */
  onNotThisClaim?(): void;
  /** A ready report text; the caller copies it. Nothing is sent. May return a promise, like onCopyCitation. */
  onReportWrongMatch?(reportText: string): void;
  onClose(): void;
}

/** Longest page excerpt shown under "Why this was marked", in characters. */
const MAX_SHOWN_EXCERPT = 280;

/**
 * The evidence card for one marked claim. Data by props only; calls no extension API. The card does not
 * move focus or listen for Escape: the caller does both (it knows whether the card opened from a hover or
 * a key press). The root is focusable (tabIndex -1) for a caller that wants to move focus into it.
 */
export function ClaimCard(props: ClaimCardProps) {
  const { claim, sources, incident, matched, t, dir } = props;
  const uiLang: Lang = dir === 'rtl' ? 'fa' : 'en';
  const titleId = `rtt-card-title-${claim.id}`;
  const rebuttalId = `rtt-card-rebuttal-${claim.id}`;
  const [status, setStatus] = useState('');
  useEffect(() => setStatus(''), [claim.id, matched?.text]);

  const evidenceSources = claim.evidence.map((e) => sources[e.source]).filter((s): s is Source => s !== undefined);
  const chronology = compareChronology(
    claim.statements.map((s) => s.date),
    evidenceSources.map((s) => s.date),
  );
  const rebuttalFa = uiLang === 'fa' ? claim.rebuttal.fa : undefined;

  const settle = (run: () => unknown, ok: string, fail: string) => {
    let result: unknown;
    try {
      result = run();
    } catch {
      setStatus(fail);
      return;
    }
    if (result instanceof Promise) {
      setStatus('');
      result.then(
        () => setStatus(ok),
        () => setStatus(fail),
      );
    } else {
      setStatus(ok);
    }
  };
  const copy = (format: CopyFormat) =>
    settle(() => props.onCopyCitation(formatCopy(claim, sources, format), format), t('cardCopied'), t('cardCopyFailed'));
  const report = () =>
    matched &&
    settle(
      () =>
        props.onReportWrongMatch?.(
          buildWrongMatchReport({ claimId: claim.id, phrasing: matched.phrasing, matchedText: matched.text, score: matched.score }),
        ),
      t('cardReportReady'),
      t('cardCopyFailed'),
    );

  return (
    <section
      class="rtt-card"
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={rebuttalId}
      dir={dir}
      lang={uiLang}
      tabIndex={-1}
      data-claim-id={claim.id}
    >
      <div class="rtt-card__header">
        <p class="rtt-card__kicker">{t('cardKicker')}</p>
        <button type="button" class="rtt-card__close" aria-label={t('cardCloseLabel')} onClick={() => props.onClose()}>
          <span aria-hidden="true">✕ </span>
          {t('cardClose')}
        </button>
      </div>
      <h2 id={titleId} class="rtt-card__title" lang="en" dir="auto">
        {claim.title}
      </h2>
      {incident && (
        <p class="rtt-card__incident">
          {t('cardIncident')}{' '}
          <bdi lang="en" dir="ltr">
            {incident.title} ({formatDateRange(incident.dates.start, incident.dates.end ?? incident.dates.start)}, {incident.place})
          </bdi>
        </p>
      )}

      <section class="rtt-statements-section">
        <h3>{t('cardStatementsHeading')}</h3>
        <ol class="rtt-statements">
          {claim.statements.map((st, i) => (
            <StatementItem key={i} statement={st} sources={sources} t={t} uiLang={uiLang} />
          ))}
        </ol>
      </section>

      <section class="rtt-rebuttal">
        <h3>{t('cardRebuttalHeading')}</h3>
        {rebuttalFa ? (
          <p id={rebuttalId} lang="fa" dir="rtl">
            {rebuttalFa}
          </p>
        ) : (
          <>
            <p id={rebuttalId} lang="en" dir="ltr">
              {claim.rebuttal.en}
            </p>
            {uiLang !== 'en' && <p class="rtt-note">{t('cardEnglishOnly')}</p>}
          </>
        )}
        {chronology && <p class="rtt-chronology">{chronologyLine(chronology, t)}</p>}
      </section>

      {claim.caveats && claim.caveats.length > 0 && (
        <section class="rtt-caveats-section">
          <h3>{t('cardCaveatsHeading')}</h3>
          <ul class="rtt-caveats" lang="en" dir="ltr">
            {claim.caveats.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </section>
      )}

      <section class="rtt-evidence-section">
        <h3>{t('cardEvidenceHeading')}</h3>
        <StrengthLine claim={claim} evidenceSources={evidenceSources} t={t} />
        {uiLang !== 'en' && <p class="rtt-note">{t('cardEnglishOnly')}</p>}
        <ul class="rtt-evidence">
          {claim.evidence.map((ev, i) => {
            const source = sources[ev.source];
            return (
              <li key={i} data-source-id={ev.source}>
                <p class="rtt-evidence__finding" lang="en" dir="ltr">
                  {ev.finding}
                </p>
                {source && <SourceMeta source={source} t={t} uiLang={uiLang} />}
              </li>
            );
          })}
        </ul>
      </section>

      {matched && (
        <section class="rtt-why">
          <h3>{t('cardWhyHeading')}</h3>
          {matched.why && (
            <p class="rtt-why__line" dir="auto">
              {t('cardWhyLine', [isolate(whyParts(matched.why, whyLabels(t)).join(' · '))])}
            </p>
          )}
          <dl>
            {matched.why?.kind !== 'signature' && (
              <>
                <dt>{t('cardWhyPhrasing')}</dt>
                <dd dir="auto" class="rtt-why__phrasing">
                  “{matched.phrasing}”
                </dd>
              </>
            )}
            <dt>{t('cardWhyPageText')}</dt>
            <dd dir="auto" class="rtt-why__text">
              “{shorten(matched.text, MAX_SHOWN_EXCERPT)}”
            </dd>
          </dl>
          <MatchLine score={matched.score} t={t} />
        </section>
      )}

      <div class="rtt-actions" role="group" aria-label={t('cardActionsLabel')}>
        <button type="button" class="rtt-action--copy" onClick={() => copy('plain')}>
          {t('cardCopyCitation')}
        </button>
        <button type="button" class="rtt-action--copy-markdown" onClick={() => copy('markdown')}>
          {t('cardCopyMarkdown')}
        </button>
        <button type="button" class="rtt-action--copy-claimreview" onClick={() => copy('claimreview')}>
          {t('cardCopyClaimReview', ['ClaimReview JSON-LD'])}
        </button>
        {props.onNotThisClaim && (
          <>
            <button
              type="button"
              class="rtt-action--not-this"
              title={t('cardNotThisClaimHelp')}
              aria-describedby={`rtt-card-not-this-help-${claim.id}`}
              onClick={() => props.onNotThisClaim?.()}
            >
              {t('cardNotThisClaim')}
            </button>
            <span id={`rtt-card-not-this-help-${claim.id}`} class="rtt-visually-hidden">
              {t('cardNotThisClaimHelp')}
            </span>
          </>
        )}
        {matched && props.onReportWrongMatch && (
          <button type="button" class="rtt-action--report" onClick={report}>
            {t('cardReportWrongMatch')}
          </button>
        )}
      </div>
      <p class="rtt-status" role="status" aria-live="polite">
        {status}
      </p>

      <p class="rtt-card__footer">
        {t('cardReviewed', [isolate(claim.reviewed)])}
        <br />
        {t('cardOfflineNote')}
      </p>
    </section>
  );
}

type T = ClaimCardProps['t'];

function StatementItem({ statement: st, sources, t, uiLang }: { statement: Statement; sources: Record<string, Source>; t: T; uiLang: Lang }) {
  const quoteDir = st.quoteLang === 'fa' || st.quoteLang === 'ar' ? 'rtl' : 'ltr';
  const status = quoteStatus(st, t);
  const recordedBy = st.sources.map((id) => sources[id]?.publisher).filter((p): p is string => p !== undefined);
  return (
    <li class={`rtt-statement rtt-statement--${st.status}`}>
      <p class="rtt-statement__who">{t('cardSpeakerRole', [isolate(st.who.name), isolate(st.who.role)])}</p>
      <p class="rtt-statement__when">
        <bdi>
          {/* Persian: Solar Hijri in Persian digits, Gregorian beside; English keeps the dataset's ISO date. */}
          <time dateTime={st.date}>{uiLang === 'fa' ? formatDate(st.date, 'fa') : st.date}</time>
        </bdi>{' '}
        · <bdi lang="en">{st.venue}</bdi>
      </p>
      {st.status === 'reportedly' && (
        <p class="rtt-badge rtt-badge--reportedly">
          <span aria-hidden="true">⚠</span> {t('cardReportedlyBadge')}
        </p>
      )}
      <p class="rtt-statement__summary" lang="en" dir="ltr">
        {st.summary}
      </p>
      {st.quote ? (
        <blockquote class="rtt-quote" lang={st.quoteLang ?? 'en'} dir={quoteDir}>
          “{st.quote}”
        </blockquote>
      ) : (
        st.status !== 'reportedly' && <p class="rtt-note">{t('cardNoQuote')}</p>
      )}
      {status && (
        <p class={`rtt-quote-status rtt-quote-status--${st.status}`}>
          {status.label}
          {status.credit && (
            <>
              {' '}
              <span class="rtt-credit" lang="en" dir="ltr">
                ({status.credit})
              </span>
            </>
          )}
        </p>
      )}
      {recordedBy.length > 0 && (
        <p class="rtt-statement__sources">{t('cardStatementSources', [recordedBy.map(isolate).join('; ')])}</p>
      )}
    </li>
  );
}

/**
 * The status line under a statement and the editors' credit for the words, shown apart (the credit is in
 * English). A "reportedly" statement always says so, quote or not; a statement without a quote otherwise
 * has no quote status.
 */
function quoteStatus(st: Statement, t: T): { label: string; credit?: string } | null {
  const credit = st.attribution ? st.attribution.charAt(0).toUpperCase() + st.attribution.slice(1) : undefined;
  if (st.status === 'reportedly') return { label: t('cardQuoteReportedly'), credit };
  if (!st.quote) return null;
  if (st.status === 'verbatim') return { label: t('cardQuoteVerbatim'), credit };
  // Editors write "as summarised by X", "as reported by X"…: the status is the same, the name is X.
  const name = /^as (?:summari[sz]ed|reported|quoted|described|paraphrased) (?:by|in)\s+(.+)$/i.exec(st.attribution ?? '')?.[1];
  if (name) return { label: t('cardQuoteSummarised', [isolate(name)]) };
  return { label: t('cardQuoteSummarisedGeneric'), credit };
}

function SourceMeta({ source, t, uiLang }: { source: Source; t: T; uiLang: Lang }) {
  const host = mirrorHost(source);
  const date = source.date ?? source.dateNote;
  return (
    <>
      {/* Publisher, title and date are English: one left-to-right line, whatever the UI direction. */}
      <p class="rtt-evidence__meta" lang="en" dir="ltr">
        {source.publisher},{' '}
        <a href={source.url} target="_blank" rel="noopener noreferrer" lang="en">
          {source.title}
          <span class="rtt-visually-hidden" lang={uiLang}> {t('cardOpensInNewTab')}</span>
        </a>
        , {date ? (
          <bdi>
            <time dateTime={source.date}>{date}</time>
          </bdi>
        ) : (
          <span lang={uiLang}>{t('cardUndated')}</span>
        )}
      </p>
      {(source.mirror || source.interestedParty) && (
        <p class="rtt-flags">
          {source.mirror && (
            <span class="rtt-flag rtt-flag--mirror" title={t('cardMirrorHelp')}>
              <span aria-hidden="true">↪</span> {host ? t('cardMirror', [isolate(host)]) : t('cardMirrorNoHost')}
            </span>
          )}
          {source.interestedParty && (
            <span class="rtt-flag rtt-flag--interested-party" title={t('cardInterestedPartyHelp')}>
              <span aria-hidden="true">⚑</span> {t('cardInterestedParty')}
            </span>
          )}
        </p>
      )}
      {source.note && (
        <p class="rtt-note" lang="en" dir="ltr">
          {source.note}
        </p>
      )}
    </>
  );
}

function StrengthLine({ claim, evidenceSources, t }: { claim: Claim; evidenceSources: Source[]; t: T }) {
  if (claim.strength === 'single-source') {
    return (
      <p class="rtt-strength rtt-strength--single">
        <span aria-hidden="true">◐</span> {t('cardStrengthSingle')}
      </p>
    );
  }
  // The editors judged independence; the count shown is of distinct original publishers, never more.
  const publishers = countOriginalPublishers(evidenceSources);
  return (
    <p class="rtt-strength rtt-strength--corroborated">
      <span aria-hidden="true">✔</span>{' '}
      {publishers >= 2 ? t('cardStrengthCorroborated', [String(publishers)]) : t('cardStrengthCorroboratedGeneric')}
    </p>
  );
}

function MatchLine({ score, t }: { score: number; t: T }) {
  const { level, percent } = describeMatchScore(score);
  const text =
    level === 'exact'
      ? t('cardMatchExact')
      : level === 'close'
        ? t('cardMatchClose', [String(percent)])
        : t('cardMatchLoose', [String(percent)]);
  const glyph = level === 'exact' ? '=' : '≈';
  return (
    <p class={`rtt-match rtt-match--${level}`} data-score={String(score)}>
      <span aria-hidden="true">{glyph}</span> {text}
    </p>
  );
}

function chronologyLine(c: Chronology, t: T): string {
  const claimDates = isolate(formatDateRange(c.firstClaimDate, c.lastClaimDate));
  const evidence = isolate(c.evidenceDate);
  switch (c.order) {
    case 'before':
      return t('cardChronologyBefore', [claimDates, evidence]);
    case 'after':
      return t('cardChronologyAfter', [claimDates, evidence]);
    case 'repeated-after':
      return t('cardChronologyRepeated', [isolate(c.firstClaimDate), evidence, isolate(c.lastClaimDate)]);
    case 'unclear':
      return t('cardChronologyUnclear', [claimDates, evidence, isolate(c.lastEvidenceDate)]);
  }
}

/**
 * Wraps a substituted value in Unicode first-strong isolates, so a Latin name or a date such as
 * "2022-09-16" keeps its own direction inside a Persian sentence (and the reverse).
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}

function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
