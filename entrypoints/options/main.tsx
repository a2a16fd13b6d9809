import { render } from 'preact';
import { OptionsView } from '../../components/OptionsView';
import { loadSettings, saveSettings } from '../../utils/extension/settings-store';
import type { Settings } from '../../utils/settings';

const app = document.getElementById('app')!;

function show(settings: Settings) {
  render(<OptionsView settings={settings} onChange={(next) => void saveSettings(next).then(() => show(next))} />, app);
}

void loadSettings().then(show);
