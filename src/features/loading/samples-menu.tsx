import { useDisclosure } from '../../components/ui/use-disclosure';
import { useT } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/messages-en';
import { loadSample } from './load-files';
import { sampleLabel, SAMPLES, type SampleGroup } from './samples';
import './loading.css';

const GROUPS: readonly (readonly [SampleGroup, MessageKey])[] = [
  ['seed', 'load.sample.group.seed'],
  ['docs', 'load.sample.group.docs'],
  ['derived', 'load.sample.group.derived'],
];

/** "Samples": a disclosure listing the published examples, grouped; choosing one loads it. */
export function SamplesMenu() {
  const t = useT();
  const { id, isOpen, root, toggle, close, onKeyDown, onToggle } = useDisclosure();

  return (
    <div className="samples" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        className="button"
        ref={toggle}
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={onToggle}
      >
        {t('load.samples')}
        <span aria-hidden="true" className="button-caret">
          ▾
        </span>
      </button>
      <div id={id} className="samples-popover" hidden={!isOpen}>
        <p className="samples-hint">{t('load.samples.hint')}</p>
        {GROUPS.map(([group, title]) => {
          const samples = SAMPLES.filter((s) => s.group === group);
          if (samples.length === 0) return null;
          const headingId = `${id}-${group}`;
          return (
            <div key={group} className="samples-group">
              <h3 className="samples-group-title" id={headingId}>
                {t(title)}
              </h3>
              <ul className="samples-list" aria-labelledby={headingId}>
                {samples.map((sample) => (
                  <li key={sample.id}>
                    <button
                      type="button"
                      className="samples-item"
                      data-sample={sample.id}
                      onClick={() => {
                        close();
                        void loadSample(sample);
                      }}
                    >
                      {sampleLabel(sample, t)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </div>
  );
}
