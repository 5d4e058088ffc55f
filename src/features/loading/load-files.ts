import { requestDetailFocus } from '../../components/ui/detail-focus';
import { formatBytes } from '../../domain/derive/format-time';
import { LIMITS } from '../../domain/limits';
import { useAppStore } from '../../store/app-store';
import { loadTexts } from '../../store/load-texts';
import { readSample, type Sample } from './samples';

/**
 * Loads files picked or dropped: each becomes a source named after the file. A file over the cap is refused
 * before it is read (reading 2 GB into a string would freeze or crash the tab). Like every load the person asks
 * for here, the focus then goes to what was loaded (`requestDetailFocus`).
 */
export async function loadFiles(files: readonly File[]): Promise<void> {
  const store = useAppStore.getState();
  const accepted: File[] = [];
  for (const file of files) {
    if (file.size > LIMITS.file) {
      store.addNotice({
        tone: 'error',
        key: 'load.tooLarge',
        params: {
          name: file.name,
          size: formatBytes(file.size) ?? String(file.size),
          limit: formatBytes(LIMITS.file) ?? '',
        },
      });
    } else {
      accepted.push(file);
    }
  }
  const read = await Promise.all(
    accepted.map((file) =>
      file.text().then(
        (text) => ({ file, text }),
        () => {
          store.addNotice({ tone: 'error', key: 'load.readFailed', params: { name: file.name } });
          return undefined;
        },
      ),
    ),
  );
  await loadTexts(
    read
      .filter((r) => r !== undefined)
      .map(({ file, text }) => ({
        origin: { kind: 'file', fileName: file.name },
        text,
        blob: file,
        maxInputLength: LIMITS.file,
      })),
  );
  requestDetailFocus();
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
