import { lazy, Suspense } from 'react';
import type { CallbackDocument } from '../../domain/model';
import { useDisclosure } from '../../components/ui/use-disclosure';
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

/** "Export": a disclosure with copy, convert, Markdown, save-the-set and curl replay for the selected callback. */
export function ExportMenu({ doc, name, sampleLabel }: ExportMenuProps) {
  const t = useT();
  const { id, isOpen, root, toggle, onKeyDown, onToggle } = useDisclosure();

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
      <div id={id} className="export-popover" hidden={!isOpen}>
        {isOpen ? (
          <Suspense fallback={null}>
            <ExportPanel doc={doc} name={name} sampleLabel={sampleLabel} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
