import { useState } from 'react';
import { copyText } from '../../components/ui/copy-text';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import './share.css';

/**
 * The share link this tab opened, in the main area where the person looks: how many callbacks it held and "Copy
 * this link" (the fragment has left the address bar, so the bar cannot be copied), or why nothing was loaded.
 */
export function OpenedLinkBanner() {
  const t = useT();
  const opened = useAppStore((s) => s.openedLink);
  const setOpened = useAppStore((s) => s.setOpenedLink);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  if (!opened) return null;
  const close = (
    <button
      type="button"
      className="notice-dismiss"
      aria-label={t('common.close')}
      onClick={() => setOpened(undefined)}
    >
      ×
    </button>
  );
  if (!opened.ok) {
    return (
      <div className="opened-link opened-link-error" role="alert" data-testid="opened-link">
        <p>{t(`share.error.${opened.error}`, { limit: opened.limit })}</p>
        {close}
      </div>
    );
  }
  return (
    <div className="opened-link" data-testid="opened-link">
      <p>{t('share.opened', { count: opened.count })}</p>
      <button
        type="button"
        className="button button-small"
        data-testid="copy-opened-link"
        onClick={() => void copyText(opened.link).then((ok) => setStatus(ok ? 'copied' : 'failed'))}
      >
        {t('share.copyThisLink')}
      </button>
      <span role="status" className="opened-link-status">
        {status === 'copied' ? t('copy.copied') : status === 'failed' ? t('copy.failed') : ''}
      </span>
      {close}
    </div>
  );
}
