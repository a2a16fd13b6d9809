import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/PopupView';
import datasetJson from '../../generated/dataset.json';
import type { Dataset } from '../../data/schema/index';
import { TabStateSchema, type Message } from '../../utils/messages';

const titles: Record<string, string> = Object.fromEntries((datasetJson as unknown as Dataset).claims.map((c) => [c.id, c.title]));

async function loadActiveTabState() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  const request: Message = { type: 'get-tab-state', tabId: tab.id };
  const parsed = TabStateSchema.safeParse(await browser.runtime.sendMessage(request));
  return parsed.success && parsed.data.url !== '' ? parsed.data : null;
}

const app = document.getElementById('app')!;
render(<PopupView state={null} titles={{}} />, app);
void loadActiveTabState().then((state) => render(<PopupView state={state} titles={titles} />, app));
