import type { ResultView } from '../../../domain/derive/result-views';
import type { Tree, TreeEntry } from '../../../domain/model';
import { useT } from '../../../i18n/use-i18n';
import { PanelFrame } from '../../../components/ui/panel-frame';
import { TreeView } from '../../../components/ui/tree-view';
import type { ExtraGroup } from './collect-extras';
import { ResultViews } from './result-views';

export interface ResultPanelProps {
  /** Purpose-made views of the results people read most (speech text, OCR text, tags, hashes, files…). */
  readonly views?: readonly ResultView[];
  /** Operation's task parameter nodes (Transcode, Translation, DigitalWatermark…). */
  readonly parameters?: readonly TreeEntry[];
  /** Operation's result nodes (VideoTagResult, SpeechRecognitionResult…). */
  readonly results?: readonly TreeEntry[];
  /** Wire path of the Operation node of these parameters and results. */
  readonly operationPath?: string;
  /** Every other node the typed panels do not show. */
  readonly extras: readonly ExtraGroup[];
  /** An unrecognised document, whole. */
  readonly tree?: Tree;
}

/** Task parameters, result nodes and every node the viewer does not model, as generic trees: nothing dropped. */
export function ResultPanel({
  views = [],
  parameters = [],
  results = [],
  operationPath = '',
  extras,
  tree,
}: ResultPanelProps) {
  const t = useT();
  return (
    <PanelFrame name="result" title={t('panel.result.title')}>
      {tree !== undefined ? (
        <section className="pn-result-section" aria-label={t('ui.result.document')}>
          <p className="pn-note">{t('ui.result.unrecognisedHint')}</p>
          <TreeView tree={tree} label={t('ui.result.document')} />
        </section>
      ) : null}
      {views.length > 0 ? <ResultViews views={views} /> : null}
      {parameters.length > 0 ? (
        <div className="pn-result-section">
          <h4 className="pn-subhead">{t('result.parameters')}</h4>
          <TreeView entries={parameters} basePath={operationPath} label={t('result.parameters')} />
        </div>
      ) : null}
      {results.length > 0 ? (
        <div className="pn-result-section">
          <h4 className="pn-subhead">{t('result.output')}</h4>
          <TreeView entries={results} basePath={operationPath} label={t('result.output')} />
        </div>
      ) : null}
      {extras.length > 0 ? (
        <div className="pn-result-section">
          <h4 className="pn-subhead">{t('result.extras')}</h4>
          <p className="pn-note">{t('result.extras.hint')}</p>
          {extras.map((group) => (
            <div key={group.path + group.entries.map((e) => e.name).join(',')} className="pn-extra-group">
              {group.path !== '' ? <p className="pn-extra-path ui-mono">{group.path}</p> : null}
              <TreeView
                entries={group.entries}
                basePath={group.path}
                label={`${t('result.extras')} ${group.path}`.trim()}
              />
            </div>
          ))}
        </div>
      ) : null}
    </PanelFrame>
  );
}
