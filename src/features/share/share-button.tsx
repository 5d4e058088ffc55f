import { lazy, Suspense, useRef, useState } from 'react';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { selectDocumentCount } from '../../store/selectors';
import './share.css';

// The dialog (compression, redaction and the parser it needs) loads on demand: not in the initial JavaScript.
const ShareDialog = lazy(() => import('./share-dialog').then((m) => ({ default: m.ShareDialog })));

export interface ShareButtonProps {
  readonly sampleLabel: (sampleId: string) => string;
}

/** "Share": opens the share dialog, which makes a link carrying the callbacks in its fragment. */
export function ShareButton({ sampleLabel }: ShareButtonProps) {
  const t = useT();
  const [isOpen, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const count = useAppStore(selectDocumentCount);
  return (
    <>
      <button
        type="button"
        className="button"
        ref={button}
        data-testid="share-button"
        aria-haspopup="dialog"
        disabled={count === 0}
        onClick={() => setOpen(true)}
      >
        {t('share.button')}
      </button>
      {isOpen ? (
        <Suspense fallback={null}>
          <ShareDialog
            sampleLabel={sampleLabel}
            onClose={() => {
              setOpen(false);
              button.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
