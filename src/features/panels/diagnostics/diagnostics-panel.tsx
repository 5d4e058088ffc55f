import { skippedLineCount, type Diagnostic, type Severity } from '../../../domain/diagnostics';
import { localize } from '../../../i18n/i18n';
import { useLang, useT } from '../../../i18n/use-i18n';
import { PanelFrame } from '../../../components/ui/panel-frame';
import { useRevealSource } from '../../../components/ui/source-reveal';
import { ParseError } from '../../../components/ui/parse-error';
import type { DocumentSource } from '../../../domain/model';
import { LoadDecoded, LoadWrapped, UnwrapAll } from './diagnostic-actions';

export interface DiagnosticsPanelProps {
  readonly diagnostics: readonly Diagnostic[];
  /**
   * What parsing said of the whole text the document was read from (lines that held no callback, a byte order
   * mark…): listed apart, their positions being in that text, not in the document's source.
   */
  readonly inputDiagnostics?: readonly Diagnostic[];
  /** The document's text: an error that made it unreadable is shown here in full, with its line and a caret. */
  readonly source?: DocumentSource;
  /** The document's text, for what Diagnostics offers to load from it (given for the draft too). */
  readonly text?: string;
}

const ICONS: Readonly<Record<Severity, string>> = { error: '✕', warning: '!', info: 'i' };
const ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function bySeverity(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => ORDER[a.d.severity] - ORDER[b.d.severity] || a.i - b.i)
    .map(({ d }) => d);
}

/**
 * What is wrong or odd about the payload text (not the job), each with where it is; selecting one shows it. The
 * one place a loaded document's parse error is shown in full (the summary and the list link or point here). Below,
 * what was said of the whole text the payload was found in.
 */
export function DiagnosticsPanel({
  diagnostics,
  inputDiagnostics = [],
  source,
  text = source?.text,
}: DiagnosticsPanelProps) {
  const t = useT();
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;

  return (
    <PanelFrame name="diagnostics" title={t('panel.diagnostics.title')}>
      {diagnostics.length > 0 ? (
        <>
          <p className="pn-note">
            {(['error', 'warning', 'info'] as const)
              .filter((s) => counts[s] > 0)
              .map((s) => `${t(`severity.${s}`)} ${counts[s]}`)
              .join(' · ')}
            {' — '}
            {t('diagnostics.hint')}
          </p>
          <ul className="pn-diags">
            {bySeverity(diagnostics).map((d, i) => (
              <DiagnosticItem
                key={i}
                d={d}
                {...(source ? { source } : {})}
                {...(text !== undefined ? { text } : {})}
                canReveal
              />
            ))}
          </ul>
        </>
      ) : (
        <p className="pn-note">{t('diagnostics.none')}</p>
      )}
      {inputDiagnostics.length > 0 ? (
        <section className="pn-diags-input" data-testid="input-diagnostics">
          <h4 className="pn-subhead">{t('diagnostics.input.title')}</h4>
          <p className="pn-note">{t('diagnostics.input.hint')}</p>
          <ul className="pn-diags">
            {bySeverity(inputDiagnostics).map((d, i) => (
              <DiagnosticItem key={i} d={d} canReveal={false} />
            ))}
          </ul>
        </section>
      ) : null}
    </PanelFrame>
  );
}

/**
 * One diagnostic: its severity, its message (an error in full with its line, when the document's source is given),
 * its code and where. `canReveal`: its position is in the document's source, which the raw panel can show.
 */
function DiagnosticItem({
  d,
  source,
  text,
  canReveal,
}: {
  readonly d: Diagnostic;
  readonly source?: DocumentSource;
  /** The document's text, for what it offers to load. */
  readonly text?: string;
  readonly canReveal: boolean;
}) {
  const t = useT();
  const [lang] = useLang();
  const reveal = useRevealSource();
  const where = d.position
    ? t('parse.position', { line: d.position.line, column: d.position.column })
    : d.path !== undefined
      ? d.path
      : undefined;
  const target = !canReveal
    ? undefined
    : d.position
      ? { line: d.position.line, column: d.position.column }
      : d.path !== undefined
        ? { path: d.path }
        : undefined;
  const skipped = skippedLineCount(d);
  return (
    <li className={`pn-diag pn-diag-${d.severity}`} data-severity={d.severity} data-code={d.code}>
      <span className={`pn-sev pn-sev-${d.severity}`}>
        <span className="pn-sev-icon" aria-hidden="true">
          {ICONS[d.severity]}
        </span>
        {t(`severity.${d.severity}`)}
      </span>
      <span className="pn-diag-main">
        {d.severity === 'error' && source ? (
          <ParseError error={d} text={source.text} textStart={source.start.offset} />
        ) : (
          <span className="ui-break">
            {skipped !== undefined
              ? t('diagnostics.input.skippedLines', { count: skipped })
              : localize(d.message, lang)}
          </span>
        )}
        <span className="pn-diag-meta">
          <code className="ui-mono">{d.code}</code>
          {where !== undefined ? (
            <span className={d.position ? 'ui-num' : 'ui-mono ui-break'}>{where}</span>
          ) : null}
        </span>
      </span>
      {(d.code === 'wrapped-callback' && d.path !== undefined && text !== undefined) ||
      d.code === 'wrapped-callback-part' ||
      d.code === 'docker-record' ||
      (d.code === 'encoded-input' && text !== undefined) ||
      (target !== undefined && reveal !== undefined) ? (
        <span className="pn-diag-actions">
          {d.code === 'wrapped-callback' && d.path !== undefined && text !== undefined ? (
            <>
              <LoadWrapped text={text} path={d.path} />
              <UnwrapAll />
            </>
          ) : null}
          {/* Part of a callback: loaded alone it is no callback; the whole text unwrapped makes it whole again. */}
          {d.code === 'wrapped-callback-part' || d.code === 'docker-record' ? <UnwrapAll /> : null}
          {d.code === 'encoded-input' && text !== undefined ? <LoadDecoded text={text} /> : null}
          {target !== undefined && reveal !== undefined ? (
            <button type="button" className="ui-button pn-diag-go" onClick={() => reveal(target)}>
              {t('diagnostics.showInSource')}
            </button>
          ) : null}
        </span>
      ) : null}
    </li>
  );
}
