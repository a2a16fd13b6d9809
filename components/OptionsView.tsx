import type { Settings } from '../utils/settings';

export interface OptionsViewProps {
  settings: Settings;
  onChange(settings: Settings): void;
}

/** The options page: reader settings, all kept on this device. */
export function OptionsView({ settings, onChange }: OptionsViewProps) {
  const toggle = (name: keyof Settings) => (event: Event) =>
    onChange({ ...settings, [name]: (event.currentTarget as HTMLInputElement).checked });
  return (
    <main>
      <h1>Right to Truth — settings</h1>
      <p>These settings stay in this browser. The extension sends nothing anywhere.</p>
      <label>
        <input type="checkbox" name="openCardOnHover" checked={settings.openCardOnHover} onChange={toggle('openCardOnHover')} />{' '}
        Open the evidence card when the pointer rests on a mark
      </label>
    </main>
  );
}
