import type { StateCreator } from 'zustand';
import type { ShareError } from '../domain/share/share-link';
import type { AppState } from './app-store';

export type SortField = 'load' | 'endTime' | 'runTime' | 'state';
export type SortDirection = 'asc' | 'desc';

export interface ListSort {
  readonly field: SortField;
  readonly direction: SortDirection;
}

export interface ViewSliceState {
  /** Matched against JobId, object keys, RunId and the entry's name, case-insensitively. */
  readonly filterText: string;
  /** A State value, or `''` for every state. */
  readonly stateFilter: string;
  /** A Tag value, or `''` for every tag. */
  readonly tagFilter: string;
  readonly sort: ListSort;
  /** Time window on the end time, as `datetime-local` values (the viewer's local time), or `''`. */
  readonly timeFrom: string;
  readonly timeTo: string;
  /** What the main area shows: the selected callback, the overview of all, or the combined timeline. */
  readonly mainView: MainView;
  /** Key of the document the selected one is compared with, if any. */
  readonly compareKey: string | undefined;
  readonly openedLink: OpenedLink | undefined;
}

export type MainView = 'document' | 'overview' | 'timeline';

/**
 * The share link this tab opened, shown in the main area: its whole address (the fragment leaves the address bar,
 * so a reload does not load it twice; "Copy this link" gives it back), or why it could not be opened.
 */
export type OpenedLink =
  | { readonly ok: true; readonly link: string; readonly count: number }
  | { readonly ok: false; readonly error: ShareError; readonly limit: string };

export interface ViewSliceActions {
  setFilterText(text: string): void;
  setStateFilter(state: string): void;
  setTagFilter(tag: string): void;
  setSort(sort: ListSort): void;
  setTimeWindow(from: string, to: string): void;
  setMainView(view: MainView): void;
  setCompareKey(key: string | undefined): void;
  setOpenedLink(link: OpenedLink | undefined): void;
  clearFilters(): void;
}

export type ViewSlice = ViewSliceState & ViewSliceActions;

export const viewInitialState: ViewSliceState = {
  filterText: '',
  stateFilter: '',
  tagFilter: '',
  sort: { field: 'load', direction: 'asc' },
  timeFrom: '',
  timeTo: '',
  mainView: 'document',
  compareKey: undefined,
  openedLink: undefined,
};

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  ...viewInitialState,
  setFilterText: (filterText) => set({ filterText }),
  setStateFilter: (stateFilter) => set({ stateFilter }),
  setTagFilter: (tagFilter) => set({ tagFilter }),
  setSort: (sort) => set({ sort }),
  setTimeWindow: (timeFrom, timeTo) => set({ timeFrom, timeTo }),
  setMainView: (mainView) => set({ mainView }),
  setCompareKey: (compareKey) => set({ compareKey }),
  setOpenedLink: (openedLink) => set({ openedLink }),
  clearFilters: () => set({ filterText: '', stateFilter: '', tagFilter: '', timeFrom: '', timeTo: '' }),
});
