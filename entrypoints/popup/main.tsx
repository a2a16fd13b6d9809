import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupView, type PopupTab } from '../../components/PopupView';
import { claimBundle, DATASET, datasetHash, datasetVersion } from '../../utils/claim-bundle';
import { createDatasetSearch } from '../../utils/dataset-search';
import { httpHost, siteStatus, withSiteEnabled } from '../../utils/site-policy';
import type { Settings } from '../../utils/settings';
import { askTab, pageState, popupTab, tabMarks } from '../../utils/extension/active-tab';
import { copyText, installPageStyles, pageLocale } from '../../utils/extension/page-ui';
import { loadSettings, saveSettings } from '../../utils/extension/settings-store';
import { injectContentScript, releaseSite, requestSite } from '../../utils/extension/site-access';
import { loadLocalClaims } from '../../utils/extension/storage';

async function main() {
  installPageStyles();
  const app = document.getElementById('app')!;
  let settings: Settings = await loadSettings();
  const locale = pageLocale(settings);
  const local = await loadLocalClaims(DATASET).catch(() => []);
  const bundle = claimBundle(local);
  const search = createDatasetSearch(DATASET, bundle.localClaims);
  const tab = await popupTab();
  let host = tab ? httpHost(tab.url) : null;
  let status = '';
  let view: PopupTab | null = null;

  const refresh = async () => {
    if (!tab) view = { marked: null, site: null, hidden: false };
    else {
      const [marks, page] = await Promise.all([tabMarks(tab.id), pageState(tab.id)]);
      const running = marks !== null || page?.annotating === true;
      // Without the tabs permission a tab's address is known only through activeTab or our content script.
      host ??= httpHost(page?.url ?? marks?.url ?? '');
      view = {
        marked: running ? (marks?.claimIds ?? []).map((id) => bundle.claims.get(id)).filter((c) => c !== undefined) : null,
        site: host ? siteStatus(host, settings) : null,
        hidden: page?.hidden ?? false,
      };
    }
    show();
  };

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      status = '';
    } catch {
      status = locale.t('popupActionFailed');
    }
    // Give the content script a moment to annotate and report before the list is read again.
    await new Promise((r) => setTimeout(r, 400));
    await refresh();
  };

  const show = () =>
    render(
      <PopupView
        locale={locale}
        tab={view}
        search={search}
        sources={bundle.sources}
        incidents={bundle.incidents}
        dataset={{
          version: datasetVersion(),
          hash: datasetHash(),
          claims: DATASET.claims.length,
          sources: DATASET.sources.length,
          localClaims: bundle.localClaims.length,
        }}
        status={status}
        onShowMark={(claimId) => void (tab && askTab(tab.id, { type: 'open-claim', claimId }).then(() => window.close()))}
        onToggleSite={(enabled) =>
          void act(async () => {
            if (!host) return;
            const current = siteStatus(host, settings);
            // A site outside the curated list needs its own host permission, asked in this click.
            if (enabled && !current.curated && !(await requestSite(host))) throw new Error('denied');
            settings = withSiteEnabled(settings, host, enabled);
            await saveSettings(settings);
            if (!enabled && !current.curated && current.site) await releaseSite(current.site);
            // Mark this page now; later visits get the registered content script.
            if (enabled && tab && (await askTab(tab.id, { type: 'check-now' })) === null) await injectContentScript(tab.id);
          })
        }
        onCheckNow={() =>
          void act(async () => {
            if (!tab) return;
            // A content script already there (a site switched off) starts at once; elsewhere activeTab lets us inject it.
            if ((await askTab(tab.id, { type: 'check-now' })) === null) await injectContentScript(tab.id);
          })
        }
        onToggleHidden={(hidden) => void act(async () => tab && askTab(tab.id, { type: 'set-marks-hidden', hidden }))}
        onCopy={copyText}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />,
      app,
    );
  show();
  await refresh();
}

void main();
