import { useState } from 'preact/hooks';
import type { Claim, Incident, Source } from '../data/schema/index';
import type { CopyFormat } from '../utils/citation';
import type { DatasetHit } from '../utils/dataset-search';
import { evidenceCount } from '../utils/dataset-search';
import { formatDate } from '../utils/format-date';
import type { SiteStatus } from '../utils/site-policy';
import type { UiLocale } from '../utils/ui-language';
import { ClaimCard } from './ClaimCard';

export interface PopupTab {
  /** The claims marked on the tab, or null when the extension does not run there. */
  marked: Claim[] | null;
  /** Whether this host is on the site list; null for a page that is not http(s). */
  site: SiteStatus | null;
  /** Whether the reader hid the marks on this page. */
  hidden: boolean;
}

export interface DatasetInfo {
  version: string;
  hash: string;
  claims: number;
  sources: number;
  localClaims: number;
}

export interface PopupViewProps {
  locale: UiLocale;
  /** What the popup knows of the active tab; null while loading. */
  tab: PopupTab | null;
  search(query: string): DatasetHit[];
  sources: Record<string, Source>;
  incidents: Readonly<Record<string, Incident>>;
  dataset: DatasetInfo;
  /** Scroll to the claim's first mark on the page and open its card there. */
  onShowMark(claimId: string): void;
  onToggleSite(enabled: boolean): void;
  onCheckNow(): void;
  onToggleHidden(hidden: boolean): void;
  onCopy(text: string, format: CopyFormat): void | Promise<void>;
  onOpenOptions(): void;
  /** A line to show after an action (e.g. it failed); empty for none. */
  status?: string;
}

/** The toolbar popup: the claims marked on this tab, a search over the dataset, this site's switch. */
export function PopupView(props: PopupViewProps) {
  const { locale, tab, dataset } = props;
  const { t, dir, lang } = locale;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<Claim | null>(null);
  const hits = query.trim().length >= 2 ? props.search(query) : [];

  if (open) {
    return (
      <main dir={dir} lang={lang} class="rtt-popup">
        <button type="button" class="rtt-back" onClick={() => setOpen(null)} autoFocus>
          {t('popupCloseCard')}
        </button>
        <ClaimCard
          claim={open}
          sources={props.sources}
          incident={props.incidents[open.incident]}
          t={t}
          dir={dir}
          onCopyCitation={(text, format) => props.onCopy(text, format)}
          onClose={() => setOpen(null)}
        />
      </main>
    );
  }

  const marked = tab?.marked ?? null;
  return (
    <main dir={dir} lang={lang} class="rtt-popup">
      <h1>{t('extName')}</h1>
      <section aria-labelledby="popup-marked-heading">
        <h2 id="popup-marked-heading">{t('popupMarkedHeading')}</h2>
        {tab === null ? null : marked === null ? (
          <p class="popup-status" data-testid="marked-count">
            {t('popupNotRunning')}
          </p>
        ) : (
          <>
            <p class="popup-status" data-testid="marked-count">
              {marked.length === 0 ? t('popupMarkedNone') : marked.length === 1 ? t('popupMarkedOne') : t('popupMarkedCount', [String(marked.length)])}
            </p>
            {marked.length > 0 && (
              <ul class="rtt-list" data-testid="marked-claims">
                {marked.map((c) => (
                  <li key={c.id} data-claim-id={c.id}>
                    <span id={`marked-${c.id}`} lang="en" dir="auto">
                      {c.title}
                    </span>{' '}
                    <button type="button" aria-describedby={`marked-${c.id}`} onClick={() => props.onShowMark(c.id)}>
                      {t('popupShowMark')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      {tab?.site && (
        <section aria-labelledby="popup-site-heading">
          <h2 id="popup-site-heading">{t('popupSiteHeading')}</h2>
          <label class="rtt-switch">
            <input
              type="checkbox"
              role="switch"
              data-testid="site-switch"
              checked={tab.site.enabled}
              onChange={(e) => props.onToggleSite((e.currentTarget as HTMLInputElement).checked)}
            />
            <span>{t('popupSiteSwitch', [tab.site.host])}</span>
          </label>
          <div class="rtt-row">
            <button type="button" data-testid="check-now" onClick={() => props.onCheckNow()}>
              {t('popupCheckNow')}
            </button>
            <button type="button" data-testid="hide-marks" aria-pressed={tab.hidden} onClick={() => props.onToggleHidden(!tab.hidden)}>
              {tab.hidden ? t('popupShowMarks') : t('popupHideMarks')}
            </button>
          </div>
        </section>
      )}
      {tab && !tab.site && <p>{t('popupSiteNotWeb')}</p>}
      <p role="status" aria-live="polite" class="rtt-status" data-testid="popup-status">
        {props.status ?? ''}
      </p>

      <section aria-labelledby="popup-search-heading">
        <h2 id="popup-search-heading">{t('popupSearchHeading')}</h2>
        <label for="popup-search">{t('popupSearchLabel')}</label>
        <input
          id="popup-search"
          type="search"
          data-testid="search"
          value={query}
          autoComplete="off"
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          aria-describedby="popup-search-count"
        />
        <p id="popup-search-count" class="rtt-meta" aria-live="polite">
          {query.trim().length < 2 ? '' : hits.length === 0 ? t('popupSearchNone') : t('popupSearchCount', [String(hits.length)])}
        </p>
        {hits.length > 0 && (
          <ul class="rtt-list" data-testid="search-results">
            {hits.map(({ claim }) => {
              const first = claim.statements[0];
              return (
                <li key={claim.id} data-claim-id={claim.id}>
                  <button type="button" class="rtt-result" onClick={() => setOpen(claim)} aria-describedby={`meta-${claim.id}`}>
                    <span lang="en" dir="auto">
                      {claim.title}
                    </span>
                  </button>
                  <p id={`meta-${claim.id}`} class="rtt-meta">
                    {first && (
                      <>
                        <bdi lang="en">{first.who.name}</bdi> · <bdi>{formatDate(first.date, lang)}</bdi> ·{' '}
                      </>
                    )}
                    {t('popupEvidenceCount', [String(evidenceCount(claim))])}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="popup-dataset-heading">
        <h2 id="popup-dataset-heading">{t('popupDatasetHeading')}</h2>
        <p class="rtt-meta" data-testid="dataset-info">
          {t('popupDatasetInfo', [dataset.version, String(dataset.claims), String(dataset.sources), dataset.hash])}
        </p>
        {dataset.localClaims > 0 && <p class="rtt-meta">{t('popupLocalClaims', [String(dataset.localClaims)])}</p>}
        <p class="rtt-meta">{t('popupOfflineNote')}</p>
        <button type="button" onClick={() => props.onOpenOptions()}>
          {t('popupOptionsLink')}
        </button>
      </section>
    </main>
  );
}
