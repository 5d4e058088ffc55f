import type { ImageBox } from '../../../domain/derive/compare-images';

export interface ImageBoxItem {
  readonly id: string;
  readonly caption: string;
  /** "500 × 417", shown inside the box. */
  readonly dimensions?: string;
  readonly box?: ImageBox;
}

export interface ImageBoxesProps {
  readonly items: readonly ImageBoxItem[];
  /** Side of the largest box, in CSS pixels. */
  readonly size?: number;
}

/** Each image as a box drawn in proportion to the others (the largest dimension of all is `size` pixels). */
export function ImageBoxes({ items, size = 132 }: ImageBoxesProps) {
  return (
    <div className="pn-boxes" aria-hidden="true">
      {items.map((item, i) => (
        <div className="pn-box-cell" key={item.id}>
          {i > 0 ? <span className="pn-box-arrow">→</span> : null}
          <figure className="pn-box-figure">
            <div className="pn-box-frame" style={{ height: `${size}px` }}>
              {item.box ? (
                <div
                  className={`pn-box ${i === 0 ? 'pn-box-before' : 'pn-box-after'}`}
                  style={{
                    width: `${Math.max(4, item.box.width * size)}px`,
                    height: `${Math.max(4, item.box.height * size)}px`,
                  }}
                >
                  <span className="pn-box-dims ui-num">{item.dimensions}</span>
                </div>
              ) : (
                <div className="pn-box pn-box-unknown">?</div>
              )}
            </div>
            <figcaption className="pn-box-caption">{item.caption}</figcaption>
          </figure>
        </div>
      ))}
    </div>
  );
}
