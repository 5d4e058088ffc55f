import { useId, type ReactNode } from 'react';
import './ui.css';

/** The panel names of the end-to-end contract (DESIGN.md, "Interface contract used by end-to-end tests"). */
export type PanelName =
  | 'summary'
  | 'timeline'
  | 'image'
  | 'io'
  | 'headers'
  | 'workflow'
  | 'tasks'
  | 'result'
  | 'moderation'
  | 'diagnostics'
  | 'raw';

export interface PanelFrameProps {
  readonly name: PanelName;
  readonly title: string;
  /** Small controls in the panel's header (tabs, toggles). */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
  readonly className?: string;
}

/** `<section data-panel="NAME" aria-labelledby=…>` with a heading: the frame every panel renders in. */
export function PanelFrame({ name, title, actions, children, className }: PanelFrameProps) {
  const headingId = useId();
  return (
    <section
      data-panel={name}
      aria-labelledby={headingId}
      className={className ? `ui-panel ${className}` : 'ui-panel'}
    >
      <header className="ui-panel-head">
        <h3 className="ui-panel-title" id={headingId}>
          {title}
        </h3>
        {actions ? <div className="ui-panel-actions">{actions}</div> : null}
      </header>
      <div className="ui-panel-body">{children}</div>
    </section>
  );
}
