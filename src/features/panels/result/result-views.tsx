import type { ReactNode } from 'react';
import { formatBytes } from '../../../domain/derive/format-time';
import type { FileLocation, ResultView } from '../../../domain/derive/result-views';
import type { NumberValue } from '../../../domain/model';
import { useT } from '../../../i18n/use-i18n';
import type { MessageKey } from '../../../i18n/i18n';
import { CopyButton } from '../../../components/ui/copy-button';
import { FieldLabel } from '../../../components/ui/field-label';
import { KeyValueList, type KeyValueItem } from '../../../components/ui/key-value-list';
import { CosUrl } from '../io/cos-url';

const TITLES: Record<ResultView['kind'], MessageKey> = {
  batch: 'result.view.batch',
  speech: 'result.view.speech',
  ocr: 'result.view.ocr',
  videoTags: 'result.view.videoTags',
  quality: 'result.view.quality',
  hash: 'result.view.hash',
  compress: 'result.view.compress',
  uncompress: 'result.view.uncompress',
  translation: 'result.view.translation',
};

type Row = readonly [name: string, value: ReactNode, parent?: string];

function Rows({ rows }: { readonly rows: readonly (Row | false | undefined)[] }) {
  const items: KeyValueItem[] = rows
    .filter((r): r is Row => Array.isArray(r) && r[1] !== undefined && r[1] !== null)
    .map(([name, value, parent]) => ({
      id: `${parent ?? ''}.${name}`,
      label: <FieldLabel name={name} {...(parent !== undefined ? { parent } : {})} />,
      value,
      mono: true,
    }));
  return <KeyValueList items={items} />;
}

const copyable = (value: string, label: string) => (
  <>
    <span className="ui-mono ui-break">{value}</span>
    <CopyButton text={value} label={label} />
  </>
);

const number = (n: NumberValue | undefined) => (n === undefined ? undefined : n.text);

function locationRows(loc: FileLocation, parent: string, urlLabel: string): Row[] {
  return [
    ['Bucket', loc.bucket, parent],
    ['Region', loc.region, parent],
    ['Object', loc.object === undefined ? undefined : copyable(loc.object, 'Object'), parent],
    ['Url', loc.url === undefined ? undefined : <CosUrl url={loc.url} label={urlLabel} />, parent],
  ];
}

/** One purpose-made view: a heading, then the view's own rows, lines or groups. */
function View({ view }: { readonly view: ResultView }) {
  const t = useT();
  let body: ReactNode;
  switch (view.kind) {
    case 'speech':
    case 'ocr':
      body = (
        <>
          <Rows
            rows={
              view.kind === 'speech'
                ? [['AudioTime', view.audioTime]]
                : [
                    ['Name', view.task, 'Tasks'],
                    [
                      'ObjectName',
                      view.object === undefined ? undefined : copyable(view.object, 'ObjectName'),
                      'ObjectInfo',
                    ],
                    ['Language', view.language, 'Detection'],
                  ]
            }
          />
          <ol className="pn-result-lines">
            {view.lines.map((line, i) => (
              <li key={i}>
                {'range' in line && line.range !== undefined ? (
                  <span className="pn-result-aside ui-mono">[{line.range}] </span>
                ) : null}
                <span className="ui-break">{line.text}</span>
                {'confidence' in line && line.confidence !== undefined ? (
                  <span className="pn-result-aside">
                    {' '}
                    · {t('result.view.confidence')} {line.confidence}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      );
      break;
    case 'videoTags':
      body = view.groups.map((g) => (
        <div key={g.group} className="pn-result-group">
          <FieldLabel name={g.group} parent="Data" />
          <ul className="pn-result-tags">
            {g.items.map((item, i) => (
              <li key={i} className="pn-result-tag">
                <span className="ui-break">{item.name}</span>
                {item.detail !== undefined ? <span className="pn-result-aside"> {item.detail}</span> : null}
                {item.confidence !== undefined ? (
                  <span className="pn-result-aside ui-mono"> {item.confidence}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ));
      break;
    case 'quality':
      body = (
        <Rows
          rows={[
            ['Score', <strong className="pn-result-score">{view.score}</strong>, 'QualityEstimate'],
            ['NoAudio', view.noAudio],
            ['NoVideo', view.noVideo],
            view.details.length > 0 && [
              'DetailedResult',
              view.details.map((d) => `${d.type}: ${t('result.items', { count: d.count })}`).join(' · '),
            ],
          ]}
        />
      );
      break;
    case 'hash': {
      const size = view.fileSize?.value;
      body = (
        <Rows
          rows={[
            ...view.hashes.map((h): Row => [h.name, copyable(h.value, h.name)]),
            [
              'FileSize',
              view.fileSize === undefined
                ? undefined
                : size === undefined
                  ? view.fileSize.text
                  : size < 1024
                    ? `${view.fileSize.text} B`
                    : `${formatBytes(size) ?? ''} (${view.fileSize.text} B)`,
            ],
            ['LastModified', view.lastModified],
            ['Etag', view.etag],
          ]}
        />
      );
      break;
    }
    case 'compress':
      body = (
        <>
          <Rows
            rows={[
              ...locationRows(view.archive, 'FileCompressResult', t('result.view.compress')),
              ['CompressFileCount', number(view.fileCount)],
              ['ErrorCount', number(view.errorCount)],
            ]}
          />
          {view.errorFiles.length > 0 ? (
            <>
              <p className="pn-note">{t('result.view.errorFiles', { count: view.errorFiles.length })}</p>
              <ul className="pn-result-lines">
                {view.errorFiles.map((f, i) => (
                  <li key={i} className="ui-mono ui-break">
                    {f}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      );
      break;
    case 'uncompress':
      body = (
        <Rows
          rows={[
            ...locationRows(view.target, 'FileUncompressResult', t('result.view.uncompress')),
            ['FileCount', number(view.fileCount)],
          ]}
        />
      );
      break;
    case 'translation':
      body = (
        <>
          <Rows
            rows={[
              ['Lang', view.from, 'Input'],
              ['Lang', view.to, 'Translation'],
              ['Type', view.docType, 'Translation'],
              ...(view.output ? locationRows(view.output, 'Output', t('result.view.translation')) : []),
            ]}
          />
          {view.text.length > 0 ? (
            <ol className="pn-result-lines">
              {view.text.map((line, i) => (
                <li key={i} className="ui-break">
                  {line}
                </li>
              ))}
            </ol>
          ) : null}
        </>
      );
      break;
    case 'batch':
      body = (
        <Rows
          rows={[
            ['Name', view.name, 'JobsDetail'],
            ['Type', view.type, 'JobsDetail'],
            view.source && [view.source.wire, copyable(view.source.value, view.source.wire), 'Input'],
            view.workflowIds.length > 0 && ['WorkflowIds', view.workflowIds.join(', ')],
            ['Tag', view.tag],
            ['TemplateId', view.templateId],
            view.timeInterval && [
              'TimeInterval',
              `${view.timeInterval.start ?? '…'} – ${view.timeInterval.end ?? '…'}`,
            ],
          ]}
        />
      );
      break;
  }
  return (
    <section className="pn-result-view" data-result-view={view.kind} aria-label={t(TITLES[view.kind])}>
      <h4 className="pn-subhead">{t(TITLES[view.kind])}</h4>
      {body}
    </section>
  );
}

/** The purpose-made views of a job's results (speech text, OCR text, tags, scores, hashes, files, batch). */
export function ResultViews({ views }: { readonly views: readonly ResultView[] }) {
  return views.map((view, i) => <View key={`${view.kind}-${i}`} view={view} />);
}
