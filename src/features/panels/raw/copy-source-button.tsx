import { useEffect, useRef, useState } from 'react';
import { copyText } from '../../../components/ui/copy-text';
import { useT } from '../../../i18n/use-i18n';

/** "Copy source": the document's whole text, exactly (also when the panel shows only its start). */
export function CopySourceButton({ text }: { readonly text: string }) {
  const t = useT();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const onClick = () => {
    void copyText(text).then((ok) => {
      setStatus(ok ? 'copied' : 'failed');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setStatus('idle'), 1800);
    });
  };
  return (
    <>
      <button type="button" className="ui-button" onClick={onClick} data-testid="copy-source">
        {t('raw.copySource')}
      </button>
      <span className="ui-copy-status" role="status">
        {status === 'copied' ? t('copy.copied') : status === 'failed' ? t('copy.failed') : ''}
      </span>
    </>
  );
}
