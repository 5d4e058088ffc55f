import { useEffect, useState } from 'react';
import { loadPastedText, openFiles } from './load-files';
import { isEditableTarget } from './use-page-paste';

/** `dragover` repeats every ~50 ms while something is dragged over the page; silence this long means it left. */
const DRAG_IDLE_MS = 300;

/** Files anywhere; text outside an editable field (a field takes dropped text itself). */
function isDroppable(event: DragEvent): boolean {
  const types = event.dataTransfer?.types ?? [];
  return types.includes('Files') || (types.includes('text/plain') && !isEditableTarget(event.target));
}

/**
 * Files dropped anywhere on the page are loaded (text dropped outside an editable field too). Returns whether
 * something is being dragged over the page, to show the drop overlay.
 */
export function useFileDrop(): boolean {
  const [isDragging, setDragging] = useState(false);
  useEffect(() => {
    let idle: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      if (idle !== undefined) clearTimeout(idle);
      idle = undefined;
      setDragging(false);
    };
    const onDragOver = (event: DragEvent) => {
      if (!isDroppable(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
      if (idle !== undefined) clearTimeout(idle);
      idle = setTimeout(stop, DRAG_IDLE_MS);
    };
    const onDragLeave = (event: DragEvent) => {
      // Leaving the window: no element is entered.
      if (event.relatedTarget === null) stop();
    };
    const onDrop = (event: DragEvent) => {
      stop();
      const data = event.dataTransfer;
      if (!data) return;
      const files = [...data.files];
      if (files.length > 0) {
        event.preventDefault();
        void openFiles(files);
        return;
      }
      if (isEditableTarget(event.target)) return;
      const text = data.getData('text/plain');
      if (text.trim() === '') return;
      event.preventDefault();
      void loadPastedText(text);
    };
    window.addEventListener('dragenter', onDragOver);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      if (idle !== undefined) clearTimeout(idle);
      window.removeEventListener('dragenter', onDragOver);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return isDragging;
}
