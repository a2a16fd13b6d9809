import { useState } from 'preact/hooks';
import type { Claim } from '../../data/schema/index';
import type { Translate } from '../../utils/i18n';
import { claimFileText } from '../../utils/local-claims';

export interface LocalClaimsEditorProps {
  t: Translate;
  claims: readonly Claim[];
  /** The text a new claim starts from (the same template as `npm run data:new`). */
  template: string;
  /**
   * Validates and stores `text` (replacing the claim `replacing` when editing). Resolves to the problems,
   * one "data/claims/<id>.json: field: message" line each, or to the saved id.
   */
  onSave(text: string, replacing: string | null): Promise<{ problems: string[] } | { id: string }>;
  onDelete(id: string): void;
}

export function LocalClaimsEditor({ t, claims, template, onSave, onDelete }: LocalClaimsEditorProps) {
  const [editing, setEditing] = useState<{ text: string; replacing: string | null } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const save = async (event: Event) => {
    event.preventDefault();
    if (!editing) return;
    const result = await onSave(editing.text, editing.replacing);
    if ('problems' in result) {
      setProblems(result.problems);
      setMessage('');
    } else {
      setProblems([]);
      setEditing(null);
      setMessage(t('optionsLocalSaved', [result.id]));
    }
  };
  return (
    <section aria-labelledby="local-heading" data-testid="local-claims">
      <h2 id="local-heading">{t('optionsLocalHeading')}</h2>
      <p>{t('optionsLocalIntro', ['data/claims/<id>.json', 'npm run data:check'])}</p>
      {claims.length === 0 ? (
        <p>{t('optionsLocalNone')}</p>
      ) : (
        <ul class="rtt-list">
          {claims.map((c) => (
            <li key={c.id} class="rtt-row" data-claim-id={c.id}>
              <code>{c.id}</code>
              <button type="button" onClick={() => (setEditing({ text: claimFileText(c), replacing: c.id }), setProblems([]))}>
                {t('optionsLocalEdit', [c.id])}
              </button>
              <button type="button" onClick={() => onDelete(c.id)}>
                {t('optionsLocalDelete', [c.id])}
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <form onSubmit={save}>
          <label for="claim-editor">{t('optionsLocalEditorLabel', ['JSON'])}</label>
          <textarea
            id="claim-editor"
            rows={18}
            dir="ltr"
            spellcheck={false}
            value={editing.text}
            aria-invalid={problems.length > 0}
            aria-describedby={problems.length > 0 ? 'claim-problems' : undefined}
            onInput={(e) => setEditing({ ...editing, text: (e.currentTarget as HTMLTextAreaElement).value })}
          />
          <div class="rtt-row">
            <button type="submit">{t('optionsLocalSave')}</button>
            <button type="button" onClick={() => (setEditing(null), setProblems([]))}>
              {t('optionsLocalCancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setEditing({ text: template, replacing: null })}>
          {t('optionsLocalNew')}
        </button>
      )}
      <div role="status" aria-live="polite" data-testid="local-status">
        {message}
        {problems.length > 0 && (
          <div id="claim-problems" class="rtt-problems">
            <p>{t('optionsProblems')}</p>
            <ul dir="ltr" lang="en">
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
