import { useT } from '../../../i18n/use-i18n';
import { CopyButton } from '../../../components/ui/copy-button';

export interface CosUrlProps {
  /** A URL built by derive/cos-url from bucket, region and key; anything else is shown as text only. */
  readonly url: string;
  readonly label: string;
}

const APP_BUILT = /^https:\/\/[A-Za-z0-9-]+\.cos\.[A-Za-z0-9-]+\.myqcloud\.com\//;

/** A COS object URL to copy or open in a new tab; the viewer itself never fetches it. */
export function CosUrl({ url, label }: CosUrlProps) {
  const t = useT();
  return (
    <span className="pn-url">
      {APP_BUILT.test(url) ? (
        <a
          className="ui-mono ui-break"
          href={url}
          rel="noopener noreferrer"
          target="_blank"
          title={t('io.urlHint')}
        >
          {url}
        </a>
      ) : (
        <span className="ui-mono ui-break">{url}</span>
      )}
      <CopyButton text={url} label={label} />
    </span>
  );
}
