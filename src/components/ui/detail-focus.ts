/**
 * "Show me what I just loaded": a load the person asked for (a sample, files, a drop, a paste, a row picked on a
 * phone) asks for the focus to go to the selected callback once it is on screen, so a keyboard user lands on it
 * and a phone scrolls to it. The request waits until the detail renders the new selection (loading is async).
 */
let pending = false;
const listeners = new Set<() => void>();

export function requestDetailFocus(): void {
  pending = true;
  for (const listener of listeners) listener();
}

/** Takes the pending request, if any (the detail calls this when it has rendered a callback). */
export function takeDetailFocus(): boolean {
  const was = pending;
  pending = false;
  return was;
}

export function onDetailFocusRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Phone layout (one column, the detail below the list): picking a row must bring the detail into view. */
export function isSingleColumn(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(max-width: 600px)').matches;
}
