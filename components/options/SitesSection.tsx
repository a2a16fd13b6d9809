import { useState } from 'preact/hooks';
import type { Settings } from '../../utils/settings';
import { siteProblem } from '../../utils/sites';
import type { Translate } from '../../utils/i18n';

export interface SitesSectionProps {
  t: Translate;
  settings: Settings;
  curated: readonly string[];
  /** Switch a listed site on or off (no permission change). */
  onToggle(site: string, enabled: boolean): void;
  /** Asks for the host permission and adds the site; resolves to an error line, or null when added. */
  onAdd(site: string): Promise<string | null>;
  /** Removes a site of the reader's and gives its host permission back. */
  onRemove(site: string): void;
}

export function SitesSection({ t, settings, curated, onToggle, onAdd, onRemove }: SitesSectionProps) {
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState('');
  const enabled = (site: string) => !settings.disabledSites.includes(site);
  const submit = async (event: Event) => {
    event.preventDefault();
    const site = draft.trim().toLowerCase().replace(/^www\./, '');
    const problem = siteProblem(site);
    if (problem) return setMessage(problem);
    if (curated.includes(site) || settings.userSites.includes(site)) return setMessage(t('optionsSiteExists', [site]));
    const error = await onAdd(site);
    setMessage(error ?? '');
    if (!error) setDraft('');
  };
  const row = (site: string, removable: boolean) => (
    <li key={site} class="rtt-row">
      <label class="rtt-switch">
        <input type="checkbox" role="switch" checked={enabled(site)} onChange={(e) => onToggle(site, (e.currentTarget as HTMLInputElement).checked)} />
        <span>{t('optionsSiteOn', [site])}</span>
      </label>
      {removable && (
        <button type="button" onClick={() => onRemove(site)}>
          {t('optionsSiteRemove', [site])}
        </button>
      )}
    </li>
  );
  return (
    <section aria-labelledby="sites-heading" data-testid="sites">
      <h2 id="sites-heading">{t('optionsSitesHeading')}</h2>
      <p>{t('optionsSitesIntro')}</p>
      <h3>{t('optionsSitesYours')}</h3>
      {settings.userSites.length === 0 ? <p>{t('optionsSitesNone')}</p> : <ul class="rtt-list">{settings.userSites.map((s) => row(s, true))}</ul>}
      <form onSubmit={submit} class="rtt-row">
        <label for="site-add">{t('optionsSiteAddLabel', ['example.org'])}</label>
        <input id="site-add" type="text" dir="ltr" value={draft} onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} autoComplete="off" />
        <button type="submit">{t('optionsSiteAdd')}</button>
      </form>
      <p role="status" aria-live="polite" data-testid="sites-status">
        {message}
      </p>
      <details>
        <summary>
          {t('optionsSitesCurated')} ({curated.length})
        </summary>
        <ul class="rtt-list">{curated.map((s) => row(s, false))}</ul>
      </details>
    </section>
  );
}
