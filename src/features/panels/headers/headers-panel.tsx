import type { HeaderLocation, HeaderRow } from '../../../domain/derive/cos-headers';
import { useT } from '../../../i18n/use-i18n';
import { PanelFrame } from '../../../components/ui/panel-frame';
import { HeadersTable } from './headers-table';

export interface HeadersPanelProps {
  readonly rows: readonly HeaderRow[];
  readonly paths: Partial<Readonly<Record<HeaderLocation, string>>>;
}

/** The CosHeaders of the object that triggered the workflow (a job's Input, or the workflow execution's). */
export function HeadersPanel({ rows, paths }: HeadersPanelProps) {
  const t = useT();
  const title = t('panel.headers.title');
  return (
    <PanelFrame name="headers" title={title}>
      <HeadersTable rows={rows} paths={paths} label={t('ui.table.named', { name: title })} />
    </PanelFrame>
  );
}
