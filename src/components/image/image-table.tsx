import type { ReactNode } from 'react';
import type { ImageFigures, ImageSide, OutputFigures } from '../../domain/derive/compare-images';
import { formatFactor } from '../../domain/derive/image-figures';
import { formatBytes } from '../../domain/derive/format-time';
import { numberFormat, type MessageKey } from '../../i18n/i18n';
import { useLang, useT } from '../../i18n/use-i18n';
import { ScrollX } from './scroll-x';
import './image-table.css';

/** Only a colour the derive module validated (`#rrggbb`, from `^0x[0-9a-fA-F]{6}$`) ever reaches CSS. */
const SAFE_COLOUR = /^#[0-9a-f]{6}$/;

export interface ImageColumn {
  readonly id: string;
  readonly title: string;
  /** A second header line: the callback or template an output came from. */
  readonly subtitle?: string;
  readonly side: ImageSide;
}

export interface OutputColumn extends ImageColumn {
  readonly figures: OutputFigures;
  /** Clockwise degrees this output's ProcessRule turns the image by. */
  readonly rotation?: number;
}

export interface ImageTableProps {
  /** Accessible name of the table's region. */
  readonly label: string;
  readonly original: ImageColumn & { readonly figures: ImageFigures };
  readonly outputs: readonly OutputColumn[];
}

/** `changed` stands out, `same` recedes, `info` is neither (a value that is not compared). */
type CellState = 'changed' | 'same' | 'info';

interface Cell {
  readonly node: ReactNode;
  readonly state: CellState;
}

interface RowSpec {
  readonly id: string;
  readonly label: MessageKey;
  /** The wire name(s) shown on hover. */
  readonly wire: string;
  readonly original: (c: ImageTableProps['original']) => ReactNode;
  readonly output: (c: OutputColumn) => Cell;
}

const none = <span className="ui-muted">—</span>;

/**
 * The original and each output as columns, one row per property: every output's values against the original's,
 * changed ones marked, unchanged ones muted. Wide sets scroll sideways in a marked region; the labels stay.
 */
