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

/**
 * localStorage, or a memory stand-in where there is none (Node tests, storage disabled by the browser). The
 * middleware writes the preferences after every change of the store, a batch of callbacks included: a value the
 * same as the one last written or read is not written again (a write is a synchronous call into the browser, measured
 * at up to 38 ms in one commit of a share link under load).
 */
function deviceStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    if (typeof localStorage !== 'undefined') return unchangedNotWritten(localStorage);
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

/** `storage`, with a write of the value a key already holds (as last written or read here) left out. */
export function unchangedNotWritten(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const known = new Map<string, string | null>();
  return {
    getItem: (key) => {
      const value = storage.getItem(key);
      known.set(key, value);
      return value;
    },
    setItem: (key, value) => {
      if (known.get(key) === value) return;
      storage.setItem(key, value);
      known.set(key, value);
    },
    removeItem: (key) => {
      storage.removeItem(key);
      known.delete(key);
    },
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
