import type { ImageChange } from '../../../domain/derive/compare-images';
import { formatBytes } from '../../../domain/derive/format-time';
import type { Translate } from '../../../i18n/i18n';

const signed = (n: number, digits: number): string =>
  `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(digits)}`;

/** One sentence per change, in the interface language; numbers are the derive module's. */
export function imageChangeText(change: ImageChange, t: Translate): string {
  switch (change.kind) {
    case 'rotation':
      return `${t('image.rotation')}: ${t('image.rotationValue', { degrees: change.degrees })} (${t('image.rotationFromRule', { rule: change.rule })})`;
    case 'dimensions-swapped':
      return `${t('image.dimensionsSwapped')}: ${change.from} → ${change.to}`;
    case 'resized':
      return t('ui.image.resized', {
        from: change.from,
        to: change.to,
        scale:
          Math.abs(change.scaleWidth - change.scaleHeight) < 0.005
            ? `×${change.scaleWidth.toFixed(2)}`
            : `×${change.scaleWidth.toFixed(2)} / ×${change.scaleHeight.toFixed(2)}`,
      });
    case 'format':
      return t('ui.image.formatChange', { from: change.from, to: change.to });
    case 'quality':
      return t('ui.image.qualityChange', {
        from: change.from,
        to: change.to,
        delta: signed(change.delta, 0),
      });
    case 'size': {
      const from = formatBytes(change.fromBytes) ?? String(change.fromBytes);
      const to = formatBytes(change.toBytes) ?? String(change.toBytes);
      const percent =
        change.percent === undefined
          ? ''
          : ` (${t('image.sizeChangeValue', { percent: signed(change.percent, 1) })})`;
      return `${t('image.sizeChange')}: ${from} → ${to}${percent}`;
    }
  }
}
