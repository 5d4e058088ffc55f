import { requestDetailFocus } from '../../components/ui/detail-focus';
import { LIMITS } from '../../domain/limits';
import { useAppStore } from '../../store/app-store';
import { loadTexts } from '../../store/load-texts';
import { readSample, type Sample } from './samples';

/**
 * Loads files picked, dropped or pasted (`open-files.ts`: its code, with the reading of large files in chunks, is
 * loaded with the first files).
 */
export function openFiles(files: readonly File[]): Promise<void> {
  return import('./open-files').then((m) => m.loadFiles(files));
}

/** Loads text pasted (or dropped) on the page as a new source, "Pasted #n". */
export async function loadPastedText(text: string): Promise<void> {
  const n = useAppStore.getState().pasteCount + 1;
  await loadTexts([{ origin: { kind: 'paste', n }, text, maxInputLength: LIMITS.pastedText }]);
  requestDetailFocus();
}

/** Loads a published example: its text comes from its own chunk, then it is parsed like any other text. */
export async function loadSample(sample: Sample): Promise<void> {
  let text: string;
  try {
    text = await readSample(sample.id);
  } catch {
    useAppStore.getState().addNotice({ tone: 'error', key: 'load.readFailed', params: { name: sample.id } });
    return;
  }
  await loadTexts([{ origin: { kind: 'sample', sampleId: sample.id }, text }]);
  requestDetailFocus();
}
