import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/** Where the focus goes when the popover opens. */
type Landing = 'first' | 'last';

export interface MenuOptions {
  /**
   * What the arrow keys move between, inside the popover. A menu (role="menu") moves between its menu items; a
   * disclosure holding a form (Export, with an address field) between its buttons and fields.
   */
  readonly items: string;
  /** A menu closes when Tab leaves it (its items are not in the tab order); a form keeps Tab for its fields. */
  readonly closeOnTab?: boolean;
}

const isTextField = (el: Element | null): boolean =>
  el instanceof HTMLTextAreaElement ||
  (el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(el.type));

/**
 * A button that opens a popover of items, driven as WAI-ARIA's menu button
 * (https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/): Enter, Space or ↓ on the button open it on the first item,
 * ↑ on the last; inside, ↑/↓ move (wrapping), Home/End go to the ends, Escape closes and gives the focus back to the
 * button, and a click outside closes it. In a text field the arrows and Home/End keep their editing meaning.
 */
export function useMenu({ items, closeOnTab = false }: MenuOptions) {
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const landing = useRef<Landing | undefined>(undefined);

  const list = useCallback(
    (): HTMLElement[] =>
      [...(popover.current?.querySelectorAll<HTMLElement>(items) ?? [])].filter(
        (el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0,
      ),
    [items],
  );

  /** Focuses the item the popover opened on; returns false while its items are not there yet (a lazy panel). */
  const land = useCallback((): boolean => {
    const where = landing.current;
    if (!where) return true;
    const all = list();
    const target = where === 'first' ? all[0] : all[all.length - 1];
    if (!target) return false;
    landing.current = undefined;
    target.focus();
    return true;
  }, [list]);

  useEffect(() => {
    if (!isOpen) return;
    land();
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [isOpen, land]);

  const open = (where: Landing) => {
    landing.current = where;
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!isOpen) {
      if (event.target === toggle.current && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        open(event.key === 'ArrowDown' ? 'first' : 'last');
      }
      return;
    }
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
      return;
    }
    if (event.key === 'Tab') {
      if (closeOnTab) setOpen(false);
      return;
    }
    const all = list();
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (at < 0 && event.target !== toggle.current) return;
    const inField = isTextField(document.activeElement);
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowDown' && !inField) next = all[(at + 1) % all.length];
    else if (event.key === 'ArrowUp' && !inField) next = all[(at - 1 + all.length) % all.length];
    else if (event.key === 'Home' && !inField && at >= 0) next = all[0];
    else if (event.key === 'End' && !inField && at >= 0) next = all[all.length - 1];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return {
    id,
    isOpen,
    root,
    toggle,
    popover,
    close,
    onKeyDown,
    /** For a popover whose items arrive later (a lazy panel): call once they are rendered. */
    land,
    /** A click (or Enter/Space) on the button: opens on the first item, or closes. */
    onToggle: () => (isOpen ? setOpen(false) : open('first')),
  };
}
