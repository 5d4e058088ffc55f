import type { ReactNode } from 'react';
import type { ImageComparison, ImageSide } from '../../../domain/derive/compare-images';
import { formatBytes } from '../../../domain/derive/format-time';
import { useT } from '../../../i18n/use-i18n';
import { FieldLabel } from '../../../components/ui/field-label';
import { PanelFrame } from '../../../components/ui/panel-frame';
import { imageChangeText } from './image-change-text';
import { ImageBoxes } from './image-boxes';

export interface ImagePanelProps {
  readonly comparison: ImageComparison;
}

/** Only a colour the derive module validated (`#rrggbb`, from `^0x[0-9a-fA-F]{6}$`) ever reaches CSS. */
const SAFE_COLOUR = /^#[0-9a-f]{6}$/;

interface Row {
  readonly id: string;
  readonly label: ReactNode;
  readonly cell: (side: ImageSide) => ReactNode;
}

/** OriginalInfo against ProcessResult, side by side, with the changes stated and the images drawn to scale. */
export function ImagePanel({ comparison }: ImagePanelProps) {
  const t = useT();
  const { before, after, changes, boxes } = comparison;
  const dims = (s: ImageSide): string | undefined =>
    s.width !== undefined && s.height !== undefined
      ? t('image.dimensionsValue', { width: s.width, height: s.height })
      : undefined;
  const none = <span className="ui-muted">—</span>;
  const afterTitle = (i: number) =>
    after.length > 1 ? t('image.outputN', { index: i + 1 }) : t('image.after');

  const rows: Row[] = [
    {
      id: 'key',
      label: <FieldLabel name="Object" />,
      cell: (s) => (s.key === undefined ? none : <span className="ui-mono ui-break">{s.key}</span>),
    },
    {
      id: 'format',
      label: <FieldLabel name="Format" />,
      cell: (s) => (s.format === undefined ? none : <span className="ui-mono">{s.format}</span>),
    },
    {
      id: 'dims',
      label: <span>{t('image.dimensions')}</span>,
      cell: (s) => <span className="ui-num pn-strong">{dims(s) ?? '—'}</span>,
    },
    {
      id: 'ratio',
      label: <span>{t('image.aspectRatio')}</span>,
      cell: (s) =>
        s.aspectRatio === undefined ? (
          none
        ) : (
          <span className="ui-num">
            {s.aspectRatio.text} <span className="ui-muted">({s.aspectRatio.value.toFixed(3)})</span>
          </span>
        ),
    },
    {
      id: 'orientation',
      label: <span>{t('image.orientation')}</span>,
      cell: (s) =>
        s.orientation === undefined && s.exifOrientation === undefined ? (
          none
        ) : (
          <span>
            {s.orientation === undefined ? null : t(`image.orientation.${s.orientation}`)}
            {s.exifOrientation === undefined ? null : (
              <span className="ui-muted">
                {' '}
                (<FieldLabel name="Orientation" parent="ImageInfo" />{' '}
                <span className="ui-mono">{s.exifOrientation}</span>)
              </span>
            )}
          </span>
        ),
    },
    {
      id: 'quality',
      label: <FieldLabel name="Quality" />,
      cell: (s) => (s.quality === undefined ? none : <span className="ui-num">{s.quality}</span>),
    },
    {
      id: 'size',
      label: <FieldLabel name="Size" />,
      cell: (s) =>
        s.sizeBytes === undefined ? (
          none
        ) : (
          <span className="ui-num">
            {formatBytes(s.sizeBytes)}{' '}
            <span className="ui-muted">({t('common.bytes', { value: s.sizeBytes })})</span>
            {s.sizeSource === 'cos-header-Size' ? (
              <span className="pn-note-inline">{t('image.sizeFromHeader')}</span>
            ) : null}
          </span>
        ),
    },
    {
      id: 'etag',
      label: <FieldLabel name="Etag" />,
      cell: (s) => (s.etag === undefined ? none : <span className="ui-mono ui-break">{s.etag}</span>),
    },
    {
      id: 'ave',
      label: <FieldLabel name="Ave" />,
      cell: (s) =>
        s.aveText === undefined ? (
          none
        ) : (
          <span className="pn-ave">
            {s.ave !== undefined && SAFE_COLOUR.test(s.ave) ? (
              <span className="pn-swatch" style={{ backgroundColor: s.ave }} aria-hidden="true" />
            ) : null}
            <span className="ui-mono">{s.aveText}</span>
            {s.ave === undefined ? <span className="pn-warn-text">{t('ui.image.badColour')}</span> : null}
          </span>
        ),
    },
  ];
  const visible = rows.filter(
    (r) => r.id !== 'ave' || before.aveText !== undefined || after.some((a) => a.aveText !== undefined),
  );

  return (
    <PanelFrame name="image" title={t('panel.image.title')}>
      <div className="pn-image-layout">
        <ImageBoxes
          items={[
            {
              id: 'before',
              caption: t('image.before'),
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
        <div
          className="pn-scroll"
          role="region"
          aria-label={t('ui.table.named', { name: t('panel.image.title') })}
          tabIndex={0}
        >
          <table className="pn-table pn-compare">
            <thead>
              <tr>
                <td />
                <th scope="col">{t('image.before')}</th>
                {after.map((_, i) => (
                  <th scope="col" key={i}>
                    {afterTitle(i)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {visible.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.label}</th>
                  <td>{row.cell(before)}</td>
                  {after.map((a, i) => (
                    <td key={i}>{row.cell(a)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {comparison.processRule !== undefined ? (
        <p className="pn-rule">
          <FieldLabel name="ProcessRule" /> <code className="ui-mono ui-break">{comparison.processRule}</code>
        </p>
      ) : null}
      {before.width === undefined && before.format === undefined ? (
        <p className="pn-note">{t('image.noOriginal')}</p>
      ) : null}
      {changes.map((list, i) => (
        <div className="pn-changes" key={i}>
          {after.length > 1 ? <h4 className="pn-subhead">{afterTitle(i)}</h4> : null}
          {list.length === 0 ? (
            <p className="pn-note">{t('image.unchanged')}</p>
          ) : (
            <ul className="pn-change-list">
              {list.map((c, j) => (
                <li key={`${c.kind}-${j}`} data-change={c.kind}>
                  {imageChangeText(c, t)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </PanelFrame>
  );
}
