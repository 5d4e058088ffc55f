import type { SharedText } from '../domain/share/share-link';
import type { Translate } from '../i18n/i18n';
import type { AppData } from './app-store';
import type { LoadedSource, SourceOrigin } from './documents-slice';
import { selectSelectedEntry } from './selectors';

export type ShareScope = 'selected' | 'all';

/** Texts of sources kept in their file (`LoadedSource.inBlob`), once read for a share or a saved set. */
const fileTexts = new WeakMap<Blob, string>();

/** A loaded text, or `undefined` for one still in its file (`readFileTexts` reads it). */
function textOf(source: LoadedSource): string | undefined {
  return source.inBlob && source.blob ? fileTexts.get(source.blob) : source.text;
}

/** Whether some of these sources' texts are still in their files. */
export function hasUnreadFileTexts(sources: readonly LoadedSource[]): boolean {
  return sources.some((s) => textOf(s) === undefined);
}

/** Reads the texts of sources kept in their files (a share of all, a saved set: the person asked for all of it). */
export async function readFileTexts(sources: readonly LoadedSource[]): Promise<void> {
  await Promise.all(
    sources.map(async (s) => {
      if (textOf(s) === undefined && s.blob) fileTexts.set(s.blob, await s.blob.text());
    }),
  );
}

/** The name a loaded text had in the list, carried by the link so the receiver sees the same names. */
export function originName(origin: SourceOrigin, t: Translate, sampleLabel: (id: string) => string): string {
  switch (origin.kind) {
    case 'paste':
      return t('list.name.pasted', { n: origin.n });
    case 'file':
      return origin.fileName;
    case 'sample':
      return sampleLabel(origin.sampleId);
    case 'shared':
      return origin.name;
  }
}

/**
 * The source texts a link carries: the selected document's own text (one payload, even when its source held
 * many), or every loaded text (the draft's first, as the list shows it). Texts of files still unread
 * (`readFileTexts`) are empty: read them first.
 */
export function textsToShare(
  state: Pick<AppData, 'draft' | 'sources' | 'selectedKey'>,
  scope: ShareScope,
  t: Translate,
  sampleLabel: (id: string) => string,
): SharedText[] {
  if (scope === 'selected') {
    const entry = selectSelectedEntry(state);
    if (!entry) return [];
    const source = state.sources.find((s) => s.id === entry.sourceId);
    const name = source ? originName(source.origin, t, sampleLabel) : t('list.name.draft');
    return [{ name, text: entry.doc.source.text }];
  }
  const texts: SharedText[] = [];
  if (state.draft.parsedText.trim() !== '')
    texts.push({ name: t('list.name.draft'), text: state.draft.parsedText });
  for (const s of state.sources)
    texts.push({ name: originName(s.origin, t, sampleLabel), text: textOf(s) ?? '' });
  return texts;
}
