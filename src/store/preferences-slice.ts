import type { StateCreator } from 'zustand';
import type { TimeZoneMode } from '../domain/derive/format-time';
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
  /**
   * The address of a hosted copy of the viewer, on which share links are built when this page is a file on disk
   * (the single-file build): a `file://` link opens only where the same file is. '' until the person sets one.
   */
  readonly hostedAddress: string;
  /** How times are shown everywhere: the callback's own offset (default), the viewer's local time, or UTC. */
  readonly timeZone: TimeZoneMode;
}

export interface PreferencesSliceActions {
  setTheme(theme: ThemePreference): void;
  setReplayEndpoint(endpoint: string): void;
  setTimeZone(mode: TimeZoneMode): void;
  setHostedAddress(address: string): void;
}

export type PreferencesSlice = PreferencesSliceState & PreferencesSliceActions;

export const preferencesInitialState: PreferencesSliceState = {
  theme: 'system',
  replayEndpoint: '',
  hostedAddress: '',
  timeZone: 'source',
};

export const createPreferencesSlice: StateCreator<AppState, [], [], PreferencesSlice> = (set) => ({
  ...preferencesInitialState,
  setTheme: (theme) => set({ theme }),
  setReplayEndpoint: (replayEndpoint) => set({ replayEndpoint: replayEndpoint.slice(0, 2048) }),
  setTimeZone: (timeZone) => set({ timeZone }),
  setHostedAddress: (hostedAddress) => set({ hostedAddress: hostedAddress.slice(0, 2048) }),
});

export function isThemePreference(value: unknown): value is ThemePreference {
  return value === 'system' || value === 'light' || value === 'dark';
}
