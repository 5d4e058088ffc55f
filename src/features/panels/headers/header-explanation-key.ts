import type { HeaderExplanationKey } from '../../../domain/derive/cos-headers';
import { isMessageKey, type MessageKey } from '../../../i18n/i18n';
import { en } from '../../../i18n/messages-en';

/** The message explaining a known header, when the interface has one (`event-name` is spelled `eventname` there). */
export function headerExplanationKey(key: HeaderExplanationKey | undefined): MessageKey | undefined {
  if (key === undefined) return undefined;
  for (const candidate of [`headers.known.${key}`, `headers.known.${key.replace(/-/g, '')}`]) {
    if (isMessageKey(en, candidate)) return candidate;
  }
  return undefined;
}
