/**
 * Loads the field glossaries on demand: they are big and only the Raw tree and field hints need them, so each
 * language is its own chunk (dynamic `import()`), fetched once and cached for the page's life.
 * No React here; `useFieldHelp()` in `use-i18n.tsx` subscribes to it.
 */
import type { FieldGlossaryTable, Lang } from './i18n';

const loaded = new Map<Lang, FieldGlossaryTable>();
const pending = new Map<Lang, Promise<FieldGlossaryTable>>();
const listeners = new Set<() => void>();

function importGlossary(lang: Lang): Promise<FieldGlossaryTable> {
  // Two literal import() calls, so the bundler makes one chunk per language.
  return lang === 'zh'
    ? import('./fields-zh').then((module) => module.fieldsZh)
    : import('./fields-en').then((module) => module.fieldsEn);
}

/** Starts loading (once) and resolves with the glossary; a failed load may be retried by calling again. */
export function loadFieldGlossary(lang: Lang): Promise<FieldGlossaryTable> {
  const done = loaded.get(lang);
  if (done) return Promise.resolve(done);
  const inFlight = pending.get(lang);
  if (inFlight) return inFlight;
  const request = importGlossary(lang).then(
    (glossary) => {
      loaded.set(lang, glossary);
      pending.delete(lang);
      for (const listener of listeners) listener();
      return glossary;
    },
    (error: unknown) => {
      pending.delete(lang);
      throw error;
    },
  );
  pending.set(lang, request);
  return request;
}

/** The glossary if it has finished loading, else undefined. Stable identity: usable as a store snapshot. */
export function getLoadedFieldGlossary(lang: Lang): FieldGlossaryTable | undefined {
  return loaded.get(lang);
}

/** Called after any glossary finishes loading. Returns the unsubscribe function. */
export function subscribeFieldGlossary(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
