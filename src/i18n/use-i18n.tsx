/**
 * The interface language in React: `I18nProvider` at the root, `useT()` / `useLang()` / `useFieldHelp()` below.
 * English UI messages are bundled (the fallback); Chinese ones load on demand (`loadMessages`, awaited before
 * the first render by `main.tsx`), as do the field glossaries: the initial JavaScript carries one language.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { getLoadedFieldGlossary, loadFieldGlossary, subscribeFieldGlossary } from './field-glossary';
import {
  htmlLang,
  LANG_STORAGE_KEY,
  langFromSearch,
  lookupFieldHelp,
  resolveInitialLang,
  translate,
  type Lang,
  type Translate,
} from './i18n';
import { en, type Messages } from './messages-en';

const loaded: Partial<Record<Lang, Messages>> = { en };

/** The language's messages, loaded once (Chinese is a chunk of its own). */
export async function loadMessages(lang: Lang): Promise<Messages> {
  const known = loaded[lang];
  if (known) return known;
  const messages = (await import('./messages-zh')).zh;
  loaded[lang] = messages;
  return messages;
}

/** The language the page opens in (`?lang=`, the stored choice, the browser's languages). */
export function initialLang(): Lang {
  return readInitialLang();
}

interface I18nContextValue {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  readonly t: Translate;
}

/** Without a provider (a component rendered alone in a test) the interface is English and cannot switch. */
const fallbackContext: I18nContextValue = {
  lang: 'en',
  setLang: () => undefined,
  t: (key, params) => translate(en, key, params),
};

const I18nContext = createContext<I18nContextValue>(fallbackContext);

export interface I18nProviderProps {
  readonly children: ReactNode;
  /** Overrides detection (tests, a server render); otherwise `?lang=`, then the stored choice, then the browser. */
  readonly initialLang?: Lang;
}

export function I18nProvider({ children, initialLang: forced }: I18nProviderProps) {
  const [lang, setLangState] = useState<Lang>(() => forced ?? readInitialLang());
  // Bumped when a language's messages arrive, so the texts follow.
  const [, setArrived] = useState(0);
  const messages = loaded[lang];

  useEffect(() => {
    if (messages) return;
    let live = true;
    loadMessages(lang)
      .then(() => live && setArrived((n) => n + 1))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [lang, messages]);

  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    rememberLang(next);
  }, []);

  const value = useMemo<I18nContextValue>(() => {
    // Until a language's chunk arrives (it is awaited before the first render), English stands in.
    const shown = messages ?? en;
    return { lang, setLang, t: (key, params) => translate(shown, key, params, lang) };
  }, [lang, setLang, messages]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

/** `t(key, params?)` in the current language. */
export function useT(): Translate {
  return useContext(I18nContext).t;
}

/** The current language and the switch (the switch is remembered on this device). */
export function useLang(): readonly [Lang, (lang: Lang) => void] {
  const { lang, setLang } = useContext(I18nContext);
  return [lang, setLang] as const;
}

/**
 * `(wireName, parent?) => explanation | undefined` in the current language. The glossary chunk loads on first
 * use; until it arrives the function returns undefined, and the component re-renders once it has.
 * `parent` is the parent element's name or a path ending with it (`Response.JobsDetail.Input`).
 */
export function useFieldHelp(): (wireName: string, parent?: string) => string | undefined {
  const [lang] = useLang();
  const glossary = useSyncExternalStore(
    subscribeFieldGlossary,
    () => getLoadedFieldGlossary(lang),
    () => getLoadedFieldGlossary(lang),
  );

  useEffect(() => {
    // A failed chunk load (offline) leaves the hints absent; the next mount or language switch tries again.
    if (!glossary) loadFieldGlossary(lang).catch(() => undefined);
  }, [glossary, lang]);

  return useCallback(
    (wireName: string, parent?: string) =>
      glossary ? lookupFieldHelp(glossary, wireName, parent) : undefined,
    [glossary],
  );
}

function readInitialLang(): Lang {
  if (typeof window === 'undefined') return 'en';
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return resolveInitialLang(window.location.search, readStoredLang(), languages);
}

function readStoredLang(): string | null {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    // Storage can be disabled (privacy settings, sandboxed frames): the browser's language decides then.
    return null;
  }
}

function rememberLang(lang: Lang): void {
  if (typeof window === 'undefined') return;
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not remembered; the switch still applies to this page.
  }
  // `?lang=` wins on load, so a switch updates it in place; otherwise a reload would undo the switch.
  // The fragment (a share link's payload) is kept as it is.
  const url = new URL(window.location.href);
  if (langFromSearch(url.search) !== undefined && url.searchParams.get('lang') !== lang) {
    url.searchParams.set('lang', lang);
    window.history.replaceState(window.history.state, '', url);
  }
}
