import type { WorkflowRef } from '../../../domain/model';
import { useT } from '../../../i18n/use-i18n';
import { CopyButton } from '../../../components/ui/copy-button';
import { FieldLabel } from '../../../components/ui/field-label';
import { KeyValueList, type KeyValueItem } from '../../../components/ui/key-value-list';
import { PanelFrame } from '../../../components/ui/panel-frame';

export interface WorkflowPanelProps {
  readonly workflow: WorkflowRef;
  /** Wire path of the job, e.g. `JobsDetail[0]`. */
  readonly jobPath: string;
}

/** The workflow that triggered a job (JobsDetail.Workflow): node name, workflow name and id, run id. */
export function WorkflowPanel({ workflow, jobPath }: WorkflowPanelProps) {
  const t = useT();
  const base = `${jobPath}.Workflow`;
  const items: KeyValueItem[] = [];
  const fields = [
    ['Name', workflow.name, false],
    ['WorkflowName', workflow.workflowName, false],
    ['WorkflowId', workflow.workflowId, true],
    ['RunId', workflow.runId, true],
  ] as const;
  for (const [name, value, isId] of fields) {
    if (value === undefined) continue;
    items.push({
      id: name,
      label: <FieldLabel name={name} path={`${base}.${name}`} parent="Workflow" />,
      value: (
        <>
          <span className="ui-mono ui-break">{value}</span>
          {isId ? <CopyButton text={value} label={name} /> : null}
        </>
      ),
    });
  }
  return (
    <PanelFrame name="workflow" title={t('panel.workflow.title')}>
      <KeyValueList items={items} />
    </PanelFrame>
  );
}
