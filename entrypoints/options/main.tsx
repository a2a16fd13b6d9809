import { render } from 'preact';
import { OptionsView } from '../../components/OptionsView';
import { claimTemplate } from '../../scripts/lib/claim-template';
import type { Claim } from '../../data/schema/index';
import { DATASET } from '../../utils/claim-bundle';
import { checkLocalClaims, claimFileText, problemLines, upsertClaim } from '../../utils/local-claims';
import type { Settings } from '../../utils/settings';
import { NEWS_SITES } from '../../utils/sites';
import { exportFile, importInto } from '../../utils/stored-data';
import { visitsToCsv, type VisitEntry } from '../../utils/visit-log';
import { installPageStyles, pageLocale, saveFile } from '../../utils/extension/page-ui';
import { loadSettings, saveSettings } from '../../utils/extension/settings-store';
import { releaseSite, requestSite } from '../../utils/extension/site-access';
import { clearVisits, loadLocalClaims, loadVisits, localArea, onStoredDataChanged, saveLocalClaims } from '../../utils/extension/storage';

async function main() {
  installPageStyles();
  const app = document.getElementById('app')!;
  let settings: Settings = await loadSettings();
  let localClaims: Claim[] = await loadLocalClaims(DATASET);
  let visits: VisitEntry[] = await loadVisits();
  const titles = Object.fromEntries(DATASET.claims.map((c) => [c.id, c.title]));
  const template = claimFileText(claimTemplate('new-claim-id', new Date()) as unknown as Claim);

  const update = async (next: Settings) => {
    settings = next;
    await saveSettings(next);
    show();
  };

  const show = () => {
    const locale = pageLocale(settings);
    document.title = locale.t('optionsTitle');
    render(
      <OptionsView
        locale={locale}
        settings={settings}
        onChange={(next) => void update(next)}
        curatedSites={NEWS_SITES}
        onAddSite={async (site) => {
          if (!(await requestSite(site))) return locale.t('optionsSiteDenied', [site]);
          await update({ ...settings, userSites: [...settings.userSites, site].sort() });
          return null;
        }}
        onRemoveSite={(site) =>
          void update({ ...settings, userSites: settings.userSites.filter((s) => s !== site), disabledSites: settings.disabledSites.filter((s) => s !== site) }).then(() =>
            releaseSite(site),
          )
        }
        localClaims={localClaims}
        claimTemplate={template}
        onSaveClaim={async (text, replacing) => {
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (error) {
            return { problems: [`data/claims/(no id).json: (file): not valid JSON: ${(error as Error).message}`] };
          }
          const id = (value as { id?: unknown } | null)?.id;
          const others = localClaims.filter((c) => c.id !== replacing && c.id !== id);
          const check = checkLocalClaims([...others, value], DATASET);
          if (check.problems.length > 0) return { problems: problemLines(check.problems) };
          const saved = check.claims.at(-1)!;
          localClaims = upsertClaim(localClaims, saved, replacing ?? undefined);
          await saveLocalClaims(localClaims);
          show();
          return { id: saved.id };
        }}
        onDeleteClaim={(id) => {
          localClaims = localClaims.filter((c) => c.id !== id);
          void saveLocalClaims(localClaims).then(show);
        }}
        visits={visits}
        titles={titles}
        onExportLog={() => saveFile('right-to-truth-log.csv', 'text/csv', visitsToCsv(visits))}
        onClearLog={() => void clearVisits().then(() => ((visits = []), show()))}
        onExport={() => saveFile('right-to-truth-settings.json', 'application/json', JSON.stringify(exportFile(settings, localClaims), null, 2) + '\n')}
        onImport={async (text) => {
          const result = await importInto(localArea, text, DATASET);
          if (!result.ok) return { problems: result.problems };
          settings = result.settings;
          localClaims = result.localClaims;
          show();
          return { claims: result.localClaims.length };
        }}
      />,
      app,
    );
  };

  onStoredDataChanged(async (what) => {
    if (what.visitLog) visits = await loadVisits();
    if (what.visitLog) show();
  });
  show();
}

void main();
