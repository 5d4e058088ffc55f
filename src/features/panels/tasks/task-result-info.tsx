import type { WorkflowTask } from '../../../domain/model';
import { useT } from '../../../i18n/use-i18n';
import { CopyButton } from '../../../components/ui/copy-button';
import { FieldLabel } from '../../../components/ui/field-label';

export interface TaskResultInfoProps {
  readonly info: NonNullable<WorkflowTask['resultInfo']>;
  /** Wire path of the ResultInfo node. */
  readonly path: string;
}

/** A task's ResultInfo: object counts and each output object with its URL (as text: the payload's, not ours). */
export function TaskResultInfo({ info, path }: TaskResultInfoProps) {
  const t = useT();
  const groups = [
    ['ObjectInfo', info.objectInfo, info.objectCount],
    ['SpriteObjectInfo', info.spriteObjectInfo, info.spriteObjectCount],
  ] as const;
  return (
    <div className="pn-result-info">
      {groups.map(([name, objects, count]) =>
        objects.length === 0 && count === undefined ? null : (
          <div key={name}>
            <h5 className="pn-subhead pn-subhead-small">
              <FieldLabel name={name} path={`${path}.${name}`} />{' '}
              {count !== undefined ? (
                <span className="ui-muted ui-num">{t('tasks.objectCount', { count: count.text })}</span>
              ) : null}
            </h5>
            {objects.length > 0 ? (
              <ul className="pn-object-list">
                {objects.map((o, i) => (
                  <li
                    key={i}
                    className={
                      o.code !== undefined && o.code !== 'Success' ? 'pn-object pn-object-bad' : 'pn-object'
                    }
                  >
                    {o.objectName !== undefined ? (
                      <span className="pn-file-key">
                        <span className="ui-mono ui-break">{o.objectName}</span>
                        <CopyButton text={o.objectName} label="ObjectName" />
                      </span>
                    ) : null}
                    {o.objectUrl !== undefined ? (
                      <span className="pn-file-key">
                        <span className="ui-mono ui-break ui-muted">{o.objectUrl}</span>
                        <CopyButton text={o.objectUrl} label="ObjectUrl" />
                      </span>
                    ) : null}
                    {o.inputObjectName !== undefined ? (
                      <span className="ui-mono ui-muted ui-break">← {o.inputObjectName}</span>
                    ) : null}
                    {o.code !== undefined || o.message !== undefined ? (
                      <span className="ui-mono">
                        {o.code}
                        {o.message !== undefined ? ` · ${o.message}` : ''}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ),
      )}
    </div>
  );
}
