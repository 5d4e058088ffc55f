import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export type ThemePreference = 'system' | 'light' | 'dark';

/**
 * Preferences kept on the device. The interface language is one too, but `src/i18n/use-i18n.tsx` owns it (it
 * must be known before the first render, and `?lang=` overrides it), so it is not duplicated here.
 */
export interface PreferencesSliceState {
  /** `system` follows the operating system's light or dark setting. */
  readonly theme: ThemePreference;
  /** Where the curl replay of a callback is sent (the person's own handler); '' until they type one. */
  readonly replayEndpoint: string;
}

export interface PreferencesSliceActions {
  setTheme(theme: ThemePreference): void;
  setReplayEndpoint(endpoint: string): void;
}

export type PreferencesSlice = PreferencesSliceState & PreferencesSliceActions;

export const preferencesInitialState: PreferencesSliceState = { theme: 'system', replayEndpoint: '' };

export const createPreferencesSlice: StateCreator<AppState, [], [], PreferencesSlice> = (set) => ({
  ...preferencesInitialState,
  setTheme: (theme) => set({ theme }),
  setReplayEndpoint: (replayEndpoint) => set({ replayEndpoint: replayEndpoint.slice(0, 2048) }),
});

export function isThemePreference(value: unknown): value is ThemePreference {
  return value === 'system' || value === 'light' || value === 'dark';
}
