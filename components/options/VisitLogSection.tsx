import type { Translate } from '../../utils/i18n';
import { formatDate } from '../../utils/format-date';
import type { UiLanguage } from '../../utils/ui-language';
import type { VisitEntry } from '../../utils/visit-log';

export interface VisitLogSectionProps {
  t: Translate;
  lang: UiLanguage;
  enabled: boolean;
  entries: readonly VisitEntry[];
  titles: Readonly<Record<string, string>>;
  onToggle(enabled: boolean): void;
  onExportCsv(): void;
  onClear(): void;
}

export function VisitLogSection({ t, lang, enabled, entries, titles, onToggle, onExportCsv, onClear }: VisitLogSectionProps) {
  return (
    <section aria-labelledby="log-heading" data-testid="visit-log">
      <h2 id="log-heading">{t('optionsLogHeading')}</h2>
      <label class="rtt-switch">
        <input type="checkbox" role="switch" name="logEnabled" checked={enabled} onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)} />
        <span>{t('optionsLogSwitch')}</span>
      </label>
      {entries.length === 0 ? (
        <p data-testid="log-empty">{t('optionsLogEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('optionsLogDate')}</th>
              <th scope="col">{t('optionsLogSite')}</th>
              <th scope="col">{t('optionsLogPage')}</th>
              <th scope="col">{t('optionsLogClaim')}</th>
            </tr>
          </thead>
          <tbody>
            {[...entries].reverse().map((e, i) => (
              <tr key={i} data-claim-id={e.claimId}>
                <td>
                  <time dateTime={e.at}>{formatDate(e.at, lang)}</time>
                </td>
                <td dir="ltr">{e.site}</td>
                <td dir="ltr">{e.url}</td>
                <td lang="en" dir="auto">
                  {titles[e.claimId] ?? e.claimId}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="rtt-row">
        <button type="button" onClick={onExportCsv} disabled={entries.length === 0}>
          {t('optionsLogExport', ['CSV'])}
        </button>
        <button type="button" onClick={onClear} disabled={entries.length === 0}>
          {t('optionsLogClear')}
        </button>
      </div>
    </section>
  );
}
