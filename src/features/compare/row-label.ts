import type { FactLabel } from '../../domain/derive/compare-documents';
import type { MessageKey, Translate } from '../../i18n/i18n';

/** Image facts of the original carry no output number. */
const IMAGE = 'image.';

/**
 * A comparison row's label in the interface language: which job, task or output it belongs to, then the thing
 * itself (`Output 1 · Quality`, `Task 2 · End time`, `COS header Size`).
 */
export function rowLabel(label: FactLabel, t: Translate): string {
  const parts: string[] = [];
  if (label.job !== undefined) parts.push(t('compare.jobN', { index: label.job }));
  if (label.task !== undefined) parts.push(t('compare.taskN', { index: label.task }));
  if (label.id.startsWith(IMAGE) && label.output === undefined) parts.push(t('image.original'));
  else if (label.output !== undefined) parts.push(t('image.outputN', { index: label.output }));
  const own = t(`meaning.${label.id}` as MessageKey, label.name === undefined ? {} : { name: label.name });
  parts.push(own.startsWith('meaning.') ? (label.name ?? label.id) : own);
  return parts.join(' · ');
}