export function ImageTable({ label, original, outputs }: ImageTableProps) {
  const t = useT();
  const [lang] = useLang();
  const nf = numberFormat(lang);
  const dims = (s: ImageSide) =>
    s.width !== undefined && s.height !== undefined
      ? t('image.dimensionsValue', { width: s.width, height: s.height })
      : undefined;
  const pixels = (n: number | undefined) =>
    n === undefined
      ? undefined
      : n >= 1_000_000
        ? t('image.megapixels', { value: nf.format(n / 1_000_000) })
        : t('image.pixelCount', { value: nf.format(n) });
  const sizeText = (s: ImageSide) =>
    s.sizeBytes === undefined ? undefined : (formatBytes(s.sizeBytes) ?? String(s.sizeBytes));
  const exactBytes = (s: ImageSide) =>
    s.sizeBytes === undefined ? undefined : t('common.bytes', { value: nf.format(s.sizeBytes) });
  const sub = (text: string | undefined, extra = '') =>
    text === undefined ? null : <span className={`im-sub ${extra}`}>{text}</span>;
  const ave = (s: ImageSide) =>
    s.aveText === undefined ? (
      none
    ) : (
      <span className="im-ave">
        {s.ave !== undefined && SAFE_COLOUR.test(s.ave) ? (
          <span className="pn-swatch" style={{ backgroundColor: s.ave }} aria-hidden="true" />
        ) : null}
        <span className="ui-mono">{s.aveText}</span>
        {s.ave === undefined ? <span className="pn-warn-text">{t('ui.image.badColour')}</span> : null}
      </span>
    );
  const exif = (n: number | undefined) =>
    n === undefined ? (
      none
    ) : (
      <>
        <span className="ui-mono">{n}</span>
        {Number.isInteger(n) && n >= 0 && n <= 8 ? sub(t(`image.exif.${n}` as MessageKey)) : null}
      </>
    );

  const rotations = outputs.some((o) => o.rotation !== undefined && o.rotation !== 0);
  const hasExif =
    original.side.exifOrientation !== undefined || outputs.some((o) => o.side.exifOrientation !== undefined);
  const hasAve = original.side.aveText !== undefined || outputs.some((o) => o.side.aveText !== undefined);

  const rows: RowSpec[] = [
    {
      id: 'key',
      label: 'image.object',
      wire: 'Key · ObjectName',
      original: (c) =>
        c.side.key === undefined ? none : <span className="ui-mono ui-break">{c.side.key}</span>,
      output: (c) => ({
        node: c.side.key === undefined ? none : <span className="ui-mono ui-break">{c.side.key}</span>,
        state: 'info',
      }),
    },
    {
      id: 'format',
      label: 'image.format',
      wire: 'Format',
      original: (c) => c.side.format ?? none,
      output: (c) => ({
        node: c.side.format ?? none,
        state: c.figures.formatChanged === undefined ? 'info' : c.figures.formatChanged ? 'changed' : 'same',
      }),
    },
    {
      id: 'dims',
      label: 'image.dimensions',
      wire: 'Width × Height',
      original: (c) => (
        <>
          <span className="ui-num">{dims(c.side) ?? '—'}</span>
          {sub(pixels(c.figures.pixels))}
        </>
      ),
      output: (c) => {
        const s = c.figures.scale;
        const uniform = s !== undefined && Math.abs(s.width - s.height) < 0.005;
        const isSame = s !== undefined && Math.abs(s.width - 1) < 0.0005 && Math.abs(s.height - 1) < 0.0005;
        return {
          node: (
            <>
              <span className="ui-num">{dims(c.side) ?? '—'}</span>
              {sub(pixels(c.figures.pixels))}
              {s === undefined ? null : (
                <span className="im-factor ui-num" title={t('image.scale')}>
                  {uniform ? formatFactor(s.width) : `${formatFactor(s.width)} / ${formatFactor(s.height)}`}
                </span>
              )}
            </>
          ),
          state: s === undefined ? 'info' : isSame ? 'same' : 'changed',
        };
      },
    },
    {
      id: 'ratio',
      label: 'image.aspectRatio',
      wire: 'Width : Height',
      original: (c) =>
        c.side.aspectRatio === undefined ? (
          none
        ) : (
          <>
            <span className="ui-num">{c.side.aspectRatio.text}</span>
            {sub(c.side.orientation ? t(`image.orientation.${c.side.orientation}`) : undefined)}
          </>
        ),
      output: (c) => ({
        node:
          c.side.aspectRatio === undefined ? (
            none
          ) : (
            <>
              <span className="ui-num">{c.side.aspectRatio.text}</span>
              {sub(c.side.orientation ? t(`image.orientation.${c.side.orientation}`) : undefined)}
              {c.figures.swapped ? sub(t('image.dimensionsSwapped'), 'im-flag') : null}
            </>
          ),
        state: c.figures.aspectChanged === undefined ? 'info' : c.figures.aspectChanged ? 'changed' : 'same',
      }),
    },
    ...(rotations
      ? ([
          {
            id: 'rotation',
            label: 'image.rotation',
            wire: 'ProcessRule · rotate',
            original: () => none,
            output: (c: OutputColumn): Cell =>
              c.rotation === undefined || c.rotation === 0
                ? { node: none, state: 'same' }
                : {
                    node: (
                      <>
                        {t('image.rotationValue', { degrees: c.rotation })}
                        {sub(t('image.rotationSource'))}
                      </>
                    ),
                    state: 'changed',
                  },
          },
        ] satisfies RowSpec[])
      : []),
    ...(hasExif
      ? ([
          {
            id: 'exif',
            label: 'image.exifOrientation',
            wire: 'ImageInfo.Orientation',
            original: (c: ImageTableProps['original']) => exif(c.side.exifOrientation),
            output: (c: OutputColumn): Cell => ({ node: exif(c.side.exifOrientation), state: 'info' }),
          },
        ] satisfies RowSpec[])
      : []),
    {
      id: 'quality',
      label: 'image.quality',
      wire: 'Quality',
      original: (c) =>
        c.side.quality === undefined ? none : <span className="ui-num">{c.side.quality}</span>,
      output: (c) => {
        const q = c.figures.quality;
        const value = c.side.quality === undefined ? none : <span className="ui-num">{c.side.quality}</span>;
        if (q === undefined) return { node: value, state: 'info' };
        if (q.kind === 'not-comparable')
          return {
            node: (
              <>
                {value}
                {sub(t('image.qualityNotComparable'), 'im-flag')}
              </>
            ),
            state: 'info',
          };
        if (q.kind === 'same') return { node: value, state: 'same' };
        return {
          node: (
            <>
              {value}{' '}
              <span className="im-delta ui-num">
                ({q.delta > 0 ? '+' : '−'}
                {Math.abs(q.delta)})
              </span>
            </>
          ),
          state: 'changed',
        };
      },
    },
    {
      id: 'size',
      label: 'image.size',
      wire: 'Size',
      original: (c) =>
        c.side.sizeBytes === undefined ? (
          sub(t('image.sizeUnknown'))
        ) : (
          <>
            <span className="ui-num">{sizeText(c.side)}</span>
            {sub(exactBytes(c.side))}
            {c.side.sizeSource === 'cos-header-Size' || c.side.sizeSource === 'cos-header-Content-Length'
              ? sub(
                  t('image.sizeFromHeaderName', {
                    name: c.side.sizeSource === 'cos-header-Size' ? 'Size' : 'Content-Length',
                  }),
                )
              : null}
          </>
        ),
      output: (c) => {
        const p = c.figures.percentOfOriginal;
        return {
          node:
            c.side.sizeBytes === undefined ? (
              none
            ) : (
              <>
                <span className="ui-num">{sizeText(c.side)}</span>
                {sub(exactBytes(c.side))}
                {p === undefined ? null : (
                  <span className="im-factor ui-num">
                    {t('image.percentOfOriginal', {
                      percent: numberFormat(lang, 'significant').format(p),
                    })}
                  </span>
                )}
              </>
            ),
          state: p === undefined ? 'info' : original.side.sizeBytes === c.side.sizeBytes ? 'same' : 'changed',
        };
      },
    },
    {
      id: 'bpp',
      label: 'image.bitsPerPixel',
      wire: 'Size × 8 ÷ (Width × Height)',
      original: (c) =>
        c.figures.bitsPerPixel === undefined ? (
          none
        ) : (
          <span className="ui-num">{nf.format(c.figures.bitsPerPixel)}</span>
        ),
      output: (c) => ({
        node:
          c.figures.bitsPerPixel === undefined ? (
            none
          ) : (
            <span className="ui-num">{nf.format(c.figures.bitsPerPixel)}</span>
          ),
        state: 'info',
      }),
    },
    ...(hasAve
      ? ([
          {
            id: 'ave',
            label: 'image.averageColour',
            wire: 'Ave',
            original: (c: ImageTableProps['original']) => ave(c.side),
            output: (c: OutputColumn): Cell => {
              const d = c.figures.colourDifference;
              return {
                node: (
                  <>
                    {ave(c.side)}
                    {d === undefined ? null : (
                      <span className="im-factor ui-num" title={t('image.colourDifferenceHint')}>
                        {t('image.colourDifference', { value: d.toFixed(1) })}
                      </span>
                    )}
                  </>
                ),
                state: d === undefined ? 'info' : d >= 1 ? 'changed' : 'same',
              };
            },
          },
        ] satisfies RowSpec[])
      : []),
    {
      id: 'etag',
      label: 'image.etag',
      wire: 'ETag · Etag',
      original: (c) =>
        c.side.etag === undefined ? none : <span className="ui-mono ui-break">{c.side.etag}</span>,
      output: (c) => {
        const eq = c.figures.etagEqual;
        return {
          node: (
            <>
              {c.side.etag === undefined ? none : <span className="ui-mono ui-break">{c.side.etag}</span>}
              {eq === undefined ? null : sub(t(eq ? 'image.etagSame' : 'image.etagDifferent'))}
            </>
          ),
          state: eq === undefined ? 'info' : eq ? 'same' : 'changed',
        };
      },
    },
  ];

  return (
    <ScrollX label={label}>
      <table className="im-table" data-testid="image-table">
        <thead>
          <tr>
            <td className="im-corner" />
            {[original, ...outputs].map((c, i) => (
              <th scope="col" key={c.id} className={i === 0 ? 'im-col-original' : undefined}>
                {c.title}
                {c.subtitle === undefined ? null : <span className="im-sub ui-break">{c.subtitle}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-row={row.id}>
              <th scope="row" title={row.wire} data-wire={row.wire}>
                {t(row.label)}
              </th>
              <td className="im-col-original">{row.original(original)}</td>
              {outputs.map((c) => {
                const cell = row.output(c);
                return (
                  <td key={c.id} className={`im-${cell.state}`} data-state={cell.state}>
                    {cell.state === 'changed' ? (
                      <span className="visually-hidden">{t('image.changedMark')} </span>
                    ) : null}
                    {cell.node}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}
