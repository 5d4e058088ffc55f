import { useEffect, useId, useRef } from 'react';
import { CopyButton } from '../../components/ui/copy-button';
import { BROWSER_SAFE_LINK_LENGTH, CHAT_SAFE_LINK_LENGTH } from '../../domain/share/share-link';
import { useT } from '../../i18n/use-i18n';
import './share.css';

export interface ShareLinkFieldProps {
  /** The whole link; undefined while it is being made or when it could not be made. */
  readonly link: string | undefined;
  readonly isMaking: boolean;
  /** Why there is no link (the self-check found a masked value in it): shown instead of the link. */
  readonly refusal?: string;
}

/** The link itself (read-only, selectable), a copy button, its length, and a warning when it is too long. */
export function ShareLinkField({ link, isMaking, refusal }: ShareLinkFieldProps) {
  const t = useT();
  const id = useId();
  const length = link?.length ?? 0;
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    // The dialog opens with the focus here, before the link is made: select it when it arrives, ready to copy.
    if (link && field.current && field.current === document.activeElement) field.current.select();
  }, [link]);
  return (
    <div className="share-link-block">
      <div className="share-link-head">
        <label htmlFor={id} className="share-subtitle">
          {t('share.link')}
        </label>
        {link ? <CopyButton text={link} label={t('share.link.copy')} /> : null}
        <span className="share-length" data-testid="share-link-length">
          {isMaking ? t('share.link.making') : link ? t('share.link.length', { length }) : ''}
        </span>
      </div>
      <textarea
        ref={field}
        id={id}
        className="share-link"
        data-testid="share-link"
        readOnly
        rows={3}
        value={link ?? ''}
        onFocus={(e) => e.currentTarget.select()}
      />
      {!isMaking && !link ? (
        <p className="share-warning share-warning-strong" role="alert" data-testid="share-link-refused">
          {refusal ?? t('share.link.failed')}
        </p>
      ) : length > BROWSER_SAFE_LINK_LENGTH ? (
        <p className="share-warning share-warning-strong" role="alert" data-testid="share-link-warning">
          {t('share.link.browserWarning', { limit: BROWSER_SAFE_LINK_LENGTH })}
        </p>
      ) : length > CHAT_SAFE_LINK_LENGTH ? (
        <p className="share-warning" role="status" data-testid="share-link-warning">
          {t('share.link.chatWarning', { limit: CHAT_SAFE_LINK_LENGTH })}
        </p>
      ) : null}
      <p className="share-note">{t('share.link.note')}</p>
    </div>
  );
}
