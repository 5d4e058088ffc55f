import { lazy, Suspense } from 'react';
import type { CallbackDocument } from '../../domain/model';
import { useMenu } from '../../components/ui/use-menu';
import { useT } from '../../i18n/use-i18n';
import './export.css';

// Conversion, Markdown and curl (and the parser conversion needs) load on demand: not in the initial JavaScript.
const ExportPanel = lazy(() => import('./export-panel').then((m) => ({ default: m.ExportPanel })));

export interface ExportMenuProps {
  readonly doc: CallbackDocument;
  /** The document's name in the list, for the converted copy's name. */
  readonly name: string;
  readonly sampleLabel: (sampleId: string) => string;
}

/**
 * "Export": a button opening copy, convert, Markdown, save-the-set and curl replay for the selected callback. It
 * holds an address field, so it is a disclosure rather than a menu, but its keys are a menu's (`useMenu`): it
 * opens on its first action, ↑/↓ and Home/End move between actions, Escape closes it.
 */
export function ExportMenu({ doc, name, sampleLabel }: ExportMenuProps) {
  const t = useT();
  const { id, isOpen, root, toggle, popover, onKeyDown, onToggle, land } = useMenu({
    items: 'button, input',
  });

  return (
    <div className="export" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        className="button"
        ref={toggle}
        data-testid="export-menu"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={onToggle}
      >
        {t('export.button')}
        <span aria-hidden="true" className="button-caret">
          ▾
        </span>
      </button>
      <div id={id} className="export-popover" ref={popover} hidden={!isOpen}>
        {isOpen ? (
          <Suspense fallback={null}>
            <ExportPanel doc={doc} name={name} sampleLabel={sampleLabel} onReady={land} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
