import type { RedactionOptions } from '../../domain/share/redact';
import type { MessageKey } from '../../i18n/messages-en';
import { useT } from '../../i18n/use-i18n';
import './share.css';

const OPTIONS: readonly (readonly [keyof RedactionOptions, MessageKey])[] = [
  ['appId', 'share.redact.appId'],
  ['requestId', 'share.redact.requestId'],
  ['userData', 'share.redact.userData'],
  ['metaValues', 'share.redact.metaValues'],
  ['objectKeys', 'share.redact.objectKeys'],
];

export interface RedactionFieldsetProps {
  readonly options: RedactionOptions;
  readonly maskedCount: number;
  readonly onChange: (options: RedactionOptions) => void;
}

/** What to mask before sharing: each option masks its values in the source texts, consistently. */
export function RedactionFieldset({ options, maskedCount, onChange }: RedactionFieldsetProps) {
  const t = useT();
  return (
    <fieldset className="share-fieldset">
      <legend>{t('share.redact')}</legend>
      {OPTIONS.map(([key, label]) => (
        <label key={key} className="share-choice">
          <input
            type="checkbox"
            data-redact={key}
            checked={options[key]}
            onChange={(e) => onChange({ ...options, [key]: e.currentTarget.checked })}
          />
          {t(label)}
        </label>
      ))}
      {Object.values(options).some(Boolean) ? (
        <p className="share-note" role="status">
          {t('share.redact.count', { count: maskedCount })}
        </p>
      ) : null}
    </fieldset>
  );
}
