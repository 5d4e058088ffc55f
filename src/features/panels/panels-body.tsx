import { useCallback, useId, useMemo, useState } from 'react';
import type { Diagnostic } from '../../domain/diagnostics';
import type { CallbackDocument } from '../../domain/model';
import { SourceRevealContext, type SourceTarget } from '../../components/ui/source-reveal';
import { DiagnosticsPanel } from './diagnostics/diagnostics-panel';
import { HeadersPanel } from './headers/headers-panel';
import { ImagePanel } from './image/image-panel';
import { IoPanel } from './io/io-panel';
import { JobPicker } from './job-picker';
import { JobSelect } from './job-select';
import { ModerationPanel } from './moderation/moderation-panel';
import { panelData } from './panel-availability';
import { RawPanel, type RawView, type SourceSelection } from './raw/raw-panel';
import { HIGHLIGHT_LIMIT } from './raw/source-view';
import { ResultPanel } from './result/result-panel';
import { SummaryPanel } from './summary/summary-panel';
import { TasksPanel } from './tasks/tasks-panel';
import { TimelinePanel } from './timeline/timeline-panel';
import { WorkflowPanel } from './workflow/workflow-panel';
import './panels.css';

const MAX_TABS = 8;

export interface PanelsBodyProps {
  readonly doc: CallbackDocument;
  /** The draft's parse error is shown in full under the draft box, not again in Diagnostics. */
  readonly isDraft?: boolean;
  /** What parsing said of the whole text the document was read from. */
  readonly inputDiagnostics?: readonly Diagnostic[];
}

/**
 * An unreadable document opens with its raw source at the error's line, marked (without scrolling the page). Not
 * for texts shown plain (over `HIGHLIGHT_LIMIT`): laying out megabytes to find the line would freeze the page.
 */
function errorSelection(doc: CallbackDocument): SourceSelection | undefined {
  if (doc.state !== 'Invalid' || doc.source.text.length > HIGHLIGHT_LIMIT) return undefined;
  const line = doc.diagnostics.find((d) => d.severity === 'error')?.position?.line;
  return line === undefined ? undefined : { line, seq: 0, quiet: true };
}

/**
 * The panels of one document. The selected job and the "selected source location" are local state here, not
 * in the global store: they belong to this view of this document only.
 */
export function PanelsBody({ doc, isDraft = false, inputDiagnostics: allInput = [] }: PanelsBodyProps) {
  // A text without any payload is this one document, which says so: its skipped lines are no news.
  const inputDiagnostics = doc.diagnostics.some((d) => d.code === 'no-payload')
    ? allInput.filter((d) => d.code !== 'skipped-lines')
    : allInput;
  const [requestedJob, setRequestedJob] = useState(0);
  const [selection, setSelection] = useState<SourceSelection | undefined>(() => errorSelection(doc));
  const [rawView, setRawView] = useState<RawView>('source');
  const idPrefix = useId();
  const data = useMemo(() => panelData(doc, requestedJob), [doc, requestedJob]);

  const reveal = useCallback((target: SourceTarget) => {
    setRawView('source');
    setSelection((prev) => ({ ...target, seq: (prev?.seq ?? 0) + 1 }));
  }, []);

  const { job, jobPath, isReadable } = data;
  const tabJobs = data.moderationJobs ?? data.jobs;
  const hasJobs = tabJobs.length > 1;
  /** Tabs while they fit on a line or two; a select beyond (a list response may hold hundreds of jobs). */
  const hasManyJobs = tabJobs.length > MAX_TABS;
  const panelId = `${idPrefix}-job-panel`;

  const panels = (
    <div className="pn-grid">
      <SummaryPanel doc={doc} jobIndex={data.jobIndex} />
      {isReadable && data.moderation ? <ModerationPanel view={data.moderation} /> : null}
      {isReadable && job && data.hasTimeline ? <TimelinePanel job={job} jobPath={jobPath} /> : null}
      {isReadable && data.workflows.length > 0 ? (
        <WorkflowPanel workflows={data.workflows} jobPath={jobPath} />
      ) : null}
      {isReadable && data.headers.length > 0 ? (
        <HeadersPanel rows={data.headers} paths={data.headerPaths} />
      ) : null}
      {isReadable && data.image ? <ImagePanel comparison={data.image} /> : null}
      {isReadable && job && data.io ? <IoPanel job={job} io={data.io} jobPath={jobPath} /> : null}
      {isReadable && data.execution ? <TasksPanel execution={data.execution} /> : null}
      {isReadable &&
      (data.parameters.length > 0 ||
        data.results.length > 0 ||
        data.resultViews.length > 0 ||
        data.extras.length > 0 ||
        data.tree !== undefined) ? (
        <ResultPanel
          views={data.resultViews}
          parameters={data.parameters}
          results={data.results}
          operationPath={`${jobPath}.Operation`}
          extras={data.extras}
          {...(data.tree !== undefined ? { tree: data.tree } : {})}
        />
      ) : null}
      {doc.diagnostics.length > 0 || inputDiagnostics.length > 0 ? (
        <DiagnosticsPanel
          diagnostics={doc.diagnostics}
          inputDiagnostics={inputDiagnostics}
          text={doc.source.text}
          {...(isDraft ? {} : { source: doc.source })}
        />
      ) : null}
      <RawPanel doc={doc} view={rawView} onViewChange={setRawView} {...(selection ? { selection } : {})} />
    </div>
  );

  return (
    <SourceRevealContext value={reveal}>
      <div className="pn-root" data-document-index={doc.index}>
        {hasManyJobs ? (
          <>
            <JobSelect jobs={tabJobs} selected={data.jobIndex} onSelect={setRequestedJob} />
            {panels}
          </>
        ) : hasJobs ? (
          <>
            <JobPicker
              jobs={tabJobs}
              selected={data.jobIndex}
              onSelect={setRequestedJob}
              panelId={panelId}
              idPrefix={idPrefix}
            />
            <div role="tabpanel" id={panelId} aria-labelledby={`${idPrefix}-tab-${data.jobIndex}`}>
              {panels}
            </div>
          </>
        ) : (
          panels
        )}
      </div>
    </SourceRevealContext>
  );
}
