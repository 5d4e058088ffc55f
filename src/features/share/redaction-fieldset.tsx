import { SECRET_KINDS, type RedactionOptions, type Secret } from '../../domain/share/redact';
import type { MessageKey } from '../../i18n/messages-en';
import { useT } from '../../i18n/use-i18n';
import type { DocumentMasking } from './share-dialog';
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
  /** The values masked (see `Redacted.masked`): counted the same way as per document. */
  readonly masked: readonly Secret[];
  readonly perDocument: readonly DocumentMasking[];
  readonly onChange: (options: RedactionOptions) => void;
}

/** Documents listed with their counts at most; a 10,000-callback set lists the first ones and says how many more. */
const LISTED = 50;

/**
 * What to mask before sharing: each option masks its values in the source texts, consistently, in every form.
 * Credentials are always masked and listed. What was masked is counted per kind and per document, so a document
 * where nothing was masked shows "0".
 */
export function RedactionFieldset({ options, masked, perDocument, onChange }: RedactionFieldsetProps) {
  const t = useT();
  const credentials = masked.filter((s) => s.kind === 'credential');
  const isMasking = Object.values(options).some(Boolean);
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
      <p className="share-note" data-testid="share-credentials">
        {credentials.length === 0
          ? t('share.credentials.none')
          : t('share.credentials.masked', {
              count: credentials.length,
              list: [...new Set(credentials.map((c) => c.where))].join(', '),
            })}
      </p>
      {isMasking || credentials.length > 0 ? (
        <div role="status">
          <p className="share-note">{t('share.redact.count', { count: masked.length })}</p>
          <ul className="share-counts" data-testid="share-counts">
            {perDocument.slice(0, LISTED).map((d, i) => {
              const kinds = SECRET_KINDS.filter((k) => d.counts[k] > 0);
              const total = kinds.reduce((n, k) => n + d.counts[k], 0);
              return (
                <li key={i} data-masked={total}>
                  <span className="share-count-name">{d.name}</span>{' '}
                  {total === 0
                    ? t('share.redact.none')
                    : kinds.map((k) => `${t(`share.kind.${k}`)} ${d.counts[k]}`).join(' · ')}
                  {d.isUnreadable ? <em className="share-warning"> {t('share.redact.unreadable')}</em> : null}
                </li>
              );
            })}
            {perDocument.length > LISTED ? (
              <li>{t('share.redact.more', { count: perDocument.length - LISTED })}</li>
            ) : null}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}
