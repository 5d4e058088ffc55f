import { useEffect, useMemo } from 'react';
import { CopyButton } from '../../components/ui/copy-button';
import type { CallbackDocument } from '../../domain/model';
import { toTencentJson, toTencentXml } from '../../domain/share/convert';
import { toMarkdownSummary } from '../../domain/share/markdown';
import { useT } from '../../i18n/use-i18n';
import { LoadTextButton } from '../../components/ui/load-text-button';
import { CurlReplay } from './curl-replay';
import { SaveSetButton } from './save-set-button';
import './export.css';

export interface ExportPanelProps {
  readonly doc: CallbackDocument;
  readonly name: string;
  readonly sampleLabel: (sampleId: string) => string;
  /** Called once the actions are on screen (the menu puts the focus on the first). */
  readonly onReady?: () => void;
}

/** What the Export disclosure holds; each text is made once per document. */
export function ExportPanel({ doc, name, sampleLabel, onReady }: ExportPanelProps) {
  const t = useT();
  const modelJson = useMemo(() => (doc.model ? JSON.stringify(doc.model, null, 2) : undefined), [doc]);
  const toFormat = doc.format === 'json' ? 'XML' : 'JSON';
  const converted = useMemo(() => {
    if (doc.state === 'Invalid' || doc.format === 'text') return undefined;
    return doc.format === 'json' ? toTencentXml(doc) : toTencentJson(doc);
  }, [doc]);
  const markdown = useMemo(() => (doc.model ? toMarkdownSummary(doc) : undefined), [doc]);
  const convertLabel = t(doc.format === 'json' ? 'export.toXml' : 'export.toJson');
  useEffect(() => {
    onReady?.();
  }, [onReady]);

  return (
    <div className="export-panel">
      <h3 className="export-title">{t('export.title')}</h3>
      <ul className="export-list">
        {modelJson !== undefined ? (
          <li className="export-row" data-testid="export-model-json">
            <span className="export-label">{t('export.modelJson')}</span>
            <CopyButton text={modelJson} label={t('export.modelJson')} />
          </li>
        ) : null}
        <li className="export-row" data-testid="export-convert">
          <span className="export-label">{convertLabel}</span>
          {converted !== undefined ? (
            <>
              <CopyButton text={converted} label={convertLabel} />
              <LoadTextButton
                name={t('export.convertedName', { name, format: toFormat })}
                text={converted}
                testId="export-load-converted"
              >
                {t('export.loadConverted')}
              </LoadTextButton>
            </>
          ) : (
            <span className="export-hint">{t('export.convertFailed')}</span>
          )}
        </li>
        <li className="export-row" data-testid="export-markdown">
          <span className="export-label">{t('export.markdown')}</span>
          {markdown !== undefined ? (
            <CopyButton text={markdown} label={t('export.markdown')} />
          ) : (
            // An unreadable payload has nothing to summarise: the action stays in its place, with why it is off.
            <span className="export-hint" data-disabled="true">
              {t('export.unreadable')}
            </span>
          )}
        </li>
        <li className="export-row" data-testid="export-save-set">
          <SaveSetButton sampleLabel={sampleLabel} />
          <span className="export-hint">{t('export.saveSet.hint')}</span>
        </li>
      </ul>
      <CurlReplay doc={doc} />
    </div>
  );
}
