import { useId } from 'react';
import { isHostedAddress } from '../../domain/share/link-base';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import './share.css';

export interface HostedAddressFieldProps {
  /** The link is built on this page's `file://` address: it opens only where the same file is. */
  readonly isLocalFile: boolean;
}

/**
 * Shown when this page is a file opened from disk (the single-file build): says where its links open, and takes
 * the address of a hosted copy of the viewer to build links on instead (kept on the device).
 */
export function HostedAddressField({ isLocalFile }: HostedAddressFieldProps) {
  const t = useT();
  const id = useId();
  const address = useAppStore((s) => s.hostedAddress);
  const setAddress = useAppStore((s) => s.setHostedAddress);
  const isInvalid = address.trim() !== '' && !isHostedAddress(address);
  return (
    <div className="share-hosted" data-testid="share-file-origin">
      <p className={isLocalFile ? 'share-warning share-warning-strong' : 'share-note'} role="status">
        {t(isLocalFile ? 'share.file.warning' : 'share.file.hosted')}
      </p>
      <label htmlFor={id} className="share-subtitle">
        {t('share.file.address')}
      </label>
      <input
        id={id}
        type="url"
        className="share-hosted-input"
        data-testid="share-hosted-address"
        placeholder="https://tools.example.com/ci-viewer/"
        spellCheck={false}
        value={address}
        aria-invalid={isInvalid}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setAddress(e.currentTarget.value)}
      />
      <p id={`${id}-hint`} className={isInvalid ? 'share-warning' : 'share-note'}>
        {t(isInvalid ? 'share.file.invalid' : 'share.file.hint')}
      </p>
    </div>
  );
}
