import { useId, useMemo, useState } from 'react';
import { compareImages, rotationFromRule, type ImageComparison } from '../../domain/derive/compare-images';
import { etagsEqual, imageFigures, outputFigures } from '../../domain/derive/image-figures';
import type { CallbackDocument } from '../../domain/model';
import { ImageTable, type OutputColumn } from '../../components/image/image-table';
import { useT } from '../../i18n/use-i18n';
import { useSourcesRead } from '../../store/use-sources-read';
import type { ListEntry } from '../../store/list-entry';
import './compare.css';

/** This callback and up to five others: six columns of outputs is what a page can still read side by side. */
export const MAX_SET = 6;

export interface ImageCompareSetProps {
  readonly entry: ListEntry;
  readonly choices: readonly ListEntry[];
  readonly nameOf: (entry: ListEntry) => string;
}

const isImageEntry = (e: ListEntry): boolean => e.tags.includes('PicProcess');

/** The first job with a PicProcessResult, read from the model only for callbacks in the set. */
function imageOf(doc: CallbackDocument): ImageComparison | undefined {
  const m = doc.model;
  if (m?.kind !== 'jobs') return undefined;
  for (const job of m.jobs) {
    const c = compareImages(job);
    if (c) return c;
  }
  return undefined;
}

function ruleOf(doc: CallbackDocument): string | undefined {
  const m = doc.model;
  return m?.kind === 'jobs'
    ? m.jobs.find((j) => j.operation?.picProcessResult)?.operation?.picProcess?.processRule
    : undefined;
}

/**
 * Several image callbacks of one original (one original through several templates, a re-run) as one table: the
 * original once, then every output of every callback picked, each against that original.
 */
export function ImageCompareSet({ entry, choices, nameOf }: ImageCompareSetProps) {
  const t = useT();
  const id = useId();
  const [picked, setPicked] = useState<readonly string[]>([]);
  // Read and drawn when opened: the models of the callbacks in the set are read on demand.
  const [isOpen, setIsOpen] = useState(false);
  const candidates = useMemo(() => choices.filter(isImageEntry), [choices]);
  const inSet = useMemo(
    () => [
      entry,
      ...picked
        .map((k) => candidates.find((c) => c.key === k))
        .filter((c): c is ListEntry => c !== undefined),
    ],
    [entry, picked, candidates],
  );
  // Callbacks of a large file are read from it when the set is opened.
  const setDocs = useMemo(() => (isOpen ? inSet.map((e) => e.doc) : []), [isOpen, inSet]);
  const isSetRead = useSourcesRead(setDocs) === 'read';
  const table = useMemo(() => {
    if (!isOpen || !isSetRead) return undefined;
    const base = imageOf(entry.doc);
    if (!base) return undefined;
    const outputs: OutputColumn[] = [];
    for (const e of inSet) {
      const c = e === entry ? base : imageOf(e.doc);
      if (!c) continue;
      const rotation = rotationFromRule(ruleOf(e.doc));
      const sameOriginal =
        e === entry ||
        (etagsEqual(c.before.etag, base.before.etag) ??
          (c.before.width === base.before.width && c.before.height === base.before.height));
      const name = e === entry ? t('compare.imageSet.this') : nameOf(e);
      c.after.forEach((side, i) => {
        outputs.push({
          id: `${e.key}-${i}`,
          title: c.after.length > 1 ? t('image.outputN', { index: i + 1 }) : t('image.after'),
          subtitle: sameOriginal ? name : `${name} · ${t('compare.imageSet.otherOriginal')}`,
          side,
          figures: outputFigures(base.before, side, rotation),
          ...(rotation === undefined ? {} : { rotation }),
        });
      });
    }
    return { base, outputs };
  }, [isOpen, isSetRead, entry, inSet, nameOf, t]);

  if (!isImageEntry(entry)) return null;
  const room = MAX_SET - inSet.length;
  const toggle = (key: string) =>
    setPicked((p) =>
      p.includes(key) ? p.filter((k) => k !== key) : p.length < MAX_SET - 1 ? [...p, key] : p,
    );
  return (
    <details
      className="compare-set"
      data-testid="image-compare-set-section"
      onToggle={(e) => setIsOpen(e.currentTarget.open)}
    >
      <summary>{t('compare.imageSet.title')}</summary>
      {candidates.length === 0 ? (
        <p className="compare-note">{t('compare.imageSet.none')}</p>
      ) : (
        <fieldset className="compare-set-picker">
          <legend id={`${id}-legend`}>{t('compare.imageSet.pick', { count: MAX_SET - 1 })}</legend>
          {candidates.map((c) => (
            <label key={c.key} className="compare-set-choice">
              <input
                type="checkbox"
                checked={picked.includes(c.key)}
                disabled={!picked.includes(c.key) && room === 0}
                onChange={() => toggle(c.key)}
                data-testid="image-compare-pick"
                value={c.key}
              />
              <span className="ui-break">
                {nameOf(c)}
                {c.title.id ? ` · ${c.title.id}` : ''}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {table ? (
        <div data-testid="image-compare-set" data-callbacks={inSet.length}>
          <ImageTable
            label={t('ui.table.named', { name: t('compare.imageSet.title') })}
            original={{
              id: 'original',
              title: t('image.original'),
              side: table.base.before,
              figures: imageFigures(table.base.before),
            }}
            outputs={table.outputs}
          />
        </div>
      ) : null}
    </details>
  );
}
