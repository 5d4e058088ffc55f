import type { ImageBox } from '../../../domain/derive/compare-images';

export interface ImageBoxItem {
  readonly id: string;
  readonly caption: string;
  /** "500 × 417", shown under the box (a small output's box is too small to hold it). */
  readonly dimensions?: string;
  readonly box?: ImageBox;
}

export interface ImageBoxesProps {
  readonly items: readonly ImageBoxItem[];
  /** Side of the largest box, in CSS pixels. */
  readonly size?: number;
}

/** The smallest side drawn, so a thumbnail beside a large original stays visible as a box, not a dot. */
const MIN_SIDE = 8;

/** Each image as a box drawn in proportion to the others (the largest dimension of all is `size` pixels). */
export function ImageBoxes({ items, size = 112 }: ImageBoxesProps) {
  return (
    <div className="pn-boxes" aria-hidden="true">
      {items.map((item, i) => (
        <figure className="pn-box-figure" key={item.id}>
          <div className="pn-box-frame" style={{ height: `${size}px`, width: `${size}px` }}>
            {item.box ? (
              <div
                className={`pn-box ${i === 0 ? 'pn-box-before' : 'pn-box-after'}`}
                style={{
                  width: `${Math.max(MIN_SIDE, item.box.width * size)}px`,
                  height: `${Math.max(MIN_SIDE, item.box.height * size)}px`,
                }}
              />
            ) : (
              <div className="pn-box pn-box-unknown">?</div>
            )}
          </div>
          <figcaption className="pn-box-caption">
            {item.caption}
            {item.dimensions ? <span className="pn-box-dims ui-num">{item.dimensions}</span> : null}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}
