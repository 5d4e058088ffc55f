import { create } from 'zustand';
import { isTimeZoneMode } from '../domain/derive/format-time';
import { createJSONStorage, persist } from 'zustand/middleware';
import {
  createDocumentsSlice,
  documentsInitialState,
  type DocumentsSlice,
  type DocumentsSliceState,
} from './documents-slice';
import {
  createPreferencesSlice,
  isThemePreference,
  preferencesInitialState,
  type PreferencesSlice,
  type PreferencesSliceState,
} from './preferences-slice';
import { createViewSlice, viewInitialState, type ViewSlice, type ViewSliceState } from './view-slice';

/** One store built from slices (zustand "slices pattern"); view data is derived by `selectors.ts`, never stored. */
export type AppState = DocumentsSlice & ViewSlice & PreferencesSlice;
export type AppData = DocumentsSliceState & ViewSliceState & PreferencesSliceState;

/** The store's data before anything is loaded: tests reset the store with it. */
export const initialState: AppData = {
  ...documentsInitialState,
  ...viewInitialState,
  ...preferencesInitialState,
};

/** Preferences live on the device (localStorage); payloads never do (they are kept per tab: `session-persistence.ts`). */
export const PREFERENCES_STORAGE_KEY = 'ci-viewer.preferences';
const PREFERENCES_VERSION = 1;

type PersistedPreferences = Pick<
  PreferencesSliceState,
  'theme' | 'replayEndpoint' | 'timeZone' | 'hostedAddress'
>;

export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createDocumentsSlice(...a),
      ...createViewSlice(...a),
      ...createPreferencesSlice(...a),
    }),
    {
      name: PREFERENCES_STORAGE_KEY,
      version: PREFERENCES_VERSION,
      storage: createJSONStorage(deviceStorage),
      partialize: (s): PersistedPreferences => ({
        theme: s.theme,
        replayEndpoint: s.replayEndpoint,
        timeZone: s.timeZone,
        hostedAddress: s.hostedAddress,
      }),
      // Whatever the stored value holds, only valid preferences get in.
      merge: (persisted, current) => ({ ...current, ...readPreferences(persisted) }),
      migrate: (persisted) => readPreferences(persisted),
    },
  ),
);

/** localStorage, or a memory stand-in where there is none (Node tests, storage disabled by the browser). */
function deviceStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // Access denied (privacy settings, sandboxed frame).
  }
  const memory = new Map<string, string>();
  return {
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => void memory.set(key, value),
    removeItem: (key) => void memory.delete(key),
  };
}

function readPreferences(value: unknown): Partial<PreferencesSliceState> {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  return {
    ...(isThemePreference(v.theme) ? { theme: v.theme } : {}),
    ...(typeof v.replayEndpoint === 'string' ? { replayEndpoint: v.replayEndpoint.slice(0, 2048) } : {}),
    ...(isTimeZoneMode(v.timeZone) ? { timeZone: v.timeZone } : {}),
    ...(typeof v.hostedAddress === 'string' ? { hostedAddress: v.hostedAddress.slice(0, 2048) } : {}),
  };
}
