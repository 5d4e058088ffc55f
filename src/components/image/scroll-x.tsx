import { useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/use-i18n';
import { useOverflowX } from './use-overflow-x';
import './image-table.css';

export interface ScrollXProps {
  /** Accessible name of the region. */
  readonly label: string;
  readonly children: ReactNode;
}

/**
 * A region that scrolls sideways (`data-scroll-x`, the interface contract's mark) and shows that it does: shadows
 * at the edges that hide more, and a hint while it is wider than its box. Focusable, so a keyboard can scroll it.
 */
export function ScrollX({ label, children }: ScrollXProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const isOver = useOverflowX(ref);
  return (
    <div className="im-scroll-wrap">
      <div
        ref={ref}
        className="im-scroll"
        data-scroll-x=""
        data-overflowing={isOver ? 'true' : 'false'}
        role="region"
        aria-label={label}
        tabIndex={0}
      >
        {children}
      </div>
      {isOver ? (
        <p className="im-scroll-hint" aria-hidden="true">
          {t('image.scrollHint')} →
        </p>
      ) : null}
    </div>
  );
}
