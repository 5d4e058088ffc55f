import type { Diagnostic } from '../../domain/diagnostics';
import { localize } from '../../i18n/i18n';
import { useLang, useT } from '../../i18n/use-i18n';
import { errorExcerpt } from './error-excerpt';
import './ui.css';

export interface ParseErrorProps {
  /** The error diagnostic of an unreadable document. */
  readonly error: Diagnostic;
  /** The text that was parsed (the diagnostic's position refers to it), or a part of it from `textStart`. */
  readonly text: string;
  readonly textStart?: number;
}

/** Where a payload stops being readable: the message, line and column, and the line with a caret under the column. */
export function ParseError({ error, text, textStart = 0 }: ParseErrorProps) {
  const t = useT();
  const [lang] = useLang();
  const excerpt = errorExcerpt(text, error, textStart);
  return (
    <div className="parse-error" data-testid="parse-error">
      <p className="parse-error-title">{t('parse.error.title')}</p>
      <p className="parse-error-message">{localize(error.message, lang)}</p>
      {excerpt ? (
        <>
          <p className="parse-error-position">
            {t('parse.position', { line: excerpt.line, column: excerpt.column })}
          </p>
          <pre className="parse-error-excerpt">
            <code>
              {excerpt.clippedStart ? '…' : ''}
              {excerpt.lineText}
              {excerpt.clippedEnd ? '…' : ''}
              {'\n'}
              <span aria-hidden="true">
                {/* The text before the column, invisible, so the caret lines up whatever the characters' widths. */}
                <span className="parse-error-pad">
                  {excerpt.clippedStart ? '…' : ''}
                  {excerpt.beforeCaret}
                </span>
                <span className="parse-error-caret">^</span>
              </span>
            </code>
          </pre>
        </>
      ) : null}
    </div>
  );
}
