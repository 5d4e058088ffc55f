import { useEffect, useState, type RefObject } from 'react';

/** Whether the element's content is wider than its box (it scrolls sideways), kept current as either resizes. */
export function useOverflowX(ref: RefObject<HTMLElement | null>): boolean {
  const [isOver, setIsOver] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const check = () => setIsOver(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    const inner = el.firstElementChild;
    if (inner) observer.observe(inner);
    return () => observer.disconnect();
  }, [ref]);
  return isOver;
}
