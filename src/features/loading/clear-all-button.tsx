import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { cancelDraftParse } from '../../store/load-texts';
import { clearSessionStorage } from '../../store/session-persistence';
import './loading.css';

/** Empties everything: documents, draft, selection, and what the tab kept for a reload. */
export function ClearAllButton() {
  const t = useT();
  const clearAll = useAppStore((s) => s.clearAll);
  return (
    <button
      type="button"
      className="button button-danger"
      data-testid="clear-all"
      onClick={() => {
        cancelDraftParse();
        clearAll();
        clearSessionStorage();
      }}
    >
      {t('load.clearAll')}
    </button>
  );
}
