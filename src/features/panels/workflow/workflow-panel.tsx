import type { WorkflowRef } from '../../../domain/model';
import { useT } from '../../../i18n/use-i18n';
import { CopyButton } from '../../../components/ui/copy-button';
import { FieldLabel } from '../../../components/ui/field-label';
import { KeyValueList, type KeyValueItem } from '../../../components/ui/key-value-list';
import { PanelFrame } from '../../../components/ui/panel-frame';

export interface WorkflowPanelProps {
  /** JobsDetail.Workflow, every one the job gives (the SDK types it as a list). */
  readonly workflows: readonly WorkflowRef[];
  /** Wire path of the job, e.g. `JobsDetail[0]`. */
  readonly jobPath: string;
}

function workflowItems(workflow: WorkflowRef, base: string): KeyValueItem[] {
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
  return items;
}

/**
 * The workflow(s) that triggered a job (JobsDetail.Workflow): node name, workflow name and id, run id. A job that
 * gives several shows each, numbered, in source order.
 */
export function WorkflowPanel({ workflows, jobPath }: WorkflowPanelProps) {
  const t = useT();
  const several = workflows.length > 1;
  return (
    <PanelFrame name="workflow" title={t('panel.workflow.title')}>
      {several ? (
        <ol className="pn-workflows">
          {workflows.map((w, i) => (
            <li key={i} data-workflow-index={i}>
              <h4 className="pn-subhead">{t('panel.workflow.nth', { n: i + 1, total: workflows.length })}</h4>
              <KeyValueList items={workflowItems(w, `${jobPath}.Workflow[${i}]`)} />
            </li>
          ))}
        </ol>
      ) : workflows[0] ? (
        <KeyValueList items={workflowItems(workflows[0], `${jobPath}.Workflow`)} />
      ) : null}
    </PanelFrame>
  );
}
