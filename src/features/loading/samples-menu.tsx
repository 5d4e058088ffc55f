import { useMenu } from '../../components/ui/use-menu';
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

/**
 * "Samples": a menu button listing the published examples in groups (↑/↓, Home/End, Escape: `useMenu`); choosing
 * one loads it and moves the focus to it.
 */
export function SamplesMenu() {
  const t = useT();
  const { id, isOpen, root, toggle, popover, close, onKeyDown, onToggle } = useMenu({
    items: '[role="menuitem"]',
    closeOnTab: true,
  });
  const buttonId = `${id}-button`;

  return (
    <div className="samples" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        id={buttonId}
        className="button"
        ref={toggle}
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={onToggle}
      >
        {t('load.samples')}
        <span aria-hidden="true" className="button-caret">
          ▾
        </span>
      </button>
      <div className="samples-popover" ref={popover} hidden={!isOpen}>
        <p className="samples-hint" id={`${id}-hint`}>
          {t('load.samples.hint')}
        </p>
        <div role="menu" id={id} aria-labelledby={buttonId} aria-describedby={`${id}-hint`}>
          {GROUPS.map(([group, title]) => {
            const samples = SAMPLES.filter((s) => s.group === group);
            if (samples.length === 0) return null;
            const headingId = `${id}-${group}`;
            return (
              <div key={group} role="group" className="samples-group" aria-labelledby={headingId}>
                <div className="samples-group-title" id={headingId} role="presentation">
                  {t(title)}
                </div>
                {samples.map((sample) => (
                  <button
                    key={sample.id}
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    className="samples-item"
                    data-sample={sample.id}
                    onClick={() => {
                      close();
                      void loadSample(sample);
                    }}
                  >
                    {sampleLabel(sample, t)}
                  </button>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
