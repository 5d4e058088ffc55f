import type { Translate } from '../i18n/i18n';
import type { EntryName, ListEntry } from './list-entry';

/** The entry's name in the list: the file, "Draft", "Pasted #n" or the sample; "· 2/3" when its text held several. */
export function entryName(entry: ListEntry, t: Translate, sampleLabel: (sampleId: string) => string): string {
  const base = originName(entry.name, t, sampleLabel);
  return entry.size.count > 1 ? `${base} · ${entry.position}/${entry.size.count}` : base;
}

/** The name of the text a document came from: the file, "Draft", "Pasted #n", the shared name or the sample. */
export function originName(name: EntryName, t: Translate, sampleLabel: (sampleId: string) => string): string {
  return name.kind === 'draft'
    ? t('list.name.draft')
    : name.kind === 'paste'
      ? t('list.name.pasted', { n: name.n })
      : name.kind === 'file'
        ? name.fileName
        : name.kind === 'shared'
          ? name.name || t('list.name.shared')
          : sampleLabel(name.sampleId);
}
