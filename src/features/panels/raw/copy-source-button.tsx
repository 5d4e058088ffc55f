import { CopyStatusText, useCopy } from '../../../components/ui/copy-button';
import { useT } from '../../../i18n/use-i18n';

/** "Copy source": the document's whole text, exactly (also when the panel shows only its start). */
export function CopySourceButton({ text }: { readonly text: string }) {
  const t = useT();
  const { status, copy } = useCopy(text);
  return (
    <>
      <button type="button" className="ui-button" onClick={copy} data-testid="copy-source">
        {t('raw.copySource')}
      </button>
      <CopyStatusText status={status} />
    </>
  );
}
