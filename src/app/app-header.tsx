import { LanguageSwitch } from '../features/settings/language-switch';
import { ThemeSwitch } from '../features/settings/theme-switch';
import { TimeZoneSwitch } from '../features/settings/time-zone-switch';
import { useT } from '../i18n/use-i18n';
import './app.css';

const LOCK_ICON = (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
    <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
  </svg>
);

/** Title, the privacy statement, language, theme and how times are shown. */
export function AppHeader() {
  const t = useT();
  return (
    <header className="app-header">
      <div className="app-brand">
        <h1 className="app-title">{t('app.title')}</h1>
        <p className="app-subtitle">{t('app.subtitle')}</p>
      </div>
      <p className="app-privacy" data-testid="privacy-note">
        {LOCK_ICON}
        <span>{t('app.privacy')}</span>
      </p>
      <div className="app-settings">
        <LanguageSwitch />
        <ThemeSwitch />
        <TimeZoneSwitch />
      </div>
    </header>
  );
}
