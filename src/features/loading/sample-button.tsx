import { useT } from '../../i18n/use-i18n';
import { findSample, FIRST_SAMPLE_ID, sampleLabel } from './samples';
import { loadSample } from './load-files';
import './loading.css';

/** One click to a full callback, for a first visit (the list's empty state). */
export function SampleButton() {
  const t = useT();
  const sample = findSample(FIRST_SAMPLE_ID);
  if (!sample) return null;
  return (
    <button type="button" className="button button-primary" onClick={() => void loadSample(sample)}>
      {t('load.sample.tryFirst', { name: sampleLabel(sample, t) })}
    </button>
  );
}
