import { requestDetailFocus } from '../../components/ui/detail-focus';
import { formatBytes } from '../../domain/derive/format-time';
import { LIMITS } from '../../domain/limits';
import { useAppStore } from '../../store/app-store';
import { loadTexts, type TextToLoad } from '../../store/load-texts';
import { STREAM_THRESHOLD } from '../../store/stream-source';
import { gunzipIfCompressed } from './gunzip';

/**
 * Loads files picked or dropped: each becomes a source named after the file. A large file is not read here: the
 * worker reads it in chunks and the page keeps the `File` (`inBlob`), reading a callback's bytes when it is shown,
 * so a log of gigabytes loads without its text ever being one string. A file over the cap is refused before it is
 * read. A gzip-compressed file is inflated first. Like every load the person asks for here, the focus then goes to what was loaded (`requestDetailFocus`).
 */
export async function loadFiles(files: readonly File[]): Promise<void> {
  const store = useAppStore.getState();
  const refuse = (file: File, limit: number): void =>
    store.addNotice({
      tone: 'error',
      key: 'load.tooLarge',
      params: {
        name: file.name,
        size: formatBytes(file.size) ?? String(file.size),
        limit: formatBytes(limit) ?? '',
      },
    });
  const accepted = files.filter((file) => {
    if (file.size <= LIMITS.file) return true;
    refuse(file, LIMITS.file);
    return false;
  });
  const read = await Promise.all(
    accepted.map(async (file): Promise<TextToLoad | undefined> => {
      const origin = { kind: 'file', fileName: file.name } as const;
      try {
        // A gzip-compressed log is read as the text it holds (and kept so for a reload).
        const gunzipped = await gunzipIfCompressed(file, LIMITS.file);
        if (gunzipped.kind === 'tooLarge' || gunzipped.kind === 'corrupt') {
          store.addNotice({
            tone: 'error',
            key: gunzipped.kind === 'tooLarge' ? 'load.gzip.tooLarge' : 'load.gzip.corrupt',
            params: { name: file.name, limit: formatBytes(LIMITS.file) ?? '' },
          });
          return undefined;
        }
        const blob = gunzipped.kind === 'inflated' ? gunzipped.blob : file;
        if (blob.size >= STREAM_THRESHOLD && !(await mayBeSavedSet(blob)))
          return { origin, text: '', blob, inBlob: true };
        if (blob.size > LIMITS.wholeFile) {
          refuse(file, LIMITS.wholeFile);
          return undefined;
        }
        return { origin, text: await blob.text(), blob, maxInputLength: LIMITS.file };
      } catch {
        store.addNotice({ tone: 'error', key: 'load.readFailed', params: { name: file.name } });
        return undefined;
      }
    }),
  );
  await loadTexts(read.filter((r) => r !== undefined));
  requestDetailFocus();
}

/** A saved set ("Save the loaded set") is one JSON value, read whole: its first bytes say whether it may be one. */
async function mayBeSavedSet(file: Blob): Promise<boolean> {
  const head = await file.slice(0, 4096).text();
  return head.trimStart().startsWith('{') && head.includes('"format"');
}
