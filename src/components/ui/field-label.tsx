import { useId } from 'react';
import { useFieldHelp, useT } from '../../i18n/use-i18n';
import { useRevealSource } from './source-reveal';
import './ui.css';

export interface FieldLabelProps {
  /** The Tencent node name, shown as is ("JobId", "CosHeaders"). */
  readonly name: string;
  /** Parent element name or path, when the name means different things under different parents (Input.Object). */
  readonly parent?: string;
  /** Wire path of the node in the document; clicking the label then shows it in the raw source. */
  readonly path?: string;
  /** `data` when the name is itself the data shown (a header's Key), so it reads as a value, not a label. */
  readonly variant?: 'label' | 'data';
}

/**
 * A node name with its explanation in the interface language, shown on hover and on keyboard focus
 * (a focusable element described by a tooltip). With a path, activating it reveals the node in the source.
 */
export function FieldLabel({ name, parent, path, variant = 'label' }: FieldLabelProps) {
  const t = useT();
  const help = useFieldHelp()(name, parent);
  const reveal = useRevealSource();
  const tipId = useId();
  const canReveal = path !== undefined && reveal !== undefined;
  const tip =
    help === undefined && !canReveal ? undefined : (
      <span className="ui-tooltip" role="tooltip" id={tipId}>
        {help}
        {canReveal ? (
          <span className="ui-muted">
            {help === undefined ? '' : ' '}({t('ui.field.reveal')})
          </span>
        ) : null}
      </span>
    );
  const describedBy = tip === undefined ? undefined : tipId;
  const className = variant === 'data' ? 'ui-field-name ui-field-data' : 'ui-field-name';
  return (
    <span className="ui-field">
      {canReveal ? (
        <button
          type="button"
          className={className}
          aria-describedby={describedBy}
          onClick={() => reveal({ path })}
        >
          {name}
        </button>
      ) : (
        <span
          className={className}
          tabIndex={tip === undefined ? undefined : 0}
          aria-describedby={describedBy}
        >
          {name}
        </span>
      )}
      {tip}
    </span>
  );
}
