import { useEffect } from 'react';
import { loadPastedText, openFiles } from './load-files';

const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** A field where pasting edits text: the paste is its own, not the page's. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return !target.readOnly;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type) && !target.readOnly;
  return false;
}

/** Pasting anywhere on the page outside an editable field loads the pasted text (or files) as new documents. */
export function usePagePaste(): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isEditableTarget(event.target)) return;
      const data = event.clipboardData;
      if (!data) return;
      const files = [...data.files];
      if (files.length > 0) {
        event.preventDefault();
        void openFiles(files);
        return;
      }
      const text = data.getData('text/plain') || data.getData('text');
      if (text.trim() === '') return;
      event.preventDefault();
      void loadPastedText(text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}
