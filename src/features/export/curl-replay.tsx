import { useId, useMemo } from 'react';
import { CopyButton } from '../../components/ui/copy-button';
import type { CallbackDocument } from '../../domain/model';
import { contentTypeFor, isReplayEndpoint, toCurlCommand } from '../../domain/share/curl';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import './export.css';

export interface CurlReplayProps {
  readonly doc: CallbackDocument;
}

/**
 * A curl command (for a POSIX shell) that POSTs the callback, byte for byte, to the person's own endpoint
 * (remembered on the device). The body is base64 in a here-document piped to curl: see domain/share/curl.ts.
 */
export function CurlReplay({ doc }: CurlReplayProps) {
  const t = useT();
  const id = useId();
  const endpoint = useAppStore((s) => s.replayEndpoint);
  const setEndpoint = useAppStore((s) => s.setReplayEndpoint);
  const isValid = isReplayEndpoint(endpoint);
  // A 16 MB body makes a 22 MB command: made once per endpoint and document, not on every render.
  const command = useMemo(() => {
    if (!isValid) return undefined;
    const result = toCurlCommand(endpoint, doc.source.text, contentTypeFor(doc.format));
    return result.ok ? result.command : undefined;
  }, [isValid, endpoint, doc]);
  const showError = endpoint.trim() !== '' && !isValid;
  return (
    <div className="export-curl" data-testid="export-curl">
      <h3 className="export-title">{t('export.curl')}</h3>
      <label htmlFor={id} className="export-label">
        {t('export.curl.endpoint')}
      </label>
      <div className="export-curl-row">
        <input
          id={id}
          type="url"
          className="export-input"
          data-testid="replay-endpoint"
          placeholder="https://example.com/ci-callback"
          spellCheck={false}
          autoComplete="url"
          value={endpoint}
          aria-invalid={showError}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setEndpoint(e.currentTarget.value)}
        />
        {command !== undefined ? <CopyButton text={command} label={t('export.curl')} /> : null}
      </div>
      <p id={`${id}-hint`} className={showError ? 'export-error' : 'export-hint'}>
        {showError ? t('export.curl.invalid') : t('export.curl.hint')}
      </p>
      {command !== undefined ? <p className="export-hint">{t('export.curl.shell')}</p> : null}
      {command !== undefined ? (
        <code className="export-command" data-testid="curl-command">
          {command.length > 400 ? `${command.slice(0, 400)}…` : command}
        </code>
      ) : null}
    </div>
  );
}
