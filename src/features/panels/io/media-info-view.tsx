import type { MediaInfoSummary } from '../../../domain/derive/cos-url';
import { formatBytes, formatDuration } from '../../../domain/derive/format-time';
import { useT } from '../../../i18n/use-i18n';
import { FieldLabel } from '../../../components/ui/field-label';
import { KeyValueList, type KeyValueItem } from '../../../components/ui/key-value-list';

export interface MediaInfoViewProps {
  readonly info: MediaInfoSummary;
  /** Wire path of the MediaInfo node. */
  readonly path: string;
}

const trim = (n: number): string => String(Math.round(n * 1000) / 1000);

/** A compact MediaInfo: duration, size, container, bitrate, first video and audio stream. */
export function MediaInfoView({ info, path }: MediaInfoViewProps) {
  const t = useT();
  const items: KeyValueItem[] = [];
  if (info.durationS !== undefined) {
    items.push({
      id: 'duration',
      label: <FieldLabel name="Duration" path={`${path}.Format.Duration`} parent="Format" />,
      value: (
        <span className="ui-num">
          {formatDuration(info.durationS * 1000)} <span className="ui-muted">({trim(info.durationS)} s)</span>
        </span>
      ),
    });
  }
  if (info.sizeBytes !== undefined) {
    items.push({
      id: 'size',
      label: <FieldLabel name="Size" path={`${path}.Format.Size`} parent="Format" />,
      value: (
        <span className="ui-num">
          {formatBytes(info.sizeBytes)}{' '}
          <span className="ui-muted">({t('common.bytes', { value: info.sizeBytes })})</span>
        </span>
      ),
    });
  }
  if (info.formatName !== undefined)
    items.push({
      id: 'format',
      label: <FieldLabel name="FormatName" path={`${path}.Format.FormatName`} />,
      value: info.formatName,
      mono: true,
    });
  if (info.bitrateKbps !== undefined) {
    items.push({
      id: 'bitrate',
      label: <FieldLabel name="Bitrate" path={`${path}.Format.Bitrate`} parent="Format" />,
      value: `${trim(info.bitrateKbps)} kbit/s`,
      mono: true,
    });
  }
  const v = info.video;
  if (v) {
    const parts = [
      v.codec,
      v.width !== undefined && v.height !== undefined
        ? t('image.dimensionsValue', { width: v.width, height: v.height })
        : undefined,
      v.fps !== undefined ? `${trim(v.fps)} fps` : undefined,
    ].filter((p) => p !== undefined);
    items.push({
      id: 'video',
      label: <FieldLabel name="Video" path={`${path}.Stream.Video[0]`} />,
      value: `${parts.join(' · ')}${info.videoStreams > 1 ? ` (+${info.videoStreams - 1})` : ''}`,
      mono: true,
    });
  }
  const a = info.audio;
  if (a) {
    const parts = [
      a.codec,
      a.sampleRate !== undefined ? `${a.sampleRate} Hz` : undefined,
      a.channels !== undefined ? `${a.channels} ch` : undefined,
    ].filter((p) => p !== undefined);
    items.push({
      id: 'audio',
      label: <FieldLabel name="Audio" path={`${path}.Stream.Audio[0]`} />,
      value: `${parts.join(' · ')}${info.audioStreams > 1 ? ` (+${info.audioStreams - 1})` : ''}`,
      mono: true,
    });
  }
  if (items.length === 0) return null;
  return (
    <div className="pn-io-block">
      <h4 className="pn-subhead">
        <FieldLabel name="MediaInfo" path={path} />
      </h4>
      <KeyValueList items={items} />
    </div>
  );
}
