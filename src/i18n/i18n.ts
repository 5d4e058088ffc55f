/**
 * Pure i18n helpers: no React, no DOM, no storage. The React side is `use-i18n.tsx`.
 */
import type { MessageKey, Messages, MessageText, PluralMessage } from './messages-en';

export type { MessageKey, Messages, MessageText, PluralMessage };

export type Lang = 'en' | 'zh';

export const LANGS: readonly Lang[] = ['en', 'zh'];

/** localStorage key of the language the person chose (written only when they switch). */
export const LANG_STORAGE_KEY = 'ci-viewer.lang';

export type MessageParams = Readonly<Record<string, string | number>>;

/** `t(key, params)`: what `useT()` returns. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * Reads a language tag: `zh`, `zh-CN`, `zh-Hans-CN`… → `zh`; `en`, `en-GB`… → `en`; anything else → undefined.
 * Case-insensitive; `_` is accepted as a separator (`zh_CN`).
 */
export function toLang(tag: string | null | undefined): Lang | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh';
  if (primary === 'en') return 'en';
  return undefined;
}

/** The `lang` query parameter, when it names a supported language (`?lang=zh`, `?lang=en`). */
export function langFromSearch(search: string): Lang | undefined {
  const query = search.startsWith('?') ? search.slice(1) : search;
  return toLang(new URLSearchParams(query).get('lang'));
}

/**
 * The interface language: `?lang=zh|en` in the query string wins; otherwise the first of the browser's
 * languages that is Chinese or English decides (`['fr', 'zh-CN']` → zh, `['en-US', 'zh-CN']` → en);
 * otherwise English.
 */
export function detectLang(search: string, navigatorLanguages: readonly string[]): Lang {
  const forced = langFromSearch(search);
  if (forced) return forced;
  for (const tag of navigatorLanguages) {
    const lang = toLang(tag);
    if (lang) return lang;
  }
  return 'en';
}

/**
 * The language on load: `?lang=` always wins, then the person's remembered choice, then the browser's languages.
 * `stored` is the raw localStorage value (anything unexpected in it is ignored).
 */
export function resolveInitialLang(
  search: string,
  stored: string | null | undefined,
  navigatorLanguages: readonly string[],
): Lang {
  return (
    langFromSearch(search) ??
    (stored === 'en' || stored === 'zh' ? stored : undefined) ??
    detectLang('', navigatorLanguages)
  );
}

/** The value for `<html lang>`. */
export function htmlLang(lang: Lang): 'zh-CN' | 'en' {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/**
 * Fills `{name}` placeholders. A placeholder without a parameter is left as written, so a missing parameter
 * shows up on screen instead of vanishing. Only own properties of `params` are used.
 */
export function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * The message for `key` in `messages`, with its placeholders filled. Falls back to the key itself.
 * A count message picks its form by the `{count}` parameter under `lang`'s plural rules (`Intl.PluralRules`);
 * without a numeric `count` it takes `other`.
 */
export function translate(
  messages: Messages,
  key: MessageKey,
  params?: MessageParams,
  lang: Lang = 'en',
): string {
  const text: MessageText | undefined = Object.hasOwn(messages, key) ? messages[key] : undefined;
  if (text === undefined) return format(key, params);
  return format(typeof text === 'string' ? text : pluralForm(text, params?.count, lang), params);
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The form of a count message for `count` (a number, or digits as text) in `lang`. */
export function pluralForm(message: PluralMessage, count: unknown, lang: Lang): string {
  const n = typeof count === 'number' ? count : typeof count === 'string' ? Number(count) : NaN;
  if (!Number.isFinite(n)) return message.other;
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(htmlLang(lang));
    pluralRules.set(lang, rules);
  }
  return message[rules.select(n)] ?? message.other;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number format of `lang` with at most two decimals (`'fraction'`) or three significant digits (`'significant'`),
 * made once and kept.
 */
export function numberFormat(lang: Lang, digits: 'fraction' | 'significant' = 'fraction'): Intl.NumberFormat {
  const key = `${lang} ${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      htmlLang(lang),
      digits === 'fraction' ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 3 },
    );
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * Makes `lang`'s number format and plural rules ahead of need, for the page to call while idle: the first Intl
 * object a page makes loads ICU's data, about 50 ms in Chromium, and it fell in the render of the first callback's
 * panels during a large load (one of its long tasks).
 */
export function warmUpIntl(lang: Lang): void {
  numberFormat(lang).format(1.5);
  pluralForm({ other: '' }, 1, lang);
}

/** Narrows a computed string (`state.${x}.gloss`) to a key of `messages`. */
export function isMessageKey(messages: Messages, key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

const GLOSSED_STATES: ReadonlySet<string> = new Set([
  'Success',
  'Failed',
  'Submitted',
  'Running',
  'Pause',
  'Cancel',
  'Invalid',
  'Unknown',
]);

/** The key of the short gloss shown beside a State value (the value itself stays Tencent's word). */
export function stateGlossKey(state: string): MessageKey {
  return GLOSSED_STATES.has(state) ? (`state.${state}.gloss` as MessageKey) : 'state.other.gloss';
}

/** Picks the language's text from a value that carries both (diagnostics carry `{ en, zh }`). */
export function localize(text: { readonly en: string; readonly zh: string }, lang: Lang): string {
  return lang === 'zh' ? text.zh : text.en;
}

/** Any glossary: wire name or `Parent.Child` → one sentence. */
export type FieldGlossaryTable = Readonly<Record<string, string>>;

/**
 * Looks a node up in a field glossary: `Parent.Child` first (the same name means different things under
 * different parents: `Input.Object` vs `Output.Object`), then the plain name.
 * `parent` is the parent element's name or a whole path (`Response.JobsDetail.Input`, `Tasks[0]`, `Tasks.0`):
 * only its last element name counts.
 */
export function lookupFieldHelp(
  glossary: FieldGlossaryTable,
  wireName: string,
  parent?: string,
): string | undefined {
  const parentName = parent === undefined ? undefined : lastElementName(parent);
  if (parentName) {
    const qualified = `${parentName}.${wireName}`;
    if (Object.hasOwn(glossary, qualified)) return glossary[qualified];
  }
  return Object.hasOwn(glossary, wireName) ? glossary[wireName] : undefined;
}

function lastElementName(path: string): string | undefined {
  const names = path
    .split(/[./]/)
    .map((segment) => segment.replace(/\[\d*\]$/, '').trim())
    .filter((segment) => segment !== '' && !/^\d+$/.test(segment));
  return names[names.length - 1];
}
