import { useT } from '../../i18n/use-i18n';
import { clearAll } from '../../store/removal';
import './loading.css';

/**
 * Empties everything: documents, draft, selection. The notice it shows offers an Undo for a while; then the clear
 * is final and what the tab kept for a reload follows.
 */
export function ClearAllButton() {
  const t = useT();
  return (
    <button type="button" className="button button-danger" data-testid="clear-all" onClick={clearAll}>
      {t('load.clearAll')}
    </button>
  );
}
