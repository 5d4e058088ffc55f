import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-i18n';
import { copyText } from './copy-text';
import './ui.css';

export interface CopyButtonProps {
  /** The exact text put on the clipboard. */
  readonly text: string;
  /** What is copied, for the button's accessible name ("Copy JobId"). */
  readonly label: string;
}

type CopyStatus = 'idle' | 'copied' | 'failed';

const COPY_GLYPH = (
  <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    <path
      d="M11 5V3.5A1.5 1.5 0 0 0 9.5 2h-6A1.5 1.5 0 0 0 2 3.5v6A1.5 1.5 0 0 0 3.5 11H5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    />
  </svg>
);

/**
 * Copies `text` on demand and says how it went for a moment: the state behind every copy control (the icon button
 * below, "Copy source"), announced by `CopyStatusText`.
 */
export function useCopy(text: string): { readonly status: CopyStatus; readonly copy: () => void } {
  const [status, setStatus] = useState<CopyStatus>('idle');
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copy = () => {
    void copyText(text).then((ok) => {
      setStatus(ok ? 'copied' : 'failed');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setStatus('idle'), 1800);
    });
  };
  return { status, copy };
}

/** "Copied" / "Copy failed" in a polite live region, empty otherwise. */
export function CopyStatusText({ status }: { readonly status: CopyStatus }) {
  const t = useT();
  return (
    <span className="ui-copy-status" role="status" aria-live="polite">
      {status === 'copied' ? t('copy.copied') : status === 'failed' ? t('copy.failed') : ''}
    </span>
  );
}

/** One-click copy with "Copied" feedback announced through a polite live region. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const t = useT();
  const { status, copy } = useCopy(text);
  const name = t('copy.label', { name: label });
  return (
    <span className="ui-copy">
      <button
        type="button"
        className="ui-icon-button"
        aria-label={name}
        title={name}
        onClick={copy}
        data-copy-text={text}
      >
        {COPY_GLYPH}
      </button>
      <CopyStatusText status={status} />
    </span>
  );
}
