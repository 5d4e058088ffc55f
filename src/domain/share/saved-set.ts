/**
 * "Save the loaded set": one file holding every loaded source text with its name, that loads back into the app.
 * Plain JSON, so it can be read and diffed; recognised by its `format` field before anything else parses it.
 */
export const SAVED_SET_FORMAT = 'ci-callback-viewer/set';
export const SAVED_SET_VERSION = 1;

export interface SavedText {
  readonly name: string;
  readonly text: string;
}

export function writeSavedSet(texts: readonly SavedText[], savedAt: Date = new Date()): string {
  return JSON.stringify(
    {
      format: SAVED_SET_FORMAT,
      version: SAVED_SET_VERSION,
      savedAt: savedAt.toISOString(),
      documents: texts.map(({ name, text }) => ({ name, text })),
    },
    null,
    2,
  );
}

/** The texts of a saved set, or `undefined` when the text is not one (then it is parsed as callbacks). */
export function readSavedSet(text: string): SavedText[] | undefined {
  if (!text.trimStart().startsWith('{') || !text.includes(SAVED_SET_FORMAT)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const { format, documents } = data as { format?: unknown; documents?: unknown };
  if (format !== SAVED_SET_FORMAT || !Array.isArray(documents)) return undefined;
  const out: SavedText[] = [];
  for (const d of documents) {
    if (d && typeof d === 'object' && typeof (d as { text?: unknown }).text === 'string') {
      const name = (d as { name?: unknown }).name;
      out.push({ name: typeof name === 'string' ? name : '', text: (d as { text: string }).text });
    }
  }
  return out;
}
