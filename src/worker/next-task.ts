/**
 * Lets the browser run other tasks (input, a frame, a message) before what follows: the rest runs in a task of its
 * own. On the page, where long tasks block input; the worker yields by `MessageChannel` instead (not clamped).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
