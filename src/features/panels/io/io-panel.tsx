import type { ReactNode } from 'react';
import type { IoView } from '../../../domain/derive/cos-url';
import type { Job } from '../../../domain/model';
import { useT } from '../../../i18n/use-i18n';
import { CopyButton } from '../../../components/ui/copy-button';
import { FieldLabel } from '../../../components/ui/field-label';
import { KeyValueList, type KeyValueItem } from '../../../components/ui/key-value-list';
import { PanelFrame } from '../../../components/ui/panel-frame';
import { CosUrl } from './cos-url';
import { MediaInfoView } from './media-info-view';
import { OutputFiles } from './output-files';

export interface IoPanelProps {
  readonly job: Job;
  readonly io: IoView;
  /** Wire path of the job, e.g. `JobsDetail[0]`. */
  readonly jobPath: string;
}

const PLACEHOLDER = /\$\{[^}]*\}/;

/** Where the job read from and wrote to: buckets, regions, keys, COS object URLs, result files, MediaInfo. */
export function IoPanel({ job, io, jobPath }: IoPanelProps) {
  const t = useT();
  const inPath = `${jobPath}.Input`;
  const outPath = `${jobPath}.Operation.Output`;
  const copyable = (value: string, label: string) => (
    <>
      <span className="ui-mono ui-break">{value}</span>
      <CopyButton text={value} label={label} />
    </>
  );
  const row = (
    items: KeyValueItem[],
    id: string,
    name: string,
    path: string,
    value: ReactNode,
    parent?: string,
  ) =>
    items.push({
      id,
      label: <FieldLabel name={name} path={path} {...(parent ? { parent } : {})} />,
      value,
      mono: true,
    });

  const input: KeyValueItem[] = [];
  const ji = job.input;
  // File processing jobs name the input bucket `Bucket` (Go SDK FileProcessInput), the others `BucketId`.
  const bucketWire = ji?.bucketId === undefined && ji?.bucket !== undefined ? 'Bucket' : 'BucketId';
  if (io.input.bucket !== undefined)
    row(
      input,
      'bucket',
      bucketWire,
      `${inPath}.${bucketWire}`,
      copyable(io.input.bucket, bucketWire),
      bucketWire === 'Bucket' ? 'Input' : undefined,
    );
  if (io.input.region !== undefined)
    row(input, 'region', 'Region', `${inPath}.Region`, io.input.region, 'Input');
  if (io.input.object !== undefined)
    row(input, 'object', 'Object', `${inPath}.Object`, copyable(io.input.object, 'Object'), 'Input');
  for (const [id, name, value] of [
    ['lang', 'Lang', ji?.lang],
    ['type', 'Type', ji?.type],
    ['basicType', 'BasicType', ji?.basicType],
  ] as const) {
    if (value !== undefined) row(input, id, name, `${inPath}.${name}`, value, 'Input');
  }
  if (ji?.url !== undefined) row(input, 'url-in', 'Url', `${inPath}.Url`, copyable(ji.url, 'Url'));
  if (ji?.vod?.fileId !== undefined)
    row(input, 'vod-file', 'FileId', `${inPath}.Vod.FileId`, copyable(ji.vod.fileId, 'FileId'));
  if (ji?.vod?.subAppId !== undefined)
    row(input, 'vod-app', 'SubAppId', `${inPath}.Vod.SubAppId`, ji.vod.subAppId);
  if (io.input.url !== undefined) {
    input.push({
      id: 'cos-url',
      label: <span>{t('io.url')}</span>,
      value: <CosUrl url={io.input.url} label={t('io.url')} />,
    });
  } else if (io.input.object !== undefined) {
    input.push({
      id: 'cos-url',
      label: <span>{t('io.url')}</span>,
      value: <span className="ui-muted">{t('io.noUrl.missing')}</span>,
    });
  }

  const output: KeyValueItem[] = [];
  const jo = job.operation?.output;
  if (io.output.bucket !== undefined)
    row(output, 'bucket', 'Bucket', `${outPath}.Bucket`, copyable(io.output.bucket, 'Bucket'));
  if (io.output.region !== undefined)
    row(output, 'region', 'Region', `${outPath}.Region`, io.output.region, 'Output');
  if (io.output.object !== undefined)
    row(output, 'object', 'Object', `${outPath}.Object`, copyable(io.output.object, 'Object'), 'Output');
  for (const [id, name, value] of [
    ['sprite', 'SpriteObject', jo?.spriteObject],
    ['au', 'AuObject', jo?.auObject],
    ['bass', 'BassObject', jo?.bassObject],
    ['drum', 'DrumObject', jo?.drumObject],
  ] as const) {
    if (value !== undefined) row(output, id, name, `${outPath}.${name}`, copyable(value, name));
  }
  (jo?.streamExtract ?? []).forEach((s, i) => {
    row(
      output,
      `stream-${i}`,
      'StreamExtract',
      `${outPath}.StreamExtract[${i}]`,
      `${s.index ?? '?'}: ${s.object ?? ''}`,
    );
  });
  if (io.output.url !== undefined) {
    output.push({
      id: 'cos-url',
      label: <span>{t('io.url')}</span>,
      value: <CosUrl url={io.output.url} label={t('io.url')} />,
    });
  } else if (io.output.object !== undefined) {
    const placeholder = PLACEHOLDER.exec(io.output.object)?.[0];
    const filesBelow = io.mediaFiles.length + io.pictureFiles.length + io.spriteFiles.length > 0;
    const why =
      io.output.hasPlaceholder && placeholder !== undefined
        ? t('io.noUrl.placeholder', { placeholder })
        : filesBelow
          ? t('ui.io.namedBelow')
          : job.state === 'Failed'
            ? t('ui.io.noOutputFailed')
            : t('io.noUrl.missing');
    output.push({
      id: 'cos-url',
      label: <span>{t('io.url')}</span>,
      value: <span className="ui-muted">{why}</span>,
    });
  }

  return (
    <PanelFrame name="io" title={t('panel.io.title')}>
      <div className="pn-io-grid">
        {input.length > 0 ? (
          <div className="pn-io-block">
            <h4 className="pn-subhead">{t('io.input')}</h4>
            <KeyValueList items={input} />
          </div>
        ) : null}
        {output.length > 0 ? (
          <div className="pn-io-block">
            <h4 className="pn-subhead">{t('io.output')}</h4>
            <KeyValueList items={output} />
          </div>
        ) : null}
      </div>
      <OutputFiles title={t('io.mediaResult')} files={io.mediaFiles} kind="media" />
      <OutputFiles title={t('io.sprite')} files={io.spriteFiles} kind="sprite" />
      <OutputFiles title={t('ui.io.pictureFiles')} files={io.pictureFiles} kind="picture" />
      {io.mediaInfo ? <MediaInfoView info={io.mediaInfo} path={`${jobPath}.Operation.MediaInfo`} /> : null}
    </PanelFrame>
  );
}
