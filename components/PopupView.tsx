import type { TabState } from '../utils/messages';

export interface PopupViewProps {
  /** What is marked on the active tab; null while loading or on a page we do not run on. */
  state: TabState | null;
  /** Claim id → display title, when the dataset is at hand. */
  titles: Readonly<Record<string, string>>;
}

/** The toolbar popup: how many known claims are marked on this page, and which. */
export function PopupView({ state, titles }: PopupViewProps) {
  if (state === null) {
    return <p class="popup-status">Right to Truth does not run on this page.</p>;
  }
  const count = state.claimIds.length;
  return (
    <section aria-labelledby="popup-heading">
      <h1 id="popup-heading">Right to Truth</h1>
      <p class="popup-status" data-testid="marked-count">
        {count === 0 ? 'No known claims marked on this page.' : `${count} known ${count === 1 ? 'claim' : 'claims'} marked on this page.`}
      </p>
      {count > 0 && (
        <ul>
          {state.claimIds.map((id) => (
            <li key={id}>{titles[id] ?? id}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
