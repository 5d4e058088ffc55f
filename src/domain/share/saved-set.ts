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

/**
 * What a loaded text is, as a saved set: not one (it is parsed as callbacks), a set (its texts, with the count of
 * entries that hold no text), or a file that presents itself as a set but cannot be loaded as one, with why. A
 * person who opens such a file is told why, never left with nothing.
 */
export type SavedSetReading =
  | { readonly kind: 'none' }
  | { readonly kind: 'set'; readonly texts: readonly SavedText[]; readonly unreadable: number }
  | {
      readonly kind: 'refused';
      /**
       * `empty`: a set of this app with no text in it; `version`: written by another version of this app;
       * `no-documents`: marked as this app's set, without its list of documents; `foreign`: a set of another
       * tool or format (`format` names it).
       */
      readonly reason: 'empty' | 'version' | 'no-documents' | 'foreign';
      readonly detail?: string;
    };

const NOT_A_SET: SavedSetReading = { kind: 'none' };

/** Reads a text as a saved set (see `SavedSetReading`). Only a JSON object with a `format` member is looked at. */
export function readSavedSet(text: string): SavedSetReading {
  if (!text.trimStart().startsWith('{') || !text.includes('"format"')) return NOT_A_SET;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Not JSON as a whole (a damaged set, or callbacks run together): the parser says where it breaks.
    return NOT_A_SET;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return NOT_A_SET;
  const { format, version, documents } = data as { format?: unknown; version?: unknown; documents?: unknown };
  if (typeof format !== 'string') return NOT_A_SET;
  if (format !== SAVED_SET_FORMAT) {
    // A callback has no `format` member; a file with one and a list of documents is somebody else's set.
    return Array.isArray(documents) ? { kind: 'refused', reason: 'foreign', detail: format } : NOT_A_SET;
  }
  if (!Array.isArray(documents)) return { kind: 'refused', reason: 'no-documents' };
  if (version !== undefined && version !== SAVED_SET_VERSION)
    return { kind: 'refused', reason: 'version', detail: String(version) };
  const texts: SavedText[] = [];
  for (const d of documents as unknown[]) {
    if (d && typeof d === 'object' && typeof (d as { text?: unknown }).text === 'string') {
      const name = (d as { name?: unknown }).name;
      texts.push({ name: typeof name === 'string' ? name : '', text: (d as { text: string }).text });
    }
  }
  if (texts.length === 0) return { kind: 'refused', reason: 'empty' };
  return { kind: 'set', texts, unreadable: documents.length - texts.length };
}
