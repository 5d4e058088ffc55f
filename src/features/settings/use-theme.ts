import { useEffect } from 'react';
import { useAppStore } from '../../store/app-store';
import { applyTheme, resolveTheme, watchSystemTheme } from './apply-theme';

/** Keeps `data-theme` on <html> in step with the preference, and with the system while the preference is `system`. */
export function useTheme(): void {
  const preference = useAppStore((s) => s.theme);
  useEffect(() => {
    applyTheme(resolveTheme(preference));
    if (preference !== 'system') return;
    return watchSystemTheme(() => applyTheme(resolveTheme('system')));
  }, [preference]);
}
