import { useT } from '../i18n/use-i18n';
import { useAppStore } from '../store/app-store';
import type { MainView } from '../store/view-slice';
import './app.css';

const VIEWS: readonly (readonly [MainView, 'views.document' | 'views.overview' | 'views.timeline'])[] = [
  ['document', 'views.document'],
  ['overview', 'views.overview'],
  ['timeline', 'views.timeline'],
];

/** Switches the main area between the selected callback, the overview and the combined timeline. */
export function MainViewTabs() {
  const t = useT();
  const view = useAppStore((s) => s.mainView);
  const setView = useAppStore((s) => s.setMainView);
  return (
    <nav className="view-tabs" aria-label={t('views.label')}>
      {VIEWS.map(([value, key]) => (
        <button
          key={value}
          type="button"
          className="view-tab"
          data-testid={`view-${value}`}
          aria-pressed={view === value}
          onClick={() => setView(value)}
        >
          {t(key)}
        </button>
      ))}
    </nav>
  );
}
