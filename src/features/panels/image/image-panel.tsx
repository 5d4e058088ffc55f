import type { ImageComparison, ImageSide } from '../../../domain/derive/compare-images';
import { rotationFromRule } from '../../../domain/derive/compare-images';
import { useT } from '../../../i18n/use-i18n';
import { FieldLabel } from '../../../components/ui/field-label';
import { PanelFrame } from '../../../components/ui/panel-frame';
import { ImageTable } from '../../../components/image/image-table';
import { ImageBoxes } from './image-boxes';

export interface ImagePanelProps {
  readonly comparison: ImageComparison;
}

/**
 * OriginalInfo against each processed image: the images drawn to scale, then one table with the original and
 * every output as columns (scrolling sideways when there are more than fit), changed values marked.
 */
export function ImagePanel({ comparison }: ImagePanelProps) {
  const t = useT();
  const { before, after, boxes, figures } = comparison;
  const dims = (s: ImageSide): string | undefined =>
    s.width !== undefined && s.height !== undefined
      ? t('image.dimensionsValue', { width: s.width, height: s.height })
      : undefined;
  const afterTitle = (i: number) =>
    after.length > 1 ? t('image.outputN', { index: i + 1 }) : t('image.after');
  const rotation = rotationFromRule(comparison.processRule);

  return (
    <PanelFrame name="image" title={t('panel.image.title')}>
      <div className="pn-image-layout">
        <ImageBoxes
          items={[
            {
              id: 'before',
              caption: t('image.original'),
              ...(dims(before) ? { dimensions: dims(before) } : {}),
              ...(boxes.before ? { box: boxes.before } : {}),
            },
            ...after.map((a, i) => {
              const box = boxes.after[i];
              const d = dims(a);
              return {
                id: `after-${i}`,
                caption: afterTitle(i),
                ...(d ? { dimensions: d } : {}),
                ...(box ? { box } : {}),
              };
            }),
          ]}
        />
        <ImageTable
          label={t('ui.table.named', { name: t('panel.image.title') })}
          original={{ id: 'original', title: t('image.original'), side: before, figures: figures.before }}
          outputs={after.map((side, i) => ({
            id: `output-${i}`,
            title: afterTitle(i),
            side,
            figures: figures.after[i] ?? {},
            ...(rotation === undefined ? {} : { rotation }),
          }))}
        />
      </div>
      {comparison.processRule !== undefined ? (
        <p className="pn-rule">
          <FieldLabel name="ProcessRule" /> <code className="ui-mono ui-break">{comparison.processRule}</code>
        </p>
      ) : null}
      {before.width === undefined && before.format === undefined ? (
        <p className="pn-note">{t('image.noOriginal')}</p>
      ) : null}
    </PanelFrame>
  );
}
