import type { ReactNode } from 'react';
import { loadTexts } from '../../store/load-texts';

export interface LoadTextButtonProps {
  /** What the new callbacks are named in the list. */
  readonly name: string;
  readonly text: string;
  readonly testId: string;
  readonly className?: string;
  readonly children: ReactNode;
}

/** Loads `text` as a new source named `name` (a converted payload, the callback a log's record holds). */
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
      onClick={() => void loadTexts([{ origin: { kind: 'shared', name }, text }])}
    >
      {children}
    </button>
  );
}
