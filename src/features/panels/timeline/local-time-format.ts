import type { Lang } from '../../../i18n/i18n';

const cache = new Map<Lang, Intl.DateTimeFormat>();

/**
 * The viewer's local time in the interface language, with the time zone's name. `Intl` is only used for the
 * viewer's own zone; the payload's offset is formatted by arithmetic (derive/format-time).
 */
export function localTimeFormat(lang: Lang): Intl.DateTimeFormat {
  let format = cache.get(lang);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    cache.set(lang, format);
  }
  return format;
}

export function formatLocalTime(epochMs: number, lang: Lang): string {
  try {
    return localTimeFormat(lang).format(new Date(epochMs));
  } catch {
    return new Date(epochMs).toISOString();
  }
}
