import type { ReactNode } from 'react';
import { loadTexts } from '../../store/load-texts';
import { requestDetailFocus } from './detail-focus';

export interface LoadTextButtonProps {
  /** What the new callbacks are named in the list. */
  readonly name: string;
  readonly text: string;
  readonly testId: string;
  readonly className?: string;
  readonly children: ReactNode;
}

/**
 * Loads `text` as a new source named `name` (a converted payload, the callback a log's record holds); the focus then
 * goes to what was loaded, as after any load asked for (the button itself is gone with the panels it was in).
 */
export function LoadTextButton({
  name,
  text,
  testId,
  className = 'ui-button',
  children,
}: LoadTextButtonProps) {
  return (
    <button
      type="button"
      className={className}
      data-testid={testId}
      onClick={() => void loadTexts([{ origin: { kind: 'shared', name }, text }]).then(requestDetailFocus)}
    >
      {children}
    </button>
  );
}
