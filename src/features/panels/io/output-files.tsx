import type { OutputObject } from '../../../domain/derive/cos-url';
import { useT } from '../../../i18n/use-i18n';
import { CopyButton } from '../../../components/ui/copy-button';
import { CosUrl } from './cos-url';

export interface OutputFilesProps {
  readonly title: string;
  readonly files: readonly OutputObject[];
  /** `data-io-file` of each row: media, sprite or picture. */
  readonly kind: 'media' | 'sprite' | 'picture';
}

/** Result files (ObjectPrefix + ObjectName) with their MD5 and object URL. */
export function OutputFiles({ title, files, kind }: OutputFilesProps) {
  const t = useT();
  if (files.length === 0) return null;
  const hasMd5 = files.some((f) => f.md5 !== undefined);
  return (
    <div className="pn-files">
      <h4 className="pn-subhead">
        {title} <span className="ui-muted ui-num">({files.length})</span>
      </h4>
      <div className="pn-scroll" role="region" aria-label={title} tabIndex={0}>
        <table className="pn-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('io.object')}</th>
              {hasMd5 ? <th scope="col">{t('io.md5')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {files.map((f, i) => (
              <tr key={`${f.key}-${i}`} data-io-file={kind}>
                <td className="ui-num ui-muted">{i + 1}</td>
                <td>
                  <span className="pn-file-key">
                    <span className="ui-mono ui-break">{f.key}</span>
                    <CopyButton text={f.key} label={t('io.object')} />
                  </span>
                  {f.url ? <CosUrl url={f.url} label={t('io.url')} /> : null}
                </td>
                {hasMd5 ? (
                  <td className="ui-mono ui-break">{f.md5 ?? <span className="ui-muted">—</span>}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
