import { useId } from 'react';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { updateDraft } from '../../store/load-texts';
import { readError } from '../../components/ui/error-excerpt';
import { ParseError } from '../../components/ui/parse-error';
import './loading.css';

/**
 * The payload input: a draft re-parsed as a whole once typing pauses; its documents replace the previous ones.
 * When it cannot be read, the error shows right under it.
 */
export function DraftInput() {
  const t = useT();
  const id = useId();
  const text = useAppStore((s) => s.draft.text);
  const parsedText = useAppStore((s) => s.draft.parsedText);
  const documents = useAppStore((s) => s.draft.documents);
  const invalid = documents.find((d) => d.state === 'Invalid');
  const error = invalid ? readError(invalid) : undefined;
  return (
    <div className="draft">
      <div className="draft-head">
        <label htmlFor={id} className="draft-label">
          {t('load.draft.label')}
        </label>
        {text !== '' ? (
          <button type="button" className="link-button" onClick={() => updateDraft('')}>
            {t('load.draft.clear')}
          </button>
        ) : null}
      </div>
      <textarea
        id={id}
        className="draft-input"
        data-testid="payload-input"
        value={text}
        placeholder={t('load.draft.placeholder')}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        rows={4}
        onChange={(e) => updateDraft(e.target.value)}
      />
      {error && text !== '' ? <ParseError error={error} text={parsedText} /> : null}
    </div>
  );
}
