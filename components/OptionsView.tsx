import { useState } from 'preact/hooks';
import type { Claim } from '../data/schema/index';
import { MARK_STYLES, SENSITIVITIES, UI_LANGUAGES, type Settings } from '../utils/settings';
import type { MessageKey } from '../utils/i18n-keys';
import type { UiLocale } from '../utils/ui-language';
import type { VisitEntry } from '../utils/visit-log';
import { LocalClaimsEditor, type LocalClaimsEditorProps } from './options/LocalClaimsEditor';
import { SitesSection, type SitesSectionProps } from './options/SitesSection';
import { VisitLogSection } from './options/VisitLogSection';

export interface OptionsViewProps {
  locale: UiLocale;
  settings: Settings;
  onChange(settings: Settings): void;
  curatedSites: readonly string[];
  onAddSite: SitesSectionProps['onAdd'];
  onRemoveSite: SitesSectionProps['onRemove'];
  localClaims: readonly Claim[];
  claimTemplate: string;
  onSaveClaim: LocalClaimsEditorProps['onSave'];
  onDeleteClaim(id: string): void;
  visits: readonly VisitEntry[];
  titles: Readonly<Record<string, string>>;
  onExportLog(): void;
  onClearLog(): void;
  onExport(): void;
  /** Imports a file's text; resolves to the problems (nothing changed) or to the number of local claims imported. */
  onImport(text: string): Promise<{ problems: string[] } | { claims: number }>;
}

const SENSITIVITY_LABEL: Record<Settings['sensitivity'], MessageKey> = {
  strict: 'optionsSensitivityStrict',
  normal: 'optionsSensitivityNormal',
  broad: 'optionsSensitivityBroad',
};
const MARK_LABEL: Record<Settings['markStyle'], MessageKey> = {
  both: 'optionsMarkBoth',
  underline: 'optionsMarkUnderline',
  background: 'optionsMarkBackground',
};
const LANGUAGE_LABEL: Record<Settings['language'], MessageKey> = { auto: 'optionsLanguageAuto', en: 'optionsLanguageEn', fa: 'optionsLanguageFa' };

/** The options page: where it works, how it marks, the language, local claims, the private log, backup. */
export function OptionsView(props: OptionsViewProps) {
  const { locale, settings, onChange } = props;
  const { t, dir, lang } = locale;
  const [importResult, setImportResult] = useState<{ problems: string[] } | { claims: number } | null>(null);
  const set = <K extends keyof Settings>(name: K, value: Settings[K]) => onChange({ ...settings, [name]: value });

  const radios = <K extends 'sensitivity' | 'markStyle' | 'language'>(name: K, values: readonly Settings[K][], labels: Record<Settings[K], MessageKey>) =>
    values.map((value) => (
      <label key={value} class="rtt-switch">
        <input type="radio" name={name} value={value} checked={settings[name] === value} onChange={() => set(name, value)} />
        <span>{t(labels[value])}</span>
      </label>
    ));

  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setImportResult(await props.onImport(await file.text()));
    input.value = '';
  };

  return (
    <main dir={dir} lang={lang}>
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>

      <SitesSection
        t={t}
        settings={settings}
        curated={props.curatedSites}
        onToggle={(site, enabled) =>
          set('disabledSites', enabled ? settings.disabledSites.filter((s) => s !== site) : [...settings.disabledSites, site].sort())
        }
        onAdd={props.onAddSite}
        onRemove={props.onRemoveSite}
      />

      <section aria-labelledby="marking-heading">
        <h2 id="marking-heading">{t('optionsMarkingHeading')}</h2>
        <fieldset>
          <legend>{t('optionsSensitivity')}</legend>
          {radios('sensitivity', SENSITIVITIES, SENSITIVITY_LABEL)}
        </fieldset>
        <fieldset>
          <legend>{t('optionsMarkStyle')}</legend>
          {radios('markStyle', MARK_STYLES, MARK_LABEL)}
        </fieldset>
        <label class="rtt-switch">
          <input type="checkbox" name="highContrast" checked={settings.highContrast} onChange={(e) => set('highContrast', (e.currentTarget as HTMLInputElement).checked)} />
          <span>{t('optionsHighContrast')}</span>
        </label>
        <label class="rtt-switch">
          <input
            type="checkbox"
            name="openCardOnHover"
            checked={settings.openCardOnHover}
            onChange={(e) => set('openCardOnHover', (e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{t('optionsHover')}</span>
        </label>
      </section>

      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{t('optionsLanguageHeading')}</h2>
        <fieldset>
          <legend class="rtt-visually-hidden">{t('optionsLanguageHeading')}</legend>
          {radios('language', UI_LANGUAGES, LANGUAGE_LABEL)}
        </fieldset>
      </section>

      <LocalClaimsEditor t={t} claims={props.localClaims} template={props.claimTemplate} onSave={props.onSaveClaim} onDelete={props.onDeleteClaim} />

      <VisitLogSection
        t={t}
        lang={lang}
        enabled={settings.logEnabled}
        entries={props.visits}
        titles={props.titles}
        onToggle={(on) => set('logEnabled', on)}
        onExportCsv={props.onExportLog}
        onClear={props.onClearLog}
      />

      <section aria-labelledby="backup-heading">
        <h2 id="backup-heading">{t('optionsBackupHeading')}</h2>
        <p>{t('optionsBackupIntro', ['JSON'])}</p>
        <div class="rtt-row">
          <button type="button" onClick={props.onExport}>
            {t('optionsExport')}
          </button>
          <label for="import-file">{t('optionsImport')}</label>
          <input id="import-file" type="file" accept="application/json,.json" onChange={importFile} />
        </div>
        <div role="status" aria-live="polite" data-testid="import-status">
          {importResult &&
            ('problems' in importResult ? (
              <div class="rtt-problems">
                <p>{t('optionsImportFailed')}</p>
                <ul dir="ltr" lang="en">
                  {importResult.problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p>{t('optionsImported', [String(importResult.claims)])}</p>
            ))}
        </div>
      </section>
    </main>
  );
}
