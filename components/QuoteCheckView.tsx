import { useState } from 'preact/hooks';
import type { Claim, Incident, Source } from '../data/schema/index';
import type { CopyFormat } from '../utils/citation';
import { whyLine } from '../utils/engine/index';
import type { QuoteResult } from '../utils/quote-check';
import type { UiLocale } from '../utils/ui-language';
import { ClaimCard } from './ClaimCard';
import { whyLabels } from './why-labels';

export interface QuoteCheckViewProps {
  locale: UiLocale;
  /** The selected text; empty when there was none. */
  text: string;
  /** Closest claims, best first (utils/quote-check). */
  results: readonly { claim: Claim; result: QuoteResult }[];
  sources: Record<string, Source>;
  incidents: Readonly<Record<string, Incident>>;
  onCopy(text: string, format: CopyFormat): void | Promise<void>;
}

/** The quote check panel: the closest known claims to a selected passage, how close, and why. */
export function QuoteCheckView({ locale, text, results, sources, incidents, onCopy }: QuoteCheckViewProps) {
  const { t, dir, lang } = locale;
  const [open, setOpen] = useState<string | null>(null);
  const labels = whyLabels(t, t('whyLeadQuote'));
  return (
    <main dir={dir} lang={lang} class="rtt-quote-check" aria-labelledby="quote-title">
      <h1 id="quote-title">{t('quoteTitle')}</h1>
      {text.trim() === '' ? (
        <p data-testid="quote-empty">{t('quoteNoText')}</p>
      ) : (
        <>
          <h2>{t('quoteChecked')}</h2>
          <blockquote dir="auto" data-testid="quote-text">
            {text.length > 600 ? `${text.slice(0, 599)}…` : text}
          </blockquote>
          {results.length === 0 ? (
            <p role="status" data-testid="quote-none">
              {t('quoteNone')}
            </p>
          ) : (
            <section aria-labelledby="quote-results-heading">
              <h2 id="quote-results-heading">{t('quoteResultsHeading')}</h2>
              <ol class="rtt-list" data-testid="quote-results">
                {results.map(({ claim, result }) => {
                  const percent = Math.round(result.score * 100);
                  const expanded = open === claim.id;
                  return (
                    <li key={claim.id} data-claim-id={claim.id} data-score={String(result.score)}>
                      <p>
                        <span class="rtt-score">{t('quoteCloseness', [String(percent)])}</span> ·{' '}
                        <span class="rtt-meta">
                          {result.why === null ? t('quoteSearchOnly') : result.wouldMark ? t('quoteWouldMark') : t('quoteBelowThreshold')}
                        </span>
                      </p>
                      <p lang="en" dir="auto">
                        <strong>{claim.title}</strong>
                      </p>
                      {result.why && (
                        <p class="rtt-meta rtt-why-line" dir="auto">
                          {whyLine(result.why, labels)}
                        </p>
                      )}
                      <button type="button" aria-expanded={expanded} onClick={() => setOpen(expanded ? null : claim.id)}>
                        {expanded ? t('popupCloseCard') : t('popupOpenCard')}
                      </button>
                      {expanded && (
                        <ClaimCard
                          claim={claim}
                          sources={sources}
                          incident={incidents[claim.incident]}
                          matched={{ phrasing: result.phrasing, text, score: result.score, why: result.why }}
                          t={t}
                          dir={dir}
                          onCopyCitation={(value, format) => onCopy(value, format)}
                          onClose={() => setOpen(null)}
                        />
                      )}
                    </li>
                  );
                })}
              </ol>
            </section>
          )}
        </>
      )}
    </main>
  );
}
