import { skippedLineCount, type Diagnostic } from '../domain/diagnostics';
import type { CallbackDocument } from '../domain/model';
import { useAppStore } from './app-store';
import type { SourceOrigin } from './documents-slice';

/**
 * Says, once a text is read, how many of its lines held no callback and were skipped, and where the first is: a
 * log read as callbacks shows only the callbacks, and the person should know the rest was looked at, not lost.
 * The source keeps the same word for its documents' Diagnostics panel (`LoadedSource.inputDiagnostics`).
 */
export function noticeSkippedLines(
  origin: SourceOrigin,
  diagnostics: readonly Diagnostic[],
  documents: readonly CallbackDocument[],
): void {
  // A text without any payload is one document saying so: a notice of its skipped lines would say it again.
  if (documents.every((doc) => doc.diagnostics.some((d) => d.code === 'no-payload'))) return;
  const skipped = diagnostics.find((d) => d.code === 'skipped-lines');
  const count = skipped ? skippedLineCount(skipped) : undefined;
  if (!skipped || count === undefined || count === 0) return;
  const line = skipped.position?.line ?? 1;
  const name = origin.kind === 'file' ? origin.fileName : origin.kind === 'shared' ? origin.name : '';
  useAppStore
    .getState()
    .addNotice(
      origin.kind === 'paste'
        ? { tone: 'info', key: 'load.skippedLines.pasted', params: { n: origin.n, count, line } }
        : name
          ? { tone: 'info', key: 'load.skippedLines.named', params: { name, count, line } }
          : { tone: 'info', key: 'load.skippedLines', params: { count, line } },
    );
}
