import { useId } from 'react';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { isThemePreference, type ThemePreference } from '../../store/preferences-slice';
import './settings.css';

const THEMES: readonly (readonly [ThemePreference, 'theme.system' | 'theme.light' | 'theme.dark'])[] = [
  ['system', 'theme.system'],
  ['light', 'theme.light'],
  ['dark', 'theme.dark'],
];

/** System (the default) / light / dark. */
export function ThemeSwitch() {
  const t = useT();
  const id = useId();
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  return (
    <div className="setting">
      <label htmlFor={id}>{t('theme.label')}</label>
      <select
        id={id}
        className="select"
        data-testid="theme-switch"
        value={theme}
        onChange={(e) => {
          if (isThemePreference(e.target.value)) setTheme(e.target.value);
        }}
      >
        {THEMES.map(([value, key]) => (
          <option key={value} value={value}>
            {t(key)}
          </option>
        ))}
      </select>
    </div>
  );
}
